package io.ieim.api.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ieim.api.review.ReviewRequests.Assignment;
import io.ieim.api.review.ReviewRequests.Correction;
import io.ieim.api.review.ReviewRequests.DraftCreation;
import io.ieim.api.review.ReviewRequests.DraftVerdict;
import io.ieim.api.security.Caller;
import io.ieim.api.web.ApiException;
import io.ieim.avro.ReviewAction;
import io.ieim.spec.Action;
import io.ieim.spec.IdentityStatus;
import io.ieim.spec.Intent;
import io.ieim.spec.Queue;
import io.ieim.spec.ReferenceFormats;
import io.ieim.spec.ReferenceKind;
import io.ieim.spec.ReviewActionKind;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The write side. Each mutation is one transaction: the reviewer_action row, the item's lock version
 * (+1), the idempotency record and the outbox row, or none of them. The action's time is the
 * transaction's now(), truncated to milliseconds because the event carries timestamp-millis and the
 * row and the event must agree for ever.
 */
@Service
public class ReviewCommands {

    private final JdbcClient db;
    private final TransactionTemplate tx;
    private final IdempotencyStore idempotency;
    private final ReviewActionOutbox outbox;
    private final ObjectMapper json;

    public ReviewCommands(JdbcClient db, TransactionTemplate tx, IdempotencyStore idempotency,
                          ReviewActionOutbox outbox, ObjectMapper json) {
        this.db = db;
        this.tx = tx;
        this.idempotency = idempotency;
        this.outbox = outbox;
        this.json = json;
    }

    /** Results of the mutations (bodies of 2xx answers). */
    public record ActionAccepted(String actionId, String messageId, String kind, Integer basedOnDecisionVersion,
                                 String assignee, Instant createdAt, long lockVersion) {
    }

    public record DraftCreated(String draftId, String messageId, int approvalsRequired, String status,
                               String createdBy, Instant createdAt) {
    }

    public record DraftDecided(String actionId, String draftId, String messageId, String verdict, String status,
                               int approvals, int approvalsRequired, Instant decidedAt) {
    }

    public Mutation assign(Caller caller, String messageId, String idempotencyKey, String ifMatch, Assignment request) {
        String hash = idempotency.requestHash("assign", messageId, request);
        return idempotent(caller, idempotencyKey, hash, () -> {
            LockedItem item = lockItem(caller, messageId, ifMatch);
            String assignee = request.assignee() != null ? request.assignee() : caller.subject();
            Instant now = now();
            UUID actionId = UUID.randomUUID();
            insertAction(actionId, messageId, ReviewActionKind.ASSIGN, caller, null, Map.of("assignee", assignee),
                    null, null, now);
            db.sql("""
                            UPDATE ieim_review.review_item_state
                            SET assignee = :assignee, assigned_at = :now, lock_version = lock_version + 1, updated_at = :now
                            WHERE message_id = :id""")
                    .param("assignee", assignee).param("now", java.sql.Timestamp.from(now)).param("id", messageId)
                    .update();
            outbox.publish(event(actionId, messageId, ReviewActionKind.ASSIGN, caller, null, now).build());
            ItemTag tag = item.tag().next();
            return new Mutation(200, new ActionAccepted(actionId.toString(), messageId, ReviewActionKind.ASSIGN.name(),
                    null, assignee, now, tag.lockVersion()), tag.header());
        });
    }

