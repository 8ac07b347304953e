package io.ieim.ledger;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An append-only RFC 6962 / RFC 9162 Merkle tree over leaf hashes, efficient for millions of
 * entries.
 *
 * <p><b>Appending.</b> The tree keeps its compact range: the roots of the perfect subtrees along
 * its right border, one per set bit of the size (at most 64). Appending a leaf merges equal-sized
 * subtrees like a binary counter increment: O(1) amortized and O(log n) worst-case hashes, with
 * no store reads. Every subtree that becomes complete is written once to the {@link NodeStore}
 * under {@code (level, index)}.
 *
 * <p><b>Historical roots and proofs.</b> The tree of any earlier size {@code m} is the fold of the
 * perfect subtrees of the binary decomposition of {@code m}, all of which are stored, so
 * {@link #root(long)} takes at most 64 store reads. An inclusion or consistency proof is the list
 * of siblings on the path from a node up to the root of the tree of the requested size; at most one
 * of them (the one over the ragged right edge) is an incomplete subtree, computed from its own
 * decomposition, so a proof costs O(log n) store reads too. The proofs are exactly those of
 * RFC 9162 §2.1.3.1 (PATH) and §2.1.4.1 (PROOF / SUBPROOF), ordered from the leaf upwards.
 *
 * <p>Not thread-safe: one writer; readers must not run concurrently with {@link #append}.
 */
public final class MerkleTree {

    private final NodeStore store;
    private final MessageDigest digest = MerkleHash.newDigest();
    /** frontier[l]: the perfect subtree of 2^l leaves on the right border, present iff bit l of size is set. */
    private final byte[][] frontier = new byte[64][];
    private long size;

    /** An empty tree in memory. */
    public MerkleTree() {
        this(new InMemoryNodeStore());
    }

    /**
     * A tree over {@code store}, continuing at the size the store holds (its compact range is read
     * back from the store: at most 64 reads).
     *
     * @throws IllegalStateException when the store lacks a node its size requires
     */
    public MerkleTree(NodeStore store) {
        this.store = Objects.requireNonNull(store, "store");
        this.size = store.size();
        if (size < 0) {
            throw new IllegalStateException("store reports a negative size " + size);
        }
        for (int l = 0; l < 63; l++) {
            if ((size >>> l & 1) == 1) {
                frontier[l] = node(l, (size >>> l) - 1);
            }
        }
    }

    /** The number of leaves. */
    public long size() {
        return size;
    }

    /** The store holding the tree's complete subtrees. */
    public NodeStore store() {
        return store;
    }

    /**
     * Appends a leaf given by its data: the leaf hash {@code SHA-256(0x00 || data)} is appended.
     *
     * @return the index of the new leaf
     */
    public long appendData(byte[] data) {
        return append(MerkleHash.leafHash(data));
    }

    /**
     * Appends a leaf hash (see {@link MerkleHash#leafHash}).
     *
     * @return the index of the new leaf
     * @throws IllegalArgumentException when {@code leafHash} is not 32 bytes
     */
    public long append(byte[] leafHash) {
        return appendAll(List.of(leafHash));
    }

    /**
     * Appends leaf hashes in order, committing them to the store in one atomic
     * {@link NodeStore#append}.
     *
     * @return the index of the first new leaf (the former size)
     * @throws IllegalArgumentException when a leaf hash is not 32 bytes (then nothing is appended)
     */
    public long appendAll(List<byte[]> leafHashes) {
        for (byte[] h : leafHashes) {
            if (!MerkleHash.isHash(h)) {
                throw new IllegalArgumentException("a leaf hash must be " + MerkleHash.SIZE + " bytes, got "
                        + (h == null ? "null" : h.length));
            }
        }
        long first = size;
        if (leafHashes.isEmpty()) {
            return first;
        }
        byte[][] work = frontier.clone();
        List<NodeStore.Node> nodes = new ArrayList<>(2 * leafHashes.size() + 64);
        long n = size;
        for (byte[] leaf : leafHashes) {
            byte[] cur = leaf.clone();
            nodes.add(new NodeStore.Node(0, n, cur));
            int l = 0;
            while ((n >>> l & 1) == 1) { // cur is a right child: merge with its left sibling
                cur = hashChildren(work[l], cur);
                work[l] = null;
                l++;
                nodes.add(new NodeStore.Node(l, n >>> l, cur));
            }
            work[l] = cur;
            n++;
        }
        store.append(n, nodes); // commit first: on failure the tree is unchanged
        System.arraycopy(work, 0, frontier, 0, frontier.length);
        size = n;
        return first;
    }

    /** The leaf hash at {@code index}. */
    public byte[] leafHash(long index) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf index " + index + " is outside the tree of size " + size);
        }
        return node(0, index);
    }

    /** The root hash of the current tree (the empty-tree hash when there are no leaves). */
    public byte[] root() {
        byte[] r = null;
        for (int l = 0; l < 64; l++) {
            if (frontier[l] != null) {
                r = r == null ? frontier[l].clone() : hashChildren(frontier[l], r);
            }
        }
        return r == null ? MerkleHash.emptyRoot() : r;
    }

    /**
     * The root hash the tree had at an earlier (or the current) size.
     *
     * @throws IllegalArgumentException when {@code treeSize} is negative or beyond {@link #size()}
     */
    public byte[] root(long treeSize) {
        checkSize("tree size", treeSize);
        if (treeSize == size) {
            return root();
        }
        return treeSize == 0 ? MerkleHash.emptyRoot() : rangeHash(0, treeSize);
    }

    /**
     * The inclusion proof (audit path, RFC 9162 §2.1.3.1) of leaf {@code index} in the tree of
     * size {@code treeSize}: sibling hashes from the leaf upwards.
     *
     * @throws IllegalArgumentException unless {@code 0 <= index < treeSize <= size()}
     */
    public List<byte[]> inclusionProof(long index, long treeSize) {
        checkSize("tree size", treeSize);
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("leaf index " + index + " is outside the tree of size " + treeSize);
        }
        List<byte[]> proof = new ArrayList<>(64);
        path(0, index, treeSize, proof);
        return Collections.unmodifiableList(proof);
    }

    /**
     * The consistency proof (RFC 9162 §2.1.4.1) that the tree of size {@code size1} is a prefix of
     * the tree of size {@code size2}. Empty when {@code size1} is 0 or equals {@code size2}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= size1 <= size2 <= size()}
     */
    public List<byte[]> consistencyProof(long size1, long size2) {
        checkSize("size2", size2);
        if (size1 < 0 || size1 > size2) {
            throw new IllegalArgumentException("size1 " + size1 + " must be between 0 and size2 " + size2);
        }
        if (size1 == 0 || size1 == size2) {
            return List.of();
        }
        // The largest perfect subtree ending at size1 is where the paths to size1 and size2 part;
        // the proof is that subtree's hash (unless it is the whole old tree, whose root the verifier
        // has) followed by its path to the root of the tree of size2.
        int level = Long.numberOfTrailingZeros(size1);
        long index = (size1 - 1) >>> level;
        List<byte[]> proof = new ArrayList<>(65);
        if (index != 0) {
            proof.add(node(level, index));
        }
        path(level, index, size2, proof);
        return Collections.unmodifiableList(proof);
    }

    /**
     * Adds the siblings on the path from the complete node {@code (level, index)} up to the root of
     * the tree of {@code treeSize} leaves. Levels where the sibling would lie wholly beyond the tree
     * have no node (RFC 6962 trees are not padded) and are skipped.
     */
    private void path(int level, long index, long treeSize, List<byte[]> out) {
        long a = index;
        for (int l = level; l < 63; l++) {
            if (a == 0 && (treeSize - 1) >>> l == 0) {
                return; // this node covers the whole tree: it is the root
            }
            long siblingStart = (a ^ 1) << l;
            if (siblingStart < treeSize) {
                long siblingEnd = Math.min(siblingStart + (1L << l), treeSize);
                out.add(rangeHash(siblingStart, siblingEnd - siblingStart));
            }
            a >>>= 1;
        }
    }

    /**
     * MTH of the leaves {@code [begin, begin + count)}, where {@code begin} is a multiple of the
     * smallest power of two {@code >= count} (so the range is a subtree of an RFC 6962 tree): the
     * right fold of its perfect subtrees, largest first. One store read when the range is perfect.
     */
    private byte[] rangeHash(long begin, long count) {
        byte[][] parts = new byte[64][];
        int k = 0;
        long offset = begin;
        for (int l = 63 - Long.numberOfLeadingZeros(count); l >= 0; l--) {
            if ((count >>> l & 1) == 1) {
                parts[k++] = node(l, offset >>> l);
                offset += 1L << l;
            }
        }
        byte[] r = parts[--k];
        while (k > 0) {
            r = hashChildren(parts[--k], r);
        }
        return r;
    }

    private byte[] node(int level, long index) {
        byte[] h = store.get(level, index);
        if (h == null) {
            throw new IllegalStateException("node store lacks the complete subtree (" + level + ", " + index + ")");
        }
        return h;
    }

    private byte[] hashChildren(byte[] left, byte[] right) {
        digest.update(MerkleHash.NODE_PREFIX);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    private void checkSize(String what, long treeSize) {
        if (treeSize < 0 || treeSize > size) {
            throw new IllegalArgumentException(what + " " + treeSize + " is outside 0.." + size);
        }
    }
}
