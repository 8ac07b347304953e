package io.ieim.domain.classification;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Compiles the {@code terms} of a classification pattern into one regex.
 *
 * <ul>
 *   <li>Matching is case-insensitive; a term matches whole words: it must not be preceded or followed
 *       by a letter or digit (so {@code Rechnung} is found in {@code Rechnung_Werkstatt.pdf}, not in
 *       {@code Rechnungsadresse}).</li>
 *   <li>{@code *} at the end allows any word continuation ({@code kündig*}: kündige, kündigen,
 *       Kündigung); {@code *} at the start allows any word beginning ({@code *schaden}:
 *       Wasserschaden, Hagelschaden). Both ({@code *kündig*}) find the stem anywhere in a word.</li>
 *   <li>A space or hyphen matches any run of whitespace, hyphens and underscores
 *       ({@code Schaden melden} also finds {@code Schaden\nmelden}, {@code Kfz-Versicherung} also
 *       {@code Kfz Versicherung}).</li>
 *   <li>German spelling without umlauts is accepted: ä, ö, ü, ß also match ae, oe, ue, ss
 *       ({@code Kündigung} finds {@code Kuendigung}).</li>
 * </ul>
 */
final class Terms {

    static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final String WORD_CHAR = "[\\p{L}\\p{N}]";
    private static final String NOT_AFTER_WORD = "(?<!" + WORD_CHAR + ")";
    private static final String NOT_BEFORE_WORD = "(?!" + WORD_CHAR + ")";
    private static final String SEPARATOR = "[\\s\\p{Z}_\\-]+";

    private Terms() {
    }

    /** The regex source of one term; throws IllegalArgumentException for an empty or malformed term. */
    static String regexOf(String term) {
        if (term == null) {
            throw new IllegalArgumentException("empty term");
        }
        String t = term.strip();
        boolean anyStart = t.startsWith("*");
        boolean anyEnd = t.endsWith("*") && t.length() > 1;
        if (anyStart) {
            t = t.substring(1);
        }
        if (anyEnd) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.isBlank() || t.contains("*")) {
            throw new IllegalArgumentException("malformed term '" + term + "' (a '*' only at the start or end)");
        }
        StringBuilder sb = new StringBuilder(NOT_AFTER_WORD);
        if (anyStart) {
            sb.append(WORD_CHAR).append('*');
        }
        String lower = t.toLowerCase(Locale.ROOT);
        boolean inSeparator = false;
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || cp == '-' || cp == '_') {
                if (!inSeparator) {
                    sb.append(SEPARATOR);
                }
                inSeparator = true;
                continue;
            }
            inSeparator = false;
            switch (cp) {
                case 'ä' -> sb.append("(?:ä|ae)");
                case 'ö' -> sb.append("(?:ö|oe)");
                case 'ü' -> sb.append("(?:ü|ue)");
                case 'ß' -> sb.append("(?:ß|ss)");
                default -> {
                    if (Character.isLetterOrDigit(cp)) {
                        sb.appendCodePoint(cp);
                    } else {
                        sb.append(Pattern.quote(new String(Character.toChars(cp))));
                    }
                }
            }
        }
        if (anyEnd) {
            sb.append(WORD_CHAR).append('*');
        } else {
            sb.append(NOT_BEFORE_WORD);
        }
        return sb.toString();
    }

    /** One pattern finding any of the terms. */
    static Pattern compile(List<String> terms) {
        StringBuilder sb = new StringBuilder();
        for (String term : terms) {
            if (!sb.isEmpty()) {
                sb.append('|');
            }
            sb.append("(?:").append(regexOf(term)).append(')');
        }
        return Pattern.compile(sb.toString(), FLAGS);
    }
}
