package io.ieim.connect.imap;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ieim.avro.MailReceived;
import io.ieim.avro.RegistrySerdes;
import io.ieim.devstack.ConnectorRegistration;
import io.ieim.devstack.EmbeddedStack;
import io.ieim.devstack.StackConfig;
import io.ieim.devstack.junit.StackTest;
import io.ieim.ingest.RawMailStore;
import io.minio.MinioClient;
import io.minio.StatObjectArgs;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6's acceptance on real servers: Debian's Dovecot (its own process, see {@link Dovecot}) and the
 * stack's real Connect worker with exactly-once source support, the connector registered from
 * connect/connectors-optional/ieim-imap-source.json with {@code exactly.once.support=required}.
 *
 * <ul>
 *   <li>1,000 mails, the worker killed with SIGKILL mid-run and started again: every mail of the mailbox
 *   exactly once in Kafka (read committed) and in object storage;</li>
 *   <li>1,000 mails undisturbed: the throughput figure;</li>
 *   <li>IMAP IDLE over STARTTLS: a mail appended while the task idles arrives within seconds, although
 *   the poll interval is a minute.</li>
 * </ul>
 * The bulk runs use IMAPS; both trust Dovecot's self-signed certificate through imap.ssl.truststore.*.
 */
@StackTest
class DovecotAcceptanceStackTest {

    private static final String TOPIC = "ieim.mail.received.v1";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Dovecot dovecot;

    @BeforeAll
    static void startDovecot() throws Exception {
        dovecot = Dovecot.start(List.of("crash", "speed", "idle"));
    }

    @AfterAll
    static void stopDovecot() throws Exception {
        if (dovecot != null) {
            dovecot.close();
        }
    }

    @Test
    void thousandMailsWorkerKilledMidRunEveryMailExactlyOnceInKafkaAndStorage(EmbeddedStack stack) throws Exception {
        StackConfig config = stack.config();
        String run = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        dovecot.append("crash", mails(run, 1000));
        Set<String> expected = mailboxHashes("crash");
        assertThat(expected).hasSize(1000);

        try (Collector committed = new Collector(config, run, "read_committed");
             Collector uncommitted = new Collector(config, run, "read_uncommitted")) {
            String name = "ieim-imap-dovecot-" + run;
            Map<String, String> settings = new HashMap<>(dovecot.connectorSettings("crash", "IMAPS"));
            settings.put("imap.batch.size", "50");
            settings.put("imap.idle", "false");
            settings.put("imap.poll.interval.ms", "500");
            String url = register(config, name, settings);
            try {
                // kill the worker once some, but far from all, mails are committed; preferably while the
                // task's transaction is open, so that the kill aborts a batch that the restarted task has to
                // read again (read_uncommitted then sees more than 1,000 records of this run)
                await(() -> committed.count() >= 100, Duration.ofSeconds(180), "first 100 records");
                boolean inTransaction = awaitOpenTransaction(config, "ieim-connect-" + name + "-0",
                        () -> committed.count() >= 500);
                Instant killedAt = Instant.now();
                assertThat(stack.kill("connect")).as("the worker was running").isTrue();
                int atKill = committed.count();
                int uncommittedAtKill = uncommitted.total();
                assertThat(atKill).as("killed mid-run").isLessThan(1000);
                Duration startTook = stack.restart("connect");
                // records committed just before the kill may still reach the consumer during the first
                // moments; the restarted worker (a new JVM) needs far longer than 2 s to produce anything
                Instant afterRestart = killedAt.plusSeconds(2);
                await(() -> committed.lastArrival().isAfter(afterRestart), Duration.ofSeconds(180), "a record after the restart");
                Instant firstAfter = committed.firstArrivalAfter(afterRestart);
                await(() -> committed.count() >= 1000, Duration.ofSeconds(300), "1,000 records");
                Thread.sleep(5000); // time for a duplicate to show up, if there were one
                new ConnectorRegistration(config.connectUrl()).awaitRunning(name, Duration.ofSeconds(30));

                System.out.printf("FIGURE dovecot crash run: worker killed (SIGKILL) at %d of 1,000 committed records "
                                + "(%d seen read_uncommitted; %s); worker up again after %.1f s; "
                                + "first record after the kill %.1f s after it; read_uncommitted saw %d records of this "
                                + "run in all (aborted transactions included), read_committed %d%n",
                        atKill, uncommittedAtKill, inTransaction ? "killed while its transaction was ONGOING" : "no open transaction caught",
                        startTook.toMillis() / 1000.0,
                        Duration.between(killedAt, firstAfter).toMillis() / 1000.0, uncommitted.total(), committed.total());
                assertThat(committed.duplicates()).as("no record twice").isZero();
                assertThat(committed.total()).as("records of this run").isEqualTo(1000);
                assertThat(committed.keys()).as("every mail of the mailbox, by SHA-256").isEqualTo(expected);
                assertRawObjects(config, committed.events());
            } finally {
                delete(url);
            }
        }
    }

