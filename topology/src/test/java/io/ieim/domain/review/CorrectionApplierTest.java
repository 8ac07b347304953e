package io.ieim.domain.review;

import io.ieim.domain.decision.DecisionHasher;
import io.ieim.domain.decision.DecisionPipeline;
import io.ieim.spec.Action;
import io.ieim.spec.IdentityStatus;
import io.ieim.spec.Intent;
import io.ieim.spec.Queue;
import io.ieim.spec.ReviewActionKind;
import io.ieim.spec.ReviewReason;
import io.ieim.spec.RiskFlag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The pure override logic of the correction loop, without Kafka. */
class CorrectionApplierTest {

    private static final String MAIL = "a".repeat(64);
    private static final DecisionHasher HASHER = new DecisionHasher();
    private final CorrectionApplier applier = DecisionPipeline.standard(new byte[32]).corrections();

    /** A rules-made decision: REVIEW_CLASSIFICATION for a low-confidence claim mail of a confirmed customer. */
    static DecisionSnapshot lowConfidenceClaim() {
        return hashed(new DecisionSnapshot(MAIL, 1, Intent.CLAIM_UPDATE, List.of(Intent.CLAIM_UPDATE, Intent.BILLING),
                List.of(RiskFlag.URGENT), Queue.REVIEW_CLASSIFICATION, Action.REVIEW, IdentityStatus.CONFIRMED,
                "CU-1002345", "KF-20481234", "SC-2026-004512", List.of("HR-99999999"), "d".repeat(64), true,
                List.of(ReviewReason.LOW_CONFIDENCE), 0.41, "R7-review-classification", "rules-v1", "c".repeat(64),
                "i".repeat(64), "pending"));
    }

    static DecisionSnapshot hashed(DecisionSnapshot d) {
        return new DecisionSnapshot(d.messageId(), d.decisionVersion(), d.primaryIntent(), d.intents(), d.riskFlags(),
                d.queue(), d.action(), d.identityStatus(), d.customerId(), d.policyId(), d.claimId(),
                d.unmatchedReferences(), d.identitySnapshotDigest(), d.needsReview(), d.reviewReasons(), d.confidence(),
                d.ruleFired(), d.rulesetVersion(), d.configHash(), d.inputDigest(), HASHER.hash(d.hashInput(null)));
    }

    /** A CORRECT based on version 1 with a reason and no overrides; tests add the overrides. */
    static Builder correct() {
        return new Builder().kind("CORRECT").basedOn(1).reason("Kundin hat telefonisch bestätigt, Anna Muster");
    }

    static final class Builder {
        String actionId = "7b0e2c8e-0000-4000-8000-000000000001";
        String messageId = MAIL;
        String kind;
        String reviewer = "reviewer-subject-42";
        Integer basedOn;
        String primary;
        List<String> intents;
        String queue;
        String action;
        String status;
        String customer;
        String policy;
        String claim;
        String draft;
        String reason;

        Builder kind(String v) { kind = v; return this; }
        Builder id(String v) { actionId = v; return this; }
        Builder mail(String v) { messageId = v; return this; }
        Builder reviewer(String v) { reviewer = v; return this; }
        Builder basedOn(Integer v) { basedOn = v; return this; }
        Builder primary(String v) { primary = v; return this; }
        Builder intents(String... v) { intents = List.of(v); return this; }
        Builder queue(String v) { queue = v; return this; }
        Builder action(String v) { action = v; return this; }
        Builder status(String v) { status = v; return this; }
        Builder customer(String v) { customer = v; return this; }
        Builder policy(String v) { policy = v; return this; }
        Builder claim(String v) { claim = v; return this; }
        Builder draft(String v) { draft = v; return this; }
        Builder reason(String v) { reason = v; return this; }

        ReviewActionView build() {
            return new ReviewActionView(actionId, messageId, kind, reviewer, basedOn, primary, intents, queue, action,
                    status, customer, policy, claim, draft, reason, 1_772_400_000_000L);
        }
    }

    private ReviewOutcome.Corrected corrected(DecisionSnapshot current, Builder action) {
        ReviewOutcome outcome = applier.apply(current, action.build());
        assertThat(outcome).isInstanceOf(ReviewOutcome.Corrected.class);
        return (ReviewOutcome.Corrected) outcome;
    }

