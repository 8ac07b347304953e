package io.ieim.domain.classification;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code terms} of the classification rules, found in one pass over a text (Aho-Corasick over the
 * normalized terms of every rule), so that a few thousand terms cost about as much as reading the text.
 *
 * <p>Term syntax:
 * <ul>
 *   <li>Matching is case-insensitive; a term matches whole words: it must not be preceded or followed
 *       by a letter or digit (so {@code Rechnung} is found in {@code Rechnung_Werkstatt.pdf}, not in
 *       {@code Rechnungsadresse}).</li>
 *   <li>{@code *} at the end allows any word continuation ({@code kündig*}: kündige, kündigen,
 *       Kündigung); {@code *} at the start allows any word beginning ({@code *schaden}:
 *       Wasserschaden, Hagelschaden). Both ({@code *kündig*}) find the stem anywhere in a word.</li>
 *   <li>A run of whitespace, hyphens and underscores in the term or the text is one separator
 *       ({@code Schaden melden} also finds {@code Schaden\nmelden}, {@code Kfz-Versicherung} also
 *       {@code Kfz Versicherung}); soft hyphens and zero-width characters in the text are ignored.</li>
 *   <li>German spelling without umlauts is accepted: ä, ö, ü, ß and ae, oe, ue, ss are the same
 *       ({@code Kündigung} finds {@code Kuendigung}); typographic apostrophes are plain ones
 *       ({@code don't} finds {@code don’t}).</li>
 *   <li>Everything else is literal ({@code Art. 15} needs the dot).</li>
 * </ul>
 */
final class Terms {

    /** A match: the rule's index and the span in the original text. */
    record Match(int rule, int start, int end) {
    }

    private record Term(int rule, int length, boolean anyStart, boolean anyEnd) {
    }

    private static final int ROOT = 0;

    private final Map<Long, Integer> transitions = new HashMap<>();
    private final List<int[]> outputs = new ArrayList<>(); // term ids ending at a node
    private final List<Term> terms = new ArrayList<>();
    private int[] fail = new int[0];
    private int[] dictionaryLink = new int[0];
    private int nodes = 1;
    private final int rules;

    private Terms(int rules) {
        this.rules = rules;
        outputs.add(null);
    }

    /**
     * Builds the matcher for the terms of each rule ({@code termsByRule.get(i)} are the terms of rule i).
     *
     * @throws IllegalArgumentException naming the first malformed term
     */
    static Terms of(List<List<String>> termsByRule) {
        Terms t = new Terms(termsByRule.size());
        for (int rule = 0; rule < termsByRule.size(); rule++) {
            for (String term : termsByRule.get(rule)) {
                t.add(rule, term);
            }
        }
        t.link();
        return t;
    }

    /** Checks one term's syntax; throws IllegalArgumentException when malformed. */
    static void check(String term) {
        parse(term);
    }

    private record Parsed(String normalized, boolean anyStart, boolean anyEnd) {
    }

    private static Parsed parse(String term) {
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
        String normalized = Normalized.of(t).text().strip();
        if (normalized.isEmpty()) {
            throw new IllegalArgumentException("malformed term '" + term + "'");
        }
        return new Parsed(normalized, anyStart, anyEnd);
    }

    private void add(int rule, String term) {
        Parsed p = parse(term);
        int node = ROOT;
        for (int i = 0; i < p.normalized().length(); i++) {
            long key = key(node, p.normalized().charAt(i));
            Integer next = transitions.get(key);
            if (next == null) {
                next = nodes++;
                transitions.put(key, next);
                outputs.add(null);
            }
            node = next;
        }
        int id = terms.size();
        terms.add(new Term(rule, p.normalized().length(), p.anyStart(), p.anyEnd()));
        int[] out = outputs.get(node);
        int[] grown = out == null ? new int[]{id} : Arrays.copyOf(out, out.length + 1);
        grown[grown.length - 1] = id;
        outputs.set(node, grown);
    }

    /** Failure and dictionary links, breadth first. */
    private void link() {
        fail = new int[nodes];
        dictionaryLink = new int[nodes];
        // children of each node, for the breadth-first walk (order does not change the links)
        List<List<long[]>> children = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            children.add(new ArrayList<>());
        }
        transitions.forEach((key, child) -> children.get((int) (key >>> 16)).add(new long[]{key & 0xFFFF, child}));
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (long[] c : children.get(ROOT)) {
            fail[(int) c[1]] = ROOT;
            dictionaryLink[(int) c[1]] = ROOT;
            queue.add((int) c[1]);
        }
        while (!queue.isEmpty()) {
            int node = queue.poll();
            for (long[] c : children.get(node)) {
                char ch = (char) c[0];
                int child = (int) c[1];
                int f = fail[node];
                while (f != ROOT && !transitions.containsKey(key(f, ch))) {
                    f = fail[f];
                }
                Integer target = transitions.get(key(f, ch));
                fail[child] = target == null || target == child ? ROOT : target;
                dictionaryLink[child] = outputs.get(fail[child]) != null ? fail[child] : dictionaryLink[fail[child]];
                queue.add(child);
            }
        }
    }

    /**
     * For each rule, its first match in the text (leftmost, then longest), or null.
     *
     * @param text the normalized text of one source
     */
    Match[] firstMatches(Normalized text) {
        Match[] best = new Match[rules];
        String s = text.text();
        int node = ROOT;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            Integer next = transitions.get(key(node, ch));
            while (next == null && node != ROOT) {
                node = fail[node];
                next = transitions.get(key(node, ch));
            }
            node = next == null ? ROOT : next;
            for (int n = node; n != ROOT; n = dictionaryLink[n]) {
                int[] out = outputs.get(n);
                if (out == null) {
                    continue;
                }
                for (int id : out) {
                    Term term = terms.get(id);
                    int start = i - term.length() + 1;
                    int end = i + 1;
                    if (!term.anyStart() && start > 0 && isWordChar(s.charAt(start - 1))) {
                        continue;
                    }
                    if (!term.anyEnd() && end < s.length() && isWordChar(s.charAt(end))) {
                        continue;
                    }
                    // the whole word for wildcard terms, as the evidence span
                    while (term.anyStart() && start > 0 && isWordChar(s.charAt(start - 1))) {
                        start--;
                    }
                    while (term.anyEnd() && end < s.length() && isWordChar(s.charAt(end))) {
                        end++;
                    }
                    Match current = best[term.rule()];
                    if (current == null || start < current.start() || (start == current.start() && end > current.end())) {
                        best[term.rule()] = new Match(term.rule(), start, end);
                    }
                }
            }
        }
        // back to offsets of the original text
        for (int r = 0; r < rules; r++) {
            if (best[r] != null) {
                best[r] = new Match(r, text.originalStart(best[r].start()), text.originalEnd(best[r].end()));
            }
        }
        return best;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    private static long key(int node, char c) {
        return ((long) node << 16) | c;
    }

    /**
     * A text lower-cased, with ä ö ü ß spelled ae oe ue ss, every run of whitespace, hyphens and
     * underscores turned into one space, and soft hyphens and zero-width characters dropped; with the
     * offsets back into the original text.
     */
    record Normalized(String text, int[] starts, int[] ends) {

        /** Offset in the original text of the normalized character at {@code i}. */
        int originalStart(int i) {
            return starts[i];
        }

        /** Offset just after the original character that produced normalized character {@code i - 1}. */
        int originalEnd(int i) {
            return ends[i - 1];
        }

        static Normalized of(String original) {
            StringBuilder sb = new StringBuilder(original.length() + 16);
            int[] starts = new int[original.length() * 2 + 1];
            int[] ends = new int[original.length() * 2 + 1];
            boolean inSeparator = false;
            for (int i = 0; i < original.length(); i++) {
                char c = original.charAt(i);
                if (c == '\u00AD' || (c >= '\u200B' && c <= '\u200D') || c == '\u2060' || c == '\uFEFF') {
                    continue;
                }
                if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '-' || c == '_'
                        || c == '\u2010' || c == '\u2011' || c == '\u2012' || c == '\u2013') {
                    if (inSeparator) {
                        ends[sb.length() - 1] = i + 1;
                    } else {
                        starts[sb.length()] = i;
                        ends[sb.length()] = i + 1;
                        sb.append(' ');
                        inSeparator = true;
                    }
                    continue;
                }
                inSeparator = false;
                char lower = c == '\u2019' || c == '\u2018' || c == '\u00B4' || c == '`' ? '\'' : Character.toLowerCase(c);
                String out = switch (lower) {
                    case 'ä' -> "ae";
                    case 'ö' -> "oe";
                    case 'ü' -> "ue";
                    case 'ß' -> "ss";
                    default -> null;
                };
                if (out == null) {
                    starts[sb.length()] = i;
                    ends[sb.length()] = i + 1;
                    sb.append(lower);
                } else {
                    for (int k = 0; k < out.length(); k++) {
                        starts[sb.length()] = i;
                        ends[sb.length()] = i + 1;
                        sb.append(out.charAt(k));
                    }
                }
            }
            int n = sb.length();
            return new Normalized(sb.toString(), Arrays.copyOf(starts, n), Arrays.copyOf(ends, n));
        }
    }
}
