package io.ieim.domain.review;

import java.util.List;

/**
 * A reviewer's action as it arrived (ReviewAction on the reviewer-actions topic): labels are still
 * strings, because the topic is written by another system and {@link CorrectionApplier} must refuse a
 * label the spec does not know instead of failing to read it. Override fields are null when unchanged.
 *
 * @param actionId               unique id of the action (the outbox event id)
 * @param messageId              the reviewed mail
 * @param kind                   a label of {@code canonical:review-action-kinds}
 * @param reviewer               subject id of the reviewer (not a name)
 * @param basedOnDecisionVersion the decision version the reviewer saw, or null
 * @param primaryIntent          corrected primary intent, or null
 * @param intents                corrected list of all intents, or null
 * @param queue                  corrected queue, or null
 * @param action                 corrected action, or null
 * @param identityStatus         corrected identity status, or null
 * @param customerId             corrected customer number, or null
 * @param policyId               corrected policy number, or null
 * @param claimId                corrected claim number, or null
 * @param draftId                the reply draft approved or rejected, or null
 * @param reason                 the reviewer's free-text reason; only its hash ever leaves the domain
 * @param createdAtEpochMillis   commit time of the action in the review database (data, never a clock)
 */
public record ReviewActionView(String actionId, String messageId, String kind, String reviewer,
                               Integer basedOnDecisionVersion, String primaryIntent, List<String> intents,
                               String queue, String action, String identityStatus, String customerId,
                               String policyId, String claimId, String draftId, String reason,
                               long createdAtEpochMillis) {

    public ReviewActionView {
        intents = intents == null ? null : List.copyOf(intents);
    }

    /** True when the action overrides at least one output of the decision. */
    public boolean overridesSomething() {
        return primaryIntent != null || intents != null || queue != null || action != null || identityStatus != null
                || customerId != null || policyId != null || claimId != null;
    }
}
