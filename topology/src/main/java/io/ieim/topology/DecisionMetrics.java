package io.ieim.topology;

import io.ieim.domain.decision.DecisionOutcome;
import io.ieim.spec.AuditStage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.concurrent.TimeUnit;

/** Micrometer meters of the decision topology; tags are labels, never personal data. */
final class DecisionMetrics {

    private final MeterRegistry registry;

    DecisionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void decided(DecisionOutcome outcome) {
        registry.counter("ieim.decisions",
                "queue", outcome.queue().name(),
                "primary_intent", outcome.primaryIntent() == null ? "NONE" : outcome.primaryIntent().name(),
                "action", outcome.action().name()).increment();
        registry.counter("ieim.decisions.review", "needs_review", Boolean.toString(outcome.needsReview())).increment();
        registry.counter("ieim.identity.status", "status", outcome.identity().status().name()).increment();
    }

    void stage(AuditStage stage, long nanos) {
        Timer.builder("ieim.stage.latency").tag("stage", stage.name())
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** @param kind as received: anything that is not a spec label is counted as INVALID (bounded tags) */
    void reviewAction(String kind, String outcome) {
        boolean known = java.util.Arrays.stream(io.ieim.spec.ReviewActionKind.values()).anyMatch(k -> k.name().equals(kind));
        registry.counter("ieim.review.actions", "kind", known ? kind : "INVALID", "outcome", outcome).increment();
    }

    void deadLetter(String stage, String errorClass) {
        registry.counter("ieim.dead.letters", "stage", stage, "error", errorClass).increment();
    }
}