    @Test
    void thousandMailsThroughput(StackConfig config) throws Exception {
        String run = "speed-" + UUID.randomUUID().toString().substring(0, 8);
        dovecot.append("speed", mails(run, 1000));
        try (Collector committed = new Collector(config, run, "read_committed")) {
            String name = "ieim-imap-dovecot-" + run;
            Map<String, String> settings = new HashMap<>(dovecot.connectorSettings("speed", "IMAPS"));
            settings.put("imap.idle", "false");
            settings.put("imap.poll.interval.ms", "500");
            Instant registered = Instant.now();
            String url = register(config, name, settings);
            try {
                await(() -> committed.count() >= 1000, Duration.ofSeconds(300), "1,000 records");
                Instant first = committed.firstArrivalAfter(registered);
                Instant last = committed.lastArrival();
                double fromFirst = 999 * 1000.0 / Math.max(1, Duration.between(first, last).toMillis());
                double fromRegistration = 1000 * 1000.0 / Duration.between(registered, last).toMillis();
                System.out.printf("FIGURE dovecot -> real Connect worker (EOS, IMAPS, batch %s) -> Kafka + S3: "
                                + "%.0f mails/s first to last record, %.0f mails/s registration to last record (%.1f s)%n",
                        settings.getOrDefault("imap.batch.size", "100 (file)"), fromFirst, fromRegistration,
                        Duration.between(registered, last).toMillis() / 1000.0);
                assertThat(committed.duplicates()).isZero();
                assertThat(committed.total()).isEqualTo(1000);
            } finally {
                delete(url);
            }
        }
    }

    @Test
    void withIdleOverStartTlsAMailArrivesWithinSecondsNotAtThePollInterval(StackConfig config) throws Exception {
        String run = "idle-" + UUID.randomUUID().toString().substring(0, 8);
        dovecot.append("idle", mails(run, 1));
        try (Collector committed = new Collector(config, run, "read_committed")) {
            String name = "ieim-imap-dovecot-" + run;
            Map<String, String> settings = new HashMap<>(dovecot.connectorSettings("idle", "STARTTLS"));
            settings.put("imap.idle", "true");
            settings.put("imap.poll.interval.ms", "60000");
            String url = register(config, name, settings);
            try {
                await(() -> committed.count() >= 1, Duration.ofSeconds(120), "the mail that was there before");
                Thread.sleep(3000); // the task found nothing more and idles now
                List<MimeMessage> second = mails(run, 2).subList(1, 2);
                Instant appended = Instant.now();
                dovecot.append("idle", second);
                await(() -> committed.count() >= 2, Duration.ofSeconds(60), "the mail appended while idling");
                Duration latency = Duration.between(appended, committed.lastArrival());
                System.out.printf("FIGURE IMAP IDLE (STARTTLS, poll interval 60 s): appended mail in Kafka after %d ms%n",
                        latency.toMillis());
                assertThat(latency).isLessThan(Duration.ofSeconds(15));
                assertThat(committed.total()).isEqualTo(2);
                assertThat(dovecot.log()).as("the connector logged in over TLS").containsPattern("Login: user=<idle>.*TLS");
            } finally {
                delete(url);
            }
        }
    }

    // --- helpers ---

