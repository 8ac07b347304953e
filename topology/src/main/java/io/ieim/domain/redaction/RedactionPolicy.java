package io.ieim.domain.redaction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The redaction policy: per output field, one {@link RedactionMode} for every {@link Detector}, and the
 * health word list. Loaded from YAML ({@code spec/rules/redaction-v1.yaml}, on the classpath as
 * {@value #RESOURCE}):
 *
 * <pre>
 * version: redaction-v1
 * fields:
 *   subject:   {EMAIL: MASK, IBAN: MASK, PAYMENT_CARD: MASK, SSN_US: MASK, TAX_ID_DE: MASK,
 *               DATE_OF_BIRTH: MASK, PHONE: MASK, HEALTH_TERM: MASK}
 *   sender:    {EMAIL: HASH, ...}
 * health_terms: [diagnose*, "*krebs*", hiv, heart attack, ...]
 * </pre>
 *
 * <p>Every field must name every detector (a new detector is a conscious policy change, never a silent
 * default); unknown keys, detectors or modes fail the load with the offending key. A health term is
 * matched case-insensitively on word boundaries: {@code hiv} is the whole word, {@code diagnos*} a word
 * starting so, {@code *krebs} a word ending so, {@code *krebs*} a word containing it (German compounds);
 * blanks inside a term match any whitespace.
 */
public final class RedactionPolicy {

    /** Classpath location of the shipped policy (spec/rules, packaged by the spec module). */
    public static final String RESOURCE = "/ieim/spec/rules/redaction-v1.yaml";

    private static final Set<String> TOP_KEYS = Set.of("version", "fields", "health_terms");

    private final String version;
    private final Map<String, Map<Detector, RedactionMode>> fields;
    private final List<String> healthTerms;
    private final String contentHash;

    private RedactionPolicy(String version, Map<String, Map<Detector, RedactionMode>> fields,
                            List<String> healthTerms, String contentHash) {
        this.version = version;
        this.fields = fields;
        this.healthTerms = healthTerms;
        this.contentHash = contentHash;
    }

    /**
     * Reads a policy.
     *
     * @throws IllegalArgumentException when the YAML is malformed or breaks a rule above (the message
     *                                  names the key)
     * @throws UncheckedIOException     when the stream cannot be read
     */
    public static RedactionPolicy load(InputStream in) {
        Objects.requireNonNull(in, "in");
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the redaction policy", e);
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("redaction policy is not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the redaction policy", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("redaction policy: expected a mapping at the top");
        }
        for (Map.Entry<String, JsonNode> top : root.properties()) {
            String key = top.getKey();
            if (!TOP_KEYS.contains(key)) {
                throw new IllegalArgumentException("redaction policy: unknown key '" + key + "'");
            }
        }
        JsonNode versionNode = root.get("version");
        if (versionNode == null || !versionNode.isTextual() || versionNode.asText().isBlank()) {
            throw new IllegalArgumentException("redaction policy: 'version' must be a non-empty string");
        }
        JsonNode fieldsNode = root.get("fields");
        if (fieldsNode == null || !fieldsNode.isObject() || fieldsNode.isEmpty()) {
            throw new IllegalArgumentException("redaction policy: 'fields' must map field names to detector modes");
        }
        Map<String, Map<Detector, RedactionMode>> fields = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : fieldsNode.properties()) {
            fields.put(e.getKey(), modes(e.getKey(), e.getValue()));
        }
        JsonNode termsNode = root.get("health_terms");
        if (termsNode == null || !termsNode.isArray() || termsNode.isEmpty()) {
            throw new IllegalArgumentException("redaction policy: 'health_terms' must be a non-empty list");
        }
        Set<String> terms = new LinkedHashSet<>();
        for (JsonNode t : termsNode) {
            String term = t.isTextual() ? t.asText().strip().toLowerCase(Locale.ROOT) : "";
            String core = term.replace("*", "").strip();
            if (core.length() < 2 || term.indexOf('*', 1) >= 0 && term.indexOf('*', 1) != term.length() - 1) {
                throw new IllegalArgumentException("redaction policy: bad health term '" + t.asText() + "'");
            }
            terms.add(term);
        }
        return new RedactionPolicy(versionNode.asText().strip(), Collections.unmodifiableMap(fields),
                List.copyOf(terms), sha256Hex(bytes));
    }

    /** The shipped policy from the classpath ({@value #RESOURCE}). */
    public static RedactionPolicy loadDefault() {
        try (InputStream in = RedactionPolicy.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("redaction policy " + RESOURCE + " is not on the classpath");
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<Detector, RedactionMode> modes(String field, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("redaction policy: field '" + field + "' must map detectors to modes");
        }
        Map<Detector, RedactionMode> modes = new EnumMap<>(Detector.class);
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            Detector d;
            try {
                d = Detector.valueOf(e.getKey());
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("redaction policy: field '" + field + "': unknown detector '"
                        + e.getKey() + "'", ex);
            }
            RedactionMode mode;
            try {
                mode = RedactionMode.valueOf(e.getValue().asText());
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("redaction policy: field '" + field + "', detector " + d
                        + ": unknown mode '" + e.getValue().asText() + "' (KEEP, MASK, HASH or DROP)", ex);
            }
            modes.put(d, mode);
        }
        List<Detector> missing = new ArrayList<>();
        for (Detector d : Detector.values()) {
            if (!modes.containsKey(d)) {
                missing.add(d);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("redaction policy: field '" + field + "' has no mode for " + missing);
        }
        return Collections.unmodifiableMap(modes);
    }

    /** The version string of the policy, e.g. {@code redaction-v1}. */
    public String version() {
        return version;
    }

    /** Lowercase hex SHA-256 of the policy file's bytes (for the decision's config hash). */
    public String contentHash() {
        return contentHash;
    }

    /** The configured output fields, sorted. */
    public Set<String> fields() {
        return fields.keySet();
    }

    /** The mode of a detector in a field. */
    public RedactionMode mode(String field, Detector detector) {
        Map<Detector, RedactionMode> modes = fields.get(field);
        if (modes == null) {
            throw new IllegalArgumentException("redaction policy " + version + " has no field '" + field + "'");
        }
        return modes.get(detector);
    }

    /** The health terms, lower-cased, in file order. */
    public List<String> healthTerms() {
        return healthTerms;
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
