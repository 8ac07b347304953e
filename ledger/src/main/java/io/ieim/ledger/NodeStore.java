package io.ieim.ledger;

import java.util.List;
import java.util.Objects;

/**
 * Where a {@link MerkleTree} keeps the hashes of its complete (perfect) subtrees.
 *
 * <p>A node is addressed by {@code (level, index)}: the node at level {@code l} and index
 * {@code i} is the root of the perfect subtree over leaves {@code [i * 2^l, (i + 1) * 2^l)}.
 * Level 0 holds the leaf hashes. A node is stored once its subtree is complete and never changes
 * afterwards, so any historical root or proof can be computed from the store (see
 * {@link MerkleTree}). A tree of {@code n} leaves stores fewer than {@code 2n} nodes.
 *
 * <p>Implementations must make {@link #append} atomic (all nodes and the new size, or nothing):
 * the in-memory store is trivially so; a persistent one (RocksDB, later) writes one batch.
 * Implementations need not be thread-safe; a tree has a single writer.
 */
public interface NodeStore {

    /** A stored node: the hash of the perfect subtree at {@code (level, index)}. */
    record Node(int level, long index, byte[] hash) {
        public Node {
            if (level < 0 || level > 63 || index < 0) {
                throw new IllegalArgumentException("bad node address (" + level + ", " + index + ")");
            }
            Objects.requireNonNull(hash, "hash");
        }
    }

    /** The number of leaves committed so far (the tree size at the last {@link #append}). */
    long size();

    /**
     * The hash of the complete subtree at {@code (level, index)}, or {@code null} when the store
     * does not hold it (the subtree is not complete yet).
     */
    byte[] get(int level, long index);

    /**
     * Atomically stores {@code nodes} (newly completed subtrees) and sets the size to
     * {@code newSize}. A node already stored may be stored again only with the identical hash.
     *
     * @throws IllegalStateException when {@code newSize} is below the current size, or a node
     *     would overwrite a different hash
     */
    void append(long newSize, List<Node> nodes);
}
