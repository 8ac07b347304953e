package io.ieim.ledger;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnchorObjectTest {

    private static final KeyPair KEY = Ed25519Keys.generate();

    private static SignedTreeHead head(String chain, long size) {
        MerkleTree tree = new MerkleTree();
        for (int i = 0; i < size; i++) {
            tree.appendData(("e" + i).getBytes(StandardCharsets.UTF_8));
        }
        return Ed25519Keys.sign(chain, size, tree.root(), SignedTreeHead.NO_PREVIOUS, 1_700_000_000_000L, KEY);
    }

    @Test
    void anObjectReadsBackAsTheSameSignedHead() {
        SignedTreeHead head = head("ieim-decisions/audit-3", 700);
        SignedTreeHead read = AnchorObject.parse(AnchorObject.bytes(head));
        assertThat(read).isEqualTo(head);
        assertThat(Ed25519Keys.verify(read, java.util.Map.of(head.keyId(), KEY.getPublic())).valid()).isTrue();
    }

    @Test
    void keysSortInChainOrder() {
        assertThat(AnchorObject.key(head("c/audit-0", 9))).isEqualTo("anchors/c/audit-0/00000000000000000009.sth");
        assertThat(AnchorObject.key("c/audit-0", 9)).isLessThan(AnchorObject.key("c/audit-0", 10));
    }

    @Test
    void aDamagedObjectIsRejectedWithItsLine() {
        byte[] bytes = AnchorObject.bytes(head("c/audit-0", 3));
        String text = new String(bytes, StandardCharsets.UTF_8).replace(" 3 ", " three ");
        assertThatThrownBy(() -> AnchorObject.parse(text.getBytes(StandardCharsets.UTF_8))).hasMessageStartingWith("line 2:");
        assertThatThrownBy(() -> AnchorObject.parse("ieim-anchor-v1\n".getBytes(StandardCharsets.UTF_8))).hasMessage("no head record");
        assertThatThrownBy(() -> AnchorObject.parse("something else\n".getBytes(StandardCharsets.UTF_8))).hasMessageStartingWith("line 1:");
    }

    @Test
    void theArchiveMustAgreeWithTheTopic() {
        SignedTreeHead a = head("c/audit-0", 3);
        SignedTreeHead b = head("c/audit-0", 5);
        java.util.Map<String, byte[]> archived = new java.util.HashMap<>(java.util.Map.of(AnchorObject.key(a), AnchorObject.bytes(a)));

        AnchorObject.ArchiveCheck lagging = AnchorObject.compare(java.util.List.of(a, b), archived);
        assertThat(lagging.result().valid()).isTrue();
        assertThat(lagging.unarchived()).isEqualTo(1);

        // the topic's anchor at size 3 was removed
        assertThat(AnchorObject.compare(java.util.List.of(b), archived).result().reason())
                .isEqualTo("anchor of chain c/audit-0 at size 3: in the write-once archive (anchors/c/audit-0/00000000000000000003.sth)"
                        + " but not in the anchors topic (removed)");

        // the topic's anchor at size 3 was replaced by another validly signed one
        SignedTreeHead other = Ed25519Keys.sign("c/audit-0", 3, MerkleHash.leafHash(new byte[] {1}), SignedTreeHead.NO_PREVIOUS, 1L, KEY);
        assertThat(AnchorObject.compare(java.util.List.of(other, b), archived).result().reason())
                .isEqualTo("anchor of chain c/audit-0 at size 3: differs from its write-once copy anchors/c/audit-0/00000000000000000003.sth (replaced)");

        // an object stored under another head's key
        archived.put(AnchorObject.key(b), AnchorObject.bytes(a));
        assertThat(AnchorObject.compare(java.util.List.of(a, b), archived).result().reason()).endsWith("(misplaced)");

        archived.put(AnchorObject.key(b), "garbage".getBytes(StandardCharsets.UTF_8));
        assertThat(AnchorObject.compare(java.util.List.of(a, b), archived).result().reason()).contains("is unreadable: line 1:");
    }
}
