package io.ieim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ieim.avro.DeadLetter;
import io.ieim.avro.Decision;
import io.ieim.avro.RegistrySerdes;
import io.ieim.devstack.StackConfig;
import io.ieim.devstack.junit.StackTest;
import io.ieim.domain.decision.DecisionPipeline;
import io.ieim.domain.decision.StageObserver;
import io.ieim.domain.identity.IdentityDirectory;
import io.ieim.domain.identity.csv.IdentityCsvReader;
import io.ieim.domain.mail.MailNormalizer;
import io.ieim.domain.mail.MailViews;
import io.ieim.spec.Topics;
import io.ieim.topology.DecisionService;
import io.ieim.topology.evaluation.Evaluation;
import io.ieim.topology.evaluation.GoldCorpus;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end on the embedded stack: identity import, ingest of the sample corpus, every decision
 * through Kafka Streams with the registry, export, replay determinism, and the poison paths.
 */
@StackTest
class DecisionFlowStackTest {

    private static final byte[] KEY = new byte[32];

    @TempDir
    Path temp;

    private StackConfig stack;
    private DecisionService service;
    private String applicationId;
    private Path stateDir;

    @BeforeEach
    void pointTheCliAtTheTestStack(StackConfig stack) {
        this.stack = stack;
        System.setProperty("ieim.var", stack.varDir().toString());
        System.setProperty("ieim.portBase", Integer.toString(stack.portBase()));
        applicationId = "ieim-e2e-" + UUID.randomUUID();
        stateDir = temp.resolve("state");
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        System.clearProperty("ieim.var");
        System.clearProperty("ieim.portBase");
    }

    private int port;

    private void startTopology() throws Exception {
        port = freePort();
        service = new DecisionService(new DecisionService.Settings(applicationId, stack.kafkaBootstrap(),
                stack.registryUrl(), stateDir, port, Topology.anchorKey(stack), 10, Duration.ofSeconds(2), Topology.anchorArchive(stack)), DecisionPipeline.standard(KEY));
        service.start();
        assertThat(service.awaitRunning(Duration.ofSeconds(120))).as("topology RUNNING").isTrue();
    }

    private record ExitAndErr(int exit, String err) {
    }

    private static ExitAndErr verifyCapturingErr(String... options) {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream originalErr = System.err;
        System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            List<String> args = new java.util.ArrayList<>(List.of("ledger", "verify"));
            args.addAll(List.of(options));
            return new ExitAndErr(Ieim.run(args.toArray(String[]::new)), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(originalErr);
        }
    }

