package io.ieim.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.ieim.avro.RegistrySerdes;
import io.ieim.avro.ReviewAction;
import io.ieim.devstack.StackConfig;
import io.ieim.spec.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Corrections, assignment and reply drafts: one transaction each, idempotent, guarded by If-Match. */
class ReviewMutationApiTest extends ApiStackTestBase {

    private static final String CORRECTION = """
            {"primary_intent": "CLAIM_UPDATE", "intents": ["CLAIM_UPDATE", "BILLING"], "queue": "CLAIMS_HANDLING",
             "policy_id": "KF 2048 1234", "reason": "the customer names the claim in the attachment"}""";

    @Test
    void aCorrectionIsRecordedOnceAndArrivesOnKafkaThroughTheOutbox() throws Exception {
        String subject = uniqueSubject("reviewer");
        String reviewer = token(subject, "reviewer");
        String id = insertDecision(Fixture.of("REVIEW_CLASSIFICATION", "REVIEW").version(3));
        String etag = get("/api/v1/items/" + id, reviewer).headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"3.0\"");
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = post("/api/v1/items/" + id + "/corrections", reviewer, CORRECTION,
                "Idempotency-Key", key, "If-Match", etag);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(first.headers().firstValue("ETag")).hasValue("\"3.1\"");
        JsonNode accepted = json(first);
        String actionId = accepted.path("action_id").asText();
        assertThat(accepted.path("kind").asText()).isEqualTo("CORRECT");
        assertThat(accepted.path("based_on_decision_version").asInt()).isEqualTo(3);

        Map<String, Object> row = db.sql("SELECT * FROM ieim_review.reviewer_action WHERE message_id = :id")
                .param("id", id).query().singleRow();
        assertThat(row.get("action_id").toString()).isEqualTo(actionId);
        assertThat(row).containsEntry("kind", "CORRECT").containsEntry("reviewer", subject)
                .containsEntry("based_on_decision_version", 3);
        JsonNode overrides = JSON.readTree(row.get("overrides").toString());
        assertThat(overrides.path("policy_id").asText()).as("canonical form").isEqualTo("KF-20481234");
        assertThat(overrides.path("queue").asText()).isEqualTo("CLAIMS_HANDLING");
        assertThat(db.sql("SELECT count(*) FROM ieim_review.outbox").query(Long.class).single())
                .as("the outbox row is deleted in its own transaction").isZero();
        assertThat(db.sql("SELECT lock_version FROM ieim_review.review_item_state WHERE message_id = :id")
                .param("id", id).query(Long.class).single()).isEqualTo(1);

        // the same request again: the first answer, no second action
        HttpResponse<String> repeat = post("/api/v1/items/" + id + "/corrections", reviewer, CORRECTION,
                "Idempotency-Key", key, "If-Match", etag);
        assertThat(repeat.statusCode()).isEqualTo(202);
        assertThat(repeat.headers().firstValue("ETag")).hasValue("\"3.1\"");
        assertThat(json(repeat)).isEqualTo(accepted);
        assertThat(actionCount(id)).isEqualTo(1);

        // the same key for another request
        HttpResponse<String> reused = post("/api/v1/items/" + id + "/corrections", reviewer,
                CORRECTION.replace("CLAIMS_HANDLING", "BILLING"), "Idempotency-Key", key, "If-Match", etag);
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(json(reused).path("error_code").asText()).isEqualTo("idempotency_key_reused");

        // a new request on the old ETag
        HttpResponse<String> stale = post("/api/v1/items/" + id + "/corrections", reviewer, CORRECTION,
                "Idempotency-Key", UUID.randomUUID().toString(), "If-Match", etag);
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(json(stale).path("details").path("current_etag").asText()).isEqualTo("\"3.1\"");
        assertThat(actionCount(id)).isEqualTo(1);

