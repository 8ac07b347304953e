package io.ieim.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ieim.spec.TopicSpec;
import io.ieim.spec.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class AvroContractsTest {

    @Test
    void everySchemaFileIsAContractAndViceVersa() {
        List<Path> files = AvroFiles.currentFiles();
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            Schema parsed = AvroFiles.parse(file);
            String fileName = file.getFileName().toString();
            assertThat(parsed.getName() + ".avsc").as("file named after its record").isEqualTo(fileName);
            assertThat(parsed.getNamespace()).isEqualTo("io.ieim.avro");
            assertThat(AvroContracts.SCHEMAS).as("AvroContracts lists %s", fileName).containsKey(parsed.getFullName());
            assertThat(AvroFiles.withoutJavaProperties(AvroContracts.schema(parsed.getFullName())))
                    .as("generated class of %s is up to date", fileName).isEqualTo(parsed);
        }
        assertThat(AvroContracts.SCHEMAS).hasSameSizeAs(files);
        assertThat(AvroContracts.RECORD_CLASSES).hasSameSizeAs(files);
    }

    @Test
    void everyTopicValueSchemaResolves() {
        for (TopicSpec topic : Topics.ALL) {
            assertThat(AvroContracts.find(topic.valueSchema()))
                    .as("value schema %s of topic %s", topic.valueSchema(), topic.name()).isPresent();
        }
    }

    @Test
    void everyContractIsTheValueOfATopic() {
        List<String> valueSchemas = Topics.ALL.stream().map(TopicSpec::valueSchema).toList();
        assertThat(valueSchemas).containsAll(AvroContracts.SCHEMAS.keySet());
    }

    @Test
    void unknownNamesAreRefusedWithTheKnownOnes() {
        assertThat(AvroContracts.find("io.ieim.avro.Nope")).isEmpty();
        assertThatThrownBy(() -> AvroContracts.schema("io.ieim.avro.Nope"))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("io.ieim.avro.Decision");
    }
}
