package io.ieim.topology;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ieim.avro.Decision;
import io.ieim.avro.IdentityCandidate;

import java.util.List;

/**
 * A decision as JSON with the field names of CONTRACT-V1 §6 (used by {@code ieim decisions export}
 * and the interactive query endpoint). Contains ids, labels, hashes and redacted excerpts only.
 */
public final class DecisionJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DecisionJson() {
    }

    public static ObjectNode of(Decision d) {
        ObjectNode node = JSON.createObjectNode();
        node.put("message_id", d.getMessageId());
        node.put("internet_message_id", d.getInternetMessageId());
        node.put("decision_version", d.getDecisionVersion());
        node.put("primary_intent", d.getPrimaryIntent());
        strings(node.putArray("intents"), d.getIntents());
        strings(node.putArray("risk_flags"), d.getRiskFlags());
        node.put("queue", d.getQueue());
        node.put("action", d.getAction());
        ObjectNode identity = node.putObject("identity");
        identity.put("status", d.getIdentity().getStatus());
        identity.put("customer_id", d.getIdentity().getCustomerId());
        identity.put("policy_id", d.getIdentity().getPolicyId());
        identity.put("claim_id", d.getIdentity().getClaimId());
        strings(identity.putArray("unmatched_references"), d.getIdentity().getUnmatchedReferences());
        ArrayNode candidates = identity.putArray("candidates");
        for (IdentityCandidate c : d.getIdentity().getCandidates()) {
            ObjectNode cn = candidates.addObject();
            cn.put("customer_id", c.getCustomerId());
            cn.put("score", c.getScore());
            strings(cn.putArray("signals"), c.getSignals());
        }
        node.put("needs_review", d.getNeedsReview());
        strings(node.putArray("review_reasons"), d.getReviewReasons());
        node.put("confidence", d.getConfidence());
        node.put("rule_fired", d.getRuleFired());
        node.put("ruleset_version", d.getRulesetVersion());
        node.put("config_hash", d.getConfigHash());
        node.put("input_digest", d.getInputDigest());
        node.put("identity_snapshot_digest", d.getIdentitySnapshotDigest());
        node.put("decision_hash", d.getDecisionHash());
        ArrayNode evidence = node.putArray("evidence");
        for (io.ieim.avro.Evidence e : d.getEvidence()) {
            ObjectNode en = evidence.addObject();
            en.put("stage", e.getStage());
            en.put("rule_id", e.getRuleId());
            en.put("source", e.getSource());
            if (e.getSpanStart() != null) {
                en.put("span_start", e.getSpanStart());
                en.put("span_end", e.getSpanEnd());
            }
            en.put("excerpt", e.getExcerpt());
        }
        return node;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
