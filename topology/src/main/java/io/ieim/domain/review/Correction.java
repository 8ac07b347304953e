package io.ieim.domain.review;

import io.ieim.domain.decision.CanonicalJson;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The reference a corrected decision carries to the reviewer action it applies (Avro CorrectionRef).
 * Its canonical JSON is the {@code correction_ref} of the decision hash: the previous version's hash is
 * in it, so the versions of a mail form a hash chain, and everything in it is in the decision itself,
 * so a corrected hash can be recomputed from the decision alone.
 */
public record Correction(String actionId, String reviewer, int previousDecisionVersion, String previousDecisionHash) {

    public Correction {
        Objects.requireNonNull(actionId, "actionId");
        Objects.requireNonNull(reviewer, "reviewer");
        Objects.requireNonNull(previousDecisionHash, "previousDecisionHash");
    }

    /** RFC 8785 canonical JSON of the reference, the {@code correction_ref} the decision hash covers. */
    public String canonicalRef() {
        Map<String, Object> ref = new TreeMap<>();
        ref.put("action_id", actionId);
        ref.put("reviewer", reviewer);
        ref.put("previous_decision_version", previousDecisionVersion);
        ref.put("previous_decision_hash", previousDecisionHash);
        return CanonicalJson.canonicalize(ref);
    }
}
