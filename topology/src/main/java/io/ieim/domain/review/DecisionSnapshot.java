package io.ieim.domain.review;

import io.ieim.domain.decision.DecisionHashInput;
import io.ieim.spec.Action;
import io.ieim.spec.IdentityStatus;
import io.ieim.spec.Intent;
import io.ieim.spec.Queue;
import io.ieim.spec.ReviewReason;
import io.ieim.spec.RiskFlag;

import java.util.List;
import java.util.Objects;

/**
 * The parts of a mail's latest decision that a correction reads or replaces, and everything its
 * decision hash covers: {@link #hashInput(String)} of a decision made by the rules reproduces its hash.
 */
public record DecisionSnapshot(String messageId, int decisionVersion, Intent primaryIntent, List<Intent> intents,
                               List<RiskFlag> riskFlags, Queue queue, Action action, IdentityStatus identityStatus,
                               String customerId, String policyId, String claimId, List<String> unmatchedReferences,
                               String identitySnapshotDigest, boolean needsReview, List<ReviewReason> reviewReasons,
                               double confidence, String ruleFired, String rulesetVersion, String configHash,
                               String inputDigest, String decisionHash) {

    public DecisionSnapshot {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(identityStatus, "identityStatus");
        Objects.requireNonNull(decisionHash, "decisionHash");
        intents = List.copyOf(intents);
        riskFlags = List.copyOf(riskFlags);
        unmatchedReferences = List.copyOf(unmatchedReferences);
        reviewReasons = List.copyOf(reviewReasons);
    }

    /** What the decision hash of this snapshot covers, with the given correction reference (null for none). */
    public DecisionHashInput hashInput(String correctionRef) {
        return new DecisionHashInput(inputDigest, identitySnapshotDigest, rulesetVersion, configHash, primaryIntent,
                intents, riskFlags, queue, action, identityStatus, customerId, policyId, claimId, unmatchedReferences,
                needsReview, reviewReasons, confidence, ruleFired, decisionVersion, correctionRef);
    }

    /** True when both make the same routing outcome (version, rule and hash aside). */
    boolean sameOutcomeAs(DecisionSnapshot other) {
        return Objects.equals(primaryIntent, other.primaryIntent) && intents.equals(other.intents)
                && queue == other.queue && action == other.action && identityStatus == other.identityStatus
                && Objects.equals(customerId, other.customerId) && Objects.equals(policyId, other.policyId)
                && Objects.equals(claimId, other.claimId) && needsReview == other.needsReview
                && reviewReasons.equals(other.reviewReasons);
    }
}
