package io.ieim.topology;

import io.ieim.domain.decision.DecisionOutcome;
import io.ieim.domain.decision.DecisionPipeline;
import io.ieim.domain.decision.StageObserver;
import io.ieim.domain.identity.IdentityDirectory;
import io.ieim.domain.identity.csv.IdentityCsvReader;
import io.ieim.domain.mail.MailNormalizer;
import io.ieim.domain.mail.MailViews;
import io.ieim.topology.evaluation.Evaluation;
import io.ieim.topology.evaluation.GoldCorpus;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample corpus as a regression base: the whole domain pipeline over data/samples against the
 * gold labels. Prints the accuracy figures; fails below 0.95 queue accuracy or on any
 * mis-association (a mail linked to the wrong customer).
 */
class SampleCorpusRegressionTest {

    static Path samples() {
        Path home = Path.of(System.getProperty("ieim.home", ".."));
        return home.resolve("data").resolve("samples");
    }

    @Test
    void theSampleCorpusIsDecidedAsGoldSays() throws Exception {
        GoldCorpus corpus = GoldCorpus.load(samples());
        assertThat(corpus.entries()).hasSizeGreaterThanOrEqualTo(150);
        IdentityDirectory directory = new IdentityCsvReader().read(
                corpus.identityDir().resolve("customers.csv"),
                corpus.identityDir().resolve("policies.csv"),
                corpus.identityDir().resolve("claims.csv")).toDirectory();
        DecisionPipeline pipeline = DecisionPipeline.standard(new byte[32]);
        MailNormalizer normalizer = new MailNormalizer();
        Map<String, Evaluation.Observed> observed = new HashMap<>();
        for (GoldCorpus.Entry entry : corpus.entries()) {
            byte[] raw = Files.readAllBytes(corpus.mailDir().resolve(entry.file()));
            DecisionOutcome outcome = pipeline.decide(MailViews.of(normalizer.normalize(raw)), directory, StageObserver.NONE);
            observed.put(outcome.messageId(), new Evaluation.Observed(
                    outcome.primaryIntent() == null ? null : outcome.primaryIntent().name(), outcome.queue().name(),
                    outcome.action().name(), outcome.needsReview(), outcome.identity().status().name(),
                    outcome.identity().customerId()));
        }
        Evaluation evaluation = Evaluation.of(corpus, observed);
        System.out.println("sample corpus regression (" + samples() + "):\n" + evaluation.report());
        evaluation.queueErrors().forEach(e -> System.out.println("  queue error: " + e));
        assertThat(evaluation.missing()).isZero();
        assertThat(evaluation.misassociations()).as("mis-associations").isEmpty();
        assertThat(evaluation.queueAccuracy()).as("queue accuracy").isGreaterThanOrEqualTo(0.95);
    }
}
