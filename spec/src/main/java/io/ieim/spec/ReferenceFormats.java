package io.ieim.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds claim, policy and customer references written in free text and brings them to canonical form,
 * using only the patterns of the spec ({@link ReferencePatterns}). Pure functions, no state: safe to share.
 *
 * <p>Canonicalization never guesses: it only re-formats what a pattern matched (separators, case). Whether a
 * reference exists is the identity resolver's question.
 */
public final class ReferenceFormats {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)\\}");

    private ReferenceFormats() {
    }

    /**
     * A reference found in a text.
     *
     * @param kind      what it refers to
     * @param canonical canonical form, e.g. {@code KF-20481234}
     * @param start     index of the first matched character in the text
     * @param end       index after the last matched character
     * @param patternId the {@link ReferencePattern#id()} that found it
     */
    public record ReferenceMatch(ReferenceKind kind, String canonical, int start, int end, String patternId) {
    }

    /** The canonical form of one match of {@code pattern}: named groups into the template, upper-cased. */
    public static String canonicalize(ReferencePattern pattern, MatchResult match) {
        Matcher m = PLACEHOLDER.matcher(pattern.canonicalTemplate());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = match.group(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString().toUpperCase(Locale.ROOT);
    }

    /**
     * The canonical form of the first reference of {@code kind} written in {@code written}, e.g.
     * {@code canonicalize(POLICY, "policy no. KF 20481234")} gives {@code KF-20481234}; empty when there is none.
     */
    public static Optional<String> canonicalize(ReferenceKind kind, CharSequence written) {
        return findAll(written).stream()
                .filter(r -> r.kind() == kind)
                .findFirst()
                .map(ReferenceMatch::canonical);
    }

    /** Every reference in {@code text} found by the spec's patterns. */
    public static List<ReferenceMatch> findAll(CharSequence text) {
        return findAll(text, ReferencePatterns.ALL);
    }

    /**
     * Every reference in {@code text} found by {@code patterns}, ordered by position. Two patterns that find the
     * same reference at overlapping places (e.g. {@code Kundennummer CU-1002345}) report it once.
     */
    public static List<ReferenceMatch> findAll(CharSequence text, List<ReferencePattern> patterns) {
        List<ReferenceMatch> all = new ArrayList<>();
        for (ReferencePattern p : patterns) {
            Matcher m = p.pattern().matcher(text);
            while (m.find()) {
                all.add(new ReferenceMatch(p.kind(), canonicalize(p, m), m.start(), m.end(), p.id()));
            }
        }
        all.sort(Comparator.comparingInt(ReferenceMatch::start)
                .thenComparing(Comparator.comparingInt(ReferenceMatch::end).reversed())
                .thenComparing(ReferenceMatch::patternId));
        List<ReferenceMatch> kept = new ArrayList<>();
        for (ReferenceMatch r : all) {
            boolean duplicate = kept.stream().anyMatch(k -> k.kind() == r.kind()
                    && k.canonical().equals(r.canonical()) && k.start() < r.end() && r.start() < k.end());
            if (!duplicate) {
                kept.add(r);
            }
        }
        return List.copyOf(kept);
    }
}
