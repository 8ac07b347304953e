package io.ieim.spec;

/**
 * A label of one of the canonical label sets in spec/00_CANONICAL.md. The generated enums implement it,
 * so code can treat every label set alike (validation, documentation, projections).
 */
public interface CanonicalLabel {

    /** The label exactly as written in the spec, e.g. {@code CLAIM_NEW}. */
    String name();

    /** The label's meaning from the spec table. */
    String description();
}
