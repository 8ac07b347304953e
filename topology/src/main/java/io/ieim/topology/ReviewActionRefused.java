package io.ieim.topology;

import io.ieim.domain.review.Refusal;
import io.ieim.spec.AuditStage;

/**
 * A reviewer action the correction loop refuses. Thrown by {@link ReviewActionProcessor} so that the
 * processing-error handler dead-letters it like any failed record: with the source coordinates and the
 * action's bytes exactly as received, an audit event, in the same transaction, and the task goes on.
 * The message names codes, fields and versions only, never the reviewer's free text.
 */
final class ReviewActionRefused extends RuntimeException {

    private final transient Refusal refusal;
    private final String actionId;
    private final Integer decisionVersion;
    private final transient AuditStage stage;

    /**
     * @param decisionVersion the mail's latest decision version, or null when no decision is known
     * @param stage           the stage the action could not complete: CORRECTED or REVIEW_RECORDED
     */
    ReviewActionRefused(Refusal refusal, String detail, String actionId, Integer decisionVersion, AuditStage stage) {
        super(refusal.name() + ": " + detail, null, false, false); // an expected outcome: no stack trace
        this.refusal = refusal;
        this.actionId = actionId;
        this.decisionVersion = decisionVersion;
        this.stage = stage;
    }

    Refusal refusal() {
        return refusal;
    }

    String actionId() {
        return actionId;
    }

    Integer decisionVersion() {
        return decisionVersion;
    }

    AuditStage stage() {
        return stage;
    }
}
