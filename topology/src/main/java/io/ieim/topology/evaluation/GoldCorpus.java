package io.ieim.topology.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The sample corpus (data/samples): .eml files, identity CSVs and gold labels, one JSON object per
 * mail in gold.jsonl. A mail's message id is the SHA-256 of its bytes, which joins gold and decisions.
 */
public record GoldCorpus(Path root, List<Entry> entries) {

    /** Gold labels of one mail; identity fields may be null. */
    public record Entry(String file, String messageId, String primaryIntent, List<String> intents,
                        List<String> riskFlags, String queue, String action, boolean needsReview,
                        String identityStatus, String customerId, String policyId, String claimId,
                        List<String> unmatchedReferences) {
    }

    public Path mailDir() {
        return root.resolve("mail");
    }

    public Path identityDir() {
        return root.resolve("identity");
    }

    public static GoldCorpus load(Path root) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Entry> entries = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve("gold.jsonl"))) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(line);
            String file = n.path("file").asText();
            JsonNode id = n.path("identity");
            entries.add(new Entry(file, sha256(Files.readAllBytes(root.resolve("mail").resolve(file))),
                    text(n, "primary_intent"), strings(n.path("intents")), strings(n.path("risk_flags")),
                    text(n, "queue"), text(n, "action"), n.path("needs_review").asBoolean(),
                    text(id, "status"), text(id, "customer_id"), text(id, "policy_id"), text(id, "claim_id"),
                    strings(id.path("unmatched_references"))));
        }
        return new GoldCorpus(root, List.copyOf(entries));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out.stream().sorted().toList();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