    private void overwrite(String key, byte[] bytes) throws Exception {
        try (io.minio.MinioClient client = io.minio.MinioClient.builder().endpoint(stack.s3Endpoint())
                .credentials(stack.s3AccessKey(), stack.s3SecretKey()).build()) {
            client.putObject(io.minio.PutObjectArgs.builder().bucket(stack.bucket()).object(key)
                    .stream(new java.io.ByteArrayInputStream(bytes), (long) bytes.length, -1L).build());
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static java.net.http.HttpResponse<String> get(int port, String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + path)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theSampleCorpusIsDecidedEndToEndAndReplaysToIdenticalHashes() throws Exception {
        GoldCorpus corpus = GoldCorpus.load(Path.of(System.getProperty("ieim.home")).resolve("data/samples"));
        startTopology();
        assertThat(Ieim.run("identity", "import",
                "--customers", corpus.identityDir().resolve("customers.csv").toString(),
                "--policies", corpus.identityDir().resolve("policies.csv").toString(),
                "--claims", corpus.identityDir().resolve("claims.csv").toString())).isZero();
        awaitIdentityIndexed();
        Instant begin = Instant.now();
        assertThat(Ieim.run("ingest", corpus.mailDir().toString())).isZero();
        Map<String, List<Decision>> decided = awaitDecisions(corpus.entries().stream().map(GoldCorpus.Entry::messageId).collect(Collectors.toSet()), 1);
        Duration took = Duration.between(begin, Instant.now());
        System.out.printf("e2e: %d mails decided %.1f s after ingest began (%.1f mails/s end to end)%n",
                decided.size(), took.toMillis() / 1000.0, decided.size() / (took.toMillis() / 1000.0));

        // the stream decides exactly as the pure pipeline does with the same identity data
        IdentityDirectory directory = new IdentityCsvReader().read(corpus.identityDir().resolve("customers.csv"),
                corpus.identityDir().resolve("policies.csv"), corpus.identityDir().resolve("claims.csv")).toDirectory();
        DecisionPipeline pipeline = DecisionPipeline.standard(KEY);
        MailNormalizer normalizer = new MailNormalizer();
        Map<String, Evaluation.Observed> observed = new HashMap<>();
        for (GoldCorpus.Entry entry : corpus.entries()) {
            Decision streamed = last(decided.get(entry.messageId()));
            var expected = pipeline.decide(MailViews.of(normalizer.normalize(
                    Files.readAllBytes(corpus.mailDir().resolve(entry.file())))), directory, StageObserver.NONE);
            assertThat(streamed.getDecisionHash()).as(entry.file()).isEqualTo(expected.decisionHash());
            observed.put(entry.messageId(), DemoCommand.observed(streamed));
        }
        Evaluation evaluation = Evaluation.of(corpus, observed);
        System.out.println("e2e against gold:\n" + evaluation.report());

        // export: JSON Lines with the contract's fields, the latest decision per mail
        Path export = temp.resolve("decisions.jsonl");
        assertThat(Ieim.run("decisions", "export", "--out", export.toString())).isZero();
        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> exported = new HashMap<>();
        for (String line : Files.readAllLines(export)) {
            JsonNode node = json.readTree(line);
            exported.put(node.path("message_id").asText(), node);
        }
        for (GoldCorpus.Entry entry : corpus.entries()) {
            JsonNode node = exported.get(entry.messageId());
            assertThat(node).as(entry.file()).isNotNull();
            for (String field : List.of("message_id", "internet_message_id", "primary_intent", "intents", "risk_flags",
                    "queue", "action", "identity", "needs_review", "review_reasons", "confidence", "ruleset_version",
                    "decision_hash")) {
                assertThat(node.has(field)).as(entry.file() + " has " + field).isTrue();
            }
            assertThat(node.path("decision_hash").asText()).isEqualTo(last(decided.get(entry.messageId())).getDecisionHash());
        }

        // interactive queries: a second instance joins; each answers for every mail, forwarding to the owner
        int secondPort = freePort();
        try (DecisionService second = new DecisionService(new DecisionService.Settings(applicationId, stack.kafkaBootstrap(),
                stack.registryUrl(), temp.resolve("state-2"), secondPort, Topology.anchorKey(stack), 10, Duration.ofSeconds(2), Topology.anchorArchive(stack)), DecisionPipeline.standard(KEY))) {
            second.start();
            assertThat(second.awaitRunning(Duration.ofSeconds(120))).isTrue();
            assertThat(service.awaitRunning(Duration.ofSeconds(120))).isTrue();
            Thread.sleep(2000);
            for (GoldCorpus.Entry entry : corpus.entries()) {
                for (int p : List.of(port, secondPort)) {
                    var response = get(p, "/decisions/" + entry.messageId());
                    assertThat(response.statusCode()).as(entry.file() + " on " + p + ": " + response.body()).isEqualTo(200);
                    assertThat(json.readTree(response.body()).path("decision_hash").asText())
                            .isEqualTo(last(decided.get(entry.messageId())).getDecisionHash());
                }
            }
            assertThat(get(port, "/decisions/" + "0".repeat(64)).statusCode()).isEqualTo(404);
            assertThat(get(port, "/decisions/not-an-id").statusCode()).isEqualTo(400);
            String metrics = get(port, "/metrics").body() + get(secondPort, "/metrics").body();
            assertThat(metrics).contains("ieim_decisions_total{", "ieim_stage_latency_seconds", "ieim_identity_status_total{");
        }
        assertThat(service.awaitRunning(Duration.ofSeconds(120))).isTrue();

        // the audit ledger: every chain and anchor verifies; a record forged by an outside client does not
        Thread.sleep(3000); // the chainer runs behind the decisions
        assertThat(Ieim.run("ledger", "verify", "--chains", applicationId + "/")).isZero();
        // the exported ledger verifies offline too
        Path exportedLedger = temp.resolve("ledger.txt");
        assertThat(Ieim.run("ledger", "export", "--chains", applicationId + "/", "--out", exportedLedger.toString())).isZero();
        assertThat(Ieim.run("ledger", "verify", "--file", exportedLedger.toString())).isZero();

        // a receipt for one mail verifies offline with the public key alone, and a changed one does not
        Thread.sleep(3000); // the timer anchors the last entries (interval 2 s in this test)
        String someMail = corpus.entries().get(0).messageId();
        Path receipt = temp.resolve("receipt.txt");
        assertThat(Ieim.run("ledger", "prove", "--message-id", someMail, "--out", receipt.toString())).isZero();
        String publicKey = io.ieim.ledger.Ed25519Keys.encode(Topology.anchorKey(stack).getPublic());
        assertThat(io.ieim.ledger.ReceiptVerifier.run(receipt.toString(), "--public-key", publicKey)).isZero();
        assertThat(io.ieim.ledger.Receipt.parse(Files.readString(receipt)).items()).hasSizeGreaterThanOrEqualTo(7); // one per stage, per chainer that saw the mail
        Files.writeString(receipt, Files.readString(receipt).replaceFirst("entry (\\S+) (\\d+) ", "entry $1 999 "));
        assertThat(Ieim.run("ledger", "verify-receipt", receipt.toString(), "--public-key", publicKey)).isEqualTo(1);

        // the anchors also live as write-once objects; a copy that disagrees with the topic fails verify, naming it
        Path verifyMetrics = temp.resolve("ledger-verify.prom");
        assertThat(Ieim.run("ledger", "verify", "--chains", applicationId + "/", "--metrics-file", verifyMetrics.toString())).isZero();
        assertThat(Files.readString(verifyMetrics)).contains("ieim_ledger_verify_success 1", "ieim_ledger_verify_failures_total 0");
        io.ieim.storage.WriteOnceObjects archive = Topology.anchorArchive(stack);
        List<String> copies = archive.list(io.ieim.ledger.AnchorObject.PREFIX + applicationId + "/");
        assertThat(copies).isNotEmpty();
        String victim = copies.get(0);
        byte[] original = archive.read(victim);
        io.ieim.ledger.SignedTreeHead head = io.ieim.ledger.AnchorObject.parse(original);
        io.ieim.ledger.SignedTreeHead resigned = io.ieim.ledger.Ed25519Keys.sign(head.chainId(), head.treeSize(), head.rootHash(),
                head.prevAnchorHash(), head.signedAtMillis() + 1, Topology.anchorKey(stack));
        byte[] other = io.ieim.ledger.AnchorObject.bytes(resigned);
        assertThat(archive.put(victim, other, "text/plain")).as("write-once: never replaced")
                .isEqualTo(io.ieim.storage.WriteOnceObjects.Outcome.CONFLICT);
        assertThat(archive.read(victim)).isEqualTo(original);
        overwrite(victim, other); // behind the archive's back, as a store without object lock would allow
        ExitAndErr replaced = verifyCapturingErr("--chains", applicationId + "/", "--metrics-file", verifyMetrics.toString());
        assertThat(replaced.exit()).isEqualTo(Ieim.EXIT_FAILED);
        assertThat(replaced.err()).contains("anchor of chain " + head.chainId() + " at size " + head.treeSize()
                + ": differs from its write-once copy " + victim + " (replaced)");
        assertThat(Files.readString(verifyMetrics)).contains("ieim_ledger_verify_success 0", "ieim_ledger_verify_failures_total 1");
        overwrite(victim, original);

        try (KafkaProducer<String, io.ieim.avro.AuditEvent> outsider = new KafkaProducer<>(
                RegistrySerdes.producerConfig(stack.kafkaBootstrap(), stack.registryUrl(), "outsider"),
                new StringSerializer(), RegistrySerdes.<io.ieim.avro.AuditEvent>valueSerializer(stack.registryUrl()))) {
            String chain = applicationId + "/audit-0";
            outsider.send(new ProducerRecord<>(Topics.AUDIT.name(), 0, chain + ":999999", io.ieim.avro.AuditEvent.newBuilder()
                    .setEventId("forged").setStage("DECIDED").setPayloadHash("0".repeat(64)).setChainId(chain)
                    .setSequence(999999L).setPrevHash("0".repeat(64)).setEntryHash("0".repeat(64))
                    .setRecordedAt(Instant.EPOCH).build())).get(30, TimeUnit.SECONDS);
        }
        ExitAndErr forged = verifyCapturingErr("--chains", applicationId + "/");
        assertThat(forged.exit()).isEqualTo(Ieim.EXIT_FAILED);
        assertThat(forged.err()).contains("ledger verification failed: chain " + applicationId + "/audit-0 sequence 999999");

        // re-ingesting the same files is recognized: nothing new is published
        assertThat(Ieim.run("ingest", corpus.mailDir().toString())).isZero();

        // replay: reset the application (state and offsets) and reprocess everything
        service.close();
        service = null;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrap()))) {
            admin.deleteConsumerGroups(List.of(applicationId, applicationId + "-identity-index")).all().get(30, TimeUnit.SECONDS);
        }
        deleteRecursively(stateDir);
        startTopology();
        Map<String, List<Decision>> replayed = awaitDecisions(decided.keySet(), 2);
        for (Map.Entry<String, List<Decision>> e : replayed.entrySet()) {
            Set<String> hashes = e.getValue().stream().map(Decision::getDecisionHash).collect(Collectors.toSet());
            assertThat(hashes).as("decision hashes of " + e.getKey() + " after replay").hasSize(1);
        }

