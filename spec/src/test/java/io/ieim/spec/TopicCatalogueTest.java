package io.ieim.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicCatalogueTest {

    @Test
    void catalogueHasTheRequiredTopics() {
        assertThat(Topics.ALL).containsExactly(Topics.MAIL_RECEIVED, Topics.MAIL_SCANNED, Topics.IDENTITY_CUSTOMERS,
                Topics.IDENTITY_POLICIES, Topics.IDENTITY_CLAIMS, Topics.IDENTITY_INDEX, Topics.DECISIONS, Topics.AUDIT_PENDING, Topics.AUDIT,
                Topics.AUDIT_ANCHORS, Topics.REVIEWER_ACTIONS, Topics.DEAD_LETTERS);
        assertThat(Topics.MAIL_RECEIVED.name()).isEqualTo("ieim.mail.received.v1");
    }

    @Test
    void namesAndSchemasAreUniqueAndVersioned() {
        assertThat(Topics.ALL).extracting(TopicSpec::name).doesNotHaveDuplicates()
                .allMatch(n -> n.matches("ieim\\.[a-z]+\\.[a-z-]+\\.v[0-9]+"), "ieim.<area>.<name>.v<N>");
        // the pending audit topic carries the same events as the audit topic, before chaining; the scanned
        // mail topic the same mail events, after the optional attachment scanning stage
        assertThat(Topics.ALL.stream().filter(t -> t != Topics.AUDIT_PENDING && t != Topics.MAIL_SCANNED).toList())
                .extracting(TopicSpec::valueSchema).doesNotHaveDuplicates()
                .allMatch(s -> s.matches("io\\.ieim\\.avro\\.[A-Z][A-Za-z]+"));
        Topics.ALL.forEach(t -> assertThat(Topics.byName(t.name())).contains(t));
        assertThat(Topics.byName("no.such.topic")).isEmpty();
    }

    @Test
    void stateTopicsAreCompacted() {
        for (TopicSpec t : List.of(Topics.IDENTITY_CUSTOMERS, Topics.IDENTITY_POLICIES, Topics.IDENTITY_CLAIMS,
                Topics.DECISIONS, Topics.AUDIT, Topics.AUDIT_ANCHORS)) {
            assertThat(t.cleanupPolicy()).as(t.name()).isEqualTo("compact");
        }
    }

    @Test
    void historyIsKeptForever() {
        // audit is the ledger; mail events and reviewer actions are replayed on a topology reset
        for (TopicSpec t : List.of(Topics.AUDIT, Topics.AUDIT_ANCHORS, Topics.MAIL_RECEIVED, Topics.MAIL_SCANNED,
                Topics.REVIEWER_ACTIONS)) {
            assertThat(t.infiniteRetention()).as(t.name()).isTrue();
            assertThat(t.topicConfigs()).containsEntry("retention.ms", "-1");
        }
        assertThat(Topics.MAIL_RECEIVED.compacted()).isFalse();
        assertThat(Topics.REVIEWER_ACTIONS.compacted()).as("keyed by mail, so compaction would drop actions").isFalse();
    }

    @Test
    void deadLettersAreDeletedAfterALongRetention() {
        assertThat(Topics.DEAD_LETTERS.cleanupPolicy()).isEqualTo("delete");
        assertThat(Topics.DEAD_LETTERS.retentionMs()).isGreaterThanOrEqualTo(30L * 24 * 3600 * 1000);
    }

    @Test
    void topicsJoinedByMessageIdAreCoPartitioned() {
        assertThat(List.of(Topics.MAIL_RECEIVED, Topics.MAIL_SCANNED, Topics.DECISIONS, Topics.AUDIT, Topics.REVIEWER_ACTIONS))
                .extracting(TopicSpec::partitions).containsOnly(Topics.MAIL_RECEIVED.partitions());
        assertThat(Topics.AUDIT_ANCHORS.partitions()).isEqualTo(1);
    }

    @Test
    void topicConfigsAreKafkaConfigs() {
        assertThat(Topics.AUDIT.topicConfigs()).containsExactly(
                Map.entry("cleanup.policy", "compact"),
                Map.entry("retention.ms", "-1"),
                Map.entry("min.compaction.lag.ms", "604800000"));
        assertThat(Topics.DEAD_LETTERS.topicConfigs())
                .containsEntry("cleanup.policy", "delete")
                .containsEntry("retention.ms", "7776000000");
        Topics.ALL.forEach(t -> assertThat(t.topicConfigs().keySet()).as(t.name())
                .allMatch(k -> k.matches("[a-z]+(\\.[a-z]+)*")));
    }

    @Test
    void everyTopicHasAWriterAndAReader() {
        Topics.ALL.forEach(t -> {
            assertThat(t.writers()).as("writers of %s", t.name()).isNotEmpty();
            assertThat(t.readers()).as("readers of %s", t.name()).isNotEmpty();
        });
        assertThat(Topics.REVIEWER_ACTIONS.writers()).containsExactly("outbox-connector");
    }

    @Test
    void topicSpecRejectsNonsense() {
        assertThatThrownBy(() -> new TopicSpec("t", "k", "a.B", 0, "delete", -1, Map.of(), List.of(), List.of()))
                .hasMessageContaining("partitions");
        assertThatThrownBy(() -> new TopicSpec("t", "k", "a.B", 1, "keep", -1, Map.of(), List.of(), List.of()))
                .hasMessageContaining("cleanup.policy");
        assertThatThrownBy(() -> new TopicSpec("t", "k", "a.B", 1, "delete", -1,
                Map.of("retention.ms", "5"), List.of(), List.of())).hasMessageContaining("retention.ms");
    }
}
