package io.ieim.ledger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Receipts: written, parsed and verified offline; any change to them fails. */
class ReceiptTest {

    private static final KeyPair KEY = Ed25519Keys.generate();

    /** A chain of 13 entries, anchored at 13; the receipt covers entries 2, 7 and 12. */
    private static Receipt receipt() {
        List<ChainEntry> chain = new ArrayList<>();
        ChainEntry previous = null;
        MerkleTree tree = new MerkleTree();
        for (int i = 0; i < 13; i++) {
            previous = ChainEntry.next("app/audit-3", previous, ("event " + i).getBytes(StandardCharsets.UTF_8), "");
            chain.add(previous);
            tree.appendData(previous.entryHash());
        }
        SignedTreeHead head = Ed25519Keys.sign("app/audit-3", 13, tree.root(), SignedTreeHead.NO_PREVIOUS, 5000, KEY);
        List<Receipt.Item> items = new ArrayList<>();
        for (int seq : new int[]{2, 7, 12}) {
            items.add(new Receipt.Item(chain.get(seq), tree.inclusionProof(seq, 13)));
        }
        return new Receipt("a".repeat(64), List.of(head), items);
    }

    private static Map<String, java.security.PublicKey> trusted() {
        return Map.of(Ed25519Keys.keyId(KEY.getPublic()), KEY.getPublic());
    }

    @Test
    void aReceiptSurvivesItsTextFormAndVerifies() {
        String text = receipt().write();
        Receipt parsed = Receipt.parse(text);
        assertThat(parsed.write()).as("Ed25519 is deterministic: the same receipt, the same text").isEqualTo(text);
        assertThat(parsed.items()).hasSize(3);
        assertThat(parsed.verify(trusted()).valid()).isTrue();
    }

    @Test
    void anyChangeToTheReceiptFailsVerification() {
        String text = receipt().write();
        String[] lines = text.split("\n");
        // flip one hex digit of each head and entry line in turn (signature, root, hashes, proof)
        int tried = 0;
        for (int l = 2; l < lines.length; l++) {
            String line = lines[l];
            int pos = line.indexOf(' ', line.indexOf(' ', line.indexOf(' ') + 1) + 1) + 5;
            char c = line.charAt(pos);
            String altered = line.substring(0, pos) + (c == '0' ? '1' : '0') + line.substring(pos + 1);
            String[] copy = lines.clone();
            copy[l] = altered;
            String changed = String.join("\n", copy) + "\n";
            boolean rejected;
            try {
                rejected = !Receipt.parse(changed).verify(trusted()).valid();
            } catch (IllegalArgumentException malformed) {
                rejected = true;
            }
            assertThat(rejected).as("altered line " + (l + 1)).isTrue();
            tried++;
        }
        assertThat(tried).isEqualTo(4);
    }

    @Test
    void aWrongKeyIsRejectedAndTheCommandLineSaysWhy(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("receipt.txt");
        Files.writeString(file, receipt().write());
        assertThat(ReceiptVerifier.run(file.toString(), "--public-key", Ed25519Keys.encode(KEY.getPublic()))).isZero();
        assertThat(ReceiptVerifier.run(file.toString(), "--public-key", Ed25519Keys.encode(Ed25519Keys.generate().getPublic())))
                .isEqualTo(1);
        Files.writeString(file, "not a receipt\n");
        assertThat(ReceiptVerifier.run(file.toString(), "--public-key", Ed25519Keys.encode(KEY.getPublic()))).isEqualTo(2);
    }
}