    private ReviewOutcome.Refused refused(DecisionSnapshot current, Builder action) {
        ReviewOutcome outcome = applier.apply(current, action.build());
        assertThat(outcome).isInstanceOf(ReviewOutcome.Refused.class);
        ReviewOutcome.Refused refused = (ReviewOutcome.Refused) outcome;
        // operators read the detail: never the reviewer's free text
        assertThat(refused.detail()).doesNotContain("Anna").doesNotContain("telefonisch");
        return refused;
    }

    @Test
    void theSnapshotOfARulesMadeDecisionReproducesItsHash() {
        DecisionSnapshot current = lowConfidenceClaim();
        assertThat(HASHER.hash(current.hashInput(null))).isEqualTo(current.decisionHash());
    }

    @Test
    void aCorrectionMakesTheNextVersionWithTheOverridesAndANewReproducibleHash() {
        DecisionSnapshot current = lowConfidenceClaim();
        Builder action = correct().queue("CLAIMS_HANDLING").action("ATTACH_TO_CLAIM");
        ReviewOutcome.Corrected c = corrected(current, action);
        DecisionSnapshot next = c.decision();

        assertThat(next.decisionVersion()).isEqualTo(2);
        assertThat(next.queue()).isEqualTo(Queue.CLAIMS_HANDLING);
        assertThat(next.action()).isEqualTo(Action.ATTACH_TO_CLAIM);
        // null overrides keep what was decided
        assertThat(next.primaryIntent()).isEqualTo(Intent.CLAIM_UPDATE);
        assertThat(next.intents()).containsExactly(Intent.CLAIM_UPDATE, Intent.BILLING);
        assertThat(next.customerId()).isEqualTo("CU-1002345");
        assertThat(next.claimId()).isEqualTo("SC-2026-004512");
        assertThat(next.riskFlags()).containsExactly(RiskFlag.URGENT);
        assertThat(next.ruleFired()).isEqualTo(CorrectionApplier.RULE_ID);
        // the reviewer's route needs no review: the LOW_CONFIDENCE doubt went with the REVIEW action
        assertThat(next.needsReview()).isFalse();
        assertThat(next.reviewReasons()).isEmpty();

        assertThat(c.correction()).isEqualTo(new Correction(action.actionId, "reviewer-subject-42", 1, current.decisionHash()));
        assertThat(next.decisionHash()).matches("[0-9a-f]{64}").isNotEqualTo(current.decisionHash());
        assertThat(next.decisionHash()).isEqualTo(HASHER.hash(next.hashInput(c.correction().canonicalRef())));
        assertThat(c.changed()).containsExactly("action", "needs_review", "queue", "review_reasons");
        assertThat(c.reasonSha256()).matches("[0-9a-f]{64}");

        // the same action on the same decision: the same version and hash, on any run
        assertThat(corrected(current, action).decision()).isEqualTo(next);
        // another action id with the same overrides is another correction: another hash
        assertThat(corrected(current, correct().id("other").queue("CLAIMS_HANDLING").action("ATTACH_TO_CLAIM"))
                .decision().decisionHash()).isNotEqualTo(next.decisionHash());
    }

    @Test
    void aCorrectionOfACorrectionIsVersionThreeAndChainsThePreviousHash() {
        DecisionSnapshot v2 = corrected(lowConfidenceClaim(), correct().queue("CLAIMS_HANDLING").action("CREATE_CASE")).decision();
        ReviewOutcome.Corrected c = corrected(v2, correct().id("second").basedOn(2).action("ATTACH_TO_CLAIM"));
        assertThat(c.decision().decisionVersion()).isEqualTo(3);
        assertThat(c.correction().previousDecisionVersion()).isEqualTo(2);
        assertThat(c.correction().previousDecisionHash()).isEqualTo(v2.decisionHash());
        assertThat(c.decision().queue()).isEqualTo(Queue.CLAIMS_HANDLING);
    }

