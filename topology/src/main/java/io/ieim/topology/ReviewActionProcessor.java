package io.ieim.topology;

import io.ieim.avro.AuditEvent;
import io.ieim.avro.Decision;
import io.ieim.avro.ReviewAction;
import io.ieim.domain.decision.CanonicalJson;
import io.ieim.domain.decision.Digests;
import io.ieim.domain.review.CorrectionApplier;
import io.ieim.domain.review.ReviewOutcome;
import io.ieim.spec.AuditStage;
import io.ieim.spec.ReviewActionKind;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The correction loop: applies reviewers' actions (ieim.review.actions.v1, keyed by message id) to the
 * mail's latest decision in the decisions store it shares with {@link DecisionProcessor}. Sharing the
 * store puts both in one sub-topology, so the task that decided a mail also corrects it (both topics
 * have the same partition count and key). Emits a corrected decision and a CORRECTED audit event, or a
 * REVIEW_RECORDED audit event; a refused action is thrown to the dead-letter handler.
 */
final class ReviewActionProcessor implements Processor<String, ReviewAction, String, SpecificRecord> {

    /** Outcome per {@code <message_id>:<action_id>}: delivery is at least once, an action has one outcome. */
    static final String ACTIONS_STORE = "review-actions-seen";

    private final CorrectionApplier applier;
    private final DecisionMetrics metrics;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, Decision> decisions;
    private KeyValueStore<String, String> seen;

    ReviewActionProcessor(CorrectionApplier applier, DecisionMetrics metrics) {
        this.applier = applier;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.decisions = context.getStateStore(DecisionProcessor.DECISIONS_STORE);
        this.seen = context.getStateStore(ACTIONS_STORE);
    }

    @Override
    public void process(Record<String, ReviewAction> record) {
        ReviewAction action = record.value();
        if (action == null) {
            return; // a tombstone carries no action
        }
        String messageId = record.key();
        String seenKey = messageId + ":" + action.getActionId();
        if (seen.get(seenKey) != null) {
            // a redelivery (Connect restart, replay): the first delivery's outcome stands, nothing new is written
            metrics.reviewAction(action.getKind(), "DUPLICATE");
            return;
        }
        Decision current = messageId == null ? null : decisions.get(messageId);
        ReviewOutcome outcome = applier.apply(current == null ? null : DecisionMapping.snapshot(current),
                DecisionMapping.view(action));
        Instant recordedAt = Instant.ofEpochMilli(record.timestamp()); // the input's time: replays write the same bytes
        switch (outcome) {
            case ReviewOutcome.Corrected corrected -> {
                Decision next = DecisionMapping.corrected(current, corrected);
                decisions.put(messageId, next);
                seen.put(seenKey, AuditStage.CORRECTED.name() + ":" + next.getDecisionVersion());
                AuditEvent event = correctedEvent(action, corrected, next, recordedAt);
                context.forward(record.withKey(event.getEventId()).withValue(event));
                context.forward(record.withKey(messageId).withValue(next));
            }
            case ReviewOutcome.Recorded recorded -> {
                seen.put(seenKey, AuditStage.REVIEW_RECORDED.name() + ":" + recorded.decisionVersion());
                AuditEvent event = recordedEvent(action, recorded, recordedAt);
                context.forward(record.withKey(event.getEventId()).withValue(event));
            }
            case ReviewOutcome.Refused refused -> {
                // remembered before the throw (the handler resumes the task, the store write stays), so a
                // redelivered refused action is not dead-lettered a second time
                seen.put(seenKey, "REFUSED:" + refused.refusal());
                metrics.reviewAction(action.getKind(), "REFUSED");
                throw new ReviewActionRefused(refused.refusal(), refused.detail(), action.getActionId(),
                        current == null ? null : current.getDecisionVersion(),
                        refused.kind() == ReviewActionKind.CORRECT || refused.kind() == null
                                ? AuditStage.CORRECTED : AuditStage.REVIEW_RECORDED);
            }
        }
        metrics.reviewAction(action.getKind(), outcome instanceof ReviewOutcome.Corrected ? "CORRECTED" : "RECORDED");
    }

    /** CORRECTED: ids, labels and hashes of the new version; the reason only as its hash. */
    private static AuditEvent correctedEvent(ReviewAction action, ReviewOutcome.Corrected c, Decision next,
                                             Instant recordedAt) {
        Map<String, String> details = new TreeMap<>();
        details.put("decision_hash", next.getDecisionHash());
        details.put("decision_version", Integer.toString(next.getDecisionVersion()));
        details.put("previous_decision_hash", c.correction().previousDecisionHash());
        details.put("previous_decision_version", Integer.toString(c.correction().previousDecisionVersion()));
        details.put("reviewer", action.getReviewer());
        details.put("changed", String.join(",", c.changed()));
        details.put("primary_intent", String.valueOf(next.getPrimaryIntent()));
        details.put("queue", next.getQueue());
        details.put("action", next.getAction());
        details.put("identity_status", next.getIdentity().getStatus());
        details.put("customer_id", String.valueOf(next.getIdentity().getCustomerId()));
        details.put("needs_review", Boolean.toString(next.getNeedsReview()));
        details.put("review_reasons", String.join(",", next.getReviewReasons()));
        details.put("reason_sha256", c.reasonSha256());
        details.put("action_created_at", action.getCreatedAt().toString());
        AuditEvent event = DecisionMapping.audit(next.getMessageId(), next.getDecisionVersion(), AuditStage.CORRECTED,
                next.getDecisionHash(), details, recordedAt);
        event.setCorrectionActionId(action.getActionId());
        return event;
    }

    /** REVIEW_RECORDED: one per action (the id carries the action id), the reason only as its hash. */
    private static AuditEvent recordedEvent(ReviewAction action, ReviewOutcome.Recorded r, Instant recordedAt) {
        Map<String, String> details = new TreeMap<>();
        details.put("kind", r.kind().name());
        details.put("action_id", action.getActionId());
        details.put("reviewer", action.getReviewer());
        details.put("action_created_at", action.getCreatedAt().toString());
        if (action.getDraftId() != null) {
            details.put("draft_id", action.getDraftId());
        }
        if (action.getReason() != null) {
            details.put("reason_sha256", Digests.sha256Hex(action.getReason()));
        }
        AuditEvent event = DecisionMapping.audit(action.getMessageId(), r.decisionVersion(), AuditStage.REVIEW_RECORDED,
                CanonicalJson.sha256Hex(details), details, recordedAt);
        event.setEventId(DecisionMapping.eventId(action.getMessageId(), r.decisionVersion(), AuditStage.REVIEW_RECORDED)
                + ":" + action.getActionId());
        return event;
    }
}
