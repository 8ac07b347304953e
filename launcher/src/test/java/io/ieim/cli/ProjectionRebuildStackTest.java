package io.ieim.cli;

import io.ieim.avro.Decision;
import io.ieim.avro.IdentityResult;
import io.ieim.avro.RegistrySerdes;
import io.ieim.devstack.ConnectorRegistration;
import io.ieim.devstack.StackConfig;
import io.ieim.devstack.junit.StackTest;
import io.ieim.spec.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The projections are derived data: dropped and rebuilt from the topics, they hold identical rows. */
@StackTest
class ProjectionRebuildStackTest {

    @AfterEach
    void restore() {
        System.clearProperty("ieim.var");
        System.clearProperty("ieim.portBase");
    }

    private static Decision decision(String messageId, int version, String queue, boolean review) {
        return Decision.newBuilder().setMessageId(messageId).setInternetMessageId("<" + messageId + "@example.test>")
                .setDecisionVersion(version).setPrimaryIntent("CLAIM_UPDATE").setIntents(List.of("CLAIM_UPDATE"))
                .setRiskFlags(List.of()).setQueue(queue).setAction(review ? "REVIEW" : "ATTACH_TO_CLAIM")
                .setIdentity(IdentityResult.newBuilder().setStatus("CONFIRMED").setCustomerId("CU-1002345").build())
                .setNeedsReview(review).setReviewReasons(review ? List.of("LOW_CONFIDENCE") : List.of()).setConfidence(0.5 + version / 10.0)
                .setRuleFired("8").setRulesetVersion("test").setConfigHash("c".repeat(64)).setInputDigest("i".repeat(64))
                .setIdentitySnapshotDigest("s".repeat(64)).setDecisionHash(Integer.toHexString(version).repeat(64).substring(0, 64))
                .setReceivedAt(Instant.parse("2026-03-02T08:15:30Z")).build();
    }

    @Test
    void droppedProjectionsAreRebuiltFromTheTopicsWithIdenticalRows(StackConfig stack) throws Exception {
        System.setProperty("ieim.var", stack.varDir().toString());
        System.setProperty("ieim.portBase", Integer.toString(stack.portBase()));
        // upserts, a newer version and a tombstone: the rebuilt table must end in the same state
        String a = "rebuild-a-" + UUID.randomUUID();
        String b = "rebuild-b-" + UUID.randomUUID();
        String c = "rebuild-c-" + UUID.randomUUID();
        String unparseable = "rebuild-d-" + UUID.randomUUID();
        try (KafkaProducer<String, Decision> producer = new KafkaProducer<>(
                RegistrySerdes.producerConfig(stack.kafkaBootstrap(), stack.registryUrl(), "rebuild-test"),
                new StringSerializer(), RegistrySerdes.<Decision>valueSerializer(stack.registryUrl()))) {
            producer.send(new ProducerRecord<>(Topics.DECISIONS.name(), a, decision(a, 1, "REVIEW_CLASSIFICATION", true)));
            producer.send(new ProducerRecord<>(Topics.DECISIONS.name(), b, decision(b, 1, "CLAIMS_HANDLING", false)));
            producer.send(new ProducerRecord<>(Topics.DECISIONS.name(), c, decision(c, 1, "LEGAL", true)));
            producer.send(new ProducerRecord<>(Topics.DECISIONS.name(), a, decision(a, 2, "CLAIMS_HANDLING", false)));
            // a mail that could not be parsed has no intent at all
            producer.send(new ProducerRecord<>(Topics.DECISIONS.name(), unparseable, Decision.newBuilder(
                    decision(unparseable, 1, "SECURITY_QUARANTINE", true)).setPrimaryIntent(null).setIntents(List.of())
                    .setAction("QUARANTINE").build()));
            producer.send(new ProducerRecord<>(Topics.DECISIONS.name(), c, null)).get(30, TimeUnit.SECONDS);
        }
        var sinks = ConnectorRegistration.load(stack.home().resolve("connect").resolve("connectors")).stream()
                .filter(ConnectorRegistration.Connector::isProjectionSink).toList();
        assertThat(sinks).extracting(ConnectorRegistration.Connector::table)
                .contains("ieim_review.decision_projection", "ieim_review.audit_index");
        for (var sink : sinks) {
            ProjectionsCommand.awaitCaughtUp(stack, sink, Duration.ofSeconds(120));
        }
        Map<String, List<Map<String, Object>>> before = snapshot(stack, sinks);
        assertThat(before.get("ieim_review.decision_projection")).anySatisfy(row -> {
            assertThat(row).containsEntry("message_id", a).containsEntry("decision_version", 2);
        });
        assertThat(before.get("ieim_review.decision_projection")).anySatisfy(row ->
                assertThat(row).containsEntry("message_id", unparseable).containsEntry("primary_intent", null));
        assertThat(before.get("ieim_review.decision_projection")).noneSatisfy(row -> assertThat(row).containsEntry("message_id", c));

        assertThat(Ieim.run("projections", "rebuild")).isZero();

        Map<String, List<Map<String, Object>>> after = snapshot(stack, sinks);
        for (var sink : sinks) {
            assertThat(after.get(sink.table())).as(sink.table() + " rebuilt row for row").isEqualTo(before.get(sink.table()));
        }
        assertThat(Ieim.run("projections", "rebuild", "--connector", "no-such-sink")).isEqualTo(Ieim.EXIT_USAGE);
    }

    /** Every row of every sink table, ordered by the primary key. */
    private static Map<String, List<Map<String, Object>>> snapshot(StackConfig stack, List<ConnectorRegistration.Connector> sinks) throws Exception {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection(stack.postgresJdbcUrl(), stack.postgresUser(), stack.postgresPassword());
             Statement st = db.createStatement()) {
            for (var sink : sinks) {
                List<Map<String, Object>> rows = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT * FROM " + sink.table() + " ORDER BY 1")) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            Object value = rs.getObject(i);
                            row.put(meta.getColumnName(i), value instanceof java.sql.Array array ? List.of((Object[]) array.getArray()) : value);
                        }
                        rows.add(row);
                    }
                }
                tables.put(sink.table(), rows);
            }
        }
        return tables;
    }
}
