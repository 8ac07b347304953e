package io.ieim.domain.classification;

import io.ieim.spec.Intent;

import java.util.Optional;

/**
 * An optional second opinion on a mail's intent from a model provider (e.g. a language model behind
 * an internal gateway). Off by default and never required: the rules decide. When one is configured,
 * its opinion is recorded as evidence, and a disagreement with the rules sends the mail to review
 * (fail closed) instead of letting either side guess. A model must be deterministic for a given
 * input, or the decision hash will not reproduce; its name and version enter the configuration hash.
 */
public interface IntentModel {

    /** No model: the rules alone decide. */
    IntentModel NONE = new IntentModel() {
        @Override
        public String id() {
            return "none";
        }

        @Override
        public Optional<Opinion> opinion(ClassificationInput input) {
            return Optional.empty();
        }
    };

    /** Name and version, e.g. "gateway-intents@2026-10". */
    String id();

    /** The model's primary intent with its confidence in [0, 1], or empty when it abstains. */
    Optional<Opinion> opinion(ClassificationInput input);

    record Opinion(Intent primaryIntent, double confidence) {
        public Opinion {
            if (primaryIntent == null || !(confidence >= 0.0 && confidence <= 1.0)) {
                throw new IllegalArgumentException("an opinion needs an intent and a confidence in [0, 1]");
            }
        }
    }

    /** The rules' classification after hearing the model: unchanged unless the model disagrees. */
    static Classification review(Classification rules, IntentModel model, ClassificationInput input) {
        Optional<Opinion> opinion = model.opinion(input);
        if (opinion.isEmpty()) {
            return rules;
        }
        Opinion o = opinion.get();
        java.util.List<io.ieim.domain.decision.Evidence> evidence = new java.util.ArrayList<>(rules.evidence());
        evidence.add(new io.ieim.domain.decision.Evidence(io.ieim.spec.AuditStage.CLASSIFIED,
                "model." + model.id() + "." + o.primaryIntent().name().toLowerCase(java.util.Locale.ROOT),
                null, -1, -1, null));
        boolean disagrees = o.primaryIntent() != rules.primaryIntent();
        return new Classification(rules.primaryIntent(), rules.intents(), rules.riskFlags(), rules.confidence(),
                rules.belowThreshold(), rules.conflict() || disagrees, evidence);
    }
}
