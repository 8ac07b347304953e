package io.ieim.connect.graph;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.ieim.avro.MailReceived;
import io.ieim.avro.RawMimeReference;
import io.ieim.ingest.MailEventEncoder;
import io.ieim.ingest.RawObjectStore;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** The Connect task over a Graph stand-in: raw MIME stored before the record, offsets resume, events are stable. */
class GraphSourceTaskTest {

    private static final String FOLDER = "schaden@versicherung.example/inbox";
    private WireMockServer graph;
    private final Map<String, byte[]> stored = new ConcurrentHashMap<>();
    private final Map<Map<String, ?>, Map<String, Object>> committed = new HashMap<>();

    @BeforeEach
    void start() {
        graph = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        graph.start();
        String base = "http://127.0.0.1:" + graph.port();
        graph.stubFor(post(urlEqualTo("/t/oauth2/v2.0/token")).willReturn(okJson("{\"expires_in\":3599,\"access_token\":\"tok\"}")));
        String delta = "/v1.0/users/schaden%40versicherung.example/mailFolders/inbox/messages/delta";
        graph.stubFor(get(urlPathEqualTo(delta)).withQueryParam("$select", equalTo("id,receivedDateTime")).willReturn(okJson("""
                {"value":[{"id":"G1","receivedDateTime":"2026-11-20T09:00:00Z"},{"id":"G2","receivedDateTime":"2026-11-20T09:05:00Z"}],
                 "@odata.nextLink":"%s%s?$skiptoken=2"}""".formatted(base, delta))));
        graph.stubFor(get(urlPathEqualTo(delta)).withQueryParam("$skiptoken", equalTo("2")).willReturn(okJson("""
                {"value":[{"id":"G3","receivedDateTime":"2026-11-20T09:10:00Z"}],"@odata.deltaLink":"%s%s?$deltatoken=r1"}"""
                .formatted(base, delta))));
        graph.stubFor(get(urlPathEqualTo(delta)).withQueryParam("$deltatoken", equalTo("r1")).willReturn(okJson("""
                {"value":[],"@odata.deltaLink":"%s%s?$deltatoken=r1"}""".formatted(base, delta))));
        for (String id : List.of("G1", "G2", "G3")) {
            graph.stubFor(get(urlEqualTo("/v1.0/users/schaden%40versicherung.example/messages/" + id + "/$value"))
                    .willReturn(aResponse().withStatus(200).withBody("From: kunde@example.org\r\nSubject: Schaden " + id
                            + "\r\nMessage-ID: <" + id + "@example.org>\r\nDate: Fri, 20 Nov 2026 10:00:00 +0100\r\n\r\n"
                            + "Guten Tag, ich melde einen Wasserschaden. " + id + "\r\n")));
        }
    }

    @AfterEach
    void stop() {
        graph.stop();
    }

    private Map<String, String> props() {
        String base = "http://127.0.0.1:" + graph.port();
        Map<String, String> p = new HashMap<>();
        p.put(GraphSourceConfig.AUTHORITY_URL, base);
        p.put(GraphSourceConfig.GRAPH_URL, base + "/v1.0");
        p.put(GraphSourceConfig.TENANT, "t");
        p.put(GraphSourceConfig.CLIENT_ID, "c");
        p.put(GraphSourceConfig.CLIENT_SECRET, "s");
        p.put(GraphSourceConfig.FOLDERS, FOLDER);
        p.put(GraphSourceConfig.POLL_INTERVAL_MS, "100");
        p.put(GraphSourceConfig.S3_ENDPOINT, "http://unused");
        p.put(GraphSourceConfig.S3_ACCESS_KEY, "a");
        p.put(GraphSourceConfig.S3_SECRET_KEY, "b");
        p.put(GraphSourceConfig.S3_BUCKET, "raw");
        p.put(GraphSourceConfig.REGISTRY_URL, "http://unused");
        return p;
    }

    private GraphSourceTask task() {
        return task(props());
    }

