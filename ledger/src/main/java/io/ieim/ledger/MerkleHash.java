package io.ieim.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hashing rules of an RFC 6962 §2.1 / RFC 9162 §2.1.1 Merkle tree, with SHA-256.
 *
 * <ul>
 *   <li>empty tree: {@code MTH({}) = SHA-256()} (the hash of the empty string);
 *   <li>leaf: {@code MTH({d}) = SHA-256(0x00 || d)};
 *   <li>interior node: {@code SHA-256(0x01 || left || right)}.
 * </ul>
 *
 * <p>The distinct one-byte prefixes make a leaf hash and a node hash differ for the same bytes,
 * so a node can never be passed off as a leaf (second-preimage resistance). All methods take and
 * return byte arrays; every hash is {@value #SIZE} bytes. Thread-safe (one digest per thread).
 */
public final class MerkleHash {

    /** Length of every hash in bytes (SHA-256). */
    public static final int SIZE = 32;

    static final byte LEAF_PREFIX = 0x00;
    static final byte NODE_PREFIX = 0x01;

    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(MerkleHash::newDigest);
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] EMPTY_ROOT = newDigest().digest();

    private MerkleHash() {}

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** The root of the empty tree: {@code SHA-256()}. */
    public static byte[] emptyRoot() {
        return EMPTY_ROOT.clone();
    }

    /** The hash of a leaf: {@code SHA-256(0x00 || data)}. */
    public static byte[] leafHash(byte[] data) {
        MessageDigest md = DIGEST.get();
        md.update(LEAF_PREFIX);
        md.update(data);
        return md.digest();
    }

    /** The hash of an interior node: {@code SHA-256(0x01 || left || right)}. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest md = DIGEST.get();
        md.update(NODE_PREFIX);
        md.update(left);
        md.update(right);
        return md.digest();
    }

    /** Lower-case hexadecimal of the bytes. */
    public static String toHex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /**
     * Bytes of a hexadecimal string (either case).
     *
     * @throws IllegalArgumentException when the string is not an even number of hex digits
     */
    public static byte[] fromHex(String hex) {
        return HEX.parseHex(hex);
    }

    /** True when {@code hash} is non-null and exactly {@value #SIZE} bytes long. */
    public static boolean isHash(byte[] hash) {
        return hash != null && hash.length == SIZE;
    }
}
