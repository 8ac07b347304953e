package io.ieim.avro;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/** BACKWARD check: can a reader with the current schema read data written with a released one? */
final class BackwardCompatibility {

    private BackwardCompatibility() {
    }

    /** The incompatibilities, one line each naming the field (empty when compatible). */
    static List<String> problems(Schema current, Schema released) {
        SchemaCompatibility.SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(current, released);
        if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return List.of();
        }
        List<String> problems = result.getResult().getIncompatibilities().stream()
                .map(i -> i.getType() + " at " + fieldPath(current, i.getLocation())
                        + " (" + i.getLocation() + "): " + i.getMessage())
                .toList();
        return problems.isEmpty() ? List.of(result.getDescription()) : problems;
    }

    /** Turns a JSON-pointer location like /fields/2/type into Claim.status; falls back to the pointer. */
    static String fieldPath(Schema reader, String location) {
        try {
            Schema s = reader;
            StringBuilder path = new StringBuilder(reader.getName());
            String[] tokens = location.split("/");
            for (int i = 1; i < tokens.length; i++) {
                switch (tokens[i]) {
                    case "fields" -> {
                        Schema.Field field = s.getFields().get(Integer.parseInt(tokens[++i]));
                        path.append('.').append(field.name());
                        s = field.schema();
                    }
                    case "items" -> {
                        s = s.getElementType();
                        path.append("[]");
                    }
                    case "values" -> {
                        s = s.getValueType();
                        path.append("{}");
                    }
                    case "type", "name", "size", "symbols" -> {
                    }
                    default -> {
                        if (s.getType() == Schema.Type.UNION) {
                            s = s.getTypes().get(Integer.parseInt(tokens[i]));
                        }
                    }
                }
            }
            return path.toString();
        } catch (RuntimeException e) {
            return location;
        }
    }
}
