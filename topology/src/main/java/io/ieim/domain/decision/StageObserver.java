package io.ieim.domain.decision;

import io.ieim.spec.AuditStage;

/** Told when each stage finishes, so the caller can time stages without the domain reading a clock. */
@FunctionalInterface
public interface StageObserver {

    StageObserver NONE = stage -> { };

    void stageFinished(AuditStage stage);
}
