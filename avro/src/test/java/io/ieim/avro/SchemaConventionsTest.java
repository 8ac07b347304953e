package io.ieim.avro;

import static org.assertj.core.api.Assertions.assertThat;

import io.ieim.spec.CanonicalSpec;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** House rules of the schemas: documented, evolvable, labels as strings named after their spec table. */
class SchemaConventionsTest {

    private static final Pattern TABLE_REFERENCE = Pattern.compile("canonical:([a-z0-9-]+)");

    @Test
    void everyRecordAndFieldIsDocumented() {
        List<String> undocumented = new ArrayList<>();
        forEachField((record, field) -> {
            if (isBlank(field.doc())) {
                undocumented.add(record.getFullName() + "." + field.name());
            }
        });
        forEachRecord(record -> {
            if (isBlank(record.getDoc())) {
                undocumented.add(record.getFullName());
            }
        });
        assertThat(undocumented).as("records and fields without doc").isEmpty();
    }

    @Test
    void optionalFieldsAreNullFirstUnionsDefaultingToNull() {
        List<String> wrong = new ArrayList<>();
        forEachField((record, field) -> {
            Schema type = field.schema();
            if (type.getType() == Schema.Type.UNION && type.getTypes().stream().anyMatch(t -> t.getType() == Schema.Type.NULL)) {
                boolean nullFirst = type.getTypes().getFirst().getType() == Schema.Type.NULL;
                boolean defaultNull = field.hasDefaultValue() && field.defaultVal() == JsonProperties.NULL_VALUE;
                if (!nullFirst || !defaultNull) {
                    wrong.add(record.getFullName() + "." + field.name());
                }
            }
        });
        assertThat(wrong).as("optional fields must be [\"null\", T] with default null").isEmpty();
    }

    @Test
    void labelsAreStringsNotAvroEnums() {
        List<String> enums = new ArrayList<>();
        forEachField((record, field) -> walk(field.schema(), s -> {
            if (s.getType() == Schema.Type.ENUM) {
                enums.add(record.getFullName() + "." + field.name());
            }
        }));
        assertThat(enums).as("spec/00_CANONICAL.md is the one list of labels").isEmpty();
    }

    @Test
    void everyReferencedLabelTableExistsInTheSpec() {
        List<String> unknown = new ArrayList<>();
        forEachField((record, field) -> {
            Matcher m = TABLE_REFERENCE.matcher(String.valueOf(field.doc()));
            while (m.find()) {
                if (!CanonicalSpec.LABEL_SETS.containsKey(m.group(1))) {
                    unknown.add(record.getFullName() + "." + field.name() + " -> canonical:" + m.group(1));
                }
            }
        });
        assertThat(unknown).isEmpty();
    }

    @Test
    void labelFieldsNameTheirTable() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("io.ieim.avro.Decision.primary_intent", "intents"),
                Map.entry("io.ieim.avro.Decision.intents", "intents"),
                Map.entry("io.ieim.avro.Decision.risk_flags", "risk-flags"),
                Map.entry("io.ieim.avro.Decision.queue", "queues"),
                Map.entry("io.ieim.avro.Decision.action", "actions"),
                Map.entry("io.ieim.avro.Decision.review_reasons", "review-reasons"),
                Map.entry("io.ieim.avro.IdentityResult.status", "identity-statuses"),
                Map.entry("io.ieim.avro.Evidence.stage", "audit-stages"),
                Map.entry("io.ieim.avro.Evidence.source", "text-sources"),
                Map.entry("io.ieim.avro.MailReceived.source_channel", "source-channels"),
                Map.entry("io.ieim.avro.MailReceived.parse_status", "parse-statuses"),
                Map.entry("io.ieim.avro.Policy.status", "policy-statuses"),
                Map.entry("io.ieim.avro.Policy.product_line", "line-codes"),
                Map.entry("io.ieim.avro.Claim.status", "claim-statuses"),
                Map.entry("io.ieim.avro.AuditEvent.stage", "audit-stages"),
                Map.entry("io.ieim.avro.DeadLetter.stage", "audit-stages"),
                Map.entry("io.ieim.avro.ReviewAction.kind", "review-action-kinds"),
                Map.entry("io.ieim.avro.ReviewAction.primary_intent_override", "intents"),
                Map.entry("io.ieim.avro.ReviewAction.queue_override", "queues"),
                Map.entry("io.ieim.avro.ReviewAction.action_override", "actions"),
                Map.entry("io.ieim.avro.ReviewAction.identity_status_override", "identity-statuses"));
        Map<String, String> docs = new java.util.HashMap<>();
        forEachField((record, field) -> docs.put(record.getFullName() + "." + field.name(), field.doc()));
        expected.forEach((field, table) -> assertThat(docs.get(field)).as("doc of %s", field)
                .contains("canonical:" + table));
    }

    private static void forEachField(BiConsumer<Schema, Schema.Field> action) {
        forEachRecord(record -> record.getFields().forEach(f -> action.accept(record, f)));
    }

    /** Every record schema reachable from the contracts, each once. */
    private static void forEachRecord(java.util.function.Consumer<Schema> action) {
        Set<Schema> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        AvroContracts.SCHEMAS.values().forEach(root -> walk(root, s -> {
            if (s.getType() == Schema.Type.RECORD && seen.add(s)) {
                action.accept(s);
            }
        }));
    }

    private static void walk(Schema schema, java.util.function.Consumer<Schema> visit) {
        walk(schema, visit, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static void walk(Schema schema, java.util.function.Consumer<Schema> visit, Set<Schema> seen) {
        if (!seen.add(schema)) {
            return;
        }
        visit.accept(schema);
        switch (schema.getType()) {
            case RECORD -> schema.getFields().forEach(f -> walk(f.schema(), visit, seen));
            case UNION -> schema.getTypes().forEach(t -> walk(t, visit, seen));
            case ARRAY -> walk(schema.getElementType(), visit, seen);
            case MAP -> walk(schema.getValueType(), visit, seen);
            default -> {
            }
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
