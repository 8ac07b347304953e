package io.ieim.domain.decision;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The hash of the effective configuration a decision was made with: SHA-256 (lowercase hex) of the
 * RFC 8785 canonical JSON object of the settings. Keys are sorted by the canonicalization, so the
 * order of the given map does not matter; a null value is written as JSON null.
 */
public final class ConfigHash {

    private ConfigHash() {
    }

    public static String of(Map<String, String> config) {
        Objects.requireNonNull(config, "config");
        TreeMap<String, String> sorted = new TreeMap<>();
        config.forEach((k, v) -> sorted.put(Objects.requireNonNull(k, "config key"), v));
        return CanonicalJson.sha256Hex(sorted);
    }
}
