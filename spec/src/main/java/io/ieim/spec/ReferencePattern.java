package io.ieim.spec;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One way of writing a business reference, from table {@code canonical:reference-patterns} of
 * spec/00_CANONICAL.md. The constants live in the generated {@link ReferencePatterns}; use
 * {@link ReferenceFormats} to find and canonicalize references.
 *
 * @param id                stable id of the pattern, e.g. {@code POLICY_NUMBER}
 * @param kind              what the pattern finds
 * @param pattern           finds the reference in free text (use {@code find()}, not {@code matches()})
 * @param canonicalTemplate canonical form with {@code {group}} placeholders for named groups of the pattern;
 *                          the filled-in result is upper-cased
 * @param examples          written variants the pattern must find (checked at build time)
 */
public record ReferencePattern(String id, ReferenceKind kind, Pattern pattern, String canonicalTemplate,
                               List<String> examples) {

    public ReferencePattern {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(canonicalTemplate, "canonicalTemplate");
        examples = List.copyOf(examples);
    }

    public ReferencePattern(String id, ReferenceKind kind, String regex, String canonicalTemplate,
                            List<String> examples) {
        this(id, kind, Pattern.compile(regex), canonicalTemplate, examples);
    }
}
