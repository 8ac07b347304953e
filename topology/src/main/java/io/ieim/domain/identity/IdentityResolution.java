package io.ieim.domain.identity;

import io.ieim.spec.IdentityStatus;

import java.util.List;

/**
 * Result of identity resolution (contract §4).
 *
 * @param status               CONFIRMED, PROBABLE, AMBIGUOUS or NOT_FOUND
 * @param customerId           null unless resolved to one customer
 * @param policyId             null unless determined
 * @param claimId              null unless a claim reference matched
 * @param unmatchedReferences  canonical references that matched nothing, sorted, never "corrected"
 * @param candidates           customers considered, with scores and why, sorted by id
 * @param reason               short machine-readable reason (e.g. "claim-reference", "sender-address")
 * @param snapshotDigest       hex SHA-256 over the identity records consulted (canonical form), so
 *                             that the decision hash pins the identity data it was made with
 */
public record IdentityResolution(IdentityStatus status, String customerId, String policyId, String claimId,
                                 List<String> unmatchedReferences, List<Candidate> candidates, String reason,
                                 String snapshotDigest) {

    public IdentityResolution {
        unmatchedReferences = List.copyOf(unmatchedReferences);
        candidates = List.copyOf(candidates);
    }

    /** A customer the resolver considered. */
    public record Candidate(String customerId, double score, List<String> matchedSignals) {
        public Candidate {
            matchedSignals = List.copyOf(matchedSignals);
        }
    }
}
