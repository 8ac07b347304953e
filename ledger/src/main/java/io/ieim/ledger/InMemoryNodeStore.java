package io.ieim.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link NodeStore} on the heap: per level, the hashes packed into large byte-array chunks
 * (32 bytes per node, no per-node object), so a tree of a million leaves takes about 64 MB.
 * Nodes of each level are appended in index order, as an append-only tree produces them.
 * Not thread-safe.
 */
public final class InMemoryNodeStore implements NodeStore {

    private static final int CHUNK_BITS = 15; // 32768 hashes = 1 MiB per chunk
    private static final int CHUNK = 1 << CHUNK_BITS;

    private final List<Level> levels = new ArrayList<>();
    private long size;

    private static final class Level {
        final List<byte[]> chunks = new ArrayList<>();
        long count;

        byte[] get(long index) {
            if (index >= count) {
                return null;
            }
            byte[] chunk = chunks.get((int) (index >>> CHUNK_BITS));
            int from = (int) (index & (CHUNK - 1)) * MerkleHash.SIZE;
            return Arrays.copyOfRange(chunk, from, from + MerkleHash.SIZE);
        }

        void add(byte[] hash) {
            int slot = (int) (count & (CHUNK - 1));
            if (slot == 0) {
                chunks.add(new byte[CHUNK * MerkleHash.SIZE]);
            }
            System.arraycopy(hash, 0, chunks.get(chunks.size() - 1), slot * MerkleHash.SIZE, MerkleHash.SIZE);
            count++;
        }
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public byte[] get(int level, long index) {
        if (level < 0 || level >= levels.size() || index < 0) {
            return null;
        }
        return levels.get(level).get(index);
    }

    @Override
    public void append(long newSize, List<Node> nodes) {
        if (newSize < size) {
            throw new IllegalStateException("size would shrink from " + size + " to " + newSize);
        }
        // check everything first, so a rejected append changes nothing
        long[] pending = new long[64];
        for (Node n : nodes) {
            if (n.hash().length != MerkleHash.SIZE) {
                throw new IllegalStateException("node (" + n.level() + ", " + n.index() + ") hash is "
                        + n.hash().length + " bytes, not " + MerkleHash.SIZE);
            }
            long count = n.level() < levels.size() ? levels.get(n.level()).count : 0;
            long next = count + pending[n.level()];
            if (n.index() < count) {
                if (!Arrays.equals(levels.get(n.level()).get(n.index()), n.hash())) {
                    throw new IllegalStateException("node (" + n.level() + ", " + n.index()
                            + ") is stored with a different hash; complete subtrees never change");
                }
            } else if (n.index() == next) {
                pending[n.level()]++;
            } else {
                throw new IllegalStateException("node (" + n.level() + ", " + n.index()
                        + ") is out of order; the next node at that level is " + next);
            }
        }
        for (Node n : nodes) {
            while (levels.size() <= n.level()) {
                levels.add(new Level());
            }
            Level level = levels.get(n.level());
            if (n.index() == level.count) {
                level.add(n.hash());
            }
        }
        size = newSize;
    }
}
