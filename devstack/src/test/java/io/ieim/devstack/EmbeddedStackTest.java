package io.ieim.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ieim.avro.Decision;
import io.ieim.avro.IdentityResult;
import io.ieim.avro.MailReceived;
import io.ieim.avro.RawMimeReference;
import io.ieim.avro.RegistrySerdes;
import io.ieim.devstack.junit.StackTest;
import io.ieim.spec.TopicSpec;
import io.ieim.spec.Topics;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded stack against its acceptance criteria, with real servers only. */
@StackTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedStackTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @Order(1)
    void everyPartIsHealthyAndStatusNamesWhereToReachIt(EmbeddedStack stack) throws Exception {
        StackStatus status = stack.status();
        assertThat(status.parts()).containsOnlyKeys("postgres", "kafka", "s3", "registry", "connect", "oidc");
        assertThat(status.parts().values()).allMatch(StackStatus.Part::healthy);
        JsonNode json = JSON.readTree(status.toJson());
        assertThat(json.path("healthy").asBoolean()).isTrue();
        assertThat(json.path("kafka_bootstrap").asText()).isEqualTo(stack.config().kafkaBootstrap());
        assertThat(json.path("oidc_issuer").asText()).isEqualTo(stack.config().oidcIssuerUrl());
        assertThat(json.path("parts").path("oidc").path("address").asText()).isEqualTo(stack.config().oidcIssuerUrl());
        for (String key : List.of("registry_url", "postgres_jdbc_url", "s3_endpoint", "connect_url", "oidc_issuer")) {
            assertThat(json.path(key).asText()).as(key).startsWith(key.equals("postgres_jdbc_url") ? "jdbc:postgresql://127.0.0.1:" : "http://127.0.0.1:");
        }
        assertThat(stack.residentKib()).as("all six processes are found through their pid files").isPositive();
    }

    @Test
    @Order(2)
    void topicsFollowTheSpecCatalogue(StackConfig config) throws Exception {
        try (Admin admin = KafkaBroker.admin(config, 10_000)) {
            List<String> names = Topics.ALL.stream().map(TopicSpec::name).toList();
            Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
            List<ConfigResource> resources = names.stream()
                    .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
            for (TopicSpec topic : Topics.ALL) {
                assertThat(described.get(topic.name()).partitions()).as(topic.name()).hasSize(topic.partitions());
                Config actual = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()));
                topic.topicConfigs().forEach((key, value) ->
                        assertThat(actual.get(key).value()).as(topic.name() + " " + key).isEqualTo(value));
            }
        }
    }

    @Test
    @Order(3)
    void mailReceivedWrittenThroughTheRegistryIsReadBackByASeparateConsumer(StackConfig config) throws Exception {
        MailReceived mail = mail("stack-test-" + UUID.randomUUID());
        try (KafkaProducer<String, MailReceived> producer = new KafkaProducer<>(
                RegistrySerdes.producerConfig(config.kafkaBootstrap(), config.registryUrl(), "stack-test"),
                new org.apache.kafka.common.serialization.StringSerializer(),
                RegistrySerdes.<MailReceived>valueSerializer(config.registryUrl()))) {
            producer.send(new ProducerRecord<>(Topics.MAIL_RECEIVED.name(), mail.getMessageId(), mail)).get(30, TimeUnit.SECONDS);
        }
        try (KafkaConsumer<String, MailReceived> consumer = new KafkaConsumer<>(
                consumerConfig(config), new StringDeserializer(),
                RegistrySerdes.<MailReceived>valueDeserializer(config.registryUrl()))) {
            ConsumerRecord<String, MailReceived> read = readUntil(consumer, Topics.MAIL_RECEIVED.name(),
                    r -> r.key().equals(mail.getMessageId()));
            assertThat(read.value()).isEqualTo(mail);
        }
        // the schema is in the registry's REST API, under the serde's artifact id, with the BACKWARD rule
        String artifact = config.registryUrl() + "/groups/default/artifacts/" + Topics.MAIL_RECEIVED.name() + "-value";
        Http.Response latest = Http.get(artifact + "/versions/branch=latest/content");
        assertThat(latest.status()).isEqualTo(200);
        assertThat(new Schema.Parser().parse(latest.body())).isEqualTo(MailReceived.getClassSchema());
        Http.Response rule = Http.get(artifact + "/rules/COMPATIBILITY");
        assertThat(JSON.readTree(rule.body()).path("config").asText()).isEqualTo("BACKWARD");
    }

    @Test
    @Order(4)
    void theRegistryRejectsAVersionThatBreaksBackwardCompatibility(StackConfig config) throws Exception {
        String artifact = config.registryUrl() + "/groups/default/artifacts/" + Topics.DECISIONS.name() + "-value";
        JsonNode schema = JSON.readTree(Decision.getClassSchema().toString());
        // a new field without default: new readers cannot read old decisions
        ((com.fasterxml.jackson.databind.node.ArrayNode) schema.get("fields")).addObject()
                .put("name", "mandatory_newcomer").put("type", "string");
        var body = JSON.createObjectNode();
        body.putObject("content").put("content", schema.toString()).put("contentType", "application/json");
        Http.Response response = Http.send("POST", artifact + "/versions", body.toString());
        // registry v3 answers a rule violation with 400 and names the offending field
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("RuleViolationException", "Incompatible artifact", "mandatory_newcomer");
        assertThat(new Schema.Parser().parse(Http.get(artifact + "/versions/branch=latest/content").body()))
                .isEqualTo(Decision.getClassSchema());
    }

    @Test
    @Order(5)
    void outboxRowsLeaveThroughDebeziumInCommitOrder(StackConfig config) throws Exception {
        assertOutboxFlows(config);
    }

    @Test
    @Order(6)
    void decisionsReachTheProjectionThroughTheJdbcSinkAndTombstonesDeleteThem(StackConfig config) throws Exception {
        String messageId = "stack-test-" + UUID.randomUUID();
        Decision decision = Decision.newBuilder()
                .setMessageId(messageId)
                .setInternetMessageId("<" + messageId + "@example.test>")
                .setDecisionVersion(1)
                .setPrimaryIntent("CLAIM_UPDATE")
                .setIntents(List.of("CLAIM_UPDATE", "BILLING"))
                .setRiskFlags(List.of("URGENT"))
                .setQueue("CLAIMS_HANDLING")
                .setAction("ATTACH_TO_CLAIM")
                .setIdentity(IdentityResult.newBuilder().setStatus("CONFIRMED").setCustomerId("CU-1002345")
                        .setPolicyId("KF-20481234").setClaimId("SC-2026-004512").build())
                .setNeedsReview(false)
                .setConfidence(0.91)
                .setRuleFired("8")
                .setRulesetVersion("test")
                .setConfigHash("c".repeat(64))
                .setInputDigest("i".repeat(64))
                .setIdentitySnapshotDigest("s".repeat(64))
                .setDecisionHash("d".repeat(64))
                .build();
        try (KafkaProducer<String, Decision> producer = new KafkaProducer<>(
                RegistrySerdes.producerConfig(config.kafkaBootstrap(), config.registryUrl(), "stack-test"),
                new org.apache.kafka.common.serialization.StringSerializer(),
                RegistrySerdes.<Decision>valueSerializer(config.registryUrl()))) {
            producer.send(new ProducerRecord<>(Topics.DECISIONS.name(), messageId, decision)).get(30, TimeUnit.SECONDS);
            Map<String, Object> row = awaitRow(config, messageId, true);
            assertThat(row).containsEntry("queue", "CLAIMS_HANDLING")
                    .containsEntry("identity_status", "CONFIRMED")
                    .containsEntry("identity_claim_id", "SC-2026-004512")
                    .containsEntry("intents", List.of("CLAIM_UPDATE", "BILLING"))
                    .containsEntry("needs_review", false);
            producer.send(new ProducerRecord<>(Topics.DECISIONS.name(), messageId, null)).get(30, TimeUnit.SECONDS);
            awaitRow(config, messageId, false);
        }
    }

    @Test
    @Order(100)
    void aRestartKeepsTopicsRecordsSchemasConnectorsAndTheIssuer(EmbeddedStack stack) throws Exception {
        StackConfig config = stack.config();
        String token = DemoTokens.issue(config, "privacy_officer");
        String artifact = config.registryUrl() + "/groups/default/artifacts/" + Topics.MAIL_RECEIVED.name() + "-value";
        long globalId = JSON.readTree(Http.get(artifact + "/versions/branch=latest").body()).path("globalId").asLong();
        MailReceived mail = mail("restart-" + UUID.randomUUID());
        try (KafkaProducer<String, MailReceived> producer = new KafkaProducer<>(
                RegistrySerdes.producerConfig(config.kafkaBootstrap(), config.registryUrl(), "stack-test"),
                new org.apache.kafka.common.serialization.StringSerializer(),
                RegistrySerdes.<MailReceived>valueSerializer(config.registryUrl()))) {
            producer.send(new ProducerRecord<>(Topics.MAIL_RECEIVED.name(), mail.getMessageId(), mail)).get(30, TimeUnit.SECONDS);
        }

        stack.down();
        assertThat(stack.status().parts().values()).noneMatch(StackStatus.Part::running);
        StackStatus status = stack.up();
        assertThat(status.healthy()).isTrue();

        assertThat(JSON.readTree(Http.get(artifact + "/versions/branch=latest").body()).path("globalId").asLong())
                .as("schema ids survive: they live in PostgreSQL").isEqualTo(globalId);
        try (KafkaConsumer<String, MailReceived> consumer = new KafkaConsumer<>(consumerConfig(config),
                new StringDeserializer(), RegistrySerdes.<MailReceived>valueDeserializer(config.registryUrl()))) {
            assertThat(readUntil(consumer, Topics.MAIL_RECEIVED.name(), r -> r.key().equals(mail.getMessageId())).value())
                    .isEqualTo(mail);
        }
        ConnectorRegistration connect = new ConnectorRegistration(config.connectUrl());
        assertThat(connect.state("ieim-outbox-source")).isEqualTo("RUNNING");
        assertThat(connect.state("ieim-decision-projection-sink")).isEqualTo("RUNNING");
        assertThat(status.oidcIssuer()).isEqualTo(Jwts.claims(token).path("iss").asText());
        assertThat(Jwts.verifies(token, JSON.readTree(Http.get(config.oidcIssuerUrl() + "/jwks").body())))
                .as("a token issued before the restart verifies against the JWKS after it").isTrue();
    }

    @Test
    @Order(101)
    void aRecreatedDatabaseDoesNotStrandTheOutboxConnector(EmbeddedStack stack) throws Exception {
        // FIELD-NOTES: Debezium's kept offsets point into the WAL of a cluster that no longer exists
        stack.down();
        Path data = stack.config().varDir().resolve("postgres/data");
        try (var files = Files.walk(data)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        assertThat(data).doesNotExist();
        assertThat(stack.up().healthy()).isTrue();
        assertOutboxFlows(stack.config());
    }

    // --- helpers

    /** Two outbox transactions come out of the reviewer-actions topic, in commit order, with their event ids. */
    private static void assertOutboxFlows(StackConfig config) throws Exception {
        String aggregate = "stack-test-" + UUID.randomUUID();
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID());
        try (Connection db = DriverManager.getConnection(config.postgresJdbcUrl(), config.postgresUser(), config.postgresPassword())) {
            db.setAutoCommit(false);
            for (int i = 0; i < ids.size(); i++) {
                try (PreparedStatement insert = db.prepareStatement(
                        "INSERT INTO ieim_review.outbox (id, aggregatetype, aggregateid, type, payload) VALUES (?, 'ReviewAction', ?, 'CORRECTION', ?)");
                     PreparedStatement delete = db.prepareStatement("DELETE FROM ieim_review.outbox WHERE id = ?")) {
                    insert.setObject(1, ids.get(i));
                    insert.setString(2, aggregate);
                    insert.setBytes(3, ("payload-" + i).getBytes(StandardCharsets.UTF_8));
                    insert.executeUpdate();
                    delete.setObject(1, ids.get(i));
                    delete.executeUpdate();
                }
                db.commit();
            }
        }
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig(config),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<ConsumerRecord<String, byte[]>> events = readAll(consumer, Topics.REVIEWER_ACTIONS.name(),
                    r -> aggregate.equals(r.key()), 2);
            assertThat(events).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                    .containsExactly("payload-0", "payload-1");
            assertThat(events).extracting(r -> new String(r.headers().lastHeader("id").value(), StandardCharsets.UTF_8))
                    .containsExactly(ids.get(0).toString(), ids.get(1).toString());
        }
    }

    static MailReceived mail(String messageId) {
        return MailReceived.newBuilder()
                .setMessageId(messageId)
                .setInternetMessageId("<" + messageId + "@example.test>")
                .setReceivedAt(Instant.parse("2026-11-01T08:15:30Z"))
                .setSourceChannel("FILE")
                .setRawMime(RawMimeReference.newBuilder().setBucket("ieim-raw-mail").setKey("sha256/" + "a".repeat(64))
                        .setSha256("a".repeat(64)).setSizeBytes(1234L).build())
                .setNormalizerVersion("test")
                .setParseStatus("OK")
                .setSubject("Schadenmeldung SC-2026-004512")
                .setBodyText("Guten Tag, anbei die Rechnung.")
                .build();
    }

    private static Map<String, Object> consumerConfig(StackConfig config) {
        return RegistrySerdes.consumerConfig(config.kafkaBootstrap(), config.registryUrl(),
                "stack-test-" + UUID.randomUUID());
    }

    private static <V> ConsumerRecord<String, V> readUntil(KafkaConsumer<String, V> consumer, String topic,
                                                           Predicate<ConsumerRecord<String, V>> wanted) {
        return readAll(consumer, topic, wanted, 1).get(0);
    }

    private static <V> List<ConsumerRecord<String, V>> readAll(KafkaConsumer<String, V> consumer, String topic,
                                                              Predicate<ConsumerRecord<String, V>> wanted, int count) {
        consumer.subscribe(List.of(topic));
        List<ConsumerRecord<String, V>> found = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(60);
        while (found.size() < count && Instant.now().isBefore(deadline)) {
            try {
                for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(500))) {
                    if (wanted.test(record)) {
                        found.add(record);
                    }
                }
            } catch (org.apache.kafka.common.errors.RecordDeserializationException e) {
                // a reused stack holds other tests' deliberate poison records: not the ones looked for
                consumer.seek(e.topicPartition(), e.offset() + 1);
            }
        }
        assertThat(found).as("records read from " + topic).hasSize(count);
        return found;
    }

    private static Map<String, Object> awaitRow(StackConfig config, String messageId, boolean present) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        try (Connection db = DriverManager.getConnection(config.postgresJdbcUrl(), config.postgresUser(), config.postgresPassword());
             PreparedStatement select = db.prepareStatement(
                     "SELECT * FROM ieim_review.decision_projection WHERE message_id = ?")) {
            select.setString(1, messageId);
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet rs = select.executeQuery()) {
                    if (rs.next() == present) {
                        if (!present) {
                            return Map.of();
                        }
                        Map<String, Object> row = new java.util.HashMap<>();
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            Object value = rs.getObject(i);
                            if (value instanceof java.sql.Array array) {
                                value = List.of((Object[]) array.getArray());
                            }
                            if (value != null) {
                                row.put(rs.getMetaData().getColumnName(i), value);
                            }
                        }
                        return row;
                    }
                }
                Thread.sleep(500);
            }
        }
        throw new AssertionError("decision " + messageId + (present ? " never reached" : " never left")
                + " the projection; sink status: " + Http.get(config.connectUrl()
                + "/connectors/ieim-decision-projection-sink/status").body());
    }
}
