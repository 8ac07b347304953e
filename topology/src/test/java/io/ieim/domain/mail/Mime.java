package io.ieim.domain.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

/** Builds MIME test fixtures: lines joined with CRLF, mixed-charset byte arrays, digests. */
final class Mime {

    private Mime() {
    }

    /** The lines joined with CRLF (and a final CRLF), as UTF-8 bytes. */
    static byte[] utf8(String... lines) {
        return join(lines).getBytes(StandardCharsets.UTF_8);
    }

    /** The lines joined with CRLF, encoded in the given charset. */
    static byte[] bytes(Charset charset, String... lines) {
        return join(lines).getBytes(charset);
    }

    static String join(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    /** Concatenates byte arrays (for a header in one charset and a body in another). */
    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static String base64(byte[] data) {
        return Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(data);
    }

    static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    /** A minimal Windows PE executable header: "MZ", padding, "PE\0\0" at offset 128. */
    static byte[] windowsExecutable() {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3c] = (byte) 0x80;
        exe[128] = 'P';
        exe[129] = 'E';
        for (int i = 200; i < exe.length; i++) {
            exe[i] = (byte) (i * 31);
        }
        return exe;
    }
}
