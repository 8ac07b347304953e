package io.ieim.ledger;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A receipt for one mail: its audit entries, each with an inclusion proof to a signed tree head of its
 * chain. It verifies offline with nothing but the signer's public key. Text format, one record per
 * line, fields separated by single spaces:
 *
 * <pre>
 * ieim-receipt-v1
 * message &lt;message id&gt;
 * head &lt;chain&gt; &lt;tree size&gt; &lt;root hex&gt; &lt;previous anchor hex&gt; &lt;signed at ms&gt; &lt;key id&gt; &lt;signature hex&gt;
 * entry &lt;chain&gt; &lt;sequence&gt; &lt;previous hex&gt; &lt;entry hex&gt; &lt;content base64&gt; &lt;proof hex,...|-&gt;
 * </pre>
 */
public record Receipt(String messageId, List<SignedTreeHead> heads, List<Item> items) {

    private static final String FORMAT = "ieim-receipt-v1";

    /** One audit entry and its inclusion proof in its chain's tree head. */
    public record Item(ChainEntry entry, List<byte[]> proof) {
        public Item {
            proof = List.copyOf(proof);
        }
    }

    public Receipt {
        heads = List.copyOf(heads);
        items = List.copyOf(items);
    }

    public String write() {
        StringBuilder out = new StringBuilder(FORMAT).append('\n');
        out.append("message ").append(token(messageId)).append('\n');
        for (SignedTreeHead h : heads) {
            token(h.chainId());
            token(h.keyId());
            out.append("head ").append(h.toFields()).append('\n');
        }
        for (Item item : items) {
            ChainEntry e = item.entry();
            List<String> proof = item.proof().stream().map(MerkleHash::toHex).toList();
            out.append(String.join(" ", "entry", token(e.chainId()), Long.toString(e.sequence()), MerkleHash.toHex(e.prevHash()),
                    MerkleHash.toHex(e.entryHash()), Base64.getEncoder().encodeToString(e.content()),
                    proof.isEmpty() ? "-" : String.join(",", proof))).append('\n');
        }
        return out.toString();
    }

    private static String token(String value) {
        if (value.isEmpty() || value.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("receipt fields must be non-empty and without whitespace: " + value);
        }
        return value;
    }

    /** Parses a receipt; a malformed one fails with the line number. */
    public static Receipt parse(String text) {
        String[] message = {null};
        List<SignedTreeHead> heads = new ArrayList<>();
        List<Item> items = new ArrayList<>();
        TextRecords.parse(text, FORMAT, "receipt", (f, line) -> {
            switch (f[0]) {
                case "message" -> message[0] = f[1];
                case "head" -> heads.add(SignedTreeHead.fromFields(f, 1));
                case "entry" -> {
                    List<byte[]> proof = new ArrayList<>();
                    if (!f[6].equals("-")) {
                        for (String h : f[6].split(",")) {
                            proof.add(MerkleHash.fromHex(h));
                        }
                    }
                    items.add(new Item(new ChainEntry(f[1], Long.parseLong(f[2]), MerkleHash.fromHex(f[3]),
                            MerkleHash.fromHex(f[4]), Base64.getDecoder().decode(f[5]), "receipt line " + line), proof));
                }
                default -> throw new IllegalArgumentException("unknown record '" + f[0] + "'");
            }
        });
        if (message[0] == null) {
            throw new IllegalArgumentException("the receipt names no message");
        }
        return new Receipt(message[0], heads, items);
    }

    /** Every entry hashes to itself, is included in its chain's signed head, and every head is signed by a trusted key. */
    public VerificationResult verify(Map<String, PublicKey> trustedKeys) {
        if (items.isEmpty()) {
            return VerificationResult.fail("the receipt has no entries");
        }
        Map<String, SignedTreeHead> byChain = new HashMap<>();
        for (SignedTreeHead head : heads) {
            VerificationResult signature = Ed25519Keys.verify(head, trustedKeys);
            if (!signature.valid()) {
                return signature;
            }
            byChain.put(head.chainId(), head);
        }
        for (Item item : items) {
            ChainEntry e = item.entry();
            String where = "entry " + e.chainId() + " sequence " + e.sequence();
            if (!e.hashMatches()) {
                return VerificationResult.fail(where + ": entry hash does not match its content");
            }
            SignedTreeHead head = byChain.get(e.chainId());
            if (head == null) {
                return VerificationResult.fail(where + ": no signed tree head for its chain");
            }
            VerificationResult inclusion = MerkleProofs.verifyInclusion(e.sequence(), head.treeSize(),
                    MerkleHash.leafHash(e.entryHash()), item.proof(), head.rootHash());
            if (!inclusion.valid()) {
                return VerificationResult.fail(where + ": not included in the signed tree head: " + inclusion.reason());
            }
        }
        return VerificationResult.ok();
    }
}
