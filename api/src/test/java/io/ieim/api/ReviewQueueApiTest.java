package io.ieim.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Queues, keyset-paginated listings and item details over rows in the review schema. */
class ReviewQueueApiTest extends ApiStackTestBase {

    private final String reviewer = token(uniqueSubject("reviewer"), "reviewer");

    @Test
    void queueSummaryCountsOpenUnassignedAndOverdueItems() {
        JsonNode before = queue(get("/api/v1/queues", reviewer), "BILLING");
        insertDecision(Fixture.of("BILLING", "REVIEW").receivedAt(Instant.now().minus(30, ChronoUnit.DAYS))); // overdue
        insertDecision(Fixture.of("BILLING", "REVIEW").receivedAt(Instant.now()));
        String assigned = insertDecision(Fixture.of("BILLING", "REVIEW").receivedAt(Instant.now()));
        db.sql("INSERT INTO ieim_review.review_item_state (message_id, assignee) VALUES (:id, 'someone')")
                .param("id", assigned).update();
        insertDecision(new Fixture("BILLING", "CREATE_CASE", "BILLING", List.of("BILLING"), 1, Instant.now(), false));

        HttpResponse<String> response = get("/api/v1/queues", reviewer);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode after = queue(response, "BILLING");
        assertThat(after.path("open_items").asLong()).isEqualTo(before.path("open_items").asLong() + 3);
        assertThat(after.path("unassigned_items").asLong()).isEqualTo(before.path("unassigned_items").asLong() + 2);
        assertThat(after.path("overdue_items").asLong()).isEqualTo(before.path("overdue_items").asLong() + 1);
        assertThat(after.path("priority").asInt()).isBetween(1, 9);
        assertThat(after.path("sla_hours").asInt()).isPositive();
        assertThat(after.path("next_due").isNull()).isFalse();
    }

