package io.ieim.domain.decision;

import io.ieim.domain.identity.IdentityResolution;
import io.ieim.spec.Action;
import io.ieim.spec.AuditStage;
import io.ieim.spec.Intent;
import io.ieim.spec.Queue;
import io.ieim.spec.ReviewReason;
import io.ieim.spec.RiskFlag;

import java.util.List;
import java.util.Map;

/**
 * Everything the pipeline decided about one mail, plus one record per stage for the audit log.
 * Contains ids, labels, hashes and redacted excerpts only, never raw personal data.
 */
public record DecisionOutcome(String messageId, String internetMessageId, int decisionVersion,
                              Intent primaryIntent, List<Intent> intents, List<RiskFlag> riskFlags,
                              Queue queue, Action action, IdentityResolution identity,
                              boolean needsReview, List<ReviewReason> reviewReasons, double confidence,
                              String ruleFired, String rulesetVersion, String configHash,
                              String inputDigest, String decisionHash, List<Evidence> evidence,
                              List<StageRecord> stages) {

    public DecisionOutcome {
        intents = List.copyOf(intents);
        riskFlags = List.copyOf(riskFlags);
        reviewReasons = List.copyOf(reviewReasons);
        evidence = List.copyOf(evidence);
        stages = List.copyOf(stages);
    }

    /**
     * What one stage did, for its audit event.
     *
     * @param stage       the stage
     * @param payloadHash hex SHA-256 of the stage's canonical output
     * @param details     small redacted facts (counts, labels, rule ids), sorted by key
     */
    public record StageRecord(AuditStage stage, String payloadHash, Map<String, String> details) {
        public StageRecord {
            details = Map.copyOf(details);
        }
    }
}
