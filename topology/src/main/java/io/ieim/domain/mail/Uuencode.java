package io.ieim.domain.mail;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds uuencoded files inside plain text ("begin 644 name" ... "end"), as old clients and some scanners
 * still send them. Their lines are not text to classify, and the file is an attachment like any other.
 * A block is taken only when every line up to "end" is a valid uuencoded line; anything else stays text.
 */
final class Uuencode {

    private static final Pattern BEGIN = Pattern.compile("^begin [0-7]{3,4} (\\S.{0,254})$");

    private Uuencode() {
    }

    record File(String name, byte[] content) {
    }

    record Split(String text, List<File> files) {
    }

    static Split split(String text) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        List<File> files = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            Matcher m = BEGIN.matcher(lines[i]);
            int end = m.matches() ? blockEnd(lines, i + 1) : -1;
            if (end < 0) {
                out.append(lines[i]).append('\n');
                i++;
                continue;
            }
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            for (int k = i + 1; k < end; k++) {
                decodeLine(lines[k], content);
            }
            files.add(new File(m.group(1).strip(), content.toByteArray()));
            i = end + 1;
        }
        String rest = files.isEmpty() ? text : TextDecoding.tidyPlain(out.toString());
        return new Split(rest, files);
    }

    /** Index of the "end" line closing a block whose data starts at {@code from}, or -1. */
    private static int blockEnd(String[] lines, int from) {
        for (int k = from; k < lines.length; k++) {
            String line = lines[k];
            if (line.equals("end")) {
                return k;
            }
            if (!validLine(line)) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean validLine(String line) {
        if (line.isEmpty()) {
            return false;
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 || c > 0x60) {
                return false;
            }
        }
        int n = (line.charAt(0) - 0x20) & 0x3F;
        // encoded characters for n bytes: 4 per started 3-byte group (trailing blanks may have been stripped)
        return line.length() - 1 <= ((n + 2) / 3) * 4 + 1;
    }

    private static void decodeLine(String line, ByteArrayOutputStream out) {
        int n = (line.charAt(0) - 0x20) & 0x3F;
        int written = 0;
        for (int i = 1; written < n; i += 4) {
            int c0 = sixBits(line, i);
            int c1 = sixBits(line, i + 1);
            int c2 = sixBits(line, i + 2);
            int c3 = sixBits(line, i + 3);
            int[] bytes = {c0 << 2 | c1 >> 4, (c1 & 0xF) << 4 | c2 >> 2, (c2 & 0x3) << 6 | c3};
            for (int b = 0; b < 3 && written < n; b++) {
                out.write(bytes[b] & 0xFF);
                written++;
            }
        }
    }

    /** A missing character (blanks stripped at the line end) counts as zero, as in "`". */
    private static int sixBits(String line, int i) {
        return i < line.length() ? (line.charAt(i) - 0x20) & 0x3F : 0;
    }
}