    @Test
    void thePrivacyQueueAndItsItemsDoNotExistForAReviewer() {
        String id = insertDecision(Fixture.of("PRIVACY", "REVIEW"));
        assertThat(names(get("/api/v1/queues", reviewer))).contains("BILLING").doesNotContain("PRIVACY");
        String officer = token(uniqueSubject("dpo"), "privacy_officer");
        assertThat(names(get("/api/v1/queues", officer))).contains("PRIVACY");

        HttpResponse<String> hidden = get("/api/v1/items/" + id, reviewer);
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(json(hidden).path("error_code").asText()).isEqualTo("not_found");
        assertThat(get("/api/v1/queues/PRIVACY/items", reviewer).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/items/" + id, officer).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/queues/PRIVACY/items", token(uniqueSubject("admin"), "admin")).statusCode()).isEqualTo(200);
    }

    @Test
    void itemsArePagedByReceiveTimeWithAnOpaqueCursorUntilNextCursorIsNull() {
        // the stack's database outlives test runs: a fresh assignee isolates this listing
        String assignee = "pager-" + UUID.randomUUID();
        Instant base = Instant.parse("2026-01-05T08:00:00Z");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // two items share a receive time: the message id breaks the tie
            String id = insertDecision(Fixture.of("GENERAL", "REVIEW").receivedAt(base.plusSeconds(i == 2 ? 60 : i * 60L)));
            db.sql("INSERT INTO ieim_review.review_item_state (message_id, assignee) VALUES (:id, :a)")
                    .param("id", id).param("a", assignee).update();
            expected.add(id);
        }
        expected.sort((a, b) -> {
            Instant ra = receivedAt(a), rb = receivedAt(b);
            return ra.equals(rb) ? a.compareTo(b) : ra.compareTo(rb);
        });

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpResponse<String> page = get("/api/v1/queues/GENERAL/items?limit=2&assignee=" + assignee
                    + (cursor == null ? "" : "&cursor=" + cursor), reviewer);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            JsonNode body = json(page);
            body.path("items").forEach(item -> {
                seen.add(item.path("message_id").asText());
                assertThat(item.path("assignee").asText()).isEqualTo(assignee);
                assertThat(item.path("sla_due").asText()).isNotEmpty();
            });
            cursor = body.path("next_cursor").isNull() ? null : body.path("next_cursor").asText();
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).isEqualTo(expected);
    }

    @Test
    void filtersByIntentAndOverdue() {
        String assignee = "filter-" + UUID.randomUUID();
        String old = insertDecision(Fixture.of("COMPLAINTS", "CREATE_CASE").intents("COMPLAINT", "BILLING")
                .receivedAt(Instant.now().minus(40, ChronoUnit.DAYS)));
        String fresh = insertDecision(Fixture.of("COMPLAINTS", "CREATE_CASE").intents("COMPLAINT"));
        for (String id : List.of(old, fresh)) {
            db.sql("INSERT INTO ieim_review.review_item_state (message_id, assignee) VALUES (:id, :a)")
                    .param("id", id).param("a", assignee).update();
        }
        String listing = "/api/v1/queues/COMPLAINTS/items?assignee=" + assignee;
        assertThat(ids(get(listing + "&intent=BILLING", reviewer))).containsExactly(old);
        assertThat(ids(get(listing + "&overdue=true", reviewer))).containsExactly(old);
        assertThat(ids(get(listing + "&overdue=false", reviewer))).containsExactly(fresh);
        assertThat(ids(get(listing, reviewer))).containsExactly(old, fresh);
    }

    @Test
    void badListingParametersAreRefusedWithTheEnvelope() {
        HttpResponse<String> unknownQueue = get("/api/v1/queues/NOT_A_QUEUE/items", reviewer, "X-Correlation-Id", "corr-123");
        assertThat(unknownQueue.statusCode()).isEqualTo(400);
        JsonNode envelope = json(unknownQueue);
        assertThat(envelope.path("error_code").asText()).isEqualTo("invalid_field");
        assertThat(envelope.path("details").path("field").asText()).isEqualTo("queue");
        assertThat(envelope.path("correlation_id").asText()).isEqualTo("corr-123");
        assertThat(envelope.path("retryable").asBoolean()).isFalse();
        assertThat(unknownQueue.headers().firstValue("X-Correlation-Id")).hasValue("corr-123");

        assertThat(get("/api/v1/queues/GENERAL/items?limit=0", reviewer).statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/queues/GENERAL/items?limit=201", reviewer).statusCode()).isEqualTo(400);
        assertThat(json(get("/api/v1/queues/GENERAL/items?intent=NOPE", reviewer)).path("details").path("field").asText())
                .isEqualTo("intent");
        assertThat(get("/api/v1/queues/GENERAL/items?cursor=!!!", reviewer).statusCode()).isEqualTo(400);
    }

    @Test
    void itemDetailHasDecisionStateAuditTrailAndETag() {
        String id = insertDecision(Fixture.of("REVIEW_CLASSIFICATION", "REVIEW").version(3));
        Instant t0 = Instant.parse("2026-03-01T10:00:00Z");
        for (int i = 2; i >= 1; i--) { // inserted out of order: the trail is ordered by recorded_at
            db.sql("""
                            INSERT INTO ieim_review.audit_index (entry_key, event_id, message_id, stage, decision_version,
                                chain_id, sequence, prev_hash, entry_hash, payload_hash, recorded_at)
                            VALUES (:key, :event, :id, 'DECIDED', 3, 'chain-0', :seq, :prev, :hash, :payload, :at)""")
                    .param("key", "chain-0:" + id + i).param("event", "ev-" + i).param("id", id).param("seq", 100 + i)
                    .param("prev", "a".repeat(64)).param("hash", Integer.toString(i).repeat(64))
                    .param("payload", "p".repeat(64)).param("at", Timestamp.from(t0.plusSeconds(i)))
                    .update();
        }
        HttpResponse<String> response = get("/api/v1/items/" + id, reviewer);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("ETag")).hasValue("\"3.0\"");
        JsonNode item = json(response);
        assertThat(item.path("decision").path("queue").asText()).isEqualTo("REVIEW_CLASSIFICATION");
        assertThat(item.path("decision").path("decision_version").asInt()).isEqualTo(3);
        assertThat(item.path("review").path("lock_version").asLong()).isZero();
        assertThat(item.path("review").path("assignee").isNull()).isTrue();
        assertThat(item.path("sla_due").asText()).isNotEmpty();
        assertThat(item.path("audit_trail")).hasSize(2);
        assertThat(item.path("audit_trail").get(0).path("event_id").asText()).isEqualTo("ev-1");
        assertThat(item.path("audit_trail").get(1).path("sequence").asLong()).isEqualTo(102);
        assertThat(item.path("audit_trail").get(1).path("entry_hash").asText()).isEqualTo("2".repeat(64));
        assertThat(item.path("drafts")).isEmpty();

        assertThat(get("/api/v1/items/" + newMessageId(), reviewer).statusCode()).isEqualTo(404);
    }

    private Instant receivedAt(String id) {
        return db.sql("SELECT received_at FROM ieim_review.decision_projection WHERE message_id = :id")
                .param("id", id).query(Timestamp.class).single().toInstant();
    }

    private static JsonNode queue(HttpResponse<String> response, String name) {
        for (JsonNode q : json(response).path("queues")) {
            if (q.path("queue").asText().equals(name)) {
                return q;
            }
        }
        throw new AssertionError("no queue " + name + " in " + response.body());
    }

    private static List<String> names(HttpResponse<String> response) {
        List<String> names = new ArrayList<>();
        json(response).path("queues").forEach(q -> names.add(q.path("queue").asText()));
        return names;
    }

    private static List<String> ids(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json(response).path("items").forEach(i -> ids.add(i.path("message_id").asText()));
        return ids;
    }
}
