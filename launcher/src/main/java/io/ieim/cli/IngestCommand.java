package io.ieim.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ieim ingest PATH...} (CONTRACT-V1 §6). */
@Command(name = "ingest", description = "Ingest .eml files or folders of them.")
final class IngestCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH")
    List<Path> paths;

    @Override
    public Integer call() {
        throw new Ieim.NotAvailableYet("ingest", "the decision topology");
    }
}
