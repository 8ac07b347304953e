package io.ieim.domain.review;

/** Why a reviewer action is refused (fail closed: it is dead-lettered and changes nothing). */
public enum Refusal {
    /** no decision is known for the mail (yet) in the state of its partition */
    UNKNOWN_MAIL,
    /** the action's message id is not the record key it arrived under */
    WRONG_MAIL,
    /** the action names no reviewer: it could not be attributed */
    MISSING_REVIEWER,
    /** a kind, intent, queue, action or identity status that is not a label of the spec */
    INVALID_LABEL,
    /** a customer, policy or claim number not in its canonical form */
    INVALID_REFERENCE,
    /** a correction without the mandatory reason */
    MISSING_REASON,
    /** a correction or draft decision that does not say which decision version it was based on */
    MISSING_BASE_VERSION,
    /** based on a decision version that is no longer the latest */
    STALE_VERSION,
    /** a correction that overrides nothing, or leaves every output as it was */
    NO_CHANGE,
    /** the corrected intents do not include the primary intent */
    INCONSISTENT_INTENTS,
    /** identity ids that contradict the identity status (e.g. a customer with NOT_FOUND, none with CONFIRMED) */
    INCONSISTENT_IDENTITY,
    /** a draft approval or rejection that names no draft */
    MISSING_DRAFT
}
