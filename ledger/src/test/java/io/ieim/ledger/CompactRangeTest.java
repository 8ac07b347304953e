package io.ieim.ledger;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompactRangeTest {

    @Test
    void itsRootIsTheTreesRootAtEverySizeAndSurvivesSerialization() {
        MerkleTree tree = new MerkleTree();
        CompactRange range = new CompactRange();
        assertThat(range.root()).isEqualTo(MerkleHash.emptyRoot());
        for (int i = 0; i < 300; i++) {
            byte[] leaf = MerkleHash.leafHash(("e" + i).getBytes(StandardCharsets.UTF_8));
            tree.append(leaf);
            range = CompactRange.fromBytes(range.toBytes());
            range.append(leaf);
            assertThat(range.size()).isEqualTo(tree.size());
            assertThat(range.root()).as("size " + range.size()).isEqualTo(tree.root());
        }
    }

    @Test
    void aTruncatedStateIsRejected() {
        CompactRange range = new CompactRange();
        for (int i = 0; i < 7; i++) {
            range.append(MerkleHash.leafHash(new byte[]{(byte) i}));
        }
        byte[] bytes = range.toBytes();
        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - MerkleHash.SIZE);
        assertThatThrownBy(() -> CompactRange.fromBytes(truncated)).hasMessageContaining("needs 3 hashes");
    }
}
