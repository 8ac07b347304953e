package io.ieim.ledger;

import java.nio.charset.StandardCharsets;

/**
 * A signed tree head as a write-once object in object storage: an anchor outside Kafka, so rewriting
 * the anchors topic cannot go unnoticed. One object per head, named by chain and zero-padded size so
 * a listing is in chain order:
 *
 * <pre>
 * anchors/&lt;chain&gt;/&lt;tree size, 20 digits&gt;.sth
 *
 * ieim-anchor-v1
 * head &lt;chain&gt; &lt;tree size&gt; &lt;root hex&gt; &lt;previous anchor hex&gt; &lt;signed at ms&gt; &lt;key id&gt; &lt;signature hex&gt;
 * </pre>
 */
public final class AnchorObject {

    /** The prefix under which anchors are stored; the bucket keeps it write-once. */
    public static final String PREFIX = "anchors/";

    private static final String FORMAT = "ieim-anchor-v1";

    private AnchorObject() {
    }

    public static String key(SignedTreeHead head) {
        return key(head.chainId(), head.treeSize());
    }

    public static String key(String chainId, long treeSize) {
        return PREFIX + chainId + "/" + String.format("%020d", treeSize) + ".sth";
    }

    public static byte[] bytes(SignedTreeHead head) {
        return (FORMAT + "\nhead " + head.toFields() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Parses an anchor object; a malformed one fails with the line and reason. */
    public static SignedTreeHead parse(byte[] bytes) {
        SignedTreeHead[] head = new SignedTreeHead[1];
        TextRecords.parse(new String(bytes, StandardCharsets.UTF_8), FORMAT, "object", (f, line) -> {
            if (!f[0].equals("head") || head[0] != null) {
                throw new IllegalArgumentException("expected exactly one head record");
            }
            head[0] = SignedTreeHead.fromFields(f, 1);
        });
        if (head[0] == null) {
            throw new IllegalArgumentException("no head record");
        }
        return head[0];
    }

    /**
     * Compares the anchors read from the topic with their write-once copies: every copy must have an
     * identical anchor in the topic (a missing one was removed, a different one replaced). Anchors not
     * yet copied are counted, not failed: the archiver runs behind the chainer.
     *
     * @param topicHeads the anchors from the topic
     * @param archived   object key -> bytes, for the objects under the prefix being checked
     */
    public static ArchiveCheck compare(java.util.List<SignedTreeHead> topicHeads, java.util.Map<String, byte[]> archived) {
        java.util.Map<String, SignedTreeHead> byKey = new java.util.HashMap<>();
        topicHeads.forEach(h -> byKey.put(key(h), h));
        for (var object : new java.util.TreeMap<>(archived).entrySet()) {
            SignedTreeHead copy;
            try {
                copy = parse(object.getValue());
            } catch (IllegalArgumentException e) {
                return new ArchiveCheck(VerificationResult.fail("archived anchor " + object.getKey() + " is unreadable: " + e.getMessage()), 0);
            }
            if (!key(copy).equals(object.getKey())) {
                return new ArchiveCheck(VerificationResult.fail("archived anchor " + object.getKey()
                        + " holds the head of " + copy.chainId() + " at size " + copy.treeSize() + " (misplaced)"), 0);
            }
            SignedTreeHead topic = byKey.get(object.getKey());
            String where = "anchor of chain " + copy.chainId() + " at size " + copy.treeSize();
            if (topic == null) {
                return new ArchiveCheck(VerificationResult.fail(where + ": in the write-once archive (" + object.getKey()
                        + ") but not in the anchors topic (removed)"), 0);
            }
            if (!topic.equals(copy)) {
                return new ArchiveCheck(VerificationResult.fail(where + ": differs from its write-once copy "
                        + object.getKey() + " (replaced)"), 0);
            }
        }
        long unarchived = byKey.keySet().stream().filter(k -> !archived.containsKey(k)).count();
        return new ArchiveCheck(VerificationResult.ok(), unarchived);
    }

    /** The result of {@link #compare}: the verdict and how many topic anchors have no copy yet. */
    public record ArchiveCheck(VerificationResult result, long unarchived) {
    }
}