    @Test
    void legalPrivacyAndReviewingActionsStillNeedReviewAfterACorrection() {
        DecisionSnapshot current = lowConfidenceClaim();
        DecisionSnapshot legal = corrected(current, correct().primary("LEGAL").queue("LEGAL").action("CREATE_CASE")).decision();
        assertThat(legal.needsReview()).isTrue();
        assertThat(legal.reviewReasons()).containsExactly(ReviewReason.LEGAL_MATTER);
        assertThat(legal.intents()).containsExactly(Intent.LEGAL, Intent.CLAIM_UPDATE, Intent.BILLING);

        DecisionSnapshot privacy = corrected(current, correct().queue("PRIVACY").action("CREATE_CASE")).decision();
        assertThat(privacy.needsReview()).isTrue();
        assertThat(privacy.reviewReasons()).containsExactly(ReviewReason.PRIVACY_MATTER);

        DecisionSnapshot requestInfo = corrected(current, correct().queue("POLICY_SERVICE").action("REQUEST_INFO")).decision();
        assertThat(requestInfo.needsReview()).isTrue();
        assertThat(requestInfo.reviewReasons()).containsExactly(ReviewReason.CONTRACT_UNKNOWN);

        DecisionSnapshot quarantine = corrected(current, correct().queue("SECURITY_QUARANTINE").action("QUARANTINE")).decision();
        assertThat(quarantine.needsReview()).isTrue();
        assertThat(quarantine.reviewReasons()).containsExactly(ReviewReason.QUARANTINED);
    }

    @Test
    void theClassifiersDoubtStandsWhileTheIntentsAreUncorrectedAndGoesWhenAReviewerSetsThem() {
        DecisionSnapshot current = lowConfidenceClaim();
        // only the identity corrected, still a REVIEW: the low confidence remains the reason
        DecisionSnapshot identityOnly = corrected(current, correct().status("PROBABLE")).decision();
        assertThat(identityOnly.needsReview()).isTrue();
        assertThat(identityOnly.reviewReasons()).containsExactly(ReviewReason.LOW_CONFIDENCE);
        assertThat(identityOnly.ruleFired()).isEqualTo("R7-review-classification");
        // the reviewer names the intent: the doubt is resolved, though the action stays REVIEW
        DecisionSnapshot intent = corrected(current, correct().primary("CLAIM_UPDATE").intents("CLAIM_UPDATE")).decision();
        assertThat(intent.intents()).containsExactly(Intent.CLAIM_UPDATE);
        assertThat(intent.reviewReasons()).isEmpty();
        assertThat(intent.needsReview()).isTrue();
    }

    @Test
    void identityOverridesNeverKeepALinkTheReviewerDidNotStandBehind() {
        DecisionSnapshot current = lowConfidenceClaim();
        DecisionSnapshot notFound = corrected(current, correct().status("NOT_FOUND")).decision();
        assertThat(notFound.customerId()).isNull();
        assertThat(notFound.policyId()).isNull();
        assertThat(notFound.claimId()).isNull();
        assertThat(notFound.unmatchedReferences()).containsExactly("HR-99999999");

        // another customer: the old customer's policy and claim are dropped unless given
        DecisionSnapshot other = corrected(current, correct().customer("CU-1002346").policy("HR-20481235")).decision();
        assertThat(other.customerId()).isEqualTo("CU-1002346");
        assertThat(other.policyId()).isEqualTo("HR-20481235");
        assertThat(other.claimId()).isNull();
        assertThat(other.identityStatus()).isEqualTo(IdentityStatus.CONFIRMED);
    }

