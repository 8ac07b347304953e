package io.ieim.ledger;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Verifies audit chains and their anchors, offline, and names the first bad entry: every chain must
 * run 0, 1, 2, ... without gap or duplicate, each entry's hash must match its fields and link to its
 * predecessor, no event may appear twice in a chain (the same content under a new sequence is a replay), and every anchor must be signed by a trusted key, link to the chain's previous anchor,
 * and carry the Merkle root of exactly the entries it covers (so a truncated tail is detected).
 */
public final class ChainVerifier {

    private final Map<String, PublicKey> trustedKeys;

    public ChainVerifier(Map<String, PublicKey> trustedKeys) {
        this.trustedKeys = Map.copyOf(trustedKeys);
    }

    /**
     * @param entries entries in the order they were read (per chain, the log order must be the chain order)
     * @param anchors signed tree heads, any order
     */
    public VerificationResult verify(List<ChainEntry> entries, List<SignedTreeHead> anchors) {
        Map<String, List<ChainEntry>> chains = new LinkedHashMap<>();
        for (ChainEntry entry : entries) {
            chains.computeIfAbsent(entry.chainId(), k -> new ArrayList<>()).add(entry);
        }
        Map<String, MerkleTree> trees = new TreeMap<>();
        for (Map.Entry<String, List<ChainEntry>> chain : chains.entrySet()) {
            MerkleTree tree = new MerkleTree();
            byte[] previous = SignedTreeHead.NO_PREVIOUS;
            long expected = 0;
            // content digest -> first sequence; audit events carry unique ids, so equal content is a replay
            Map<String, Long> seen = new java.util.HashMap<>();
            for (ChainEntry entry : chain.getValue()) {
                String where = "chain " + entry.chainId() + " sequence " + entry.sequence()
                        + (entry.location().isEmpty() ? "" : " (" + entry.location() + ")");
                if (entry.sequence() != expected) {
                    return VerificationResult.fail(where + ": expected sequence " + expected
                            + (entry.sequence() > expected ? " (entries missing)" : " (duplicate or out of order)"));
                }
                if (!entry.hashMatches()) {
                    return VerificationResult.fail(where + ": entry hash does not match its content (altered)");
                }
                if (!Arrays.equals(entry.prevHash(), previous)) {
                    return VerificationResult.fail(where + ": previous-entry hash does not link to sequence " + (expected - 1)
                            + " (inserted or forged)");
                }
                Long first = seen.putIfAbsent(MerkleHash.toHex(MerkleHash.leafHash(entry.content())), entry.sequence());
                if (first != null) {
                    return VerificationResult.fail(where + ": repeats the event of sequence " + first + " (replayed)");
                }
                tree.appendData(entry.entryHash());
                previous = entry.entryHash();
                expected++;
            }
            trees.put(chain.getKey(), tree);
        }
        Map<String, List<SignedTreeHead>> byChain = new TreeMap<>();
        anchors.forEach(a -> byChain.computeIfAbsent(a.chainId(), k -> new ArrayList<>()).add(a));
        for (Map.Entry<String, List<SignedTreeHead>> chain : byChain.entrySet()) {
            List<SignedTreeHead> heads = new ArrayList<>(chain.getValue());
            heads.sort(Comparator.comparingLong(SignedTreeHead::treeSize));
            MerkleTree tree = trees.getOrDefault(chain.getKey(), new MerkleTree());
            byte[] previous = SignedTreeHead.NO_PREVIOUS;
            for (SignedTreeHead head : heads) {
                String where = "anchor of chain " + head.chainId() + " at size " + head.treeSize();
                VerificationResult signature = Ed25519Keys.verify(head, trustedKeys);
                if (!signature.valid()) {
                    return signature;
                }
                if (!Arrays.equals(head.prevAnchorHash(), previous)) {
                    return VerificationResult.fail(where + ": does not link to the previous anchor (replaced or removed)");
                }
                if (head.treeSize() > tree.size()) {
                    return VerificationResult.fail(where + ": covers " + head.treeSize() + " entries but the chain has "
                            + tree.size() + " (tail truncated)");
                }
                if (!Arrays.equals(head.rootHash(), tree.root(head.treeSize()))) {
                    return VerificationResult.fail(where + ": root does not match the entries (history rewritten)");
                }
                previous = head.anchorHash();
            }
        }
        return VerificationResult.ok();
    }
}
