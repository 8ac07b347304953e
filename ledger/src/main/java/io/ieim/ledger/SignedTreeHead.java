package io.ieim.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;

/**
 * An anchor: a chain's Merkle tree head at one size, linked to the previous anchor and signed with
 * Ed25519. The signature covers a fixed textual encoding (see {@link #signedBytes()}), so a verifier in
 * any language can rebuild exactly what was signed.
 *
 * @param chainId        the audit chain
 * @param treeSize       number of entries the root covers
 * @param rootHash       32-byte RFC 6962 root of the first {@code treeSize} entries
 * @param prevAnchorHash {@link #anchorHash()} of the chain's previous anchor, or 32 zero bytes for the first
 * @param signedAtMillis when the head was signed (anchor metadata; decisions never depend on it)
 * @param keyId          which key signed ({@link Ed25519Keys#keyId})
 * @param signature      64-byte Ed25519 signature over {@link #signedBytes()}
 */
public record SignedTreeHead(String chainId, long treeSize, byte[] rootHash, byte[] prevAnchorHash,
                             long signedAtMillis, String keyId, byte[] signature) {

    /** The previous-anchor hash of a chain's first anchor. */
    public static final byte[] NO_PREVIOUS = new byte[MerkleHash.SIZE];

    private static final String FORMAT = "ieim-tree-head-v1";

    public SignedTreeHead {
        Objects.requireNonNull(chainId, "chainId");
        Objects.requireNonNull(keyId, "keyId");
        if (treeSize < 0 || !MerkleHash.isHash(rootHash) || !MerkleHash.isHash(prevAnchorHash)) {
            throw new IllegalArgumentException("a tree head needs a size >= 0 and 32-byte hashes");
        }
        if (chainId.contains("\n") || keyId.contains("\n")) {
            throw new IllegalArgumentException("ids must not contain line breaks");
        }
        rootHash = rootHash.clone();
        prevAnchorHash = prevAnchorHash.clone();
        signature = signature == null ? new byte[0] : signature.clone();
    }

    /** The exact bytes the signature covers: one field per line, hashes in lowercase hex. */
    public byte[] signedBytes() {
        return String.join("\n", FORMAT, chainId, Long.toString(treeSize), MerkleHash.toHex(rootHash),
                MerkleHash.toHex(prevAnchorHash), Long.toString(signedAtMillis), keyId, "")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The head as seven space-separated fields (chain, size, root, previous anchor, signed at, key id, signature), for text files. */
    public String toFields() {
        return String.join(" ", chainId, Long.toString(treeSize), MerkleHash.toHex(rootHash),
                MerkleHash.toHex(prevAnchorHash), Long.toString(signedAtMillis), keyId, MerkleHash.toHex(signature));
    }

    /** Reads the seven fields of {@link #toFields()} starting at {@code offset}. */
    public static SignedTreeHead fromFields(String[] fields, int offset) {
        String[] f = fields;
        int o = offset;
        return new SignedTreeHead(f[o], Long.parseLong(f[o + 1]), MerkleHash.fromHex(f[o + 2]), MerkleHash.fromHex(f[o + 3]),
                Long.parseLong(f[o + 4]), f[o + 5], MerkleHash.fromHex(f[o + 6]));
    }

    /** SHA-256 over the signed bytes and the signature: what the next anchor links to. */
    public byte[] anchorHash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(signedBytes());
            sha.update(signature);
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    @Override
    public byte[] prevAnchorHash() {
        return prevAnchorHash.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedTreeHead t && treeSize == t.treeSize && signedAtMillis == t.signedAtMillis
                && chainId.equals(t.chainId) && keyId.equals(t.keyId) && Arrays.equals(rootHash, t.rootHash)
                && Arrays.equals(prevAnchorHash, t.prevAnchorHash) && Arrays.equals(signature, t.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(chainId, treeSize, keyId, signedAtMillis, Arrays.hashCode(rootHash));
    }

    @Override
    public String toString() {
        return "SignedTreeHead[" + chainId + " size " + treeSize + " root " + MerkleHash.toHex(rootHash) + " key " + keyId + "]";
    }
}
