package io.ieim.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ieim identity import --customers F --policies F --claims F} (CONTRACT-V1 §6). */
@Command(name = "identity", description = "Identity data (customers, policies, claims).",
        subcommands = IdentityCommand.Import.class)
final class IdentityCommand {

    @Command(name = "import", description = "Publish identity CSVs to the compacted identity topics.")
    static final class Import implements Callable<Integer> {
        @Option(names = "--customers", required = true, paramLabel = "FILE")
        Path customers;
        @Option(names = "--policies", required = true, paramLabel = "FILE")
        Path policies;
        @Option(names = "--claims", required = true, paramLabel = "FILE")
        Path claims;

        @Override
        public Integer call() {
            throw new Ieim.NotAvailableYet("identity import", "the decision topology");
        }
    }
}
