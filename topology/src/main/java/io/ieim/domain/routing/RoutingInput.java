package io.ieim.domain.routing;

import io.ieim.domain.classification.Classification;
import io.ieim.domain.identity.IdentityResolution;
import io.ieim.spec.IdentityStatus;
import io.ieim.spec.Intent;
import io.ieim.spec.RiskFlag;

import java.util.List;
import java.util.Set;

/**
 * Everything routing looks at.
 *
 * @param parseFailed    the mail could not be parsed at all (rule 1)
 * @param primaryIntent  primary intent
 * @param intents        all intents (primary included)
 * @param riskFlags      risk flags
 * @param identityStatus identity status
 * @param claimConfirmed a referenced claim exists (CLAIM_UPDATE then gives ATTACH_TO_CLAIM)
 * @param belowThreshold classification below its confidence threshold (rule 7)
 * @param conflict       two primary intents in conflict (rule 7)
 */
public record RoutingInput(boolean parseFailed, Intent primaryIntent, List<Intent> intents, Set<RiskFlag> riskFlags,
                           IdentityStatus identityStatus, boolean claimConfirmed, boolean belowThreshold,
                           boolean conflict) {
    public RoutingInput {
        intents = List.copyOf(intents);
        riskFlags = Set.copyOf(riskFlags);
    }

    /**
     * The routing input of a classified mail: the claim counts as confirmed when identity resolution filled
     * the claim (a referenced claim exists).
     */
    public static RoutingInput of(boolean parseFailed, Classification classification, IdentityResolution identity) {
        return new RoutingInput(parseFailed, classification.primaryIntent(), classification.intents(),
                Set.copyOf(classification.riskFlags()), identity.status(), identity.claimId() != null,
                classification.belowThreshold(), classification.conflict());
    }
}