    @Test
    void refusesWhatItCannotApplySafely() {
        DecisionSnapshot current = lowConfidenceClaim();
        assertThat(refused(null, correct().queue("LEGAL")).refusal()).isEqualTo(Refusal.UNKNOWN_MAIL);
        assertThat(refused(current, correct().mail("b".repeat(64)).queue("LEGAL")).refusal()).isEqualTo(Refusal.WRONG_MAIL);
        assertThat(refused(current, correct().reviewer(" ").queue("LEGAL")).refusal()).isEqualTo(Refusal.MISSING_REVIEWER);
        ReviewOutcome.Refused stale = refused(current, correct().basedOn(0).queue("LEGAL"));
        assertThat(stale.refusal()).isEqualTo(Refusal.STALE_VERSION);
        assertThat(stale.detail()).contains("0").contains("1");
        assertThat(stale.kind()).isEqualTo(ReviewActionKind.CORRECT);
        assertThat(refused(current, correct().basedOn(null).queue("LEGAL")).refusal()).isEqualTo(Refusal.MISSING_BASE_VERSION);
        assertThat(refused(current, correct().reason(null).queue("LEGAL")).refusal()).isEqualTo(Refusal.MISSING_REASON);
        assertThat(refused(current, correct().reason("  ").queue("LEGAL")).refusal()).isEqualTo(Refusal.MISSING_REASON);
        assertThat(refused(current, correct()).refusal()).isEqualTo(Refusal.NO_CHANGE);
        assertThat(refused(current, correct().queue("REVIEW_CLASSIFICATION").action("REVIEW")).refusal()).isEqualTo(Refusal.NO_CHANGE);
        assertThat(refused(current, correct().intents("BILLING")).refusal()).isEqualTo(Refusal.INCONSISTENT_INTENTS);
        assertThat(refused(current, correct().status("AMBIGUOUS").customer("CU-1002345")).refusal())
                .isEqualTo(Refusal.INCONSISTENT_IDENTITY);
        DecisionSnapshot notFound = corrected(current, correct().status("NOT_FOUND")).decision();
        assertThat(refused(notFound, correct().basedOn(2).status("CONFIRMED")).refusal()).isEqualTo(Refusal.INCONSISTENT_IDENTITY);
    }

    @Test
    void refusesLabelsAndReferencesOutsideTheSpec() {
        DecisionSnapshot current = lowConfidenceClaim();
        assertThat(refused(current, correct().kind("DELETE")).refusal()).isEqualTo(Refusal.INVALID_LABEL);
        assertThat(refused(current, correct().primary("CLAIM_OLD")).detail()).contains("primary_intent_override");
        assertThat(refused(current, correct().intents("CLAIM_UPDATE", "claim_new")).refusal()).isEqualTo(Refusal.INVALID_LABEL);
        assertThat(refused(current, correct().queue("SOMEWHERE")).detail()).contains("queue_override");
        assertThat(refused(current, correct().action("DELETE_MAIL")).detail()).contains("action_override");
        assertThat(refused(current, correct().status("CERTAIN")).detail()).contains("identity_status_override");
        ReviewOutcome.Refused reference = refused(current, correct().policy("KF 2048 1234"));
        assertThat(reference.refusal()).isEqualTo(Refusal.INVALID_REFERENCE);
        assertThat(reference.detail()).contains("policy_id_override");
        assertThat(refused(current, correct().customer("1002345")).refusal()).isEqualTo(Refusal.INVALID_REFERENCE);
        assertThat(refused(current, correct().claim("SC-26-1")).refusal()).isEqualTo(Refusal.INVALID_REFERENCE);
    }

    @Test
    void assignmentsAndDraftDecisionsAreRecordedWithoutANewVersion() {
        DecisionSnapshot current = lowConfidenceClaim();
        assertThat(applier.apply(current, new Builder().kind("ASSIGN").build()))
                .isEqualTo(new ReviewOutcome.Recorded(ReviewActionKind.ASSIGN, 1));
        assertThat(applier.apply(current, new Builder().kind("APPROVE_DRAFT").basedOn(1).draft("draft-1").build()))
                .isEqualTo(new ReviewOutcome.Recorded(ReviewActionKind.APPROVE_DRAFT, 1));
        assertThat(applier.apply(current, new Builder().kind("REJECT_DRAFT").basedOn(1).draft("draft-1").reason("falscher Text").build()))
                .isEqualTo(new ReviewOutcome.Recorded(ReviewActionKind.REJECT_DRAFT, 1));
        // a draft of a superseded version must not go out
        assertThat(refused(current, new Builder().kind("APPROVE_DRAFT").basedOn(0).draft("draft-1")).refusal())
                .isEqualTo(Refusal.STALE_VERSION);
        assertThat(refused(current, new Builder().kind("APPROVE_DRAFT").basedOn(1)).refusal()).isEqualTo(Refusal.MISSING_DRAFT);
        assertThat(refused(null, new Builder().kind("ASSIGN")).refusal()).isEqualTo(Refusal.UNKNOWN_MAIL);
    }
}
