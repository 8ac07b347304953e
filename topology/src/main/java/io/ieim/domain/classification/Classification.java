package io.ieim.domain.classification;

import io.ieim.domain.decision.Evidence;
import io.ieim.spec.Intent;
import io.ieim.spec.RiskFlag;

import java.util.List;

/**
 * Result of classification.
 *
 * @param primaryIntent the primary intent
 * @param intents       all intents found, primary first, then by score (descending) and name
 * @param riskFlags     risk flags, sorted by name
 * @param confidence    0..1 confidence of the primary intent
 * @param belowThreshold true when confidence is below the primary intent's threshold (routing rule 7)
 * @param conflict      true when two primary intents are in conflict (routing rule 7)
 * @param evidence      which rule fired on which text span
 */
public record Classification(Intent primaryIntent, List<Intent> intents, List<RiskFlag> riskFlags, double confidence,
                             boolean belowThreshold, boolean conflict, List<Evidence> evidence) {

    public Classification {
        intents = List.copyOf(intents);
        riskFlags = List.copyOf(riskFlags);
        evidence = List.copyOf(evidence);
    }

    /** No classification: the mail could not be read (routing rule 1 quarantines it). */
    public static Classification none() {
        return new Classification(null, List.of(), List.of(), 0.0, false, false, List.of());
    }
}
