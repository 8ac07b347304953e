package io.ieim.cli;

import io.ieim.avro.Decision;
import io.ieim.avro.MailReceived;
import io.ieim.devstack.StackConfig;
import io.ieim.devstack.junit.StackTest;
import io.ieim.domain.decision.DecisionPipeline;
import io.ieim.domain.mail.MailNormalizer;
import io.ieim.ingest.MailIntake;
import io.ieim.smtp.GatewayConfig;
import io.ieim.smtp.SmtpGateway;
import io.ieim.smtp.SmtpUsers;
import io.ieim.spec.Topics;
import io.ieim.topology.DecisionService;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SMTP gateway end to end on the embedded stack, driven by the real {@code swaks} binary:
 * AUTH, 250 with the message id only after the commit, the MailReceived event (channel SMTP), the
 * raw object in S3 with the id as its hash, a resubmission recognized, and a decision per mail from
 * the running topology. swaks missing fails the test unless -Dieim.skipSwaksTests=true.
 */
@StackTest
class SmtpGatewayStackTest {

    private static final String PASSWORD = "swaks-" + UUID.randomUUID();
    private static final Pattern QUEUED = Pattern.compile("250 2\\.0\\.0 Ok: queued as ([0-9a-f]{64})");

    @TempDir
    Path temp;

    private StackConfig stack;
    private DecisionService topology;
    private MailIntake intake;
    private SmtpGateway gateway;

    @BeforeEach
    void start(StackConfig stack) throws Exception {
        this.stack = stack;
        intake = new MailIntake(IngestCommand.settings(stack, "ieim-smtp-test"), new MailNormalizer());
        GatewayConfig config = new GatewayConfig("127.0.0.1", freePort(), "mx.ieim.test", Set.of("ieim.example"),
                SmtpUsers.parse("intake:" + SmtpUsers.hash(PASSWORD)), GatewayConfig.DEFAULT_MAX_MESSAGE_BYTES,
                100_000, 100_000, 30, Set.of("no-reply"), null, new char[0], false);
        gateway = SmtpCommand.start(config, intake);
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (intake != null) {
            intake.close();
        }
        if (topology != null) {
            topology.close();
        }
    }

