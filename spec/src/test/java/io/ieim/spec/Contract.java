package io.ieim.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the labels and reference examples out of CONTRACT-V1.md as written there (tables, comma lists,
 * bullets), so the conformance tests compare the spec with the contract, not with a copy typed into a test.
 * Every parse is strict: a contract whose layout changed fails loudly instead of yielding nothing.
 */
final class Contract {

    static final Pattern LABEL = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]*)`");
    private static final Pattern PARENTHESES = Pattern.compile("\\(([^)]*)\\)");

    private final String text;

    Contract(String text) {
        this.text = text;
    }

    static Contract read(Path file) {
        try {
            return new Contract(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body of the {@code ## N.} section. */
    String section(int number) {
        Matcher m = Pattern.compile("(?m)^## " + number + "\\..*$").matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("contract has no section ## " + number + ".");
        }
        int end = text.indexOf("\n## ", m.end());
        return text.substring(m.end(), end < 0 ? text.length() : end);
    }

    /** Label -> meaning from the first Markdown table of a section whose first header cell is {@code firstColumn}. */
    Map<String, String> table(int section, String firstColumn) {
        Map<String, String> rows = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : section(section).lines().toList()) {
            String s = line.strip();
            if (!s.startsWith("|")) {
                if (inTable) {
                    break;
                }
                continue;
            }
            List<String> cells = List.of(s.substring(1, s.length() - 1).split("\\|")).stream().map(String::strip).toList();
            if (!inTable) {
                inTable = cells.getFirst().equals(firstColumn);
                continue;
            }
            if (cells.getFirst().startsWith("---")) {
                continue;
            }
            rows.put(requireLabel(cells.get(0)), cells.get(1));
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("contract section " + section + " has no table with column " + firstColumn);
        }
        return rows;
    }

    /** The paragraph of a section that starts with {@code start}, lines joined by spaces. */
    String paragraph(int section, String start) {
        StringBuilder p = null;
        for (String line : section(section).lines().toList()) {
            if (p == null) {
                if (line.startsWith(start)) {
                    p = new StringBuilder(line.strip());
                }
            } else if (line.isBlank() || line.startsWith("- ") || line.startsWith("|")) {
                break;
            } else {
                p.append(' ').append(line.strip());
            }
        }
        if (p == null) {
            throw new IllegalStateException("contract section " + section + " has no paragraph starting '" + start + "'");
        }
        return p.toString();
    }

    /**
     * Label -> parenthesized explanation ("" if none) of a list like
     * {@code Risk flags (zero or more): A, B (explanation, more), C.}
     */
    Map<String, String> labelList(int section, String start) {
        String p = paragraph(section, start);
        String list = p.substring(p.indexOf(':') + 1).strip();
        if (list.endsWith(".")) {
            list = list.substring(0, list.length() - 1);
        }
        // split on commas outside parentheses
        Map<String, String> labels = new LinkedHashMap<>();
        int depth = 0;
        StringBuilder item = new StringBuilder();
        for (char c : (list + ",").toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                String entry = item.toString().strip();
                Matcher paren = PARENTHESES.matcher(entry);
                String explanation = paren.find() ? paren.group(1).strip() : "";
                labels.put(requireLabel(PARENTHESES.matcher(entry).replaceAll("").strip()), explanation);
                item.setLength(0);
            } else {
                item.append(c);
            }
        }
        return labels;
    }

    /** Code -> line from "Line codes: KF motor, HR home contents, ... ." in section 2. */
    Map<String, String> lineCodes() {
        String s = section(2).replaceAll("\\s+", " ");
        Matcher m = Pattern.compile("Line codes: ([^.]*)\\.").matcher(s);
        if (!m.find()) {
            throw new IllegalStateException("contract section 2 has no 'Line codes:' list");
        }
        Map<String, String> codes = new LinkedHashMap<>();
        for (String entry : m.group(1).split(",")) {
            String[] parts = entry.strip().split(" ", 2);
            codes.put(requireLabel(parts[0]), parts[1].strip());
        }
        return codes;
    }

    /** The text of the bullet of a section starting with {@code - start}, continuation lines joined. */
    String bullet(int section, String start) {
        StringBuilder b = null;
        for (String line : section(section).lines().toList()) {
            if (b == null) {
                if (line.startsWith("- " + start)) {
                    b = new StringBuilder(line.substring(2).strip());
                }
            } else if (line.isBlank() || line.startsWith("- ") || !Character.isWhitespace(line.charAt(0))) {
                break;
            } else {
                b.append(' ').append(line.strip());
            }
        }
        if (b == null) {
            throw new IllegalStateException("contract section " + section + " has no bullet '- " + start + "'");
        }
        return b.toString();
    }

    /** The written examples of a reference bullet of section 2: code spans with a digit, the canonical one first. */
    List<String> referenceExamples(String bulletStart) {
        List<String> examples = new ArrayList<>();
        CODE_SPAN.matcher(bullet(2, bulletStart)).results()
                .map(r -> r.group(1))
                .filter(s -> s.chars().anyMatch(Character::isDigit))
                .forEach(examples::add);
        if (examples.size() < 2) {
            throw new IllegalStateException("contract bullet '" + bulletStart + "' has fewer than two examples");
        }
        return examples;
    }

    /** Statuses listed as "status A, B or C" in a bullet of section 3. */
    List<String> statuses(String bulletStart) {
        Matcher m = Pattern.compile("status ((?:[A-Z_]+(?:, | or ))*[A-Z_]+)").matcher(bullet(3, bulletStart));
        if (!m.find()) {
            throw new IllegalStateException("contract bullet '" + bulletStart + "' lists no status");
        }
        return List.of(m.group(1).split(", | or ")).stream().map(Contract::requireLabel).toList();
    }

    private static String requireLabel(String s) {
        if (!LABEL.matcher(s).matches()) {
            throw new IllegalStateException("contract: expected a label, found '" + s + "'");
        }
        return s;
    }
}
