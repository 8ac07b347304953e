package io.ieim.topology;

import io.ieim.avro.AuditAnchor;
import io.ieim.avro.AuditEvent;
import io.ieim.domain.decision.CanonicalJson;
import io.ieim.ledger.ChainEntry;
import io.ieim.ledger.MerkleHash;
import io.ieim.ledger.SignedTreeHead;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * How audit events and anchors map to the ledger's chain entries and signed tree heads: shared by the
 * chainer that writes them and {@code ieim ledger verify} that checks them, so both hash the same bytes.
 */
public final class AuditLedger {

    private AuditLedger() {
    }

    /**
     * The canonical content of an event: RFC 8785 JSON of every field except the chain's own
     * (chain id, sequence, previous and entry hash), the details map sorted (Avro maps come back in
     * any order).
     */
    public static byte[] content(AuditEvent e) {
        Map<String, Object> fields = new TreeMap<>();
        fields.put("event_id", e.getEventId());
        fields.put("message_id", e.getMessageId());
        fields.put("stage", e.getStage());
        fields.put("decision_version", e.getDecisionVersion());
        fields.put("payload_hash", e.getPayloadHash());
        fields.put("details", new TreeMap<>(e.getDetails()));
        fields.put("correction_action_id", e.getCorrectionActionId());
        fields.put("recorded_at", e.getRecordedAt() == null ? null : e.getRecordedAt().toEpochMilli());
        return CanonicalJson.canonicalize(fields).getBytes(StandardCharsets.UTF_8);
    }

    /** The chain entry an audit event claims to be; an event without chain fields gets sequence -1. */
    public static ChainEntry entry(AuditEvent e, String location) {
        return new ChainEntry(e.getChainId() == null ? "(unchained)" : e.getChainId(),
                e.getSequence() == null ? -1 : e.getSequence(),
                e.getPrevHash() == null ? null : MerkleHash.fromHex(e.getPrevHash()),
                e.getEntryHash() == null ? null : MerkleHash.fromHex(e.getEntryHash()),
                content(e), location);
    }

    public static AuditAnchor anchor(SignedTreeHead head) {
        return AuditAnchor.newBuilder()
                .setChainId(head.chainId())
                .setTreeSize(head.treeSize())
                .setRootHash(MerkleHash.toHex(head.rootHash()))
                .setPrevAnchorHash(MerkleHash.toHex(head.prevAnchorHash()))
                .setKeyId(head.keyId())
                .setSignatureAlgorithm("Ed25519")
                .setSignature(MerkleHash.toHex(head.signature()))
                .setSignedAt(java.time.Instant.ofEpochMilli(head.signedAtMillis()))
                .build();
    }

    public static SignedTreeHead head(AuditAnchor a) {
        return new SignedTreeHead(a.getChainId(), a.getTreeSize(), MerkleHash.fromHex(a.getRootHash()),
                a.getPrevAnchorHash() == null ? SignedTreeHead.NO_PREVIOUS : MerkleHash.fromHex(a.getPrevAnchorHash()),
                a.getSignedAt().toEpochMilli(), a.getKeyId(), MerkleHash.fromHex(a.getSignature()));
    }
}
