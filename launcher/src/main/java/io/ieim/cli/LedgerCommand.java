package io.ieim.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code ieim ledger verify} (CONTRACT-V1 §6). */
@Command(name = "ledger", description = "The audit ledger.", subcommands = LedgerCommand.Verify.class)
final class LedgerCommand {

    @Command(name = "verify", description = "Verify the whole audit chain and every anchor.")
    static final class Verify implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new Ieim.NotAvailableYet("ledger verify", "the audit ledger");
        }
    }
}
