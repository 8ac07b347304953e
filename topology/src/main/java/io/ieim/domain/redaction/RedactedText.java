package io.ieim.domain.redaction;

import java.util.List;

/**
 * A redacted text and what was found in the original. Findings never carry the matched value.
 *
 * @param text     the redacted text (null only when the input was null)
 * @param findings every detection, sorted by start, with offsets in the original text
 */
public record RedactedText(String text, List<Finding> findings) {

    public RedactedText {
        findings = List.copyOf(findings);
    }

    /** True when any finding of the detector was made (whatever its mode). */
    public boolean found(Detector detector) {
        return findings.stream().anyMatch(f -> f.detector() == detector);
    }

    /**
     * One detection.
     *
     * @param detector what was found
     * @param start    offset of its first character in the original text
     * @param end      offset after its last character in the original text
     * @param mode     what was done with it
     */
    public record Finding(Detector detector, int start, int end, RedactionMode mode) {
    }
}
