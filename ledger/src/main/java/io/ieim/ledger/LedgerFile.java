package io.ieim.ledger;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A whole ledger in one file (chains and anchors), for archiving and for verifying away from Kafka.
 * Text, one record per line, fields separated by single spaces:
 *
 * <pre>
 * ieim-ledger-v1
 * head &lt;chain&gt; &lt;tree size&gt; &lt;root hex&gt; &lt;previous anchor hex&gt; &lt;signed at ms&gt; &lt;key id&gt; &lt;signature hex&gt;
 * entry &lt;chain&gt; &lt;sequence&gt; &lt;previous hex&gt; &lt;entry hex&gt; &lt;content base64&gt; &lt;where it was read&gt;
 * </pre>
 */
public record LedgerFile(List<ChainEntry> entries, List<SignedTreeHead> heads) {

    private static final String FORMAT = "ieim-ledger-v1";

    public LedgerFile {
        entries = List.copyOf(entries);
        heads = List.copyOf(heads);
    }

    public String write() {
        StringBuilder out = new StringBuilder(FORMAT).append('\n');
        for (SignedTreeHead h : heads) {
            out.append("head ").append(h.toFields()).append('\n');
        }
        for (ChainEntry e : entries) {
            out.append(String.join(" ", "entry", e.chainId(), Long.toString(e.sequence()), MerkleHash.toHex(e.prevHash()),
                    MerkleHash.toHex(e.entryHash()), Base64.getEncoder().encodeToString(e.content()),
                    e.location().isEmpty() ? "-" : e.location())).append('\n');
        }
        return out.toString();
    }

    /** Parses a ledger file; a malformed line fails with its number. */
    public static LedgerFile parse(String text) {
        List<ChainEntry> entries = new ArrayList<>();
        List<SignedTreeHead> heads = new ArrayList<>();
        TextRecords.parse(text, FORMAT, "file", (f, line) -> {
            switch (f[0]) {
                case "head" -> heads.add(SignedTreeHead.fromFields(f, 1));
                case "entry" -> entries.add(new ChainEntry(f[1], Long.parseLong(f[2]), MerkleHash.fromHex(f[3]),
                        MerkleHash.fromHex(f[4]), Base64.getDecoder().decode(f[5]), f[6].equals("-") ? "" : f[6]));
                default -> throw new IllegalArgumentException("unknown record '" + f[0] + "'");
            }
        });
        return new LedgerFile(entries, heads);
    }
}
