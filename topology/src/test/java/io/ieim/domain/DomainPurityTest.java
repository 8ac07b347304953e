package io.ieim.domain;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The domain stays plain Java: no Kafka, no clock, no randomness (determinism of the decision hash). */
class DomainPurityTest {

    private static final Path DOMAIN = Path.of("src/main/java/io/ieim/domain");

    @Test
    void domainSourcesImportNoKafkaAndReadNoClock() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(DOMAIN)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(sources).isNotEmpty();
        for (Path source : sources) {
            String code = Files.readString(source);
            assertThat(code).as(source.toString())
                    .doesNotContain("import org.apache.kafka")
                    .doesNotContain("Instant.now(")
                    .doesNotContain("System.currentTimeMillis(")
                    .doesNotContain("LocalDate.now(")
                    .doesNotContain("new Random(")
                    .doesNotContain("UUID.randomUUID(");
        }
    }
}
