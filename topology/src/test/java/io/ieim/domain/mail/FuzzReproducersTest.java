package io.ieim.domain.mail;

import io.ieim.domain.decision.DecisionOutcome;
import io.ieim.domain.decision.DecisionPipeline;
import io.ieim.domain.decision.StageObserver;
import io.ieim.domain.identity.InMemoryIdentityDirectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Every input the fuzzer ever reported stays a test of the whole path, normalizer and pipeline, also in
 * the CI runs where only the parser is fuzzed: decided, and not hanging (the bound is a hang guard of the
 * fuzz test's own size, not a performance target).
 */
class FuzzReproducersTest {

    private static final Path REPRODUCERS = Path.of("src/test/resources/io/ieim/domain/mail/MailNormalizerFuzzTestInputs/normalize");

    static Stream<Path> reproducers() throws IOException {
        try (Stream<Path> files = Files.list(REPRODUCERS)) {
            return files.filter(f -> f.getFileName().toString().startsWith("crash-")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("reproducers")
    void aReportedInputIsNormalizedAndDecided(Path input) throws IOException {
        byte[] raw = Files.readAllBytes(input);
        NormalizedMail mail = new MailNormalizer().normalize(raw);
        MailNormalizerFuzzTest.assertInvariants(raw, mail, NormalizationLimits.DEFAULT);
        DecisionOutcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> DecisionPipeline.standard(new byte[32])
                .decide(MailViews.of(mail), InMemoryIdentityDirectory.empty(), StageObserver.NONE));
        assertThat(outcome.decisionHash()).hasSize(64);
    }
}
