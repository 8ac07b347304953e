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
    /** content leaf hash -> sequence of every chained event: a redelivered event is chained once. */
    static final String CHAINED_EVENTS = "audit-chained-content";

    private final String chainPrefix;
    private final KeyPair signingKey;
    private final int anchorEvery;
    private final java.time.Duration anchorInterval;
    private final LedgerMetrics metrics;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, byte[]> chains;
    private KeyValueStore<String, byte[]> chained;

    /** @param chainPrefix the chainer application's id: chains of different chainers never mix */
    AuditChainer(String chainPrefix, KeyPair signingKey, int anchorEvery, java.time.Duration anchorInterval,
                 LedgerMetrics metrics) {
        this.chainPrefix = chainPrefix;
        this.signingKey = signingKey;
        this.anchorEvery = anchorEvery;
        this.anchorInterval = anchorInterval;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.chains = context.getStateStore(STORE);
        this.chained = context.getStateStore(CHAINED_EVENTS);
        // entries that arrive slowly are anchored after at most one interval, not only every N entries
        context.schedule(anchorInterval, org.apache.kafka.streams.processor.PunctuationType.WALL_CLOCK_TIME,
                this::anchorPending);
    }

    private void anchorPending(long now) {
        try (var all = chains.all()) {
            while (all.hasNext()) {
                var kv = all.next();
                State state = State.read(kv.value, anchorEvery);
                if (state.range.size() > state.anchoredSize) {
                    anchor(kv.key, state, now, null);
                    chains.put(kv.key, state.write());
                }
            }
        }
    }

    private void anchor(String chainId, State state, long signedAt, Record<String, AuditEvent> cause) {
        SignedTreeHead head = Ed25519Keys.sign(chainId, state.range.size(), state.range.root(), state.lastAnchor,
                signedAt, signingKey);
        state.lastAnchor = head.anchorHash();
        state.anchoredSize = head.treeSize();
        String key = chainId + ":" + head.treeSize();
        var anchor = AuditLedger.anchor(head);
        if (cause != null) {
            context.forward(cause.withKey(key).withValue(anchor));
        } else {
            context.forward(new Record<>(key, anchor, signedAt));
        }
        metrics.anchored(chainId, head.treeSize(), signedAt);
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
        State state = State.read(chains.get(chainId), anchorEvery);
        AuditEvent event = AuditEvent.newBuilder(record.value()).build();
        byte[] content = AuditLedger.content(event);
        byte[] contentHash = MerkleHash.leafHash(content);
        // the same event delivered again (a mail ingested twice, an at-least-once upstream, a replay of
        // the decision application) is already in the chain: appending it again would duplicate it.
        // Identical content lands in this task (pending is keyed by event id); a re-decision with other
        // inputs has other content and is chained, as history
        String contentKey = MerkleHash.toHex(contentHash);
        if (chained.get(contentKey) != null) {
            metrics.replaySkipped(chainId);
            return;
        }
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
            anchor(chainId, state, record.timestamp(), record);
        }
        chains.put(chainId, state.write());
        chained.put(contentKey, ByteBuffer.allocate(Long.BYTES).putLong(state.next - 1).array());
        metrics.appended(chainId, state.next);
    }

    /** Next sequence, last entry hash, last anchor hash, anchored size and the Merkle compact range of a chain. */
    static final class State {
        private static final byte VERSION_2 = 0x7F; // v1 began with the sequence's top byte, always 0
        long next;
        long anchoredSize;
        byte[] lastHash = SignedTreeHead.NO_PREVIOUS;
        byte[] lastAnchor = SignedTreeHead.NO_PREVIOUS;
        CompactRange range = new CompactRange();

        static State read(byte[] bytes, int anchorEvery) {
            State s = new State();
            if (bytes == null) {
                return s;
            }
            ByteBuffer in = ByteBuffer.wrap(bytes);
            boolean v2 = bytes[0] == VERSION_2;
            if (v2) {
                in.get();
            }
            s.next = in.getLong();
            s.anchoredSize = v2 ? in.getLong() : (s.next / anchorEvery) * anchorEvery;
            in.get(s.lastHash = new byte[MerkleHash.SIZE]);
            in.get(s.lastAnchor = new byte[MerkleHash.SIZE]);
            byte[] range = new byte[in.remaining()];
            in.get(range);
            s.range = CompactRange.fromBytes(range);
            return s;
        }

        byte[] write() {
            byte[] range = this.range.toBytes();
            return ByteBuffer.allocate(1 + 16 + 2 * MerkleHash.SIZE + range.length)
                    .put(VERSION_2).putLong(next).putLong(anchoredSize).put(lastHash).put(lastAnchor).put(range).array();
        }
    }
}
