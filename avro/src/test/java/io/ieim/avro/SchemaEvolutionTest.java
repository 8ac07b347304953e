package io.ieim.avro;

import static org.assertj.core.api.Assertions.assertThat;

import io.ieim.avro.AvroFiles.Released;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Evolution policy BACKWARD: the current schema reads data written with every released version. */
class SchemaEvolutionTest {

    static List<Released> released() {
        return AvroFiles.releasedFiles();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("released")
    void currentSchemaReadsEveryReleasedVersion(Released released) {
        Schema old = released.schema();
        assertThat(old.getName()).as("record of %s", released.file()).isEqualTo(released.record());
        Schema current = AvroContracts.schema(old.getFullName());
        List<String> problems = BackwardCompatibility.problems(current, old);
        assertThat(problems)
                .as("%s: the current schema cannot read data written with released version %d (%s)",
                        old.getFullName(), released.version(), released.file())
                .isEmpty();
    }

    @Test
    void everyContractHasAReleasedBaselineAndVersionsHaveNoGaps() {
        Map<String, List<Integer>> versions = released().stream().collect(Collectors.groupingBy(
                Released::record, TreeMap::new, Collectors.mapping(Released::version, Collectors.toList())));
        for (Schema schema : AvroContracts.SCHEMAS.values()) {
            assertThat(versions).as("released/%s/v1.avsc exists", schema.getName()).containsKey(schema.getName());
            List<Integer> v = versions.get(schema.getName()).stream().sorted().toList();
            assertThat(v).as("versions of %s", schema.getName())
                    .isEqualTo(IntStream.rangeClosed(1, v.size()).boxed().toList());
        }
        assertThat(versions.keySet()).as("no baseline without a current schema")
                .allMatch(name -> AvroContracts.find("io.ieim.avro." + name).isPresent());
    }

    @Test
    void checkerCatchesANewRequiredField() {
        Schema released = AvroFiles.current("Decision");
        Schema changed = withField(released, """
                {"name": "tenant", "type": "string", "doc": "new required field"}""");
        assertThat(BackwardCompatibility.problems(changed, released))
                .singleElement().asString()
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE").contains("tenant");
    }

    @Test
    void checkerCatchesAChangedType() {
        Schema released = AvroFiles.current("Claim");
        Schema changed = new Schema.Parser().parse(released.toString().replace(
                "{\"name\":\"status\",\"type\":\"string\"", "{\"name\":\"status\",\"type\":\"int\""));
        assertThat(changed).isNotEqualTo(released);
        assertThat(BackwardCompatibility.problems(changed, released)).isNotEmpty()
                .anySatisfy(p -> assertThat(p).contains("TYPE_MISMATCH").contains("status"));
    }

    @Test
    void checkerAcceptsANewOptionalField() {
        Schema released = AvroFiles.current("Decision");
        Schema changed = withField(released, """
                {"name": "tenant", "type": ["null", "string"], "default": null, "doc": "new optional field"}""");
        assertThat(BackwardCompatibility.problems(changed, released)).isEmpty();
    }

    /** A parsed copy of {@code schema} with one more top-level field. */
    private static Schema withField(Schema schema, String fieldJson) {
        String json = schema.toString();
        assertThat(json).endsWith("]}");
        return new Schema.Parser().parse(json.substring(0, json.length() - 2) + "," + fieldJson + "]}");
    }
}
