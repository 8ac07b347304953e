package io.ieim.topology;

import io.ieim.avro.AuditEvent;
import io.ieim.avro.Decision;
import io.ieim.avro.IdentityCandidate;
import io.ieim.avro.IdentityResult;
import io.ieim.domain.decision.DecisionOutcome;
import io.ieim.domain.decision.Evidence;
import io.ieim.domain.identity.IdentityResolution;
import io.ieim.domain.review.DecisionSnapshot;
import io.ieim.domain.review.ReviewActionView;
import io.ieim.domain.review.ReviewOutcome;
import io.ieim.avro.CorrectionRef;
import io.ieim.avro.ReviewAction;
import io.ieim.spec.Action;
import io.ieim.spec.AuditStage;
import io.ieim.spec.IdentityStatus;
import io.ieim.spec.Intent;
import io.ieim.spec.Queue;
import io.ieim.spec.ReviewReason;
import io.ieim.spec.RiskFlag;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Domain outcomes to the Avro contracts of the decisions and audit topics. */
final class DecisionMapping {

    private DecisionMapping() {
    }

    static Decision decision(DecisionOutcome o, Instant receivedAt) {
        IdentityResolution id = o.identity();
        return Decision.newBuilder()
                .setMessageId(o.messageId())
                .setInternetMessageId(o.internetMessageId())
                .setDecisionVersion(o.decisionVersion())
                .setPrimaryIntent(o.primaryIntent() == null ? null : o.primaryIntent().name())
                .setIntents(o.intents().stream().map(Enum::name).toList())
                .setRiskFlags(o.riskFlags().stream().map(Enum::name).toList())
                .setQueue(o.queue().name())
                .setAction(o.action().name())
                .setIdentity(IdentityResult.newBuilder()
                        .setStatus(id.status().name())
                        .setCustomerId(id.customerId())
                        .setPolicyId(id.policyId())
                        .setClaimId(id.claimId())
                        .setUnmatchedReferences(id.unmatchedReferences())
                        .setCandidates(id.candidates().stream().map(c -> IdentityCandidate.newBuilder()
                                .setCustomerId(c.customerId()).setScore(c.score())
                                .setSignals(c.matchedSignals()).build()).toList())
                        .build())
                .setNeedsReview(o.needsReview())
                .setReviewReasons(o.reviewReasons().stream().map(Enum::name).toList())
                .setConfidence(o.confidence())
                .setRuleFired(o.ruleFired())
                .setRulesetVersion(o.rulesetVersion())
                .setConfigHash(o.configHash())
                .setInputDigest(o.inputDigest())
                .setIdentitySnapshotDigest(id.snapshotDigest())
                .setDecisionHash(o.decisionHash())
                .setEvidence(o.evidence().stream().map(DecisionMapping::evidence).toList())
                .setReceivedAt(receivedAt)
                .build();
    }

    static io.ieim.avro.Evidence evidence(Evidence e) {
        return io.ieim.avro.Evidence.newBuilder()
                .setStage(e.stage().name())
                .setRuleId(e.ruleId())
                .setSource(e.source() == null ? null : e.source().name())
                .setSpanStart(e.start() < 0 ? null : e.start())
                .setSpanEnd(e.end() < 0 ? null : e.end())
                .setExcerpt(e.excerpt())
                .build();
    }

    /** The decision as the correction domain reads it; labels were written by the topology, so they parse. */
    static DecisionSnapshot snapshot(Decision d) {
        IdentityResult id = d.getIdentity();
        return new DecisionSnapshot(d.getMessageId(), d.getDecisionVersion(),
                d.getPrimaryIntent() == null ? null : Intent.valueOf(d.getPrimaryIntent()),
                d.getIntents().stream().map(Intent::valueOf).toList(),
                d.getRiskFlags().stream().map(RiskFlag::valueOf).toList(),
                Queue.valueOf(d.getQueue()), Action.valueOf(d.getAction()), IdentityStatus.valueOf(id.getStatus()),
                id.getCustomerId(), id.getPolicyId(), id.getClaimId(), id.getUnmatchedReferences(),
                d.getIdentitySnapshotDigest(), d.getNeedsReview(),
                d.getReviewReasons().stream().map(ReviewReason::valueOf).toList(), d.getConfidence(),
                d.getRuleFired(), d.getRulesetVersion(), d.getConfigHash(), d.getInputDigest(), d.getDecisionHash());
    }

    static ReviewActionView view(ReviewAction a) {
        return new ReviewActionView(a.getActionId(), a.getMessageId(), a.getKind(), a.getReviewer(),
                a.getBasedOnDecisionVersion(), a.getPrimaryIntentOverride(), a.getIntentsOverride(),
                a.getQueueOverride(), a.getActionOverride(), a.getIdentityStatusOverride(), a.getCustomerIdOverride(),
                a.getPolicyIdOverride(), a.getClaimIdOverride(), a.getDraftId(), a.getReason(),
                a.getCreatedAt().toEpochMilli());
    }

    /**
     * The next version of a decision: the corrected outputs and hash over a copy of the previous one, whose
     * inputs (digests, ruleset, configuration, candidates, evidence) stay what the decision was made from.
     */
    static Decision corrected(Decision previous, ReviewOutcome.Corrected c) {
        DecisionSnapshot d = c.decision();
        List<io.ieim.avro.Evidence> evidence = new ArrayList<>(previous.getEvidence());
        evidence.add(io.ieim.avro.Evidence.newBuilder().setStage(AuditStage.CORRECTED.name())
                .setRuleId(io.ieim.domain.review.CorrectionApplier.RULE_ID)
                .setDetail("reviewer action " + c.correction().actionId() + " changed " + String.join(",", c.changed()))
                .build());
        return Decision.newBuilder(previous)
                .setDecisionVersion(d.decisionVersion())
                .setPrimaryIntent(d.primaryIntent() == null ? null : d.primaryIntent().name())
                .setIntents(d.intents().stream().map(Enum::name).toList())
                .setQueue(d.queue().name())
                .setAction(d.action().name())
                .setIdentity(IdentityResult.newBuilder(previous.getIdentity())
                        .setStatus(d.identityStatus().name())
                        .setCustomerId(d.customerId())
                        .setPolicyId(d.policyId())
                        .setClaimId(d.claimId())
                        .build())
                .setNeedsReview(d.needsReview())
                .setReviewReasons(d.reviewReasons().stream().map(Enum::name).toList())
                .setRuleFired(d.ruleFired())
                .setDecisionHash(d.decisionHash())
                .setEvidence(evidence)
                .setCorrection(CorrectionRef.newBuilder()
                        .setActionId(c.correction().actionId())
                        .setReviewer(c.correction().reviewer())
                        .setPreviousDecisionVersion(c.correction().previousDecisionVersion())
                        .setPreviousDecisionHash(c.correction().previousDecisionHash())
                        .build())
                .build();
    }

    /** Audit event ids are deterministic, so a replayed stage has the same key and the same bytes. */
    static String eventId(String messageId, int decisionVersion, AuditStage stage) {
        return messageId + ":" + decisionVersion + ":" + stage.name();
    }

    static AuditEvent audit(String messageId, int decisionVersion, AuditStage stage, String payloadHash,
                            Map<String, String> details, Instant recordedAt) {
        return AuditEvent.newBuilder()
                .setEventId(eventId(messageId, decisionVersion, stage))
                .setMessageId(messageId)
                .setStage(stage.name())
                .setDecisionVersion(decisionVersion)
                .setPayloadHash(payloadHash)
                .setDetails(new TreeMap<>(details))
                .setRecordedAt(recordedAt)
                .build();
    }
}
