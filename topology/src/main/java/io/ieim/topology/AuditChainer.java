package io.ieim.topology;

import io.ieim.avro.AuditEvent;
import io.ieim.ledger.ChainEntry;
import io.ieim.ledger.CompactRange;
import io.ieim.ledger.Ed25519Keys;
import io.ieim.ledger.MerkleHash;
import io.ieim.ledger.SignedTreeHead;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.nio.ByteBuffer;
import java.security.KeyPair;

/**
 * The single writer of each audit chain (one chain per partition of the pending audit topic): gives
 * every event its sequence, previous hash and entry hash, and signs a tree head every N entries. The
 * chain state lives in a changelogged store that commits with the output under exactly-once, so a
 * crash or rebalance never forks, gaps or duplicates a chain.
 */
final class AuditChainer implements Processor<String, AuditEvent, String, SpecificRecord> {

    static final String STORE = "audit-chains";

    private final String chainPrefix;
    private final KeyPair signingKey;
    private final int anchorEvery;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, byte[]> chains;

    /** @param chainPrefix the chainer application's id: chains of different chainers never mix */
    AuditChainer(String chainPrefix, KeyPair signingKey, int anchorEvery) {
        this.chainPrefix = chainPrefix;
        this.signingKey = signingKey;
        this.anchorEvery = anchorEvery;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.chains = context.getStateStore(STORE);
    }

    static String chainOf(String prefix, int partition) {
        return prefix + "/audit-" + partition;
    }

    /** The partition a chain belongs to (its audit-topic partition). */
    static int partitionOf(String chainId) {
        return Integer.parseInt(chainId.substring(chainId.lastIndexOf('-') + 1));
    }

    @Override
    public void process(Record<String, AuditEvent> record) {
        if (record.value() == null) {
            return;
        }
        int partition = context.recordMetadata().orElseThrow().partition();
        String chainId = chainOf(chainPrefix, partition);
        State state = State.read(chains.get(chainId));
        AuditEvent event = AuditEvent.newBuilder(record.value()).build();
        byte[] content = AuditLedger.content(event);
        byte[] entryHash = ChainEntry.hashOf(chainId, state.next, state.lastHash, content);
        event.setChainId(chainId);
        event.setSequence(state.next);
        event.setPrevHash(MerkleHash.toHex(state.lastHash));
        event.setEntryHash(MerkleHash.toHex(entryHash));
        context.forward(record.withKey(chainId + ":" + state.next).withValue(event));

        state.range.append(MerkleHash.leafHash(entryHash));
        state.next++;
        state.lastHash = entryHash;
        if (state.next % anchorEvery == 0) {
            // signed at the input record's time: a replay signs the same bytes (Ed25519 is deterministic)
            SignedTreeHead head = Ed25519Keys.sign(chainId, state.range.size(), state.range.root(), state.lastAnchor,
                    record.timestamp(), signingKey);
            state.lastAnchor = head.anchorHash();
            context.forward(record.withKey(chainId + ":" + head.treeSize()).withValue(AuditLedger.anchor(head)));
        }
        chains.put(chainId, state.write());
    }

    /** Next sequence, last entry hash, last anchor hash and the Merkle compact range of a chain. */
    static final class State {
        long next;
        byte[] lastHash = SignedTreeHead.NO_PREVIOUS;
        byte[] lastAnchor = SignedTreeHead.NO_PREVIOUS;
        CompactRange range = new CompactRange();

        static State read(byte[] bytes) {
            State s = new State();
            if (bytes == null) {
                return s;
            }
            ByteBuffer in = ByteBuffer.wrap(bytes);
            s.next = in.getLong();
            in.get(s.lastHash = new byte[MerkleHash.SIZE]);
            in.get(s.lastAnchor = new byte[MerkleHash.SIZE]);
            byte[] range = new byte[in.remaining()];
            in.get(range);
            s.range = CompactRange.fromBytes(range);
            return s;
        }

        byte[] write() {
            byte[] range = this.range.toBytes();
            return ByteBuffer.allocate(8 + 2 * MerkleHash.SIZE + range.length)
                    .putLong(next).put(lastHash).put(lastAnchor).put(range).array();
        }
    }
}
