package io.ieim.projections;

import io.ieim.spec.Queue;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReviewServiceLevelsTest {

    @Test
    void theShippedFileHasOneLevelPerQueueOfTheSpec() {
        ReviewServiceLevels levels = ReviewServiceLevels.load();
        assertThat(levels.version()).isEqualTo("review-service-levels-v1");
        assertThat(levels.levels()).extracting(ReviewServiceLevels.Level::queue).containsExactlyInAnyOrder(Queue.values());
        assertThat(levels.sha256()).hasSize(64);
    }

    private static ReviewServiceLevels parse(String yaml) throws Exception {
        return ReviewServiceLevels.parse(yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aQueueWithoutALevelIsNamed() {
        assertThatThrownBy(() -> parse("version: x\nlevels:\n  - {queue: LEGAL, priority: 1, sla_hours: 8}\n"))
                .hasMessageContaining("no level for").hasMessageContaining("PRIVACY").hasMessageNotContaining("LEGAL,");
    }

    @Test
    void unknownQueuesDuplicatesAndBadNumbersAreRefused() {
        assertThatThrownBy(() -> parse("version: x\nlevels:\n  - {queue: MARKETING, priority: 1, sla_hours: 8}\n"))
                .hasMessage("review service levels: 'MARKETING' is not a queue of the spec");
        assertThatThrownBy(() -> parse("version: x\nlevels:\n  - {queue: LEGAL, priority: 1, sla_hours: 8}\n  - {queue: LEGAL, priority: 2, sla_hours: 8}\n"))
                .hasMessage("review service levels: LEGAL appears twice");
        assertThatThrownBy(() -> parse("version: x\nlevels:\n  - {queue: LEGAL, priority: 0, sla_hours: 8}\n"))
                .hasMessage("review service levels: LEGAL needs priority 1-9 and sla_hours > 0");
        assertThatThrownBy(() -> parse("levels: []\n")).hasMessage("review service levels: no version");
    }
}
