package io.ieim.domain.decision;

/**
 * The decision hash (issue 3, stage 7): lowercase hex SHA-256 over the RFC 8785 canonical JSON of a
 * {@link DecisionHashInput}. The same inputs, rulesets, configuration and outputs always give the
 * same hash; any change of an output gives another. Stateless and thread-safe.
 */
public final class DecisionHasher {

    /** The canonical JSON the hash is computed over (for audit and for explaining a hash). */
    public String canonicalJson(DecisionHashInput input) {
        return CanonicalJson.canonicalize(input);
    }

    /** Lowercase hex SHA-256 of {@link #canonicalJson(DecisionHashInput)} in UTF-8. */
    public String hash(DecisionHashInput input) {
        return Digests.sha256Hex(canonicalJson(input));
    }
}
