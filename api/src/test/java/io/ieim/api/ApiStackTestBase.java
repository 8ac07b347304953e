package io.ieim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ieim.devstack.StackConfig;
import io.ieim.devstack.junit.StackTest;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The API against the real embedded stack (PostgreSQL with the review schema, registry, Kafka,
 * Debezium, S3) and a real OIDC provider in-process; one Spring context for all test classes.
 */
@StackTest
@AutoConfigureObservability(tracing = false) // Boot switches metric export off in tests; /actuator/prometheus is tested
@SpringBootTest(classes = ReviewApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiStackTestBase {

    protected static final ObjectMapper JSON = new ObjectMapper();
    protected static final MockOAuth2Server OIDC = startOidc();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient db;

    /** The test stack's addresses, derived from the same port base as the stack extension's. */
    protected static StackConfig stack() {
        return StackConfig.fromEnvironment().withPortBase(Integer.getInteger("ieim.test.portBase", 29000));
    }

    @DynamicPropertySource
    static void stackAndIssuer(DynamicPropertyRegistry registry) {
        registry.add("ieim.api.oidc.issuer-uri", () -> OIDC.issuerUrl("ieim").toString());
        stackServices(registry);
    }

    /** The stack's database, registry and object store (everything but the issuer). */
    static void stackServices(DynamicPropertyRegistry registry) {
        StackConfig stack = stack();
        registry.add("spring.datasource.url", stack::postgresJdbcUrl);
        registry.add("spring.datasource.username", stack::postgresUser);
        registry.add("spring.datasource.password", stack::postgresPassword);
        registry.add("ieim.api.registry-url", stack::registryUrl);
        registry.add("ieim.api.kafka-bootstrap", stack::kafkaBootstrap);
        // small, so the mail upload's 413 is tested without megabytes of test data
        registry.add("ieim.api.ingest.max-size", () -> "256KB");
        registry.add("ieim.api.s3.endpoint", stack::s3Endpoint);
        registry.add("ieim.api.s3.access-key", stack::s3AccessKey);
        registry.add("ieim.api.s3.secret-key", stack::s3SecretKey);
        registry.add("ieim.api.s3.bucket", stack::bucket);
    }

    private static MockOAuth2Server startOidc() {
        MockOAuth2Server server = new MockOAuth2Server();
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
        return server;
    }

    /** A signed access token of the test issuer with the given subject and roles claim. */
    protected static String token(String subject, String... roles) {
        return OIDC.issueToken("ieim", subject, "ieim-api", Map.of("roles", List.of(roles))).serialize();
    }

    protected static String uniqueSubject(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    // --- HTTP

    protected HttpResponse<String> get(String path, String token, String... headers) {
        return send("GET", path, token, null, headers);
    }

    protected HttpResponse<String> post(String path, String token, String body, String... headers) {
        return send("POST", path, token, body, headers);
    }

    protected HttpResponse<String> send(String method, String path, String token, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    // --- fixtures in the review schema (the JDBC sink's table is written directly here)

    protected static String newMessageId() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    protected record Fixture(String queue, String action, String primaryIntent, List<String> intents,
                             int decisionVersion, Instant receivedAt, boolean needsReview) {
        static Fixture of(String queue, String action) {
            return new Fixture(queue, action, "GENERAL_INQUIRY", List.of("GENERAL_INQUIRY"), 1,
                    Instant.now().minusSeconds(3600), true);
        }

        Fixture receivedAt(Instant at) {
            return new Fixture(queue, action, primaryIntent, intents, decisionVersion, at, needsReview);
        }

        Fixture version(int version) {
            return new Fixture(queue, action, primaryIntent, intents, version, receivedAt, needsReview);
        }

        Fixture intents(String primary, String... more) {
            List<String> all = new java.util.ArrayList<>(List.of(primary));
            all.addAll(List.of(more));
            return new Fixture(queue, action, primary, all, decisionVersion, receivedAt, needsReview);
        }
    }

    /** Mails whose projected rows this test wrote directly, standing in for the JDBC sink. */
    private final java.util.List<String> projected = new java.util.ArrayList<>();

    /**
     * The projected tables belong to the sinks: rows a test wrote by hand are not in any topic, so they
     * go again (a projection rebuild on the shared stack must find only what the topics hold).
     */
    @org.junit.jupiter.api.AfterEach
    void removeHandWrittenProjectionRows() {
        for (String id : projected) {
            removeDecision(db, id);
        }
        projected.clear();
    }

    protected String insertDecision(Fixture f) {
        String id = insertDecision(db, f);
        projected.add(id);
        return id;
    }

    /** Removes what {@link #insertDecision(JdbcClient, Fixture)} wrote (for classes with their own context). */
    static void removeDecision(JdbcClient db, String id) {
        db.sql("DELETE FROM ieim_review.audit_index WHERE message_id = :id").param("id", id).update();
        db.sql("DELETE FROM ieim_review.decision_projection WHERE message_id = :id").param("id", id).update();
    }

    /** For test classes with their own Spring context (the UI's browser test signs in at another issuer). */
    static String insertDecision(JdbcClient db, Fixture f) {
        String id = newMessageId();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("id", id);
        params.put("imid", "<" + id.substring(0, 12) + "@example.test>");
        params.put("version", f.decisionVersion());
        params.put("primary", f.primaryIntent());
        params.put("intents", String.join(",", f.intents()));
        params.put("queue", f.queue());
        params.put("action", f.action());
        params.put("needs", f.needsReview());
        params.put("received", f.receivedAt() == null ? null : Timestamp.from(f.receivedAt()));
        db.sql("""
                        INSERT INTO ieim_review.decision_projection (message_id, internet_message_id, decision_version,
                            primary_intent, intents, risk_flags, queue, action, identity_status, identity_unmatched_references,
                            needs_review, review_reasons, confidence, rule_fired, ruleset_version, decision_hash, received_at)
                        VALUES (:id, :imid, :version, :primary, string_to_array(:intents, ','), '{}', :queue, :action,
                            'NOT_FOUND', '{}', :needs, '{LOW_CONFIDENCE}', 0.61, '8', 'test', repeat('d', 64), :received)""")
                .params(params)
                .update();
        return id;
    }
}