    public Mutation correct(Caller caller, String messageId, String idempotencyKey, String ifMatch, Correction request) {
        Map<String, Object> overrides = overrides(request); // 400 before anything else
        String hash = idempotency.requestHash("correct", messageId, request);
        return idempotent(caller, idempotencyKey, hash, () -> {
            LockedItem item = lockItem(caller, messageId, ifMatch);
            int basedOn = item.tag().decisionVersion();
            Instant now = now();
            UUID actionId = UUID.randomUUID();
            insertAction(actionId, messageId, ReviewActionKind.CORRECT, caller, basedOn, overrides, null,
                    request.reason(), now);
            bumpLock(messageId, now);
            ReviewAction.Builder event = event(actionId, messageId, ReviewActionKind.CORRECT, caller, null, now)
                    .setBasedOnDecisionVersion(basedOn)
                    .setReason(request.reason())
                    .setPrimaryIntentOverride((String) overrides.get("primary_intent"))
                    .setQueueOverride((String) overrides.get("queue"))
                    .setActionOverride((String) overrides.get("action"))
                    .setIdentityStatusOverride((String) overrides.get("identity_status"))
                    .setCustomerIdOverride((String) overrides.get("customer_id"))
                    .setPolicyIdOverride((String) overrides.get("policy_id"))
                    .setClaimIdOverride((String) overrides.get("claim_id"));
            @SuppressWarnings("unchecked")
            List<String> intents = (List<String>) overrides.get("intents");
            event.setIntentsOverride(intents);
            outbox.publish(event.build());
            ItemTag tag = item.tag().next();
            // 202: the correction is recorded; the topology emits the corrected decision version later
            return new Mutation(202, new ActionAccepted(actionId.toString(), messageId, ReviewActionKind.CORRECT.name(),
                    basedOn, null, now, tag.lockVersion()), tag.header());
        });
    }

    /**
     * A REQUEST_INFO reply draft. Writing it is not a ReviewAction (the spec's action kinds are the
     * decisions on it), so no outbox event: the draft row and the item's lock version only.
     */
    public Mutation createDraft(Caller caller, String messageId, String idempotencyKey, String ifMatch,
                                DraftCreation request) {
        String hash = idempotency.requestHash("draft", messageId, request);
        return idempotent(caller, idempotencyKey, hash, () -> {
            LockedItem item = lockItem(caller, messageId, ifMatch);
            if (!Action.REQUEST_INFO.name().equals(item.action())) {
                throw ApiException.conflict("not_request_info", "reply drafts exist only for items with action REQUEST_INFO");
            }
            int approvals = Queue.LEGAL.name().equals(item.queue()) || Queue.PRIVACY.name().equals(item.queue()) ? 2 : 1;
            Instant now = now();
            UUID draftId = UUID.randomUUID();
            db.sql("""
                            INSERT INTO ieim_review.reply_draft (draft_id, message_id, body, approvals_required, created_by, created_at)
                            VALUES (:draft, :id, :body, :approvals, :creator, :now)""")
                    .param("draft", draftId).param("id", messageId).param("body", request.body())
                    .param("approvals", approvals).param("creator", caller.subject())
                    .param("now", java.sql.Timestamp.from(now))
                    .update();
            bumpLock(messageId, now);
            return new Mutation(201, new DraftCreated(draftId.toString(), messageId, approvals, "PENDING",
                    caller.subject(), now), item.tag().next().header());
        });
    }

