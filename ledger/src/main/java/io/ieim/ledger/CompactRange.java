package io.ieim.ledger;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a Merkle tree: the roots of its perfect subtrees, enough to append and to compute
 * the current root in O(log n) space. The audit chainer keeps one per chain in its state store, so
 * a chain of any length costs at most 64 hashes of state.
 */
public final class CompactRange {

    private long size;
    /** Perfect-subtree roots, largest (leftmost) first. */
    private final List<byte[]> peaks = new ArrayList<>();

    public long size() {
        return size;
    }

    /** Appends a leaf hash ({@link MerkleHash#leafHash}). */
    public void append(byte[] leafHash) {
        byte[] node = leafHash.clone();
        long s = size;
        // merge with the equal-sized peaks: one merge per trailing 1-bit of the size
        while ((s & 1) == 1) {
            node = MerkleHash.nodeHash(peaks.remove(peaks.size() - 1), node);
            s >>= 1;
        }
        peaks.add(node);
        size++;
    }

    /** The RFC 6962 root of the leaves appended so far. */
    public byte[] root() {
        if (peaks.isEmpty()) {
            return MerkleHash.emptyRoot();
        }
        byte[] root = peaks.get(peaks.size() - 1);
        for (int i = peaks.size() - 2; i >= 0; i--) {
            root = MerkleHash.nodeHash(peaks.get(i), root);
        }
        return root;
    }

    public byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(8 + peaks.size() * MerkleHash.SIZE);
        buffer.putLong(size);
        peaks.forEach(buffer::put);
        return buffer.array();
    }

    public static CompactRange fromBytes(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        CompactRange range = new CompactRange();
        range.size = buffer.getLong();
        if (Long.bitCount(range.size) * MerkleHash.SIZE != buffer.remaining()) {
            throw new IllegalArgumentException("compact range of size " + range.size + " needs "
                    + Long.bitCount(range.size) + " hashes");
        }
        while (buffer.hasRemaining()) {
            byte[] hash = new byte[MerkleHash.SIZE];
            buffer.get(hash);
            range.peaks.add(hash);
        }
        return range;
    }
}
