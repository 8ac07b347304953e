package io.ieim.domain.decision;

import io.ieim.domain.classification.IntentModel;
import io.ieim.domain.identity.InMemoryIdentityDirectory;
import io.ieim.domain.mail.MailNormalizer;
import io.ieim.domain.mail.MailView;
import io.ieim.domain.mail.MailViews;
import io.ieim.spec.AuditStage;
import io.ieim.spec.Intent;
import io.ieim.spec.Queue;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The pipeline as a whole: stages, determinism and the optional model provider. */
class DecisionPipelineTest {

    private static final byte[] KEY = new byte[32];

    private static MailView mail() {
        String raw = "From: a@example.org\r\nSubject: Kündigung meiner Hausratversicherung\r\nMessage-ID: <k1@example.org>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                + "Hiermit kündige ich meine Hausratversicherung zum nächstmöglichen Termin.\r\n";
        return MailViews.of(new MailNormalizer().normalize(raw.getBytes(StandardCharsets.UTF_8)));
    }

    private static IntentModel model(Intent intent) {
        return new IntentModel() {
            @Override
            public String id() {
                return "test-model@1";
            }

            @Override
            public Optional<Opinion> opinion(io.ieim.domain.classification.ClassificationInput input) {
                return Optional.of(new Opinion(intent, 0.9));
            }
        };
    }

    @Test
    void everyStageLeavesARecordAndTheSameInputGivesTheSameHash() {
        DecisionOutcome first = DecisionPipeline.standard(KEY).decide(mail(), InMemoryIdentityDirectory.empty(), StageObserver.NONE);
        DecisionOutcome again = DecisionPipeline.standard(KEY).decide(mail(), InMemoryIdentityDirectory.empty(), StageObserver.NONE);
        assertThat(first.stages()).extracting(DecisionOutcome.StageRecord::stage).containsExactly(AuditStage.NORMALIZED,
                AuditStage.REDACTED, AuditStage.IDENTITY_RESOLVED, AuditStage.CLASSIFIED, AuditStage.ROUTED, AuditStage.DECIDED);
        assertThat(first.primaryIntent()).isEqualTo(Intent.CANCELLATION);
        assertThat(first.decisionHash()).isEqualTo(again.decisionHash());
        // a different redaction key changes excerpts, never the decision
        assertThat(DecisionPipeline.standard(new byte[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
                .decide(mail(), InMemoryIdentityDirectory.empty(), StageObserver.NONE).queue()).isEqualTo(first.queue());
    }

    @Test
    void aModelThatAgreesChangesNothingButLeavesEvidence() {
        DecisionOutcome rules = DecisionPipeline.standard(KEY).decide(mail(), InMemoryIdentityDirectory.empty(), StageObserver.NONE);
        DecisionOutcome withModel = DecisionPipeline.standard(KEY, model(Intent.CANCELLATION))
                .decide(mail(), InMemoryIdentityDirectory.empty(), StageObserver.NONE);
        assertThat(withModel.queue()).isEqualTo(rules.queue());
        assertThat(withModel.evidence()).anyMatch(e -> e.ruleId().equals("model.test-model@1.cancellation"));
        assertThat(withModel.configHash()).as("the model is part of the configuration").isNotEqualTo(rules.configHash());
    }

    @Test
    void aModelThatDisagreesSendsTheMailToReviewInsteadOfGuessing() {
        DecisionOutcome withModel = DecisionPipeline.standard(KEY, model(Intent.QUOTE_REQUEST))
                .decide(mail(), InMemoryIdentityDirectory.empty(), StageObserver.NONE);
        assertThat(withModel.queue()).isEqualTo(Queue.REVIEW_CLASSIFICATION);
        assertThat(withModel.needsReview()).isTrue();
    }
}
