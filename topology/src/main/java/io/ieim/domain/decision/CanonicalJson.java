package io.ieim.domain.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.erdtman.jcs.JsonCanonicalizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * RFC 8785 (JSON Canonicalization Scheme) of a value: Jackson writes the value as JSON, and
 * {@link JsonCanonicalizer} rewrites it canonically (object keys sorted by UTF-16 code units,
 * numbers in their shortest ECMAScript form so {@code 1.0} becomes {@code 1} and {@code 1e21}
 * becomes {@code 1e+21}, strings with only the mandatory escapes, no whitespace).
 */
public final class CanonicalJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private CanonicalJson() {
    }

    /** The canonical JSON text of the value (anything Jackson can write: maps, lists, records, JSON text via JsonNode). */
    public static String canonicalize(Object value) {
        try {
            return new JsonCanonicalizer(MAPPER.writeValueAsString(value)).getEncodedString();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be written as JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("JSON canonicalization failed", e);
        }
    }

    /** The canonical form of a JSON text. */
    public static String canonicalizeJson(String json) {
        try {
            return new JsonCanonicalizer(json).getEncodedString();
        } catch (IOException e) {
            throw new IllegalArgumentException("not canonicalizable JSON: " + e.getMessage(), e);
        }
    }

    /** UTF-8 bytes of {@link #canonicalize(Object)}. */
    public static byte[] canonicalBytes(Object value) {
        return canonicalize(value).getBytes(StandardCharsets.UTF_8);
    }

    /** Lowercase hex SHA-256 of the canonical JSON of the value. */
    public static String sha256Hex(Object value) {
        return Digests.sha256Hex(canonicalBytes(value));
    }
}
