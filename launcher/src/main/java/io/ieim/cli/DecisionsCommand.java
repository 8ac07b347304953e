package io.ieim.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ieim decisions export [--out FILE]} (CONTRACT-V1 §6). */
@Command(name = "decisions", description = "Decisions.", subcommands = DecisionsCommand.Export.class)
final class DecisionsCommand {

    @Command(name = "export", description = "Write the latest decision per mail as JSON Lines.")
    static final class Export implements Callable<Integer> {
        @Option(names = "--out", paramLabel = "FILE")
        Path out;

        @Override
        public Integer call() {
            throw new Ieim.NotAvailableYet("decisions export", "the decision topology");
        }
    }
}
