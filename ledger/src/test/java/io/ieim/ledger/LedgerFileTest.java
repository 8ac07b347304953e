package io.ieim.ledger;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerFileTest {

    @Test
    void anExportedLedgerVerifiesAndAChangedOneIsLocated() {
        KeyPair key = Ed25519Keys.generate();
        List<ChainEntry> entries = new ArrayList<>();
        MerkleTree tree = new MerkleTree();
        ChainEntry previous = null;
        for (int i = 0; i < 6; i++) {
            previous = ChainEntry.next("app/audit-1", previous, ("e" + i).getBytes(StandardCharsets.UTF_8), "audit-1@" + i);
            entries.add(previous);
            tree.appendData(previous.entryHash());
        }
        SignedTreeHead head = Ed25519Keys.sign("app/audit-1", 6, tree.root(), SignedTreeHead.NO_PREVIOUS, 7, key);
        String text = new LedgerFile(entries, List.of(head)).write();
        ChainVerifier verifier = new ChainVerifier(Map.of(head.keyId(), key.getPublic()));

        LedgerFile parsed = LedgerFile.parse(text);
        assertThat(parsed.write()).isEqualTo(text);
        assertThat(verifier.verify(parsed.entries(), parsed.heads()).valid()).isTrue();

        // drop the line of sequence 3: the verifier names the next entry and where it was read
        String cut = text.replaceFirst("entry app/audit-1 3 [^\\n]*\\n", "");
        assertThat(verifier.verify(LedgerFile.parse(cut).entries(), List.of(head)).reason())
                .startsWith("chain app/audit-1 sequence 4 (audit-1@4)").contains("entries missing");
        assertThatThrownBy(() -> LedgerFile.parse("ieim-ledger-v1\nentry broken\n")).hasMessageStartingWith("line 2:");
    }
}
