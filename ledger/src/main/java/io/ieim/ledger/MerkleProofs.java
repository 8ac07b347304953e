package io.ieim.ledger;

import java.security.MessageDigest;
import java.util.List;

/**
 * Stateless verification of RFC 9162 inclusion proofs (§2.1.3.2) and consistency proofs
 * (§2.1.4.2). Needs nothing but the proof, the sizes and the hashes, so a receipt verifies
 * offline.
 *
 * <p>Verification never throws for bad input: a malformed proof (wrong number of hashes, a hash
 * that is not 32 bytes, an index outside the tree, {@code size1 > size2}, ...) is an invalid
 * result with a reason. The decisions match the transparency-dev/merkle conformance vectors:
 * <ul>
 *   <li>inclusion: {@code 0 <= leafIndex < treeSize}; leaf hash, root and every proof hash are
 *       32 bytes; the proof has exactly the length the position demands; the recomputed root
 *       equals {@code root};
 *   <li>consistency: {@code 0 < size1 <= size2} (a consistency proof from the empty tree proves
 *       nothing and is rejected); for {@code size1 == size2} the proof must be empty and the roots
 *       identical; otherwise the proof is non-empty, of exactly the demanded length, and both roots
 *       are recomputed from it and must match.
 * </ul>
 *
 * <p>The algorithm is that of RFC 9162 expressed with bit arithmetic (as in transparency-dev/merkle):
 * the proof of leaf {@code i} in a tree of {@code n} splits into {@code inner} hashes below the
 * level where the paths to {@code i} and to {@code n - 1} part ({@code inner = bitlen(i ^ (n - 1))}),
 * where bit {@code k} of {@code i} tells whether the sibling is on the left, and {@code border}
 * hashes above it ({@code popcount(i >> inner)}), which are all left siblings.
 */
public final class MerkleProofs {

    private MerkleProofs() {}

    /**
     * Verifies that {@code leafHash} is the leaf at {@code leafIndex} of the tree of
     * {@code treeSize} leaves whose root is {@code root}.
     */
    public static VerificationResult verifyInclusion(long leafIndex, long treeSize, byte[] leafHash,
            List<byte[]> proof, byte[] root) {
        String bad = checkInclusion(leafIndex, treeSize, leafHash, proof);
        if (bad != null) {
            return VerificationResult.fail(bad);
        }
        if (!MerkleHash.isHash(root)) {
            return VerificationResult.fail("root " + describe(root) + " is not a " + MerkleHash.SIZE + "-byte hash");
        }
        byte[] calculated = computeInclusionRoot(leafIndex, treeSize, leafHash, proof);
        if (!MessageDigest.isEqual(calculated, root)) {
            return VerificationResult.fail("calculated root " + MerkleHash.toHex(calculated)
                    + " does not match the expected root " + MerkleHash.toHex(root));
        }
        return VerificationResult.ok();
    }

    /**
     * The root hash that {@code proof} yields for {@code leafHash} at {@code leafIndex} in a tree of
     * {@code treeSize} leaves.
     *
     * @throws IllegalArgumentException when the input is malformed (the message says how)
     */
    public static byte[] rootFromInclusionProof(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> proof) {
        String bad = checkInclusion(leafIndex, treeSize, leafHash, proof);
        if (bad != null) {
            throw new IllegalArgumentException(bad);
        }
        return computeInclusionRoot(leafIndex, treeSize, leafHash, proof);
    }

