package io.ieim.cli;

import io.ieim.avro.Decision;
import io.ieim.devstack.DemoTokens;
import io.ieim.devstack.StackConfig;
import io.ieim.devstack.junit.StackTest;
import io.ieim.domain.mail.MailNormalizer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product's loop, end to end on the embedded stack: ingest -> decision -> queue view (JDBC sink)
 * -> a reviewer corrects it over the API -> outbox -> Debezium -> topology -> decision version 2 ->
 * the view shows it -> the audit chain, with the correction in it, verifies.
 */
@StackTest
class ReviewCorrectionLoopStackTest {

    private StackConfig stack;

    @AfterEach
    void stop() {
        CliOnStack.release(stack);
    }

    @Test
    void aReviewerCorrectionBecomesANewAuditedDecisionVersionInTheQueueView(StackConfig stack, @TempDir Path temp) throws Exception {
        this.stack = stack;
        CliOnStack.pointAt(stack);
        Map<String, String> env = Map.of("IEIM_ANCHOR_EVERY", "7", "IEIM_ANCHOR_INTERVAL_SECONDS", "2");
        Topology.ensureRunning(stack, Duration.ofSeconds(120), env);
        ReviewApi.ensureRunning(stack, Duration.ofSeconds(120), Map.of());

        // a sample the rules cannot classify confidently (gold: REVIEW_CLASSIFICATION), made unique
        Path samples = Path.of(System.getProperty("ieim.home")).resolve("data/samples/mail");
        String raw = Files.readString(samples.resolve("de-160-bitte-rueckruf.eml"), StandardCharsets.ISO_8859_1)
                .replaceFirst("(?im)^Message-ID:.*$", "Message-ID: <loop-" + UUID.randomUUID() + "@example.de>");
        Path dir = Files.createDirectories(temp.resolve("mail"));
        Files.writeString(dir.resolve("loop.eml"), raw, StandardCharsets.ISO_8859_1);
        String messageId = new MailNormalizer().normalize(raw.getBytes(StandardCharsets.ISO_8859_1)).messageId();
        assertThat(Ieim.run("ingest", dir.toString())).isZero();

        Map<String, Object> first = awaitRow(messageId, row -> true);
        assertThat(first).containsEntry("decision_version", 1).containsEntry("queue", "REVIEW_CLASSIFICATION")
                .containsEntry("needs_review", true);

        String token = DemoTokens.issue(stack, "reviewer");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> item = http.send(HttpRequest.newBuilder(URI.create(ReviewApi.url(stack) + "/api/v1/items/" + messageId))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(item.statusCode()).as(item.body()).isEqualTo(200);
        String etag = item.headers().firstValue("ETag").orElseThrow();

        String body = """
                {"primary_intent": "GENERAL_INQUIRY", "queue": "GENERAL", "action": "CREATE_CASE",
                 "reason": "Kunde bittet um Rueckruf: allgemeine Anfrage"}""";
        HttpResponse<String> corrected = http.send(HttpRequest.newBuilder(URI.create(ReviewApi.url(stack) + "/api/v1/items/" + messageId + "/corrections"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString()).header("If-Match", etag)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(202);

        // outbox -> Debezium -> topology -> decisions -> JDBC sink
        Map<String, Object> second = awaitRow(messageId, row -> Integer.valueOf(2).equals(row.get("decision_version")));
        assertThat(second).containsEntry("queue", "GENERAL").containsEntry("action", "CREATE_CASE")
                .containsEntry("primary_intent", "GENERAL_INQUIRY").containsEntry("needs_review", false);
        assertThat(second.get("decision_hash")).isNotEqualTo(first.get("decision_hash"));
        Decision latest = DecisionsCommand.latestDecisions(stack).get(messageId);
        assertThat(latest.getDecisionVersion()).isEqualTo(2);
        assertThat(latest.getCorrection()).isNotNull();

        // the correction is in the audit chain (and its index), and the chain verifies
        Instant deadline = Instant.now().plusSeconds(60);
        boolean indexed = false;
        while (!indexed && Instant.now().isBefore(deadline)) {
            indexed = count("SELECT count(*) FROM ieim_review.audit_index WHERE message_id = ? AND stage = 'CORRECTED'"
                    + " AND decision_version = 2 AND correction_action_id IS NOT NULL", messageId) == 1;
            Thread.sleep(500);
        }
        assertThat(indexed).as("CORRECTED audit event in the audit index").isTrue();
        Thread.sleep(3000); // the timer anchors the chains' last entries
        assertThat(Ieim.run("ledger", "verify", "--chains", Topology.APPLICATION_ID + "/")).isZero();
        // the item left its queue: the API no longer lists it as needing review
        HttpResponse<String> queue = http.send(HttpRequest.newBuilder(URI.create(ReviewApi.url(stack)
                        + "/api/v1/queues/REVIEW_CLASSIFICATION/items?limit=200")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).doesNotContain(messageId);
    }

    private Map<String, Object> awaitRow(String messageId, java.util.function.Predicate<Map<String, Object>> wanted) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        Map<String, Object> row = Map.of();
        try (Connection db = DriverManager.getConnection(stack.postgresJdbcUrl(), stack.postgresUser(), stack.postgresPassword());
             PreparedStatement select = db.prepareStatement("SELECT * FROM ieim_review.decision_projection WHERE message_id = ?")) {
            select.setString(1, messageId);
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet rs = select.executeQuery()) {
                    if (rs.next()) {
                        row = new HashMap<>();
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                        }
                        if (wanted.test(row)) {
                            return row;
                        }
                    }
                }
                Thread.sleep(500);
            }
        }
        throw new AssertionError("no wanted projection row for " + messageId + " within 120 s; last: " + row);
    }

    private long count(String sql, String messageId) throws Exception {
        try (Connection db = DriverManager.getConnection(stack.postgresJdbcUrl(), stack.postgresUser(), stack.postgresPassword());
             PreparedStatement st = db.prepareStatement(sql)) {
            st.setString(1, messageId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