    /** Distinct mails (the run id in subject and Message-ID): the raw objects are content-addressed. */
    private static List<MimeMessage> mails(String run, int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> TestSupport.mail(i, "dovecot-" + run)).toList();
    }

    /** SHA-256 of every mail in the user's INBOX as the server returns it: the message ids expected in Kafka. */
    private static Set<String> mailboxHashes(String user) throws Exception {
        Set<String> hashes = new HashSet<>();
        try (Store store = dovecot.connect(user)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            for (Message m : inbox.getMessages()) {
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                m.writeTo(raw);
                hashes.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw.toByteArray())));
            }
            inbox.close(false);
        }
        return hashes;
    }

    /** The connector file with the given settings on top, registered on the stack's worker; EOS required. */
    private static String register(StackConfig config, String name, Map<String, String> settings) throws Exception {
        ConnectorRegistration.Connector file = ConnectorRegistration.load(config.home().resolve("connect/connectors-optional"))
                .stream().filter(c -> c.name().equals("ieim-imap-source")).findFirst().orElseThrow();
        Map<String, String> connector = new HashMap<>(file.config());
        connector.putAll(settings);
        connector.put("exactly.once.support", "required");
        String url = config.connectUrl() + "/connectors/" + URLEncoder.encode(name, StandardCharsets.UTF_8);
        HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/config"))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(connector))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isBetween(200, 201);
        new ConnectorRegistration(config.connectUrl()).awaitRunning(name, Duration.ofSeconds(90));
        return url;
    }

    /**
     * Waits until the task's transaction (transactional id {@code <group.id>-<connector>-<task>}, KIP-618)
     * is ONGOING on the broker, i.e. a batch is being produced and not yet committed, so that the kill
     * lands inside it (the window is short: whether records of it were already written shows in the
     * read_uncommitted count). Gives up when {@code enough} holds; true if an ongoing transaction was seen.
     */
    private static boolean awaitOpenTransaction(StackConfig config, String transactionalId, BooleanSupplier enough)
            throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap()))) {
            while (!enough.getAsBoolean()) {
                try {
                    TransactionDescription d = admin.describeTransactions(List.of(transactionalId))
                            .description(transactionalId).get(5, TimeUnit.SECONDS);
                    if (d.state() == TransactionState.ONGOING) {
                        return true;
                    }
                } catch (ExecutionException e) {
                    // not known yet (no transaction begun): try again
                }
            }
            return false;
        }
    }

    private static void delete(String url) throws Exception {
        HTTP.send(HttpRequest.newBuilder(URI.create(url)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what
                        + "\ndovecot log tail: " + tail(dovecot.log()));
            }
            Thread.sleep(20);
        }
    }

    private static String tail(String log) {
        return log.substring(Math.max(0, log.length() - 2000));
    }

    /** Every event's raw object is in the stack's S3 with the event's size (key = raw/<2>/<sha256>.eml). */
    private static void assertRawObjects(StackConfig config, Map<String, MailReceived> events) throws Exception {
        try (MinioClient s3 = MinioClient.builder().endpoint(config.s3Endpoint())
                .credentials(config.s3AccessKey(), config.s3SecretKey()).build()) {
            int found = 0;
            for (Map.Entry<String, MailReceived> e : events.entrySet()) {
                assertThat(e.getValue().getRawMime().getKey()).isEqualTo(RawMailStore.objectKey(e.getKey()));
                var stat = s3.statObject(StatObjectArgs.builder().bucket(config.bucket())
                        .object(RawMailStore.objectKey(e.getKey())).build());
                found += stat.size() == e.getValue().getRawMime().getSizeBytes() ? 1 : 0;
            }
            assertThat(found).as("raw objects").isEqualTo(events.size());
        }
    }

    /**
     * Reads the mail topic from the start in a thread of its own and keeps this run's records (subject
     * "dovecot <run> n"), when each arrived, and how many came twice. The topic is shared with other
     * tests, including their deliberate poison records, which are skipped.
     */
    private static final class Collector implements AutoCloseable {
        private final Map<String, MailReceived> events = new HashMap<>();
        private final List<Instant> arrivals = new ArrayList<>();
        private int total;
        private int duplicates;
        private volatile boolean closed;
        private final Thread thread;

        Collector(StackConfig config, String run, String isolation) {
            Map<String, Object> props = RegistrySerdes.consumerConfig(config.kafkaBootstrap(), config.registryUrl(),
                    "dovecot-test-" + UUID.randomUUID());
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
            String prefix = "dovecot-" + run + " ";
            thread = new Thread(() -> {
                try (KafkaConsumer<String, MailReceived> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                        RegistrySerdes.<MailReceived>valueDeserializer(config.registryUrl()))) {
                    consumer.subscribe(List.of(TOPIC));
                    while (!closed) {
                        try {
                            for (ConsumerRecord<String, MailReceived> r : consumer.poll(Duration.ofMillis(100))) {
                                MailReceived v = r.value();
                                if (v != null && v.getSubject() != null && v.getSubject().startsWith(prefix)) {
                                    add(r.key(), v);
                                }
                            }
                        } catch (RecordDeserializationException e) {
                            consumer.seek(e.topicPartition(), e.offset() + 1);
                        }
                    }
                }
            }, "collector-" + isolation);
            thread.setDaemon(true);
            thread.start();
        }

        private synchronized void add(String key, MailReceived value) {
            total++;
            arrivals.add(Instant.now());
            if (events.put(key, value) != null) {
                duplicates++;
            }
        }

        synchronized int count() {
            return events.size();
        }

        synchronized int total() {
            return total;
        }

        synchronized int duplicates() {
            return duplicates;
        }

        synchronized Set<String> keys() {
            return new HashSet<>(events.keySet());
        }

        synchronized Map<String, MailReceived> events() {
            return new HashMap<>(events);
        }

        synchronized Instant lastArrival() {
            return arrivals.isEmpty() ? Instant.EPOCH : arrivals.get(arrivals.size() - 1);
        }

        synchronized Instant firstArrivalAfter(Instant t) {
            return arrivals.stream().filter(a -> a.isAfter(t)).findFirst().orElseThrow();
        }

        @Override
        public void close() throws InterruptedException {
            closed = true;
            thread.join(10_000);
        }
    }
}
