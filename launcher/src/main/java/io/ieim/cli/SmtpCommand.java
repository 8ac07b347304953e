package io.ieim.cli;

import io.ieim.devstack.StackConfig;
import io.ieim.domain.mail.MailNormalizer;
import io.ieim.domain.mail.NormalizationLimits;
import io.ieim.ingest.MailIntake;
import io.ieim.smtp.GatewayConfig;
import io.ieim.smtp.SmtpGateway;
import io.ieim.smtp.SmtpUsers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ieim smtp}: the SMTP gateway in the foreground, against the stack, configured by
 * environment variables (docs/OPERATIONS.md, "SMTP gateway"); port base + 25 unless IEIM_SMTP_PORT.
 */
@Command(name = "smtp", description = "Run the SMTP gateway in the foreground (configuration: IEIM_SMTP_* environment variables).",
        subcommands = SmtpCommand.HashPassword.class)
final class SmtpCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        StackConfig stack = StackConfig.fromEnvironment();
        GatewayConfig config;
        MailNormalizer normalizer;
        try {
            config = GatewayConfig.fromEnvironment(System.getenv(), stack.smtpPort());
            normalizer = new MailNormalizer(NormalizationLimits.from(System.getenv()));
        } catch (IllegalArgumentException e) {
            throw new Ieim.BadInput(e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (MailIntake intake = new MailIntake(IngestCommand.settings(stack, "ieim-smtp"), normalizer);
             SmtpGateway gateway = start(config, intake)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "ieim-smtp-shutdown"));
            System.err.println("ieim: SMTP gateway on " + config.bindAddress() + ":" + gateway.port()
                    + " for " + config.domains().size() + " domain(s); Ctrl-C stops it");
            stopped.await();
        }
        return 0;
    }

    static SmtpGateway start(GatewayConfig config, MailIntake intake) {
        SmtpGateway gateway = new SmtpGateway(config, intake::ingest);
        gateway.start();
        return gateway;
    }

    /** Prints a {bcrypt} (or {pbkdf2}) hash of the password read from standard input, for IEIM_SMTP_USERS. */
    @Command(name = "hash-password", description = "Read a password from standard input and print its hash for IEIM_SMTP_USERS.")
    static final class HashPassword implements Callable<Integer> {
        @Option(names = "--pbkdf2", description = "PBKDF2-HMAC-SHA256 instead of bcrypt.")
        boolean pbkdf2;

        @Override
        public Integer call() throws Exception {
            String password = System.console() != null
                    ? new String(System.console().readPassword("password: "))
                    : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (password == null || password.isEmpty()) {
                throw new Ieim.BadInput("no password on standard input");
            }
            System.out.println(pbkdf2 ? SmtpUsers.hashPbkdf2(password) : SmtpUsers.hash(password));
            return 0;
        }
    }
}