        ReviewAction event = readAction(stack(), id, actionId);
        Instant createdAt = ((Timestamp) row.get("created_at")).toInstant();
        assertThat(event.getKind()).isEqualTo("CORRECT");
        assertThat(event.getReviewer()).isEqualTo(subject);
        assertThat(event.getBasedOnDecisionVersion()).isEqualTo(3);
        assertThat(event.getPrimaryIntentOverride()).isEqualTo("CLAIM_UPDATE");
        assertThat(event.getIntentsOverride()).containsExactly("CLAIM_UPDATE", "BILLING");
        assertThat(event.getQueueOverride()).isEqualTo("CLAIMS_HANDLING");
        assertThat(event.getPolicyIdOverride()).isEqualTo("KF-20481234");
        assertThat(event.getActionOverride()).isNull();
        assertThat(event.getReason()).isEqualTo("the customer names the claim in the attachment");
        assertThat(event.getCreatedAt()).isEqualTo(createdAt);
    }

    @Test
    void mutationsNeedTheirHeadersAndValidOverrides() {
        String reviewer = token(uniqueSubject("reviewer"), "reviewer");
        String id = insertDecision(Fixture.of("REVIEW_CLASSIFICATION", "REVIEW"));
        String path = "/api/v1/items/" + id + "/corrections";

        HttpResponse<String> noKey = post(path, reviewer, CORRECTION, "If-Match", "\"1.0\"");
        assertThat(noKey.statusCode()).isEqualTo(400);
        assertThat(json(noKey).path("error_code").asText()).isEqualTo("idempotency_key_required");
        HttpResponse<String> noIfMatch = post(path, reviewer, CORRECTION, "Idempotency-Key", "k-" + UUID.randomUUID());
        assertThat(noIfMatch.statusCode()).isEqualTo(428);

        HttpResponse<String> badLabel = post(path, reviewer, CORRECTION.replace("\"CLAIMS_HANDLING\"", "\"CLAIMS\""),
                "Idempotency-Key", "k-" + UUID.randomUUID(), "If-Match", "\"1.0\"");
        assertThat(badLabel.statusCode()).isEqualTo(400);
        assertThat(json(badLabel).path("details").path("field").asText()).isEqualTo("queue");

        HttpResponse<String> badPolicy = post(path, reviewer, CORRECTION.replace("KF 2048 1234", "Vertrag 12"),
                "Idempotency-Key", "k-" + UUID.randomUUID(), "If-Match", "\"1.0\"");
        assertThat(json(badPolicy).path("details").path("field").asText()).isEqualTo("policy_id");

        HttpResponse<String> nothing = post(path, reviewer, "{\"reason\": \"looked at it\"}",
                "Idempotency-Key", "k-" + UUID.randomUUID(), "If-Match", "\"1.0\"");
        assertThat(nothing.statusCode()).isEqualTo(400);
        assertThat(json(nothing).path("error_code").asText()).isEqualTo("no_override");

        HttpResponse<String> noReason = post(path, reviewer, "{\"queue\": \"BILLING\", \"reason\": \"  \"}",
                "Idempotency-Key", "k-" + UUID.randomUUID(), "If-Match", "\"1.0\"");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(json(noReason).path("details").path("fields").toString()).contains("reason");

        HttpResponse<String> unknownField = post(path, reviewer, "{\"queu\": \"BILLING\", \"reason\": \"x\"}",
                "Idempotency-Key", "k-" + UUID.randomUUID(), "If-Match", "\"1.0\"");
        assertThat(json(unknownField).path("details").path("field").asText()).isEqualTo("queu");
        assertThat(actionCount(id)).isZero();
    }

    @Test
    void assignmentDefaultsToTheCallerAndMovesTheETag() {
        String subject = uniqueSubject("reviewer");
        String reviewer = token(subject, "reviewer");
        String id = insertDecision(Fixture.of("GENERAL", "REVIEW").version(2));
        HttpResponse<String> assigned = post("/api/v1/items/" + id + "/assignment", reviewer, "{}",
                "Idempotency-Key", UUID.randomUUID().toString(), "If-Match", "\"2.0\"");
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
        assertThat(json(assigned).path("assignee").asText()).isEqualTo(subject);
        HttpResponse<String> item = get("/api/v1/items/" + id, reviewer);
        assertThat(json(item).path("review").path("assignee").asText()).isEqualTo(subject);
        assertThat(item.headers().firstValue("ETag")).hasValue("\"2.1\"");

        HttpResponse<String> handOver = post("/api/v1/items/" + id + "/assignment", reviewer,
                "{\"assignee\": \"colleague-7\"}", "Idempotency-Key", UUID.randomUUID().toString(), "If-Match", "\"2.1\"");
        assertThat(handOver.headers().firstValue("ETag")).hasValue("\"2.2\"");
        assertThat(json(get("/api/v1/items/" + id, reviewer)).path("review").path("assignee").asText()).isEqualTo("colleague-7");
        assertThat(db.sql("SELECT kind FROM ieim_review.reviewer_action WHERE message_id = :id")
                .param("id", id).query(String.class).list()).containsExactly("ASSIGN", "ASSIGN");

        // a new decision version makes the reviewer's view stale as well
        db.sql("UPDATE ieim_review.decision_projection SET decision_version = 3 WHERE message_id = :id").param("id", id).update();
        HttpResponse<String> stale = post("/api/v1/items/" + id + "/assignment", reviewer, "{}",
                "Idempotency-Key", UUID.randomUUID().toString(), "If-Match", "\"2.2\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(json(stale).path("details").path("current_etag").asText()).isEqualTo("\"3.2\"");
    }

    @Test
    void aLegalDraftNeedsTwoDifferentApproversNotItsAuthor() {
        String authorSubject = uniqueSubject("author");
        // the author also holds approver: the rule, not the role, must stop self-approval
        String author = token(authorSubject, "reviewer", "approver");
        String first = token(uniqueSubject("approver-a"), "approver");
        String second = token(uniqueSubject("approver-b"), "approver");
        String id = insertDecision(Fixture.of("LEGAL", "REQUEST_INFO"));

        HttpResponse<String> created = post("/api/v1/items/" + id + "/drafts", author,
                "{\"body\": \"Please send us your policy number.\"}",
                "Idempotency-Key", UUID.randomUUID().toString(), "If-Match", "\"1.0\"");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).path("approvals_required").asInt()).isEqualTo(2);
        String draft = json(created).path("draft_id").asText();
        String decide = "/api/v1/drafts/" + draft + "/decision";
        String approve = "{\"verdict\": \"APPROVE\"}";

        HttpResponse<String> own = post(decide, author, approve, "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(own.statusCode()).isEqualTo(409);
        assertThat(json(own).path("error_code").asText()).isEqualTo("own_draft");

        HttpResponse<String> one = post(decide, first, approve, "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
        assertThat(json(one).path("status").asText()).isEqualTo("PENDING");
        assertThat(json(one).path("approvals").asInt()).isEqualTo(1);

        HttpResponse<String> again = post(decide, first, approve, "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).path("error_code").asText()).isEqualTo("already_decided");

        HttpResponse<String> two = post(decide, second, approve, "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(two.statusCode()).isEqualTo(200);
        assertThat(json(two).path("status").asText()).isEqualTo("APPROVED");

        HttpResponse<String> late = post(decide, token(uniqueSubject("approver-c"), "approver"), approve,
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(json(late).path("error_code").asText()).isEqualTo("draft_closed");

        assertThat(db.sql("SELECT kind FROM ieim_review.reviewer_action WHERE message_id = :id AND draft_id = CAST(:d AS uuid)")
                .param("id", id).param("d", draft).query(String.class).list())
                .containsExactly("APPROVE_DRAFT", "APPROVE_DRAFT");
        JsonNode drafts = json(get("/api/v1/items/" + id, first)).path("drafts");
        assertThat(drafts.get(0).path("status").asText()).isEqualTo("APPROVED");
        assertThat(drafts.get(0).path("decisions")).hasSize(2);
    }

    @Test
    void anOrdinaryDraftIsClosedByOneApprovalOrRejection() {
        String reviewer = token(uniqueSubject("reviewer"), "reviewer");
        String general = insertDecision(Fixture.of("GENERAL", "REQUEST_INFO"));
        String draft = json(post("/api/v1/items/" + general + "/drafts", reviewer, "{\"body\": \"Which contract?\"}",
                "Idempotency-Key", UUID.randomUUID().toString(), "If-Match", "\"1.0\"")).path("draft_id").asText();
        HttpResponse<String> rejected = post("/api/v1/drafts/" + draft + "/decision", token(uniqueSubject("a"), "approver"),
                "{\"verdict\": \"REJECT\"}", "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(json(rejected).path("status").asText()).isEqualTo("REJECTED");
        assertThat(json(rejected).path("approvals_required").asInt()).isEqualTo(1);

        String notRequestInfo = insertDecision(Fixture.of("GENERAL", "REVIEW"));
        HttpResponse<String> refused = post("/api/v1/items/" + notRequestInfo + "/drafts", reviewer, "{\"body\": \"x\"}",
                "Idempotency-Key", UUID.randomUUID().toString(), "If-Match", "\"1.0\"");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused).path("error_code").asText()).isEqualTo("not_request_info");
    }

    private long actionCount(String messageId) {
        return db.sql("SELECT count(*) FROM ieim_review.reviewer_action WHERE message_id = :id")
                .param("id", messageId).query(Long.class).single();
    }

    /** Reads raw bytes (the topic also carries other writers' test payloads) and decodes the wanted event. */
    static ReviewAction readAction(StackConfig stack, String messageId, String actionId) {
        Map<String, Object> config = RegistrySerdes.consumerConfig(stack.kafkaBootstrap(), stack.registryUrl(),
                "api-test-" + UUID.randomUUID());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer());
             Deserializer<ReviewAction> avro = RegistrySerdes.valueDeserializer(stack.registryUrl())) {
            consumer.subscribe(List.of(Topics.REVIEWER_ACTIONS.name()));
            Instant deadline = Instant.now().plusSeconds(60);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    var id = record.headers().lastHeader("id");
                    if (messageId.equals(record.key()) && id != null
                            && actionId.equals(new String(id.value(), StandardCharsets.UTF_8))) {
                        ReviewAction action = avro.deserialize(record.topic(), record.value());
                        assertThat(action.getActionId()).isEqualTo(actionId);
                        assertThat(action.getMessageId()).isEqualTo(messageId);
                        return action;
                    }
                }
            }
        }
        throw new AssertionError("action " + actionId + " did not arrive on " + Topics.REVIEWER_ACTIONS.name());
    }
}
