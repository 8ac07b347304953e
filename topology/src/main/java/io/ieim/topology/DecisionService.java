package io.ieim.topology;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ieim.avro.Decision;
import io.ieim.domain.decision.DecisionPipeline;
import io.ieim.spec.Topics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The running decision topology: Kafka Streams with exactly-once v2, the dead-letter handlers, and
 * an HTTP endpoint for health, Prometheus metrics and interactive queries of decisions (answered by
 * the instance that owns the mail's partition; other instances forward the request there).
 */
public final class DecisionService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionService.class);

    /**
     * @param applicationId Kafka Streams application id (consumer group, state and internal topics)
     * @param bootstrap     Kafka bootstrap servers
     * @param registryUrl   Apicurio registry v3 URL
     * @param stateDir      local state (RocksDB) folder
     * @param httpPort      port of the HTTP endpoint on 127.0.0.1
     * @param anchorKey     Ed25519 key that signs the audit chains' tree heads
     * @param anchorEvery   a signed tree head every this many entries of a chain
     * @param anchorInterval and at least this often while a chain has unanchored entries
     * @param anchorArchive  write-once object storage for copies of the anchors, or null for none
     * @param attachmentScan the optional attachment scanning stage, or null when it is off (the default)
     */
    public record Settings(String applicationId, String bootstrap, String registryUrl, Path stateDir, int httpPort,
                           java.security.KeyPair anchorKey, int anchorEvery, Duration anchorInterval,
                           io.ieim.storage.WriteOnceObjects anchorArchive, AttachmentScan attachmentScan) {

        /** Without the attachment scanning stage. */
        public Settings(String applicationId, String bootstrap, String registryUrl, Path stateDir, int httpPort,
                        java.security.KeyPair anchorKey, int anchorEvery, Duration anchorInterval,
                        io.ieim.storage.WriteOnceObjects anchorArchive) {
            this(applicationId, bootstrap, registryUrl, stateDir, httpPort, anchorKey, anchorEvery, anchorInterval,
                    anchorArchive, null);
        }
    }

    /**
     * The attachment scanning stage: its rules and scanners, where it reads the raw MIME, and the normalizer
     * (with ingest's limits) that finds the attachments' bytes in it.
     */
    public record AttachmentScan(io.ieim.domain.scan.AttachmentScreening screening, RawMailSource raw,
                                 io.ieim.domain.mail.MailNormalizer normalizer) {
    }

    private final Settings settings;
    private final KafkaStreams streams;
    private final KafkaStreams indexStreams;
    private final KafkaStreams auditStreams;
    /** The attachment scanning stage, null when it is off. */
    private final KafkaStreams scanStreams;
    private final AnchorArchiver anchorArchiver;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HttpServer http;
    private final HttpClient forwarder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final KafkaStreamsMetrics streamsMetrics;
    private final CountDownLatch stopped = new CountDownLatch(1);

    public DecisionService(Settings settings, DecisionPipeline pipeline) throws IOException {
        this.settings = settings;
        SerdeFactory serdes = SerdeFactory.registry(settings.registryUrl());
        DecisionMetrics metrics = new DecisionMetrics(registry);
        Properties props = streamsProperties(settings);
        props.put(DeadLetterHandlers.DEAD_LETTERS_CONFIG, new DeadLetters(serdes, pipeline));
        props.put(DeadLetterHandlers.METRICS_CONFIG, metrics);
        // with the attachment scanning stage on, decisions are made from the scanned mail events
        String mailTopic = settings.attachmentScan() == null ? Topics.MAIL_RECEIVED.name() : Topics.MAIL_SCANNED.name();
        this.streams = new KafkaStreams(DecisionTopology.build(pipeline, serdes, metrics, mailTopic), props);
        if (settings.attachmentScan() != null) {
            Properties scanProps = streamsProperties(settings);
            scanProps.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId() + "-attachment-scan");
            scanProps.remove(StreamsConfig.APPLICATION_SERVER_CONFIG);
            scanProps.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().resolve("attachment-scan").toString());
            scanProps.put(DeadLetterHandlers.DEAD_LETTERS_CONFIG, new DeadLetters(serdes, pipeline));
            scanProps.put(DeadLetterHandlers.METRICS_CONFIG, metrics);
            // a scan may take seconds (OCR); fewer records per poll keep a poll loop well inside max.poll.interval.ms
            scanProps.put(StreamsConfig.consumerPrefix("max.poll.records"), 50);
            AttachmentScan scan = settings.attachmentScan();
            this.scanStreams = new KafkaStreams(AttachmentScanTopology.build(scan.screening(), scan.raw(), scan.normalizer(),
                    serdes, registry), scanProps);
        } else {
            this.scanStreams = null;
        }
        // the identity index is its own application: its topics are global stores of the decision topology
        Properties indexProps = streamsProperties(settings);
        indexProps.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId() + "-identity-index");
        indexProps.remove(StreamsConfig.APPLICATION_SERVER_CONFIG);
        indexProps.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().resolve("identity-index").toString());
        indexProps.put(DeadLetterHandlers.DEAD_LETTERS_CONFIG, new DeadLetters(serdes, pipeline));
        this.indexStreams = new KafkaStreams(IdentityIndexTopology.build(serdes), indexProps);
        // the audit chainer: the single writer of each chain, its own application
        Properties auditProps = streamsProperties(settings);
        auditProps.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId() + "-audit-chain");
        auditProps.remove(StreamsConfig.APPLICATION_SERVER_CONFIG);
        auditProps.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().resolve("audit-chain").toString());
        auditProps.put(DeadLetterHandlers.DEAD_LETTERS_CONFIG, new DeadLetters(serdes, pipeline));
        this.auditStreams = new KafkaStreams(AuditChainTopology.build(settings.applicationId(), serdes, settings.anchorKey(), settings.anchorEvery(),
                settings.anchorInterval(), registry),
                auditProps);
        this.anchorArchiver = settings.anchorArchive() == null ? null : new AnchorArchiver(settings.applicationId(),
                settings.bootstrap(), serdes.serde(io.ieim.avro.AuditAnchor.class).deserializer(), settings.anchorArchive(), registry);
        this.streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
        this.http = HttpServer.create(new InetSocketAddress("127.0.0.1", settings.httpPort()), 0);
        http.createContext("/health", this::health);
        http.createContext("/metrics", this::metrics);
        http.createContext("/decisions/", this::decision);
    }

    static Properties streamsProperties(Settings settings) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().toString());
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, "127.0.0.1:" + settings.httpPort());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandlers.Deserialization.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandlers.Processing.class);
        // a single-broker dev stack: internal topics cannot have more replicas than brokers
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1);
        props.put(StreamsConfig.producerPrefix("max.request.size"), 4 * 1024 * 1024);
        return props;
    }

    public void start() {
        http.start();
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("stream thread failed: {}", DeadLetters.reason(e instanceof Exception ex ? ex : new RuntimeException(e)));
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        indexStreams.setUncaughtExceptionHandler(e -> org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler
                .StreamThreadExceptionResponse.REPLACE_THREAD);
        indexStreams.start();
        auditStreams.setUncaughtExceptionHandler(e -> org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler
                .StreamThreadExceptionResponse.REPLACE_THREAD);
        auditStreams.start();
        if (scanStreams != null) {
            scanStreams.setUncaughtExceptionHandler(e -> {
                // RetryLater (scanner or object store unreachable) lands here: the mail is processed again
                LOG.warn("attachment scan thread failed, replacing it: {}",
                        DeadLetters.reason(e instanceof Exception ex ? ex : new RuntimeException(e)));
                return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
            });
            try {
                LOG.info("attachment scanning on: {}", settings.attachmentScan().screening().scanners());
            } catch (IOException e) {
                // not fatal: the stage retries each mail until the scanner answers, and decides none without it
                LOG.warn("attachment scanning on, but the scanner does not answer yet ({}); mails wait for it",
                        e.getMessage());
            }
            scanStreams.start();
        }
        if (anchorArchiver != null) {
            Thread.ofPlatform().name("ieim-anchor-archive").daemon().start(anchorArchiver);
        }
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                stopped.countDown();
            }
        });
        streams.start();
        LOG.info("decision topology {} started; HTTP on 127.0.0.1:{}", settings.applicationId(), settings.httpPort());
    }

    /** The decision topology's state; the index application must run too for {@link #healthy()}. */
    public KafkaStreams.State state() {
        return streams.state();
    }

    public boolean healthy() {
        return up(streams.state()) && up(indexStreams.state()) && up(auditStreams.state())
                && (scanStreams == null || up(scanStreams.state()));
    }

    private static boolean up(KafkaStreams.State state) {
        return state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
    }

    /** Blocks until the service stops (signal or error). */
    public void awaitTermination() throws InterruptedException {
        stopped.await();
    }

    private void health(HttpExchange exchange) throws IOException {
        respond(exchange, healthy() ? 200 : 503, "{\"state\":\"" + streams.state() + "\",\"identity_index\":\""
                + indexStreams.state() + "\",\"audit_chain\":\"" + auditStreams.state() + "\""
                + (scanStreams == null ? "" : ",\"attachment_scan\":\"" + scanStreams.state() + "\"") + "}", "application/json");
    }

    private void metrics(HttpExchange exchange) throws IOException {
        respond(exchange, 200, registry.scrape(), "text/plain; version=0.0.4");
    }

    private void decision(HttpExchange exchange) throws IOException {
        String messageId = exchange.getRequestURI().getPath().substring("/decisions/".length());
        boolean localOnly = "local=true".equals(exchange.getRequestURI().getQuery());
        if (!messageId.matches("[0-9a-f]{64}")) {
            error(exchange, 400, "bad_message_id", "a message id is 64 lowercase hex characters");
            return;
        }
        try {
            KeyQueryMetadata owner = streams.queryMetadataForKey(DecisionProcessor.DECISIONS_STORE, messageId,
                    Serdes.String().serializer());
            if (owner == null || owner.activeHost() == null || owner.activeHost().port() < 0) {
                error(exchange, 503, "not_ready", "the topology is not running yet");
                return;
            }
            boolean mine = owner.activeHost().port() == settings.httpPort()
                    && "127.0.0.1".equals(owner.activeHost().host());
            if (!mine && !localOnly) {
                forward(exchange, owner, messageId);
                return;
            }
            ReadOnlyKeyValueStore<String, Decision> store = streams.store(StoreQueryParameters.fromNameAndType(
                    DecisionProcessor.DECISIONS_STORE, QueryableStoreTypes.keyValueStore()));
            Decision decision = store.get(messageId);
            if (decision == null) {
                error(exchange, 404, "not_found", "no decision for this message id");
            } else {
                respond(exchange, 200, DecisionJson.of(decision).toString(), "application/json");
            }
        } catch (RuntimeException e) {
            error(exchange, 503, "not_ready", DeadLetters.reason(e));
        }
    }

    private void forward(HttpExchange exchange, KeyQueryMetadata owner, String messageId) throws IOException {
        URI uri = URI.create("http://" + owner.activeHost().host() + ":" + owner.activeHost().port()
                + "/decisions/" + messageId + "?local=true");
        try {
            HttpResponse<String> response = forwarder.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            respond(exchange, response.statusCode(), response.body(), "application/json");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error(exchange, 503, "owner_unreachable", "interrupted");
        } catch (IOException e) {
            error(exchange, 503, "owner_unreachable", "the owning instance did not answer");
        }
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        String body = "{\"error_code\":\"" + code + "\",\"message\":\"" + message.replace("\"", "'")
                + "\",\"retryable\":" + (status >= 500) + "}";
        respond(exchange, status, body, "application/json");
    }

    private static void respond(HttpExchange exchange, int status, String body, String type) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        // leave the group on a clean stop: the other instances take over at once instead of after the session timeout
        var leave = org.apache.kafka.streams.CloseOptions.timeout(Duration.ofSeconds(30))
                .withGroupMembershipOperation(org.apache.kafka.streams.CloseOptions.GroupMembershipOperation.LEAVE_GROUP);
        streams.close(leave);
        indexStreams.close(leave);
        auditStreams.close(leave);
        if (scanStreams != null) {
            scanStreams.close(leave);
        }
        if (anchorArchiver != null) {
            anchorArchiver.close();
        }
        streamsMetrics.close();
        http.stop(0);
    }

    /** Waits until RUNNING or the timeout passes. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (streams.state() == KafkaStreams.State.RUNNING && indexStreams.state() == KafkaStreams.State.RUNNING
                    && auditStreams.state() == KafkaStreams.State.RUNNING
                    && (scanStreams == null || scanStreams.state() == KafkaStreams.State.RUNNING)) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        return false;
    }
}
