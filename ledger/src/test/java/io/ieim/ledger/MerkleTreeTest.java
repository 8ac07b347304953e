package io.ieim.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Proofs the tree produces: exhaustively for small trees, against the naive RFC definitions. */
class MerkleTreeTest {

    private static final int MAX = 64;

    static byte[] leaf(long i) {
        return MerkleHash.leafHash(ByteBuffer.allocate(12).putInt(0x1EE1).putLong(i).array());
    }

    static List<byte[]> leaves(int n) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(leaf(i));
        }
        return out;
    }

    static MerkleTree tree(List<byte[]> leaves) {
        MerkleTree t = new MerkleTree();
        leaves.forEach(t::append);
        return t;
    }

    @Test
    void everyInclusionProofUpTo64VerifiesAndEqualsTheRfcPath() {
        List<byte[]> leaves = leaves(MAX);
        MerkleTree t = tree(leaves);
        int count = 0;
        for (int size = 1; size <= MAX; size++) {
            byte[] root = t.root(size);
            assertThat(root).isEqualTo(ReferenceMerkle.mth(leaves.subList(0, size)));
            for (int i = 0; i < size; i++) {
                List<byte[]> proof = t.inclusionProof(i, size);
                assertThat(proof).as("proof %d/%d", i, size)
                        .usingElementComparator(java.util.Arrays::compare)
                        .containsExactlyElementsOf(ReferenceMerkle.path(i, leaves.subList(0, size)));
                VerificationResult r = MerkleProofs.verifyInclusion(i, size, leaves.get(i), proof, root);
                assertThat(r.valid()).as("%d/%d: %s", i, size, r).isTrue();
                assertThat(MerkleProofs.rootFromInclusionProof(i, size, leaves.get(i), proof)).isEqualTo(root);
                count++;
            }
        }
        assertThat(count).isEqualTo(MAX * (MAX + 1) / 2);
    }

    @Test
    void everyConsistencyProofUpTo64VerifiesAndEqualsTheRfcProof() {
        List<byte[]> leaves = leaves(MAX);
        MerkleTree t = tree(leaves);
        for (int size1 = 1; size1 <= MAX; size1++) {
            for (int size2 = size1; size2 <= MAX; size2++) {
                List<byte[]> proof = t.consistencyProof(size1, size2);
                List<byte[]> expected = size1 == size2 ? List.of() : ReferenceMerkle.proof(size1, leaves.subList(0, size2));
                assertThat(proof).as("proof %d->%d", size1, size2)
                        .usingElementComparator(java.util.Arrays::compare)
                        .containsExactlyElementsOf(expected);
                VerificationResult r = MerkleProofs.verifyConsistency(size1, size2, t.root(size1), t.root(size2), proof);
                assertThat(r.valid()).as("%d->%d: %s", size1, size2, r).isTrue();
            }
        }
        assertThat(t.consistencyProof(0, 5)).isEmpty();
    }

    /** Every bit of every hash for trees up to 16; one seeded-random bit per hash up to 64. */
    @Test
    void anyFlippedBitInAnInclusionProofRootOrLeafFails() {
        List<byte[]> leaves = leaves(MAX);
        MerkleTree t = tree(leaves);
        Random random = new Random(6962);
        long checked = 0;
        for (int size = 1; size <= MAX; size++) {
            byte[] root = t.root(size);
            for (int i = 0; i < size; i++) {
                List<byte[]> proof = t.inclusionProof(i, size);
                for (int bit : bits(size <= 16, random)) {
                    final int index = i;
                    final int n = size;
                    assertThat(MerkleProofs.verifyInclusion(i, size, flip(leaves.get(i), bit), proof, root).valid())
                            .as("leaf bit %d, %d/%d", bit, i, size).isFalse();
                    assertThat(MerkleProofs.verifyInclusion(i, size, leaves.get(i), proof, flip(root, bit)).valid())
                            .as("root bit %d, %d/%d", bit, i, size).isFalse();
                    for (int k = 0; k < proof.size(); k++) {
                        List<byte[]> bad = new ArrayList<>(proof);
                        bad.set(k, flip(proof.get(k), bit));
                        assertThat(MerkleProofs.verifyInclusion(index, n, leaves.get(index), bad, root).valid())
                                .as("proof[%d] bit %d, %d/%d", k, bit, index, n).isFalse();
                        checked++;
                    }
                    checked += 2;
                }
            }
        }
        System.out.println("inclusion: " + checked + " single-bit corruptions, all rejected");
    }

    @Test
    void anyFlippedBitInAConsistencyProofOrRootFails() {
        MerkleTree t = tree(leaves(MAX));
        Random random = new Random(9162);
        long checked = 0;
        for (int size1 = 1; size1 <= MAX; size1++) {
            for (int size2 = size1; size2 <= MAX; size2++) {
                byte[] root1 = t.root(size1);
                byte[] root2 = t.root(size2);
                List<byte[]> proof = t.consistencyProof(size1, size2);
                for (int bit : bits(size2 <= 16, random)) {
                    assertThat(MerkleProofs.verifyConsistency(size1, size2, flip(root1, bit), root2, proof).valid())
                            .as("root1 bit %d, %d->%d", bit, size1, size2).isFalse();
                    assertThat(MerkleProofs.verifyConsistency(size1, size2, root1, flip(root2, bit), proof).valid())
                            .as("root2 bit %d, %d->%d", bit, size1, size2).isFalse();
                    for (int k = 0; k < proof.size(); k++) {
                        List<byte[]> bad = new ArrayList<>(proof);
                        bad.set(k, flip(proof.get(k), bit));
                        assertThat(MerkleProofs.verifyConsistency(size1, size2, root1, root2, bad).valid())
                                .as("proof[%d] bit %d, %d->%d", k, bit, size1, size2).isFalse();
                        checked++;
                    }
                    checked += 2;
                }
            }
        }
        System.out.println("consistency: " + checked + " single-bit corruptions, all rejected");
    }

    @Test
    void malformedInputIsRejectedWithAReasonNeverAnException() {
        MerkleTree t = tree(leaves(13));
        byte[] root = t.root();
        List<byte[]> proof = t.inclusionProof(5, 13);
        byte[] leaf = t.leafHash(5);
        assertThat(MerkleProofs.verifyInclusion(5, 13, leaf, proof, root).valid()).isTrue();

        assertThat(MerkleProofs.verifyInclusion(13, 13, leaf, proof, root).reason()).contains("not below");
        assertThat(MerkleProofs.verifyInclusion(-1, 13, leaf, proof, root).valid()).isFalse();
        assertThat(MerkleProofs.verifyInclusion(5, 13, null, proof, root).reason()).contains("leaf hash");
        assertThat(MerkleProofs.verifyInclusion(5, 13, leaf, proof, null).reason()).contains("root");
        assertThat(MerkleProofs.verifyInclusion(5, 13, leaf, proof.subList(1, proof.size()), root).reason())
                .contains("needs " + proof.size());
        List<byte[]> withNull = new ArrayList<>(proof);
        withNull.set(1, null);
        assertThat(MerkleProofs.verifyInclusion(5, 13, leaf, withNull, root).reason()).contains("proof hash #1");
        List<byte[]> shortHash = new ArrayList<>(proof);
        shortHash.set(0, new byte[31]);
        assertThat(MerkleProofs.verifyInclusion(5, 13, leaf, shortHash, root).valid()).isFalse();
        // a tree size whose proof shape differs is caught by the length (that the size belongs to
        // the root is what the signed tree head attests, not the proof)
        assertThat(MerkleProofs.verifyInclusion(5, 32, leaf, proof, root).reason()).contains("needs 5");
        assertThatThrownBy(() -> MerkleProofs.rootFromInclusionProof(13, 13, leaf, proof))
                .isInstanceOf(IllegalArgumentException.class);

        List<byte[]> c = t.consistencyProof(6, 13);
        byte[] r6 = t.root(6);
        assertThat(MerkleProofs.verifyConsistency(6, 13, r6, root, c).valid()).isTrue();
        assertThat(MerkleProofs.verifyConsistency(13, 6, root, r6, c).reason()).contains("greater");
        assertThat(MerkleProofs.verifyConsistency(0, 13, MerkleHash.emptyRoot(), root, List.of()).valid()).isFalse();
        assertThat(MerkleProofs.verifyConsistency(6, 13, r6, root, null).reason()).contains("empty");
        assertThat(MerkleProofs.verifyConsistency(6, 13, r6, root, c.subList(0, c.size() - 1)).reason()).contains("hashes");
        assertThat(MerkleProofs.verifyConsistency(6, 13, null, root, c).valid()).isFalse();
        assertThat(MerkleProofs.verifyConsistency(6, 13, new byte[5], root, c).valid()).isFalse();
        assertThat(MerkleProofs.verifyConsistency(-6, 13, r6, root, c).valid()).isFalse();
        assertThat(MerkleProofs.verifyConsistency(13, 13, root, root, List.of()).valid()).isTrue();
        assertThat(MerkleProofs.verifyConsistency(13, 13, root, root, c).valid()).isFalse();
        assertThat(MerkleProofs.verifyConsistency(6, 12, r6, t.root(12), c).valid()).isFalse(); // proof for 13, not 12
    }

    @Test
    void treeArgumentsAreChecked() {
        MerkleTree t = tree(leaves(10));
        assertThatThrownBy(() -> t.inclusionProof(10, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> t.inclusionProof(0, 11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> t.consistencyProof(5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> t.consistencyProof(5, 11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> t.root(11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> t.leafHash(10)).isInstanceOf(IllegalArgumentException.class);
        byte[] before = t.root();
        assertThatThrownBy(() -> t.appendAll(List.of(leaf(10), new byte[31]))).isInstanceOf(IllegalArgumentException.class);
        assertThat(t.size()).isEqualTo(10);
        assertThat(t.root()).isEqualTo(before);
        assertThat(new MerkleTree().root()).isEqualTo(MerkleHash.emptyRoot());
        assertThat(MerkleHash.toHex(MerkleHash.emptyRoot()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    /** Seeded random trees, sizes and batchings, against the literal RFC definitions. */
    @Test
    void matchesTheNaiveRfcDefinitionsOnRandomTrees() {
        Random random = new Random(20240906L);
        for (int round = 0; round < 6; round++) {
            int n = 1 + random.nextInt(400);
            List<byte[]> leaves = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                byte[] data = new byte[random.nextInt(40)];
                random.nextBytes(data);
                leaves.add(MerkleHash.leafHash(data));
            }
            MerkleTree t = new MerkleTree();
            for (int i = 0; i < n; ) { // random batches, single appends among them
                int batch = Math.min(n - i, random.nextInt(3) == 0 ? 1 : 1 + random.nextInt(50));
                assertThat(t.appendAll(leaves.subList(i, i + batch))).isEqualTo(i);
                i += batch;
                assertThat(t.root()).isEqualTo(ReferenceMerkle.mth(leaves.subList(0, i)));
            }
            for (int k = 0; k < 120; k++) {
                int size = 1 + random.nextInt(n);
                int index = random.nextInt(size);
                List<byte[]> sub = leaves.subList(0, size);
                byte[] root = ReferenceMerkle.mth(sub);
                assertThat(t.root(size)).isEqualTo(root);
                List<byte[]> proof = t.inclusionProof(index, size);
                assertThat(proof).usingElementComparator(java.util.Arrays::compare)
                        .containsExactlyElementsOf(ReferenceMerkle.path(index, sub));
                assertThat(MerkleProofs.verifyInclusion(index, size, leaves.get(index), proof, root).valid()).isTrue();

                int size1 = 1 + random.nextInt(size);
                List<byte[]> c = t.consistencyProof(size1, size);
                if (size1 < size) {
                    assertThat(c).usingElementComparator(java.util.Arrays::compare)
                            .containsExactlyElementsOf(ReferenceMerkle.proof(size1, sub));
                }
                assertThat(MerkleProofs.verifyConsistency(size1, size, ReferenceMerkle.mth(leaves.subList(0, size1)), root, c)
                        .valid()).isTrue();
            }
        }
    }

    @Test
    void aTreeReopenedOnItsStoreContinuesWhereItStopped() {
        InMemoryNodeStore store = new InMemoryNodeStore();
        MerkleTree first = new MerkleTree(store);
        List<byte[]> leaves = leaves(1000);
        first.appendAll(leaves.subList(0, 777));
        MerkleTree reopened = new MerkleTree(store);
        assertThat(reopened.size()).isEqualTo(777);
        assertThat(reopened.root()).isEqualTo(first.root());
        reopened.appendAll(leaves.subList(777, 1000));
        assertThat(reopened.root()).isEqualTo(tree(leaves).root());
        assertThat(reopened.root(777)).isEqualTo(first.root());
    }

    @Test
    void storedSubtreesNeverChange() {
        InMemoryNodeStore store = new InMemoryNodeStore();
        new MerkleTree(store).appendAll(leaves(4));
        byte[] stored = store.get(1, 0);
        assertThat(store.get(2, 0)).hasSize(32);
        assertThat(store.get(0, 4)).isNull();
        store.append(4, List.of(new NodeStore.Node(1, 0, stored))); // identical: idempotent
        assertThatThrownBy(() -> store.append(4, List.of(new NodeStore.Node(1, 0, leaf(99)))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.append(4, List.of(new NodeStore.Node(0, 6, leaf(99)))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.append(3, List.of())).isInstanceOf(IllegalStateException.class);
        assertThat(store.size()).isEqualTo(4);
        assertThat(store.get(0, 5)).isNull();
    }

    private static int[] bits(boolean all, Random random) {
        if (all) {
            int[] b = new int[256];
            for (int i = 0; i < 256; i++) {
                b[i] = i;
            }
            return b;
        }
        return new int[] {random.nextInt(256)};
    }

    static byte[] flip(byte[] hash, int bit) {
        byte[] h = hash.clone();
        h[bit >>> 3] ^= (byte) (1 << (bit & 7));
        return h;
    }
}
