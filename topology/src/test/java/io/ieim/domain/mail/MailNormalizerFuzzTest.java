package io.ieim.domain.mail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ieim.domain.decision.DecisionOutcome;
import io.ieim.domain.decision.DecisionPipeline;
import io.ieim.domain.decision.StageObserver;
import io.ieim.domain.identity.InMemoryIdentityDirectory;
import io.ieim.spec.Queue;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Coverage-guided fuzzing of {@link MailNormalizer#normalize(byte[])} and (on demand, see
 * {@link #PARSER_ONLY}) the pure decision pipeline behind it (Jazzer). Without JAZZER_FUZZ this runs once per seed: data/samples/mail and data/wild-mail (copied
 * into the inputs directory by the build) plus every crash reproducer committed under
 * src/test/resources/io/ieim/domain/mail/MailNormalizerFuzzTestInputs/normalize. With JAZZER_FUZZ=1
 * (.ci/run sets it) it fuzzes for {@code maxDuration}; a finding fails the test and Jazzer writes the input
 * into that resources directory, where it stays as a regression seed once committed.
 *
 * <p>Each input has a time bound of its own ({@link #PER_INPUT}): a hang is a finding like an exception.
 */
class MailNormalizerFuzzTest {

    private static final NormalizationLimits LIMITS = NormalizationLimits.DEFAULT;
    private static final MailNormalizer NORMALIZER = new MailNormalizer(LIMITS);
    private static final DecisionPipeline PIPELINE = DecisionPipeline.standard(new byte[32]);
    private static final Duration PER_INPUT = Duration.ofSeconds(10);
    /**
     * CI fuzzes the parser (the target) for a bounded time; the whole pipeline behind it is fuzzed
     * on demand (IEIM_FUZZ_PIPELINE=1), and always run on the seeds and reproducers when not fuzzing.
     */
    private static final boolean PARSER_ONLY = System.getenv("JAZZER_FUZZ") != null && System.getenv("IEIM_FUZZ_PIPELINE") == null;

    @FuzzTest(maxDuration = "90s")
    void normalize(byte[] raw) {
        // normalize must never throw: any exception escaping here is a finding. The time bound is per input:
        // a JUnit @Timeout would bound the whole fuzzing run instead
        NormalizedMail mail = assertTimeoutPreemptively(PER_INPUT, () -> NORMALIZER.normalize(raw));
        assertInvariants(raw, mail, LIMITS);
        assertThat(NORMALIZER.normalize(raw)).as("deterministic").isEqualTo(mail);

        if (PARSER_ONLY) {
            return;
        }
        DecisionOutcome outcome = assertTimeoutPreemptively(PER_INPUT, () -> PIPELINE.decide(MailViews.of(mail),
                InMemoryIdentityDirectory.empty(), StageObserver.NONE));
        assertThat(outcome.decisionHash()).hasSize(64);
        if (mail.parseFailed()) {
            assertThat(outcome.queue()).isEqualTo(Queue.SECURITY_QUARANTINE);
        }
    }

    /** What holds for every normalized mail, whatever the input. */
    static void assertInvariants(byte[] raw, NormalizedMail mail, NormalizationLimits limits) {
        assertThat(mail).isNotNull();
        assertThat(mail.messageId()).isEqualTo(MailNormalizer.sha256Hex(raw));
        assertThat(mail.sizeBytes()).isEqualTo(raw.length);
        assertThat(mail.parseStatus()).isNotNull();
        assertThat(mail.bodyText().length()).isLessThanOrEqualTo(limits.maxBodyChars());
        if (mail.subject() != null) {
            // decoding never makes a header longer than its raw bytes
            assertThat(mail.subject().length()).isLessThanOrEqualTo(limits.maxHeaderBytes());
        }
        assertThat(mail.attachments().size()).isLessThanOrEqualTo(limits.maxParts());
        assertThat(mail.partCount()).isLessThanOrEqualTo(limits.maxParts());
        assertThat(mail.maxDepth()).isLessThanOrEqualTo(limits.maxDepth());
        // reasons are short fixed phrases with figures (and, for the catch-all, an exception's class name), never mail content
        assertThat(mail.parseErrors()).hasSizeLessThanOrEqualTo(20)
                .allSatisfy(r -> assertThat(r).hasSizeLessThan(100).matches("[A-Za-z0-9 ,.:()>/+-]+"));
        if (mail.parseFailed()) {
            assertThat(mail.parseErrors()).isNotEmpty();
            assertThat(mail.bodyText()).isEmpty();
            assertThat(mail.attachments()).isEmpty();
        }
    }
}
