package io.ieim.ledger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tamper tests: each kind of change to history is detected and located. */
class ChainVerifierTest {

    private static final KeyPair KEY = Ed25519Keys.generate();
    private static final KeyPair WRONG = Ed25519Keys.generate();
    private final ChainVerifier verifier = new ChainVerifier(Map.of(Ed25519Keys.keyId(KEY.getPublic()), KEY.getPublic()));

    private List<ChainEntry> entries;
    private List<SignedTreeHead> anchors;

    /** Two interleaved chains of 10 entries, anchored at sizes 4 and 10. */
    @BeforeEach
    void ledger() {
        entries = new ArrayList<>();
        anchors = new ArrayList<>();
        for (String chain : List.of("mail-0", "mail-1")) {
            List<ChainEntry> own = new ArrayList<>();
            ChainEntry previous = null;
            for (int i = 0; i < 10; i++) {
                previous = ChainEntry.next(chain, previous, ("event " + chain + " " + i).getBytes(StandardCharsets.UTF_8),
                        "audit-" + chain + "@" + i);
                own.add(previous);
            }
            entries.addAll(own);
            anchors.addAll(anchorsOf(chain, own, KEY));
        }
    }

    private static List<SignedTreeHead> anchorsOf(String chain, List<ChainEntry> own, KeyPair key) {
        MerkleTree tree = new MerkleTree();
        own.forEach(e -> tree.appendData(e.entryHash()));
        SignedTreeHead first = Ed25519Keys.sign(chain, 4, tree.root(4), SignedTreeHead.NO_PREVIOUS, 1000, key);
        SignedTreeHead second = Ed25519Keys.sign(chain, 10, tree.root(10), first.anchorHash(), 2000, key);
        return List.of(first, second);
    }

    private int index(String chain, long sequence) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).chainId().equals(chain) && entries.get(i).sequence() == sequence) {
                return i;
            }
        }
        throw new IllegalArgumentException();
    }

    @Test
    void anIntactLedgerVerifies() {
        assertThat(verifier.verify(entries, anchors)).isEqualTo(VerificationResult.ok());
    }

    @Test
    void aFlippedByteIsLocated() {
        ChainEntry e = entries.get(index("mail-1", 6));
        byte[] content = e.content();
        content[0] ^= 0x01;
        entries.set(index("mail-1", 6), new ChainEntry(e.chainId(), e.sequence(), e.prevHash(), e.entryHash(), content, e.location()));
        assertThat(verifier.verify(entries, anchors).reason())
                .startsWith("chain mail-1 sequence 6 (audit-mail-1@6)").contains("altered");
    }

    @Test
    void aDeletedEntryIsLocated() {
        entries.remove(index("mail-0", 3));
        assertThat(verifier.verify(entries, anchors).reason())
                .startsWith("chain mail-0 sequence 4").contains("expected sequence 3").contains("missing");
    }

    @Test
    void twoReorderedEntriesAreLocated() {
        int a = index("mail-0", 7);
        int b = index("mail-0", 8);
        ChainEntry tmp = entries.get(a);
        entries.set(a, entries.get(b));
        entries.set(b, tmp);
        assertThat(verifier.verify(entries, anchors).reason()).startsWith("chain mail-0 sequence 8").contains("expected sequence 7");
    }

    @Test
    void aForgedEntryWithAConsistentHashIsLocated() {
        // an outsider writes a well-formed entry claiming sequence 5, hashed correctly but not linked
        ChainEntry real = entries.get(index("mail-0", 5));
        byte[] forgedPrev = MerkleHash.leafHash("not the real predecessor".getBytes(StandardCharsets.UTF_8));
        byte[] content = "forged".getBytes(StandardCharsets.UTF_8);
        entries.set(index("mail-0", 5), new ChainEntry("mail-0", 5, forgedPrev,
                ChainEntry.hashOf("mail-0", 5, forgedPrev, content), content, "forged@99"));
        assertThat(real.hashMatches()).isTrue();
        assertThat(verifier.verify(entries, anchors).reason())
                .startsWith("chain mail-0 sequence 5 (forged@99)").contains("does not link");
    }

    @Test
    void anInsertedEntryIsLocated() {
        ChainEntry after = entries.get(index("mail-1", 2));
        entries.add(index("mail-1", 3), ChainEntry.next("mail-1", after, "inserted".getBytes(StandardCharsets.UTF_8), "x@1"));
        assertThat(verifier.verify(entries, anchors).reason()).startsWith("chain mail-1 sequence 3 (audit-mail-1@3)");
    }

    @Test
    void aTruncatedTailIsCaughtByTheAnchor() {
        entries.removeIf(e -> e.chainId().equals("mail-1") && e.sequence() >= 8);
        assertThat(verifier.verify(entries, anchors).reason())
                .isEqualTo("anchor of chain mail-1 at size 10: covers 10 entries but the chain has 8 (tail truncated)");
    }

    @Test
    void aRewrittenHistoryWithRecomputedLinksIsCaughtByTheAnchor() {
        // rebuild mail-0 from sequence 2 on with other content: links are consistent, anchors are not
        List<ChainEntry> rewritten = new ArrayList<>();
        ChainEntry previous = null;
        for (int i = 0; i < 10; i++) {
            String text = i < 2 ? "event mail-0 " + i : "rewritten " + i;
            previous = ChainEntry.next("mail-0", previous, text.getBytes(StandardCharsets.UTF_8), "audit-mail-0@" + i);
            rewritten.add(previous);
        }
        entries.removeIf(e -> e.chainId().equals("mail-0"));
        entries.addAll(rewritten);
        assertThat(verifier.verify(entries, anchors).reason())
                .isEqualTo("anchor of chain mail-0 at size 4: root does not match the entries (history rewritten)");
    }

    @Test
    void aReplayedEventIsLocatedEvenWhenCorrectlyChainedAndAnchored() {
        // a writer that chains the same event twice produces a valid-looking chain; the repeat is still found
        List<ChainEntry> replayed = new ArrayList<>();
        ChainEntry previous = null;
        for (int i = 0; i < 10; i++) {
            String text = "event mail-1 " + (i == 7 ? 3 : i);
            previous = ChainEntry.next("mail-1", previous, text.getBytes(StandardCharsets.UTF_8), "audit-mail-1@" + i);
            replayed.add(previous);
        }
        entries.removeIf(e -> e.chainId().equals("mail-1"));
        entries.addAll(replayed);
        anchors.removeIf(a -> a.chainId().equals("mail-1"));
        anchors.addAll(anchorsOf("mail-1", replayed, KEY));
        assertThat(verifier.verify(entries, anchors).reason())
                .isEqualTo("chain mail-1 sequence 7 (audit-mail-1@7): repeats the event of sequence 3 (replayed)");
    }

    @Test
    void aReplacedAnchorIsDetected() {
        SignedTreeHead old = anchors.get(0);
        anchors.set(0, Ed25519Keys.sign(old.chainId(), 3, new MerkleTree().root(), SignedTreeHead.NO_PREVIOUS, 1000, KEY));
        assertThat(verifier.verify(entries, anchors).valid()).isFalse();
    }

    @Test
    void anAnchorSignedWithTheWrongKeyIsDetected() {
        List<ChainEntry> own = entries.stream().filter(e -> e.chainId().equals("mail-0")).toList();
        anchors.removeIf(a -> a.chainId().equals("mail-0"));
        anchors.addAll(anchorsOf("mail-0", own, WRONG));
        assertThat(verifier.verify(entries, anchors).reason()).contains("unknown key " + Ed25519Keys.keyId(WRONG.getPublic()));
    }
}
