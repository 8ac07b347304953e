package io.ieim.cli;

import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code ieim demo}: the stack, then the demo flow as far as this version has one. */
@Command(name = "demo", description = "Bring the stack up and run the demo flow.")
final class DemoCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        var stack = DevCommand.stack();
        var status = stack.up();
        DevCommand.print(new PrintWriter(System.out, true), status);
        throw new Ieim.NotAvailableYet("the demo flow (identity import, ingest of data/samples, decisions)",
                "the decision topology");
    }
}