    private GraphSourceTask task(Map<String, String> props) {
        RawObjectStore objects = new RawObjectStore() {
            @Override
            public RawMimeReference store(String sha256, byte[] raw) {
                stored.putIfAbsent(sha256, raw);
                return RawMimeReference.newBuilder().setBucket("raw").setKey("raw/" + sha256).setSha256(sha256).setSizeBytes(raw.length).build();
            }

            @Override
            public void markPublished(String sha256) {
            }
        };
        SpecificDatumWriter<MailReceived> writer = new SpecificDatumWriter<>(MailReceived.class);
        MailEventEncoder plainAvro = (topic, event) -> {
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                var enc = EncoderFactory.get().binaryEncoder(out, null);
                writer.write(event, enc);
                enc.flush();
                return out.toByteArray();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        GraphSourceTask task = new GraphSourceTask(c -> objects, c -> plainAvro);
        task.initialize(new SourceTaskContext() {
            @Override
            public Map<String, String> configs() {
                return props;
            }

            @Override
            public org.apache.kafka.common.metrics.PluginMetrics pluginMetrics() {
                return null;
            }

            @Override
            public OffsetStorageReader offsetStorageReader() {
                return new OffsetStorageReader() {
                    @Override
                    public <T> Map<String, Object> offset(Map<String, T> partition) {
                        return committed.get(partition);
                    }

                    @Override
                    public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
                        throw new UnsupportedOperationException();
                    }
                };
            }
        });
        task.start(props);
        return task;
    }

