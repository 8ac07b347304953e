package io.ieim.ledger;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Signed tree heads: Ed25519 over a fixed encoding, key ids for rotation, links between anchors. */
class SignedTreeHeadTest {

    private static final KeyPair KEY = Ed25519Keys.generate();
    private static final KeyPair OTHER = Ed25519Keys.generate();

    private static SignedTreeHead head(MerkleTree tree, byte[] prev, KeyPair key) {
        return Ed25519Keys.sign("mail-0", tree.size(), tree.root(), prev, 1_700_000_000_000L, key);
    }

    private static MerkleTree tree(int entries) {
        MerkleTree tree = new MerkleTree();
        for (int i = 0; i < entries; i++) {
            tree.appendData(("entry " + i).getBytes(StandardCharsets.UTF_8));
        }
        return tree;
    }

    @Test
    void aHeadVerifiesWithItsKeyAndKeysRotateById() {
        SignedTreeHead first = head(tree(5), SignedTreeHead.NO_PREVIOUS, KEY);
        SignedTreeHead second = head(tree(9), first.anchorHash(), OTHER);
        Map<String, java.security.PublicKey> trusted = Map.of(
                Ed25519Keys.keyId(KEY.getPublic()), KEY.getPublic(),
                Ed25519Keys.keyId(OTHER.getPublic()), OTHER.getPublic());
        assertThat(Ed25519Keys.verify(first, trusted).valid()).isTrue();
        assertThat(Ed25519Keys.verify(second, trusted).valid()).isTrue();
        assertThat(second.prevAnchorHash()).isEqualTo(first.anchorHash());
        assertThat(first.keyId()).isNotEqualTo(second.keyId()).hasSize(16);
    }

    @Test
    void everySignedFieldIsCovered() {
        SignedTreeHead good = head(tree(5), SignedTreeHead.NO_PREVIOUS, KEY);
        Map<String, java.security.PublicKey> trusted = Map.of(good.keyId(), KEY.getPublic());
        byte[] otherRoot = tree(6).root();
        byte[] otherPrev = MerkleHash.leafHash(new byte[]{1});
        for (SignedTreeHead forged : new SignedTreeHead[]{
                new SignedTreeHead("mail-1", good.treeSize(), good.rootHash(), good.prevAnchorHash(), good.signedAtMillis(), good.keyId(), good.signature()),
                new SignedTreeHead(good.chainId(), 6, good.rootHash(), good.prevAnchorHash(), good.signedAtMillis(), good.keyId(), good.signature()),
                new SignedTreeHead(good.chainId(), good.treeSize(), otherRoot, good.prevAnchorHash(), good.signedAtMillis(), good.keyId(), good.signature()),
                new SignedTreeHead(good.chainId(), good.treeSize(), good.rootHash(), otherPrev, good.signedAtMillis(), good.keyId(), good.signature()),
                new SignedTreeHead(good.chainId(), good.treeSize(), good.rootHash(), good.prevAnchorHash(), 1L, good.keyId(), good.signature())}) {
            assertThat(Ed25519Keys.verify(forged, trusted).valid()).as(forged.toString()).isFalse();
        }
    }

    @Test
    void aWrongKeyOrAnUnknownKeyIdIsRejectedWithTheReason() {
        SignedTreeHead byOther = head(tree(3), SignedTreeHead.NO_PREVIOUS, OTHER);
        // the id claims KEY, the signature is OTHER's
        SignedTreeHead mislabeled = new SignedTreeHead(byOther.chainId(), byOther.treeSize(), byOther.rootHash(),
                byOther.prevAnchorHash(), byOther.signedAtMillis(), Ed25519Keys.keyId(KEY.getPublic()), byOther.signature());
        assertThat(Ed25519Keys.verify(mislabeled, Map.of(mislabeled.keyId(), KEY.getPublic())).reason())
                .contains("bad signature");
        assertThat(Ed25519Keys.verify(byOther, Map.of(Ed25519Keys.keyId(KEY.getPublic()), KEY.getPublic())).reason())
                .contains("unknown key " + byOther.keyId());
    }

    @Test
    void keysSurviveTheirTextEncoding() {
        var pub = Ed25519Keys.publicKey(Ed25519Keys.encode(KEY.getPublic()));
        var priv = Ed25519Keys.privateKey(Ed25519Keys.encode(KEY.getPrivate()));
        SignedTreeHead head = Ed25519Keys.sign("mail-0", 0, MerkleHash.emptyRoot(), SignedTreeHead.NO_PREVIOUS, 0,
                new KeyPair(pub, priv));
        assertThat(Ed25519Keys.verify(head, Map.of(Ed25519Keys.keyId(pub), pub)).valid()).isTrue();
    }
}
