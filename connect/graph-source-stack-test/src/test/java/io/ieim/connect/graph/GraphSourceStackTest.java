package io.ieim.connect.graph;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ieim.avro.MailReceived;
import io.ieim.avro.RegistrySerdes;
import io.ieim.devstack.ConnectorRegistration;
import io.ieim.devstack.StackConfig;
import io.ieim.devstack.junit.StackTest;
import io.ieim.ingest.RawMailStore;
import io.minio.MinioClient;
import io.minio.StatObjectArgs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connector on the stack's real Connect worker (its plugin directory built by connect-plugins),
 * registered from connect/connectors-optional/ieim-graph-source.json with the Graph and token URLs
 * pointed at the in-process {@link GraphStandIn}: 300 mails in two folders, read in delta pages of 10
 * through one 429 with Retry-After, become exactly 300 MailReceived records (readable with the
 * product's serde, as the topology reads the CLI's) and 300 raw objects; a second delta round with 20
 * new mails delivers those 20 and nothing again.
 */
@StackTest
class GraphSourceStackTest {

    private static final String TOPIC = "ieim.mail.received.v1";
    private static final String INBOX = "schaden@versicherung.example/inbox";
    private static final String CLAIMS = "kfz@versicherung.example/claims";
    private static final int PER_FOLDER = 150;
    private static final int NEW_PER_FOLDER = 10;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void threeHundredMailsInTwoFoldersThenOnlyTheNewOnesOfTheNextDeltaRound(StackConfig stack) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8); // fresh bytes per run: objects are content-addressed
        String name = "ieim-graph-source-stack-test-" + run; // offsets are per connector name: a fresh start each run
        try (GraphStandIn graph = new GraphStandIn();
             KafkaConsumer<String, MailReceived> consumer = consumerAtEnd(stack)) {
            graph.deliver(INBOX, mimes(run, "inbox", PER_FOLDER));
            graph.deliver(CLAIMS, mimes(run, "claims", PER_FOLDER));
            graph.throttle(1, 1); // the first Graph request is answered 429, Retry-After: 1

            ConnectorRegistration.Connector file = ConnectorRegistration.load(stack.home().resolve("connect/connectors-optional"))
                    .stream().filter(c -> c.name().equals("ieim-graph-source")).findFirst().orElseThrow();
            Map<String, String> config = new HashMap<>(file.config());
            config.put("graph.authority.url", graph.authorityUrl());
            config.put("graph.url", graph.graphUrl());
            config.put("graph.tenant.id", GraphStandIn.TENANT);
            config.put("graph.client.id", GraphStandIn.CLIENT_ID);
            config.put("graph.client.secret", GraphStandIn.CLIENT_SECRET);
            config.put("graph.folders", INBOX + "," + CLAIMS);
            config.put("tasks.max", "2"); // one folder per task
            config.put("poll.interval.ms", "500");
            String url = stack.connectUrl() + "/connectors/" + URLEncoder.encode(name, StandardCharsets.UTF_8);
            long registered = System.nanoTime();
            HttpResponse<String> put = send(HttpRequest.newBuilder(URI.create(url + "/config"))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(config))));
            assertThat(put.statusCode()).as(put.body()).isBetween(200, 201);
            try {
                new ConnectorRegistration(stack.connectUrl()).awaitRunning(name, Duration.ofSeconds(90));
                Collected first = consume(consumer, run, 2 * PER_FOLDER, Duration.ofSeconds(180));
                long done = System.nanoTime();

                assertThat(first.events).hasSize(2 * PER_FOLDER);
                assertThat(first.duplicates).as("no mail twice").isZero();
                assertEvents(first.events);
                assertThat(rawObjects(stack, first.events)).isEqualTo(2 * PER_FOLDER);
                assertThat(graph.throttledRequests()).isEqualTo(1);
                assertThat(graph.tokenRequests()).isBetween(1, 2); // one token per task, reused

                double total = (done - registered) / 1e9;
                double steady = (first.lastAt - first.firstAt) / 1e9;
                System.out.printf("FIGURE graph-source on the stack's Connect worker: %d mails (2 folders, 2 tasks, delta pages"
                                + " of 10, one 429 Retry-After 1 s) from the Graph stand-in to %s read back: %.0f mails/s from the"
                                + " connector PUT to the last record read (%.1f s, includes task start and the 1 s wait);"
                                + " %.0f mails/s from the first to the last record read (%.1f s)%n",
                        2 * PER_FOLDER, TOPIC, 2 * PER_FOLDER / total, total, (2 * PER_FOLDER - 1) / steady, steady);

                // the next delta round: only the new mails
                graph.deliver(INBOX, mimes(run, "inbox-new", NEW_PER_FOLDER));
                graph.deliver(CLAIMS, mimes(run, "claims-new", NEW_PER_FOLDER));
                Collected second = consume(consumer, run, 2 * NEW_PER_FOLDER, Duration.ofSeconds(60));
                Collected quiet = consume(consumer, run, Integer.MAX_VALUE, Duration.ofSeconds(3)); // anything else comes now
                assertThat(second.events).hasSize(2 * NEW_PER_FOLDER);
                assertThat(second.events.values()).allSatisfy(e -> assertThat(e.getSubject()).contains("-new "));
                assertThat(second.duplicates).isZero();
                assertThat(quiet.events).as("nothing read twice").isEmpty();
                assertEvents(second.events);
                assertThat(rawObjects(stack, second.events)).isEqualTo(2 * NEW_PER_FOLDER);
                assertThat(graph.mimeRequests()).as("each MIME fetched once").isEqualTo(2 * (PER_FOLDER + NEW_PER_FOLDER));
            } finally {
                remove(url);
            }
        }
    }

    private static void assertEvents(Map<String, MailReceived> events) {
        assertThat(events).allSatisfy((key, event) -> {
            assertThat(event.getMessageId()).isEqualTo(key);
            assertThat(event.getSourceChannel()).isEqualTo("GRAPH");
            assertThat(event.getSourceReference()).startsWith("graph:");
            assertThat(event.getRawMime().getKey()).isEqualTo(RawMailStore.objectKey(key));
        });
    }

    private static int rawObjects(StackConfig stack, Map<String, MailReceived> events) throws Exception {
        try (MinioClient s3 = MinioClient.builder().endpoint(stack.s3Endpoint())
                .credentials(stack.s3AccessKey(), stack.s3SecretKey()).build()) {
            int found = 0;
            for (String key : events.keySet()) {
                var stat = s3.statObject(StatObjectArgs.builder().bucket(stack.bucket()).object(RawMailStore.objectKey(key)).build());
                found += stat.size() == events.get(key).getRawMime().getSizeBytes() ? 1 : 0;
            }
            return found;
        }
    }

    private static List<byte[]> mimes(String run, String tag, int n) {
        List<byte[]> mimes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            mimes.add(("From: customer" + i + "@example.test\r\nTo: intake@versicherung.example\r\n"
                    + "Subject: graph " + run + " " + tag + " " + i + "\r\nMessage-ID: <" + run + "." + tag + "." + i + "@example.test>\r\n"
                    + "Date: Sun, 22 Nov 2026 09:00:00 +0100\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                    + "Vertragsnummer KF-2048" + String.format("%04d", i) + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        return mimes;
    }

    /** The mail topic from its current end, read committed, with the product's deserializer (as the topology reads it). */
    private static KafkaConsumer<String, MailReceived> consumerAtEnd(StackConfig stack) {
        Map<String, Object> props = RegistrySerdes.consumerConfig(stack.kafkaBootstrap(), stack.registryUrl(),
                "graph-stack-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, MailReceived> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                RegistrySerdes.<MailReceived>valueDeserializer(stack.registryUrl()));
        List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, before the connector writes
        return consumer;
    }

    private record Collected(Map<String, MailReceived> events, int duplicates, long firstAt, long lastAt) {
    }

    /** This run's events (subject "graph <run> ...") by key until {@code expected} arrived or the time is up. */
    private static Collected consume(KafkaConsumer<String, MailReceived> consumer, String run, int expected, Duration timeout) {
        Map<String, MailReceived> events = new HashMap<>();
        int duplicates = 0;
        long firstAt = 0;
        long lastAt = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (events.size() < expected && System.nanoTime() < deadline) {
            try {
                for (ConsumerRecord<String, MailReceived> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() != null && r.value().getSubject() != null && r.value().getSubject().startsWith("graph " + run + " ")) {
                        lastAt = System.nanoTime();
                        firstAt = firstAt == 0 ? lastAt : firstAt;
                        if (events.put(r.key(), r.value()) != null) {
                            duplicates++;
                        }
                    }
                }
            } catch (RecordDeserializationException e) {
                // the shared test stack holds other tests' deliberate poison records: not this run's mail
                consumer.seek(e.topicPartition(), e.offset() + 1);
            }
        }
        return new Collected(events, duplicates, firstAt, lastAt);
    }

    /** Stops the connector, deletes its offsets (KIP-875) and the connector. */
    private static void remove(String url) throws Exception {
        send(HttpRequest.newBuilder(URI.create(url + "/stop")).PUT(HttpRequest.BodyPublishers.noBody()));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && !send(HttpRequest.newBuilder(URI.create(url + "/status")).GET()).body().contains("\"STOPPED\"")) {
            Thread.sleep(250);
        }
        send(HttpRequest.newBuilder(URI.create(url + "/offsets")).DELETE());
        send(HttpRequest.newBuilder(URI.create(url)).DELETE());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
