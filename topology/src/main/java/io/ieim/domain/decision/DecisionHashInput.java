package io.ieim.domain.decision;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.ieim.domain.classification.Classification;
import io.ieim.domain.identity.IdentityResolution;
import io.ieim.domain.routing.Route;
import io.ieim.spec.Action;
import io.ieim.spec.IdentityStatus;
import io.ieim.spec.Intent;
import io.ieim.spec.Queue;
import io.ieim.spec.ReviewReason;
import io.ieim.spec.RiskFlag;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Everything a decision hash covers (issue 3, stage 7): the digests of what the decision was made
 * from, the ruleset and configuration, and the outputs. No timestamps.
 *
 * <p>The JSON names are fixed here with {@link JsonProperty}, so renaming a Java component never
 * changes a hash silently. Set-like components ({@code risk_flags}, {@code review_reasons},
 * {@code unmatched_references}) are sorted (enums by name) and de-duplicated on construction, so their
 * order never changes the hash. {@code intents} keeps its order: primary first, then by score, which is
 * part of the output.
 *
 * @param inputDigest            hex SHA-256 of the input (the message id, or a digest of the normalized mail)
 * @param identitySnapshotDigest the identity resolution's digest of the identity records it consulted
 * @param rulesetVersion         version(s) of the classification and routing rulesets
 * @param configHash             {@link ConfigHash} of the effective configuration
 * @param primaryIntent          primary intent, null when the mail could not be read
 * @param intents                all intents, primary first
 * @param riskFlags              risk flags (a set)
 * @param queue                  queue
 * @param action                 action
 * @param identityStatus         identity status
 * @param customerId             resolved customer, or null
 * @param policyId               resolved policy, or null
 * @param claimId                resolved claim, or null
 * @param unmatchedReferences    references that matched nothing (a set)
 * @param needsReview            whether a person must look
 * @param reviewReasons          why (a set)
 * @param confidence             classification confidence, finite, in [0, 1]
 * @param ruleFired              the routing rule that matched (e.g. "R8-intent-queue")
 * @param decisionVersion        1 for the first decision of a mail, +1 per correction
 * @param correctionRef          the reviewer action that produced this version, or null
 */
@JsonPropertyOrder(alphabetic = true)
public record DecisionHashInput(
        @JsonProperty("input_digest") String inputDigest,
        @JsonProperty("identity_snapshot_digest") String identitySnapshotDigest,
        @JsonProperty("ruleset_version") String rulesetVersion,
        @JsonProperty("config_hash") String configHash,
        @JsonProperty("primary_intent") Intent primaryIntent,
        @JsonProperty("intents") List<Intent> intents,
        @JsonProperty("risk_flags") List<RiskFlag> riskFlags,
        @JsonProperty("queue") Queue queue,
        @JsonProperty("action") Action action,
        @JsonProperty("identity_status") IdentityStatus identityStatus,
        @JsonProperty("customer_id") String customerId,
        @JsonProperty("policy_id") String policyId,
        @JsonProperty("claim_id") String claimId,
        @JsonProperty("unmatched_references") List<String> unmatchedReferences,
        @JsonProperty("needs_review") boolean needsReview,
        @JsonProperty("review_reasons") List<ReviewReason> reviewReasons,
        @JsonProperty("confidence") double confidence,
        @JsonProperty("rule_fired") String ruleFired,
        @JsonProperty("decision_version") int decisionVersion,
        @JsonProperty("correction_ref") String correctionRef) {

    public DecisionHashInput {
        Objects.requireNonNull(inputDigest, "inputDigest");
        Objects.requireNonNull(rulesetVersion, "rulesetVersion");
        Objects.requireNonNull(configHash, "configHash");
        // primaryIntent is null only for a mail that could not be read (quarantined by rule 1)
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(identityStatus, "identityStatus");
        Objects.requireNonNull(ruleFired, "ruleFired");
        if (!Double.isFinite(confidence) || confidence < 0.0 || confidence > 1.0) {
            throw new IllegalArgumentException("confidence must be finite and in [0, 1]: " + confidence);
        }
        if (decisionVersion < 1) {
            throw new IllegalArgumentException("decisionVersion starts at 1: " + decisionVersion);
        }
        intents = List.copyOf(intents);
        riskFlags = sortedByName(riskFlags);
        reviewReasons = sortedByName(reviewReasons);
        unmatchedReferences = unmatchedReferences.stream().map(Objects::requireNonNull).distinct().sorted().toList();
    }

    /** The hash input of a first or corrected decision, from the outputs of the stages. */
    public static DecisionHashInput of(String inputDigest, String rulesetVersion, String configHash,
                                       Classification classification, IdentityResolution identity, Route route,
                                       int decisionVersion, String correctionRef) {
        return new DecisionHashInput(inputDigest, identity.snapshotDigest(), rulesetVersion, configHash,
                classification.primaryIntent(), classification.intents(), classification.riskFlags(),
                route.queue(), route.action(), identity.status(), identity.customerId(), identity.policyId(),
                identity.claimId(), identity.unmatchedReferences(), route.needsReview(), route.reviewReasons(),
                classification.confidence(), route.ruleFired(), decisionVersion, correctionRef);
    }

    /**
     * The ruleset version recorded in a decision: the versions of the rulesets it was made with, joined
     * by "+" in the given order, e.g. {@code joinRulesetVersions("classification-v1.0.0", "routing-v1.0.0")}.
     */
    public static String joinRulesetVersions(String... versions) {
        if (versions.length == 0) {
            throw new IllegalArgumentException("no ruleset version");
        }
        for (String v : versions) {
            if (v == null || v.isBlank() || v.contains("+")) {
                throw new IllegalArgumentException("bad ruleset version: " + v);
            }
        }
        return String.join("+", versions);
    }

    private static <E extends Enum<E>> List<E> sortedByName(Collection<E> values) {
        return values.stream().map(Objects::requireNonNull).distinct()
                .sorted(Comparator.comparing(Enum::name)).toList();
    }
}