    static Path swaks() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "swaks");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        if (Boolean.getBoolean("ieim.skipSwaksTests")) {
            Assumptions.abort("swaks not installed and -Dieim.skipSwaksTests=true");
        }
        throw new AssertionError("swaks is not on the PATH (apt-get install swaks; .ci/run installs it), "
                + "or run with -Dieim.skipSwaksTests=true");
    }

    private record Swaks(int exit, String output) {
    }

    private Swaks swaks(String auth, String password, String... more) throws Exception {
        List<String> command = new ArrayList<>(List.of(swaks().toString(), "--server", "127.0.0.1", "--port",
                Integer.toString(gateway.port()), "--auth", auth, "--auth-user", "intake", "--auth-password", password,
                "--from", "kunde@customer.example", "--to", "schaden@ieim.example", "--timeout", "30"));
        command.addAll(List.of(more));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Swaks(process.waitFor(), output);
    }

    private static String queuedId(Swaks result) {
        Matcher m = QUEUED.matcher(result.output());
        assertThat(m.find()).as("swaks output:\n" + result.output()).isTrue();
        return m.group(1);
    }

    @Test
    void mailSubmittedWithSwaksIsPublishedStoredAndDecided() throws Exception {
        topology = new DecisionService(new DecisionService.Settings("ieim-smtp-e2e-" + UUID.randomUUID(), stack.kafkaBootstrap(),
                stack.registryUrl(), temp.resolve("state"), freePort(), Topology.anchorKey(stack), 10, Duration.ofSeconds(2),
                Topology.anchorArchive(stack)), DecisionPipeline.standard(new byte[32]));
        topology.start();
        assertThat(topology.awaitRunning(Duration.ofSeconds(120))).as("topology RUNNING").isTrue();

        String run = UUID.randomUUID().toString();
        Map<String, String> idsBySubject = new HashMap<>();
        String[][] mails = {
                {"PLAIN", "Neuer Kfz-Schaden " + run, "Guten Tag, gestern wurde mein Auto beschaedigt. Bitte melden Sie sich."},
                {"LOGIN", "Kuendigung " + run, "Hiermit kuendige ich meinen Vertrag zum naechstmoeglichen Termin."},
                {"PLAIN", "Rechnung " + run, "Die Lastschrift fuer meine Praemie ist fehlgeschlagen."}};
        for (String[] mail : mails) {
            Swaks result = swaks(mail[0], PASSWORD, "--header", "Subject: " + mail[1],
                    "--header", "Message-ID: <" + UUID.randomUUID() + "@customer.example>", "--body", mail[2]);
            assertThat(result.exit()).as(result.output()).isZero();
            idsBySubject.put(mail[1], queuedId(result));
        }

        // a wrong password: 535 and nothing published (swaks exits non-zero)
        Swaks refused = swaks("PLAIN", "wrong", "--header", "Subject: refused " + run);
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.output()).contains("535");

        // identical bytes resubmitted (e.g. a client retrying after a lost 250): same id, published once
        Path fixed = temp.resolve("fixed.eml");
        Files.writeString(fixed, "From: kunde@customer.example\r\nTo: schaden@ieim.example\r\nSubject: Wiederholt " + run
                + "\r\nMessage-ID: <" + run + "@customer.example>\r\nDate: Mon, 2 Nov 2026 10:00:00 +0100\r\n\r\n"
                + "Meine Adresse hat sich geaendert.\r\n");
        String first = queuedId(swaks("PLAIN", PASSWORD, "--data", fixed.toString()));
        String again = queuedId(swaks("PLAIN", PASSWORD, "--data", fixed.toString()));
        assertThat(again).isEqualTo(first);
        idsBySubject.put("Wiederholt " + run, first);

        Map<String, List<MailReceived>> received = readMailReceived(Set.copyOf(idsBySubject.values()));
        assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(idsBySubject.values());
        assertThat(received.get(first)).as("the resubmitted mail was published once").hasSize(1);
        try (MinioClient s3 = MinioClient.builder().endpoint(stack.s3Endpoint())
                .credentials(stack.s3AccessKey(), stack.s3SecretKey()).build()) {
            for (var entry : idsBySubject.entrySet()) {
                MailReceived event = received.get(entry.getValue()).getFirst();
                assertThat(event.getSourceChannel()).isEqualTo("SMTP");
                assertThat(event.getSubject()).isEqualTo(entry.getKey());
                assertThat(event.getSourceReference()).startsWith("smtp session ");
                byte[] raw;
                try (var in = s3.getObject(GetObjectArgs.builder().bucket(event.getRawMime().getBucket())
                        .object(event.getRawMime().getKey()).build())) {
                    raw = in.readAllBytes();
                }
                assertThat(sha256(raw)).as("raw object of " + entry.getKey()).isEqualTo(entry.getValue());
                assertThat(new String(raw, StandardCharsets.UTF_8)).doesNotContain("Received:");
            }
        }

        Map<String, Decision> decided = awaitDecisions(Set.copyOf(idsBySubject.values()));
        assertThat(decided.get(idsBySubject.get("Kuendigung " + run)).getPrimaryIntent()).isEqualTo("CANCELLATION");
    }

    /**
     * Ingest throughput over SMTP: one authenticated connection, N mails one after the other, each
     * waiting for its 250 (i.e. its own Kafka transaction); median of three runs.
     */
    @Test
    void throughputOfSequentialSubmissions() throws Exception {
        int n = Integer.getInteger("ieim.smtpBench.mails", 100);
        List<Double> rates = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
                socket.setSoTimeout(60000);
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = socket.getOutputStream();
                expect(in, "220");
                send(out, "EHLO bench.test");
                expect(in, "250");
                send(out, "AUTH PLAIN " + Base64.getEncoder().encodeToString(("\0intake\0" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
                expect(in, "235");
                long start = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    send(out, "MAIL FROM:<bench-" + run + "@customer.example>");
                    expect(in, "250");
                    send(out, "RCPT TO:<schaden@ieim.example>");
                    expect(in, "250");
                    send(out, "DATA");
                    expect(in, "354");
                    send(out, "From: bench@customer.example\r\nTo: schaden@ieim.example\r\nSubject: Bench " + UUID.randomUUID()
                            + "\r\nMessage-ID: <" + UUID.randomUUID() + "@bench>\r\n\r\nMeine Vertragsnummer ist KF-20481234.\r\n.");
                    expect(in, "250");
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                rates.add(n / seconds);
                send(out, "QUIT");
            }
        }
        List<Double> sorted = rates.stream().sorted().toList();
        System.out.printf("smtp ingest throughput: %d mails sequentially, runs %.1f / %.1f / %.1f mails/s, median %.1f mails/s%n",
                n, rates.get(0), rates.get(1), rates.get(2), sorted.get(1));
        assertThat(sorted.get(1)).isPositive();
    }

    private static void send(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void expect(BufferedReader in, String code) throws IOException {
        String line;
        do {
            line = in.readLine();
            assertThat(line).as("reply").isNotNull().startsWith(code);
        } while (line.length() > 3 && line.charAt(3) == '-');
    }

    /** Our records of the mail topic (a duplicate publication would show as a second record of a key). */
    private Map<String, List<MailReceived>> readMailReceived(Set<String> ids) {
        return StackTopicReader.read(stack, Topics.MAIL_RECEIVED.name(), ids::contains,
                found -> found.keySet().containsAll(ids), Duration.ofSeconds(60));
    }

    private Map<String, Decision> awaitDecisions(Set<String> ids) {
        Map<String, List<Decision>> found = StackTopicReader.read(stack, Topics.DECISIONS.name(), ids::contains,
                f -> f.keySet().containsAll(ids), Duration.ofSeconds(180));
        assertThat(found.keySet()).as("mails with a decision").containsExactlyInAnyOrderElementsOf(ids);
        Map<String, Decision> latest = new HashMap<>();
        found.forEach((id, decisions) -> latest.put(id, decisions.getLast()));
        return latest;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String sha256(byte[] raw) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
    }
}
