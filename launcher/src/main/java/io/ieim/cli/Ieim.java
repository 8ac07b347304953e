package io.ieim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ieim} launcher. Exit codes: 0 done, 1 the operation failed (e.g. the stack is
 * unreachable, or a ledger does not verify), 2 bad usage or input.
 */
@Command(name = "ieim", mixinStandardHelpOptions = true, versionProvider = Ieim.Version.class,
        description = "IEIM Streams: insurance email intake and routing.",
        subcommands = {
                DevCommand.class,
                RunCommand.class,
                ApiCommand.class,
                DemoCommand.class,
                BenchCommand.class,
                BenchQueueCommand.class,
                IdentityCommand.class,
                IngestCommand.class,
                SmtpCommand.class,
                ProjectionsCommand.class,
                DecisionsCommand.class,
                LedgerCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Ieim implements Runnable {

    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;

    /** The registry client warns on stderr through java.util.logging about its shared Vert.x; one line per failure is the rule. */
    private static final java.util.logging.Logger APICURIO_LOG = java.util.logging.Logger.getLogger("io.apicurio");

    static {
        APICURIO_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (see ieim --help)");
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code; every failure is reported on one line. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Ieim());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof io.ieim.domain.identity.csv.IdentityCsvException || e instanceof BadInput) {
                commandLine.getErr().println("ieim: " + oneLine(e));
                return EXIT_USAGE;
            }
            commandLine.getErr().println("ieim: " + oneLine(e));
            return EXIT_FAILED;
        });
        cli.setParameterExceptionHandler((e, argv) -> {
            e.getCommandLine().getErr().println("ieim: " + e.getMessage());
            return EXIT_USAGE;
        });
        return cli.execute(args);
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Ieim.class.getPackage().getImplementationVersion();
            return new String[] {"ieim " + (v == null ? "dev" : v)};
        }
    }

    /** Input the command cannot accept (a file, a path): exit 2 with the reason. */
    static final class BadInput extends RuntimeException {
        BadInput(String message) {
            super(message);
        }
    }
}
