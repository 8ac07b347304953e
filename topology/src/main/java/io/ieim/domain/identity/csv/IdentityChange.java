package io.ieim.domain.identity.csv;

import java.util.Objects;

/**
 * One row of an identity CSV file: an upsert of {@code record}, or the deletion of {@code id} (a
 * {@code ID,DELETED} row, published as a tombstone).
 *
 * @param id     the record id in canonical form (customer_id, policy_id or claim_id)
 * @param record the record to publish, or null for a deletion
 * @param line   the line of the file the row starts on (1 is the header)
 * @param <T>    CustomerRecord, PolicyRecord or ClaimRecord
 */
public record IdentityChange<T>(String id, T record, int line) {

    public IdentityChange {
        Objects.requireNonNull(id, "id");
    }

    public static <T> IdentityChange<T> upsert(String id, T record, int line) {
        return new IdentityChange<>(id, Objects.requireNonNull(record, "record"), line);
    }

    public static <T> IdentityChange<T> delete(String id, int line) {
        return new IdentityChange<>(id, null, line);
    }

    /** True for a DELETED row (tombstone). */
    public boolean isDelete() {
        return record == null;
    }
}
