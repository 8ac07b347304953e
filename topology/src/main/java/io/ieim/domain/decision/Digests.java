package io.ieim.domain.decision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/** SHA-256 digests as lowercase hex, the one hash format of IEIM (spec §4). */
public final class Digests {

    private Digests() {
    }

    /** Lowercase hex SHA-256 of the bytes. */
    public static String sha256Hex(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /** Lowercase hex SHA-256 of the UTF-8 encoding of the text. */
    public static String sha256Hex(String text) {
        Objects.requireNonNull(text, "text");
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
