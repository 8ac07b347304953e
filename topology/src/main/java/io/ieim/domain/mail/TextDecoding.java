package io.ieim.domain.mail;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes to text with a deterministic answer for missing, unknown and mislabeled charsets: strictly valid
 * UTF-8 wins over a declared single-byte charset, invalid UTF-8 falls back to windows-1252 (a superset of
 * ISO-8859-1 that assigns the C1 range, as browsers do). Multi-byte charsets other than UTF-8 are trusted.
 */
final class TextDecoding {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final Pattern HTML_META_CHARSET =
            Pattern.compile("(?i)<meta[^>]{0,200}?charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]{1,40})");

    private TextDecoding() {
    }

    /** Decoded text, the charset actually used, and a defect reason when the declaration was wrong or unknown. */
    record Decoded(String text, Charset charset, String defect) {
    }

    static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    static boolean isValidUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            decoder.decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Header bytes (RFC 6532 allows raw UTF-8): UTF-8 when valid, else windows-1252. */
    static String decodeHeaderBytes(byte[] bytes) {
        if (isAscii(bytes)) {
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        return isValidUtf8(bytes) ? new String(bytes, StandardCharsets.UTF_8) : new String(bytes, WINDOWS_1252);
    }

    /**
     * Re-decodes a string whose characters each stand for one byte (how mime4j's field parser reads raw
     * header bytes): raw UTF-8 in parameters such as filename becomes the intended text.
     */
    static String redecodeLatin1(String s) {
        if (s == null) {
            return null;
        }
        byte[] bytes = new byte[s.length()];
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0xFF) {
                return s;
            }
            bytes[i] = (byte) c;
        }
        return decodeHeaderBytes(bytes);
    }

    static Charset lookup(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.trim().replace("\"", "").toLowerCase(Locale.ROOT);
        if (n.equals("utf-7") || n.equals("utf7") || n.equals("unicode-1-1-utf-7") || n.equals("x-utf-7")) {
            return Utf7Charset.INSTANCE;
        }
        try {
            return Charset.forName(n);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The charset named in an HTML meta tag near the start of the bytes, or null. */
    static String htmlMetaCharset(byte[] bytes) {
        int len = Math.min(bytes.length, 4096);
        Matcher m = HTML_META_CHARSET.matcher(new String(bytes, 0, len, StandardCharsets.ISO_8859_1));
        return m.find() ? m.group(1) : null;
    }

    /**
     * Decodes body bytes. {@code declared} is the charset parameter as written, or null when absent.
     */
    static Decoded decode(byte[] bytes, String declared) {
        Charset cs = lookup(declared);
        boolean ascii = isAscii(bytes);
        if (cs == null) {
            String defect = declared == null || declared.isBlank() ? null : "unknown charset, detected";
            if (ascii) {
                return new Decoded(new String(bytes, StandardCharsets.US_ASCII), StandardCharsets.US_ASCII, defect);
            }
            return detect(bytes, defect);
        }
        String label = cs.name().toLowerCase(Locale.ROOT);
        if (cs.equals(StandardCharsets.UTF_8)) {
            if (ascii || isValidUtf8(bytes)) {
                return new Decoded(new String(bytes, StandardCharsets.UTF_8), StandardCharsets.UTF_8, null);
            }
            return new Decoded(new String(bytes, WINDOWS_1252), WINDOWS_1252,
                    "charset mislabeled: declared utf-8, decoded as windows-1252");
        }
        if (ascii && asciiCompatible(cs)) {
            return new Decoded(new String(bytes, StandardCharsets.US_ASCII), cs, null);
        }
        if (singleByte(cs)) {
            if (isValidUtf8(bytes)) {
                return new Decoded(new String(bytes, StandardCharsets.UTF_8), StandardCharsets.UTF_8,
                        "charset mislabeled: declared " + label + ", decoded as utf-8");
            }
            if (cs.equals(StandardCharsets.US_ASCII)) {
                return new Decoded(new String(bytes, WINDOWS_1252), WINDOWS_1252,
                        "charset mislabeled: declared us-ascii, decoded as windows-1252");
            }
            if (cs.equals(StandardCharsets.ISO_8859_1)) {
                // ISO-8859-1 labels are read as windows-1252, as browsers do: same letters, C1 range assigned
                return new Decoded(new String(bytes, WINDOWS_1252), WINDOWS_1252, null);
            }
        }
        return new Decoded(decodeReplacing(bytes, cs), cs, null);
    }

    private static Decoded detect(byte[] bytes, String defect) {
        if (isValidUtf8(bytes)) {
            return new Decoded(new String(bytes, StandardCharsets.UTF_8), StandardCharsets.UTF_8, defect);
        }
        return new Decoded(new String(bytes, WINDOWS_1252), WINDOWS_1252, defect);
    }

    private static boolean singleByte(Charset cs) {
        try {
            return cs.canEncode() && cs.newEncoder().maxBytesPerChar() == 1.0f;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    private static boolean asciiCompatible(Charset cs) {
        String n = cs.name().toLowerCase(Locale.ROOT);
        return !(n.startsWith("utf-16") || n.startsWith("utf-32") || n.startsWith("x-utf-16")
                || n.startsWith("x-utf-32") || n.contains("ebcdic") || n.startsWith("ibm0") || n.startsWith("utf-7")
                // 7-bit, stateful: its escape sequences are ASCII bytes that must reach the real decoder
                || n.contains("iso-2022") || n.equals("x-windows-iso2022jp") || n.startsWith("hz"));
    }

    private static String decodeReplacing(byte[] bytes, Charset cs) {
        CharsetDecoder decoder = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            CharBuffer out = decoder.decode(ByteBuffer.wrap(bytes));
            return out.toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, cs);
        }
    }

    /** An RFC 2047 encoded word; an RFC 2231 language suffix ("utf-8*de") may follow the charset. */
    private static final Pattern ENCODED_WORD =
            Pattern.compile("=\\?([^?\\s*]+)(?:\\*[^?\\s]*)?\\?([BbQq])\\?([^?\\s]*)\\?=");

    /**
     * Decodes RFC 2047 encoded words. Unlike a word-by-word decoder it joins the bytes of adjacent words in
     * the same charset before decoding, so a multi-byte character split across two words survives. A word
     * with an unknown charset or invalid base64 stays as written (RFC 2047 §6.3) and adds a defect to
     * {@code defects} when given.
     */
    static String decodeEncodedWords(String s, List<String> defects) {
        if (s == null || !s.contains("=?")) {
            return s;
        }
        Matcher m = ENCODED_WORD.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        Charset pendingCs = null;
        int last = 0;
        while (m.find()) {
            String between = s.substring(last, m.start());
            Charset cs = lookup(m.group(1));
            byte[] bytes = cs == null ? null : wordBytes(m.group(2), m.group(3));
            if (bytes == null) {
                flush(out, pending, pendingCs);
                pendingCs = null;
                out.append(between).append(m.group());
                if (defects != null) {
                    defects.add(cs == null ? "unknown charset in encoded word" : "invalid encoded word");
                }
            } else if (pendingCs != null && between.isBlank()) {
                // white space between two encoded words is not part of the text (RFC 2047 §6.2)
                if (!cs.equals(pendingCs)) {
                    flush(out, pending, pendingCs);
                    pendingCs = cs;
                }
                pending.writeBytes(bytes);
            } else {
                flush(out, pending, pendingCs);
                out.append(between);
                pendingCs = cs;
                pending.writeBytes(bytes);
            }
            last = m.end();
        }
        flush(out, pending, pendingCs);
        return out.append(s, last, s.length()).toString();
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream pending, Charset cs) {
        if (cs != null) {
            out.append(decodeReplacing(pending.toByteArray(), cs));
        }
        pending.reset();
    }

    /** The bytes of one encoded word's text, or null when it is not valid B or Q encoding. */
    private static byte[] wordBytes(String encoding, String text) {
        if (encoding.equalsIgnoreCase("B")) {
            String t = text;
            while (t.length() % 4 != 0 && t.length() % 4 != 1) {
                t = t + "=";
            }
            try {
                return Base64.getDecoder().decode(t);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < text.length() && Character.digit(text.charAt(i + 1), 16) >= 0
                    && Character.digit(text.charAt(i + 2), 16) >= 0) {
                out.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 2;
            } else if (c < 0x80) {
                out.write(c);
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    /** "\r\n" and lone "\r" become "\n"; NUL and other C0 controls except tab and newline are removed. */
    static String normalizeLines(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\n' || c == '\t' || c >= 0x20 && c != 0x7F) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Plain text: trailing blanks of every line removed, leading and trailing empty lines removed. */
    static String tidyPlain(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            out.append(line.stripTrailing()).append('\n');
        }
        String s = out.toString();
        int start = 0;
        while (start < s.length() && s.charAt(start) == '\n') {
            start++;
        }
        return s.substring(start).stripTrailing();
    }
}
