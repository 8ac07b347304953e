package io.ieim.domain.redaction;

/** What the redactor does with one finding. */
public enum RedactionMode {
    /** leave the text as it is (the finding is still reported) */
    KEEP,
    /** replace with a typed placeholder, e.g. «IBAN» */
    MASK,
    /** replace with a keyed hash, «EMAIL:&lt;first 12 hex of HMAC-SHA256(key, normalized value)&gt;» */
    HASH,
    /** remove the matched text */
    DROP
}