        // and the decisions are the right ones (the same bar as the regression test of the pure pipeline)
        assertThat(evaluation.misassociations()).isEmpty();
        assertThat(evaluation.queueAccuracy()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void poisonRecordsEndAsDeadLettersOrQuarantineAndTheTopologyKeepsRunning() throws Exception {
        startTopology();
        // a record that is not Avro at all
        String poisonId = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", stack.kafkaBootstrap()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.MAIL_RECEIVED.name(), poisonId, "not avro".getBytes(StandardCharsets.UTF_8)))
                    .get(30, TimeUnit.SECONDS);
        }
        // a mail with no header section, and a 30 MB mail beyond the size limit
        Path malformed = temp.resolve("malformed-" + UUID.randomUUID() + ".eml");
        Files.writeString(malformed, "just some text " + UUID.randomUUID() + "\r\nwithout any header\r\n");
        Path huge = temp.resolve("huge.eml");
        StringBuilder big = new StringBuilder("From: big@example.org\r\nSubject: huge " + UUID.randomUUID()
                + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n");
        String line = "x".repeat(998) + "\r\n";
        while (big.length() < 30 * 1024 * 1024) {
            big.append(line);
        }
        Files.writeString(huge, big);
        assertThat(Ieim.run("ingest", malformed.toString(), huge.toString())).isZero();
        MailNormalizer normalizer = new MailNormalizer();
        String malformedId = normalizer.normalize(Files.readAllBytes(malformed)).messageId();
        String hugeId = normalizer.normalize(Files.readAllBytes(huge)).messageId();

        Map<String, List<Decision>> decided = awaitDecisions(Set.of(poisonId, malformedId, hugeId), 1);
        for (String id : List.of(poisonId, malformedId, hugeId)) {
            Decision d = last(decided.get(id));
            assertThat(d.getQueue()).as(id).isEqualTo("SECURITY_QUARANTINE");
            assertThat(d.getAction()).isEqualTo("QUARANTINE");
        }
        assertThat(deadLetterIds()).contains(poisonId);
        assertThat(service.state()).isEqualTo(KafkaStreams.State.RUNNING);
    }

    // --- helpers

    private void awaitIdentityIndexed() throws Exception {
        // the index sub-topology must have read the identity topics before mails can use the index
        Thread.sleep(2000);
        Instant deadline = Instant.now().plusSeconds(60);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrap()))) {
            while (Instant.now().isBefore(deadline)) {
                var lag = admin.listConsumerGroupOffsets(applicationId + "-identity-index").partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                long read = lag.entrySet().stream().filter(e -> e.getKey().topic().startsWith("ieim.identity."))
                        .mapToLong(e -> e.getValue().offset()).sum();
                if (read > 0) {
                    Thread.sleep(3000);
                    return;
                }
                Thread.sleep(500);
            }
        }
    }

    private Map<String, List<Decision>> awaitDecisions(Set<String> ids, int perId) {
        Map<String, List<Decision>> found = StackTopicReader.read(stack, Topics.DECISIONS.name(), ids::contains,
                f -> ids.stream().allMatch(id -> f.getOrDefault(id, List.of()).size() >= perId), Duration.ofSeconds(240));
        Set<String> missing = new HashSet<>(ids);
        missing.removeIf(id -> found.getOrDefault(id, List.of()).size() >= perId);
        assertThat(missing).as("mails without " + perId + " decision(s)").isEmpty();
        return found;
    }

    /** The message ids of every dead letter on the topic (read for 20 s). */
    private Set<String> deadLetterIds() {
        Map<String, List<DeadLetter>> all = StackTopicReader.read(stack, Topics.DEAD_LETTERS.name(), k -> true, f -> false,
                Duration.ofSeconds(20));
        Set<String> ids = new HashSet<>();
        all.values().forEach(letters -> letters.forEach(d -> ids.add(d.getMessageId())));
        return ids;
    }

    private static Decision last(List<Decision> decisions) {
        return decisions.get(decisions.size() - 1);
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
