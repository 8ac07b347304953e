package io.ieim.domain.identity.csv;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of one identity CSV file, in file order.
 *
 * @param fileName     the file's name as used in messages (e.g. {@code customers.csv})
 * @param changes      one change per data row, in file order (a later change for the same id wins)
 * @param duplicateIds how many rows repeat an id of an earlier row of the same file (allowed: the later
 *                     row wins, as on the compacted topic; reported so an operator can spot a bad export)
 * @param <T>          CustomerRecord, PolicyRecord or ClaimRecord
 */
public record IdentityCsvFile<T>(String fileName, List<IdentityChange<T>> changes, int duplicateIds) {

    public IdentityCsvFile {
        changes = List.copyOf(changes);
    }

    /**
     * The state this file leaves behind on its own, by id in file order of first appearance: the last
     * change of each id, deletions included (so a caller can tell "deleted" from "not mentioned").
     */
    public Map<String, IdentityChange<T>> lastChangeById() {
        Map<String, IdentityChange<T>> last = new LinkedHashMap<>();
        for (IdentityChange<T> c : changes) {
            last.put(c.id(), c);
        }
        return last;
    }

    /** Rows that upsert a record. */
    public long upserts() {
        return changes.stream().filter(c -> !c.isDelete()).count();
    }

    /** DELETED rows. */
    public long deletes() {
        return changes.stream().filter(IdentityChange::isDelete).count();
    }
}
