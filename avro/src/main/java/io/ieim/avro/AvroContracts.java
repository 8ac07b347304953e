package io.ieim.avro;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * The event contracts of IEIM: every top-level record generated from {@code avro/src/main/avro}, with its schema
 * by full name. The topic catalogue of the spec names a value schema per topic
 * ({@code io.ieim.spec.TopicSpec#valueSchema()}); {@link #schema(String)} resolves it, e.g. to register it in
 * the schema registry. A test checks that this list and the .avsc files never drift apart.
 */
public final class AvroContracts {

    /** The generated record classes, one per .avsc file. */
    public static final List<Class<? extends SpecificRecord>> RECORD_CLASSES = List.of(
            MailReceived.class,
            Customer.class,
            Policy.class,
            Claim.class,
            Decision.class,
            AuditEvent.class,
            AuditAnchor.class,
            ReviewAction.class,
            DeadLetter.class,
            IdentityIndexEntry.class);

    /** Schema of each record class by full name, e.g. {@code io.ieim.avro.MailReceived}. */
    public static final Map<String, Schema> SCHEMAS = RECORD_CLASSES.stream()
            // the schema compiled into the class (SCHEMA$), so it is always the one the code reads and writes
            .map(c -> SpecificData.get().getSchema(c))
            .collect(Collectors.toUnmodifiableMap(Schema::getFullName, Function.identity()));

    private AvroContracts() {
    }

    /** The schema of a record by full name, if it is an IEIM contract. */
    public static Optional<Schema> find(String fullName) {
        return Optional.ofNullable(SCHEMAS.get(fullName));
    }

    /** The schema of a record by full name; throws {@link NoSuchElementException} naming the known ones. */
    public static Schema schema(String fullName) {
        return find(fullName).orElseThrow(() -> new NoSuchElementException(
                "no Avro contract " + fullName + "; known: " + SCHEMAS.keySet().stream().sorted().toList()));
    }
}
