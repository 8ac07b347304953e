package io.ieim.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;

/**
 * One entry of an audit chain: its content (the canonical bytes of the audit event without its hash
 * fields), its place in the chain and the hashes that link it.
 *
 * @param chainId   the chain
 * @param sequence  0, 1, 2, ... within the chain
 * @param prevHash  the previous entry's hash ({@link SignedTreeHead#NO_PREVIOUS} for sequence 0)
 * @param entryHash {@link #hashOf} over the other fields, as recorded
 * @param content   canonical bytes of the event
 * @param location  where the entry was read (e.g. "ieim.audit.events.v1-3@1542"), for error messages
 */
public record ChainEntry(String chainId, long sequence, byte[] prevHash, byte[] entryHash, byte[] content,
                         String location) {

    private static final String FORMAT = "ieim-audit-entry-v1";

    public ChainEntry {
        Objects.requireNonNull(chainId, "chainId");
        prevHash = prevHash == null ? new byte[0] : prevHash.clone();
        entryHash = entryHash == null ? new byte[0] : entryHash.clone();
        content = content == null ? new byte[0] : content.clone();
        location = location == null ? "" : location;
    }

    /** The entry hash: SHA-256 over a header line per linking field, then the content. */
    public static byte[] hashOf(String chainId, long sequence, byte[] prevHash, byte[] content) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((FORMAT + "\n" + chainId + "\n" + sequence + "\n" + MerkleHash.toHex(prevHash) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            sha.update(content);
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A correctly linked entry after {@code previous} (or the first of its chain when null). */
    public static ChainEntry next(String chainId, ChainEntry previous, byte[] content, String location) {
        long sequence = previous == null ? 0 : previous.sequence() + 1;
        byte[] prev = previous == null ? SignedTreeHead.NO_PREVIOUS : previous.entryHash();
        return new ChainEntry(chainId, sequence, prev, hashOf(chainId, sequence, prev, content), content, location);
    }

    /** Whether the recorded hash matches the entry's fields. */
    public boolean hashMatches() {
        return Arrays.equals(entryHash, hashOf(chainId, sequence, prevHash, content));
    }

    @Override
    public byte[] prevHash() {
        return prevHash.clone();
    }

    @Override
    public byte[] entryHash() {
        return entryHash.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