    private static MailReceived decode(SourceRecord r) {
        try {
            return new SpecificDatumReader<>(MailReceived.class).read(null, DecoderFactory.get().binaryDecoder((byte[]) r.value(), null));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @SuppressWarnings("unchecked")
    private void commit(SourceRecord r) {
        committed.put(r.sourcePartition(), (Map<String, Object>) r.sourceOffset());
    }

    @Test
    void mailsBecomeRecordsKeyedByTheirHashWithTheRawStoredFirstAndARestartResumes() throws Exception {
        GraphSourceTask task = task();
        List<SourceRecord> first = task.poll();
        assertThat(first).hasSize(2);
        for (SourceRecord r : first) {
            assertThat(stored).containsKey((String) r.key()); // the raw MIME is in the store before the record leaves
            assertThat(sha256(stored.get((String) r.key()))).isEqualTo(r.key());
            MailReceived event = decode(r);
            assertThat(event.getMessageId()).isEqualTo(r.key());
            assertThat(event.getSourceChannel()).isEqualTo("GRAPH");
        }
        assertThat(decode(first.get(0)).getReceivedAt()).isEqualTo(java.time.Instant.parse("2026-11-20T09:00:00Z"));
        commit(first.get(0)); // the worker committed G1 only, then the task died
        task.stop();

        GraphSourceTask restarted = task();
        List<SourceRecord> again = new ArrayList<>(restarted.poll());
        again.addAll(restarted.poll());
        assertThat(again).extracting(SourceRecord::key).containsExactly(first.get(1).key(), again.get(1).key());
        assertThat(again.get(0).value()).isEqualTo(first.get(1).value()); // a re-read mail is the identical event
        assertThat(decode(again.get(1)).getSourceReference()).isEqualTo("graph:" + FOLDER + "/G3");
        assertThat(restarted.poll()).isEmpty(); // the round is done: only the delta link from now on
        assertThat(stored).hasSize(3);
        restarted.stop();
    }

    @Test
    void twoFoldersArePagedThroughAThrottleThenTheNextDeltaRoundBringsOnlyNewMail() throws Exception {
        try (GraphStandIn standIn = new GraphStandIn()) {
            String inbox = "schaden@versicherung.example/inbox";
            String claims = "kfz@versicherung.example/claims";
            standIn.deliver(inbox, mimes("a", 25));
            standIn.deliver(claims, mimes("b", 12));
            Map<String, String> p = standInProps(standIn, inbox + "," + claims);
            GraphSourceTask task = task(p);
            standIn.throttle(1, 1);
            List<SourceRecord> records = pollUntil(task, 37);
            assertThat(records).extracting(SourceRecord::key).doesNotHaveDuplicates();
            assertThat(stored).hasSize(37);
            assertThat(standIn.throttledRequests()).isEqualTo(1);
            assertThat(standIn.tokenRequests()).isEqualTo(1);
            assertThat(task.poll()).isEmpty(); // both rounds done: only delta links from now on

            standIn.deliver(claims, mimes("c", 3));
            List<SourceRecord> next = pollUntil(task, 3);
            assertThat(next).extracting(r -> decode(r).getSubject()).containsExactlyInAnyOrder("c 0", "c 1", "c 2");
            assertThat(stored).hasSize(40);
            task.stop();
        }
    }

    @Test
    void aFolderThatFailsDiscardsThePollWithoutSkippingTheMailsOfTheFoldersReadBeforeIt() throws Exception {
        try (GraphStandIn standIn = new GraphStandIn()) {
            String inbox = "schaden@versicherung.example/inbox";
            String claims = "kfz@versicherung.example/claims";
            standIn.deliver(inbox, mimes("a", 15));
            standIn.deliver(claims, mimes("b", 5));
            Map<String, String> p = standInProps(standIn, inbox + "," + claims);
            p.put(GraphSourceConfig.MAX_ATTEMPTS, "1"); // the 429 is not waited out: the poll fails
            GraphSourceTask task = task(p);
            standIn.throttleFolder(claims, 1, 0);
            org.assertj.core.api.Assertions.assertThatThrownBy(task::poll)
                    .isInstanceOf(org.apache.kafka.connect.errors.RetriableException.class);
            List<SourceRecord> records = pollUntil(task, 20); // the worker polls again
            assertThat(records).extracting(r -> decode(r).getSubject()).doesNotHaveDuplicates()
                    .contains("a 0", "a 9", "a 14", "b 0", "b 4");
            task.stop();
        }
    }

    private static Map<String, String> standInProps(GraphStandIn standIn, String folders) {
        Map<String, String> p = new HashMap<>();
        p.put(GraphSourceConfig.AUTHORITY_URL, standIn.authorityUrl());
        p.put(GraphSourceConfig.GRAPH_URL, standIn.graphUrl());
        p.put(GraphSourceConfig.TENANT, GraphStandIn.TENANT);
        p.put(GraphSourceConfig.CLIENT_ID, GraphStandIn.CLIENT_ID);
        p.put(GraphSourceConfig.CLIENT_SECRET, GraphStandIn.CLIENT_SECRET);
        p.put(GraphSourceConfig.FOLDERS, folders);
        p.put(GraphSourceConfig.POLL_INTERVAL_MS, "100");
        p.put(GraphSourceConfig.S3_ENDPOINT, "http://unused");
        p.put(GraphSourceConfig.S3_ACCESS_KEY, "a");
        p.put(GraphSourceConfig.S3_SECRET_KEY, "b");
        p.put(GraphSourceConfig.S3_BUCKET, "raw");
        p.put(GraphSourceConfig.REGISTRY_URL, "http://unused");
        return p;
    }

    private static List<byte[]> mimes(String prefix, int n) {
        List<byte[]> mimes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            mimes.add(("From: kunde@example.org\r\nSubject: " + prefix + " " + i + "\r\nMessage-ID: <" + prefix + i
                    + "@example.org>\r\n\r\nSchaden " + prefix + i + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return mimes;
    }

    private static List<SourceRecord> pollUntil(GraphSourceTask task, int n) throws InterruptedException {
        List<SourceRecord> records = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 20_000;
        while (records.size() < n && System.currentTimeMillis() < deadline) {
            records.addAll(task.poll());
        }
        assertThat(records).hasSize(n);
        return records;
    }

    @Test
    void foldersAreSplitOverTasksAndABadFolderIsRefusedAtStart() {
        GraphSourceConnector connector = new GraphSourceConnector();
        Map<String, String> p = props();
        p.put(GraphSourceConfig.FOLDERS, "a@x.example/inbox,b@x.example/inbox,c@x.example/claims");
        connector.start(p);
        List<Map<String, String>> configs = connector.taskConfigs(2);
        assertThat(configs).extracting(c -> c.get(GraphSourceConfig.FOLDERS))
                .containsExactly("a@x.example/inbox,b@x.example/inbox", "c@x.example/claims");
        p.put(GraphSourceConfig.FOLDERS, "no-folder-given");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> connector.start(p))
                .isInstanceOf(org.apache.kafka.common.config.ConfigException.class).hasMessageContaining("mailbox/folder");
    }
}