    /**
     * Verifies that the tree of {@code size1} leaves with root {@code root1} is a prefix of the tree
     * of {@code size2} leaves with root {@code root2}.
     */
    public static VerificationResult verifyConsistency(long size1, long size2, byte[] root1, byte[] root2,
            List<byte[]> proof) {
        int proofSize = proof == null ? 0 : proof.size();
        if (size1 < 0 || size2 < 0) {
            return VerificationResult.fail("tree sizes must not be negative: " + size1 + ", " + size2);
        }
        if (size1 > size2) {
            return VerificationResult.fail("size1 " + size1 + " is greater than size2 " + size2);
        }
        if (size1 == 0) {
            return VerificationResult.fail("size1 is 0: every tree extends the empty tree, there is nothing to prove");
        }
        if (root1 == null || root2 == null) {
            return VerificationResult.fail("a root is missing");
        }
        if (size1 == size2) {
            if (proofSize != 0) {
                return VerificationResult.fail("sizes are equal (" + size1 + ") but the proof has " + proofSize
                        + " hashes instead of none");
            }
            return MessageDigest.isEqual(root1, root2) ? VerificationResult.ok()
                    : VerificationResult.fail("sizes are equal (" + size1 + ") but root1 " + describe(root1)
                            + " differs from root2 " + describe(root2));
        }
        if (proofSize == 0) {
            return VerificationResult.fail("the proof is empty but size1 " + size1 + " < size2 " + size2);
        }
        if (!MerkleHash.isHash(root1)) {
            return VerificationResult.fail("root1 " + describe(root1) + " is not a " + MerkleHash.SIZE + "-byte hash");
        }
        if (!MerkleHash.isHash(root2)) {
            return VerificationResult.fail("root2 " + describe(root2) + " is not a " + MerkleHash.SIZE + "-byte hash");
        }
        String badHash = checkProofHashes(proof);
        if (badHash != null) {
            return VerificationResult.fail(badHash);
        }

        int inner = innerProofSize(size1 - 1, size2);
        int border = Long.bitCount((size1 - 1) >>> inner);
        int shift = Long.numberOfTrailingZeros(size1);
        inner -= shift; // shift < inner, as size1 < size2
        // The proof starts with the hash of the largest perfect subtree ending at size1, unless that
        // subtree is the whole old tree (size1 a power of two): then its hash is root1.
        boolean seedIsRoot1 = size1 == 1L << shift;
        int start = seedIsRoot1 ? 0 : 1;
        if (proofSize != start + inner + border) {
            return VerificationResult.fail("the proof has " + proofSize + " hashes; a consistency proof from size "
                    + size1 + " to " + size2 + " has " + (start + inner + border));
        }
        byte[] seed = seedIsRoot1 ? root1 : proof.get(0);
        List<byte[]> rest = proof.subList(start, proofSize);
        long mask = (size1 - 1) >>> shift;

        byte[] hash1 = chainBorderRight(chainInnerRight(seed, rest.subList(0, inner), mask), rest.subList(inner, rest.size()));
        if (!MessageDigest.isEqual(hash1, root1)) {
            return VerificationResult.fail("calculated root1 " + MerkleHash.toHex(hash1)
                    + " does not match the expected root1 " + MerkleHash.toHex(root1));
        }
        byte[] hash2 = chainBorderRight(chainInner(seed, rest.subList(0, inner), mask), rest.subList(inner, rest.size()));
        if (!MessageDigest.isEqual(hash2, root2)) {
            return VerificationResult.fail("calculated root2 " + MerkleHash.toHex(hash2)
                    + " does not match the expected root2 " + MerkleHash.toHex(root2));
        }
        return VerificationResult.ok();
    }

    /** Returns why the inclusion input is malformed, or null. */
    private static String checkInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> proof) {
        if (leafIndex < 0 || treeSize < 0) {
            return "leaf index and tree size must not be negative: " + leafIndex + ", " + treeSize;
        }
        if (leafIndex >= treeSize) {
            return "leaf index " + leafIndex + " is not below the tree size " + treeSize;
        }
        if (!MerkleHash.isHash(leafHash)) {
            return "leaf hash " + describe(leafHash) + " is not a " + MerkleHash.SIZE + "-byte hash";
        }
        int proofSize = proof == null ? 0 : proof.size();
        int inner = innerProofSize(leafIndex, treeSize);
        int border = Long.bitCount(leafIndex >>> inner);
        if (proofSize != inner + border) {
            return "the proof has " + proofSize + " hashes; leaf " + leafIndex + " in a tree of size " + treeSize
                    + " needs " + (inner + border);
        }
        return checkProofHashes(proof);
    }

    private static byte[] computeInclusionRoot(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> proof) {
        if (proof == null || proof.isEmpty()) {
            return leafHash.clone();
        }
        int inner = innerProofSize(leafIndex, treeSize);
        return chainBorderRight(chainInner(leafHash, proof.subList(0, inner), leafIndex), proof.subList(inner, proof.size()));
    }

    private static String checkProofHashes(List<byte[]> proof) {
        if (proof == null) {
            return null;
        }
        for (int i = 0; i < proof.size(); i++) {
            if (!MerkleHash.isHash(proof.get(i))) {
                return "proof hash #" + i + " " + describe(proof.get(i)) + " is not a " + MerkleHash.SIZE + "-byte hash";
            }
        }
        return null;
    }

    /** Number of proof hashes below the level where the paths to {@code index} and {@code size - 1} part. */
    private static int innerProofSize(long index, long size) {
        return 64 - Long.numberOfLeadingZeros(index ^ (size - 1));
    }

    /** Hashes the inner proof: bit i of {@code index} set means the sibling at level i is on the left. */
    private static byte[] chainInner(byte[] seed, List<byte[]> proof, long index) {
        byte[] h = seed;
        for (int i = 0; i < proof.size(); i++) {
            h = (index >>> i & 1) == 0 ? MerkleHash.nodeHash(h, proof.get(i)) : MerkleHash.nodeHash(proof.get(i), h);
        }
        return h;
    }

    /** Like {@link #chainInner} but only the left siblings: rebuilds the root of the older, smaller tree. */
    private static byte[] chainInnerRight(byte[] seed, List<byte[]> proof, long index) {
        byte[] h = seed;
        for (int i = 0; i < proof.size(); i++) {
            if ((index >>> i & 1) == 1) {
                h = MerkleHash.nodeHash(proof.get(i), h);
            }
        }
        return h;
    }

    /** Hashes the border part of a proof: every sibling there is on the left. */
    private static byte[] chainBorderRight(byte[] seed, List<byte[]> proof) {
        byte[] h = seed;
        for (byte[] p : proof) {
            h = MerkleHash.nodeHash(p, h);
        }
        return h;
    }

    private static String describe(byte[] b) {
        if (b == null) {
            return "(missing)";
        }
        return b.length <= 64 ? "'" + MerkleHash.toHex(b) + "' (" + b.length + " bytes)" : "(" + b.length + " bytes)";
    }
}
