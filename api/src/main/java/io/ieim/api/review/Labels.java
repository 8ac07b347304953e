package io.ieim.api.review;

import io.ieim.api.web.ApiException;
import io.ieim.spec.CanonicalLabel;

/** Canonical labels from request input: exactly as written in the spec, else 400 naming the field. */
public final class Labels {

    private Labels() {
    }

    public static <E extends Enum<E> & CanonicalLabel> E parse(Class<E> labels, String field, String value) {
        try {
            return Enum.valueOf(labels, value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.invalidField(field, field + " is not a label of " + labels.getSimpleName());
        }
    }
}