    /**
     * Approve or reject a draft. Approvals need distinct approvers other than the draft's author; a
     * LEGAL or PRIVACY draft is approved by the second one. A rejection closes the draft at once.
     */
    public Mutation decideDraft(Caller caller, String draftId, String idempotencyKey, DraftVerdict request) {
        UUID draft = parseDraftId(draftId);
        String hash = idempotency.requestHash("draft-decision", draftId, request);
        return idempotent(caller, idempotencyKey, hash, () -> {
            String messageId = db.sql("SELECT message_id FROM ieim_review.reply_draft WHERE draft_id = :d")
                    .param("d", draft).query(String.class).optional()
                    .orElseThrow(() -> ApiException.notFound("draft"));
            LockedItem item = lockItem(caller, messageId, null); // locks item before draft, as createDraft does
            Map<String, Object> row = db.sql("""
                            SELECT status, created_by, approvals_required FROM ieim_review.reply_draft
                            WHERE draft_id = :d FOR UPDATE""")
                    .param("d", draft).query().singleRow();
            if (!"PENDING".equals(row.get("status"))) {
                throw ApiException.conflict("draft_closed", "the draft is already " + row.get("status"));
            }
            boolean approve = "APPROVE".equals(request.verdict());
            if (approve && caller.subject().equals(row.get("created_by"))) {
                throw ApiException.conflict("own_draft", "the author of a draft may not approve it");
            }
            boolean decided = db.sql("SELECT 1 FROM ieim_review.draft_decision WHERE draft_id = :d AND approver = :a")
                    .param("d", draft).param("a", caller.subject()).query().listOfRows().size() > 0;
            if (decided) {
                throw ApiException.conflict("already_decided", "this approver has already decided on the draft");
            }
            ReviewActionKind kind = approve ? ReviewActionKind.APPROVE_DRAFT : ReviewActionKind.REJECT_DRAFT;
            Instant now = now();
            UUID actionId = UUID.randomUUID();
            insertAction(actionId, messageId, kind, caller, null, Map.of(), draft, null, now);
            db.sql("""
                            INSERT INTO ieim_review.draft_decision (draft_id, approver, verdict, action_id, decided_at)
                            VALUES (:d, :a, :v, :action, :now)""")
                    .param("d", draft).param("a", caller.subject()).param("v", request.verdict())
                    .param("action", actionId).param("now", java.sql.Timestamp.from(now))
                    .update();
            int required = ((Number) row.get("approvals_required")).intValue();
            int approvals = db.sql("SELECT count(*) FROM ieim_review.draft_decision WHERE draft_id = :d AND verdict = 'APPROVE'")
                    .param("d", draft).query(Integer.class).single();
            String status = !approve ? "REJECTED" : approvals >= required ? "APPROVED" : "PENDING";
            db.sql("UPDATE ieim_review.reply_draft SET status = :s, lock_version = lock_version + 1 WHERE draft_id = :d")
                    .param("s", status).param("d", draft).update();
            bumpLock(messageId, now);
            outbox.publish(event(actionId, messageId, kind, caller, draft.toString(), now).build());
            return new Mutation(200, new DraftDecided(actionId.toString(), draftId, messageId, request.verdict(), status,
                    approvals, required, now), item.tag().next().header());
        });
    }

    // --- the common steps

    private Mutation idempotent(Caller caller, String key, String hash, Supplier<Mutation> work) {
        if (key == null || key.isBlank() || key.length() > 255) {
            throw ApiException.badRequest("idempotency_key_required",
                    "header Idempotency-Key (1..255 characters) is required on every mutation",
                    Map.of("header", "Idempotency-Key"));
        }
        Optional<Mutation> first = idempotency.replay(caller.subject(), key, hash);
        if (first.isPresent()) {
            return first.get();
        }
        try {
            return tx.execute(status -> {
                Mutation result = work.get();
                idempotency.record(caller.subject(), key, hash, result);
                return result;
            });
        } catch (DuplicateKeyException e) {
            // a concurrent request with the same key committed first: answer with its result
            return idempotency.replay(caller.subject(), key, hash).orElseThrow(() -> e);
        }
    }

    private record LockedItem(String queue, String action, ItemTag tag) {
    }

    /**
     * Locks the item's state row (created on first use) and checks visibility and If-Match
     * ({@code ifMatch == null} only for mutations addressed to a draft, not the item).
     */
    private LockedItem lockItem(Caller caller, String messageId, String ifMatch) {
        db.sql("INSERT INTO ieim_review.review_item_state (message_id) VALUES (:id) ON CONFLICT DO NOTHING")
                .param("id", messageId).update();
        LockedItem item = db.sql("""
                        SELECT d.queue, d.action, d.decision_version, s.lock_version
                        FROM ieim_review.review_item_state s
                        JOIN ieim_review.decision_projection d ON d.message_id = s.message_id
                        WHERE s.message_id = :id FOR UPDATE OF s""")
                .param("id", messageId)
                .query((rs, n) -> new LockedItem(rs.getString("queue"), rs.getString("action"),
                        new ItemTag(rs.getInt("decision_version"), rs.getLong("lock_version"))))
                .optional()
                .orElseThrow(() -> ApiException.notFound("item")); // the rollback removes the state row again
        if (Queue.PRIVACY.name().equals(item.queue()) && !caller.seesPrivacyItems()) {
            throw ApiException.notFound("item");
        }
        if (ifMatch != null) {
            ItemTag expected = ItemTag.parse(ifMatch).orElse(null);
            if (!item.tag().equals(expected)) {
                throw new ApiException(HttpStatus.PRECONDITION_FAILED, "stale_item",
                        "the item changed since it was read; reload it", Map.of("current_etag", item.tag().header()),
                        false);
            }
        }
        return item;
    }

