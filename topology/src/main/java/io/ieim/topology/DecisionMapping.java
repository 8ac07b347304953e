package io.ieim.topology;

import io.ieim.avro.AuditEvent;
import io.ieim.avro.Decision;
import io.ieim.avro.IdentityCandidate;
import io.ieim.avro.IdentityResult;
import io.ieim.domain.decision.DecisionOutcome;
import io.ieim.domain.decision.Evidence;
import io.ieim.domain.identity.IdentityResolution;
import io.ieim.spec.AuditStage;

import java.time.Instant;
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
