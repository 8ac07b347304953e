package io.ieim.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A million leaves: appends stay cheap, and roots and proofs of any size take O(log n) node reads. */
class MerkleTreeScaleTest {

    /** Counts reads, to show that historical roots and proofs never walk the tree. */
    static final class CountingStore implements NodeStore {
        final NodeStore delegate = new InMemoryNodeStore();
        long reads;

        @Override
        public long size() {
            return delegate.size();
        }

        @Override
        public byte[] get(int level, long index) {
            reads++;
            return delegate.get(level, index);
        }

        @Override
        public void append(long newSize, List<Node> nodes) {
            delegate.append(newSize, nodes);
        }
    }

    @Test
    void aMillionLeaves() {
        int n = 1_000_000;
        CountingStore store = new CountingStore();
        MerkleTree t = new MerkleTree(store);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            t.append(MerkleTreeTest.leaf(i));
        }
        long appendNanos = System.nanoTime() - start;
        assertThat(t.size()).isEqualTo(n);
        assertThat(store.reads).as("appends read nothing").isZero();
        byte[] root = t.root();

        start = System.nanoTime();
        int proofs = 0;
        long maxReads = 0;
        for (long size : new long[] {n, n - 1, 999_983, 524_288, 524_289, 777_777}) {
            byte[] rootAtSize = t.root(size);
            for (long index : new long[] {0, 1, size / 2, size / 3, size - 2, size - 1}) {
                long before = store.reads;
                List<byte[]> proof = t.inclusionProof(index, size);
                maxReads = Math.max(maxReads, store.reads - before);
                VerificationResult r = MerkleProofs.verifyInclusion(index, size, MerkleTreeTest.leaf(index), proof, rootAtSize);
                assertThat(r.valid()).as("%d/%d: %s", index, size, r).isTrue();
                assertThat(proof.size()).isLessThanOrEqualTo(20);
                proofs++;
            }
            for (long size1 : new long[] {1, 2, 3, 1000, 65_536, 123_457, size - 1}) {
                long before = store.reads;
                List<byte[]> proof = t.consistencyProof(size1, size);
                maxReads = Math.max(maxReads, store.reads - before);
                VerificationResult r = MerkleProofs.verifyConsistency(size1, size, t.root(size1), rootAtSize, proof);
                assertThat(r.valid()).as("%d->%d: %s", size1, size, r).isTrue();
                proofs++;
            }
        }
        long proofNanos = System.nanoTime() - start;
        assertThat(maxReads).as("node reads per proof").isLessThanOrEqualTo(2 * 20 + 2);
        assertThat(t.root()).isEqualTo(root);
        System.out.printf("1,000,000 appends: %.0f ms (%.0f appends/s); %d proofs built, verified: %.1f ms; "
                        + "at most %d node reads per proof%n",
                appendNanos / 1e6, n / (appendNanos / 1e9), proofs, proofNanos / 1e6, maxReads);
    }
}