    /** If-Match is required on item mutations; checked by the controller before the idempotency lookup. */
    public static void requireIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(HttpStatus.PRECONDITION_REQUIRED, "if_match_required",
                    "header If-Match with the item's ETag is required", Map.of("header", "If-Match"), false);
        }
    }

    private Instant now() {
        return db.sql("SELECT date_trunc('milliseconds', now())").query(java.sql.Timestamp.class).single().toInstant();
    }

    private void bumpLock(String messageId, Instant now) {
        db.sql("UPDATE ieim_review.review_item_state SET lock_version = lock_version + 1, updated_at = :now WHERE message_id = :id")
                .param("now", java.sql.Timestamp.from(now)).param("id", messageId).update();
    }

    private void insertAction(UUID actionId, String messageId, ReviewActionKind kind, Caller caller, Integer basedOn,
                              Map<String, Object> overrides, UUID draftId, String reason, Instant now) {
        try {
            db.sql("""
                            INSERT INTO ieim_review.reviewer_action
                                (action_id, message_id, kind, reviewer, based_on_decision_version, overrides, draft_id, reason, created_at)
                            VALUES (:action, :id, :kind, :reviewer, :based, CAST(:overrides AS jsonb), :draft, :reason, :now)""")
                    .param("action", actionId).param("id", messageId).param("kind", kind.name())
                    .param("reviewer", caller.subject()).param("based", basedOn)
                    .param("overrides", json.writeValueAsString(overrides)).param("draft", draftId)
                    .param("reason", reason).param("now", java.sql.Timestamp.from(now))
                    .update();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ReviewAction.Builder event(UUID actionId, String messageId, ReviewActionKind kind, Caller caller,
                                              String draftId, Instant now) {
        return ReviewAction.newBuilder().setActionId(actionId.toString()).setMessageId(messageId).setKind(kind.name())
                .setReviewer(caller.subject()).setDraftId(draftId).setCreatedAt(now);
    }

    /** The correction's overrides in canonical form, keyed by request field; 400 naming the first bad field. */
    static Map<String, Object> overrides(Correction c) {
        Map<String, Object> o = new LinkedHashMap<>();
        if (c.primaryIntent() != null) {
            o.put("primary_intent", Labels.parse(Intent.class, "primary_intent", c.primaryIntent()).name());
        }
        if (c.intents() != null) {
            if (c.intents().isEmpty()) {
                throw ApiException.invalidField("intents", "intents, when given, must not be empty");
            }
            o.put("intents", c.intents().stream().map(i -> Labels.parse(Intent.class, "intents", i).name())
                    .distinct().toList());
        }
        if (c.queue() != null) {
            o.put("queue", Labels.parse(Queue.class, "queue", c.queue()).name());
        }
        if (c.action() != null) {
            o.put("action", Labels.parse(Action.class, "action", c.action()).name());
        }
        if (c.identityStatus() != null) {
            o.put("identity_status", Labels.parse(IdentityStatus.class, "identity_status", c.identityStatus()).name());
        }
        reference(o, "customer_id", ReferenceKind.CUSTOMER, c.customerId());
        reference(o, "policy_id", ReferenceKind.POLICY, c.policyId());
        reference(o, "claim_id", ReferenceKind.CLAIM, c.claimId());
        if (o.isEmpty()) {
            throw ApiException.badRequest("no_override", "a correction needs at least one override",
                    Map.of("fields", List.of("primary_intent", "intents", "queue", "action", "identity_status",
                            "customer_id", "policy_id", "claim_id")));
        }
        return o;
    }

    private static void reference(Map<String, Object> overrides, String field, ReferenceKind kind, String written) {
        if (written == null) {
            return;
        }
        // canonical form only: the written value must be exactly one reference of its kind
        String canonical = ReferenceFormats.canonicalize(kind, written)
                .filter(c -> written.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "")
                        .equals(c.replaceAll("[^A-Z0-9]", "")))
                .orElseThrow(() -> ApiException.invalidField(field, field + " is not a " + kind.name().toLowerCase(java.util.Locale.ROOT) + " number"));
        overrides.put(field, canonical);
    }

    private static UUID parseDraftId(String draftId) {
        try {
            return UUID.fromString(draftId);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("draft");
        }
    }
}
