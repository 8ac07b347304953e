package io.ieim.topology;

import io.ieim.avro.AuditEvent;
import io.ieim.avro.Claim;
import io.ieim.avro.Customer;
import io.ieim.avro.DeadLetter;
import io.ieim.avro.Decision;
import io.ieim.avro.IdentityIndexEntry;
import io.ieim.avro.MailReceived;
import io.ieim.avro.Policy;
import io.ieim.domain.decision.DecisionOutcome;
import io.ieim.domain.decision.DecisionPipeline;
import io.ieim.domain.decision.StageObserver;
import io.ieim.domain.identity.IdentityDirectory;
import io.ieim.domain.mail.MailNormalizer;
import io.ieim.domain.mail.MailView;
import io.ieim.domain.mail.NormalizedMail;
import io.ieim.ingest.MailReceivedMapping;
import io.ieim.avro.RawMimeReference;
import io.ieim.spec.SourceChannel;
import io.ieim.spec.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The topology's wiring with TopologyTestDriver: identity index, decisions, audit, dead letters. */
class DecisionTopologyTest {

    private static final byte[] KEY = new byte[32];
    private final SerdeFactory serdes = SerdeFactory.plainAvro();
    private TopologyTestDriver driver;
    private TopologyTestDriver indexDriver;
    private DecisionPipeline pipeline;

    /** Throws for a marked subject: the processing-error path. */
    static final class FailingPipeline extends DecisionPipeline {
        FailingPipeline(DecisionPipeline base) {
            super(base);
        }

        @Override
        public DecisionOutcome decide(MailView mail, IdentityDirectory directory, StageObserver observer) {
            if (mail.subject() != null && mail.subject().contains("explode")) {
                throw new IllegalStateException("stage failed for the test");
            }
            return super.decide(mail, directory, observer);
        }
    }

    @BeforeEach
    void start() {
        pipeline = new FailingPipeline(DecisionPipeline.standard(KEY));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "ieim-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:1234");
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandlers.Deserialization.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandlers.Processing.class);
        props.put(DeadLetterHandlers.DEAD_LETTERS_CONFIG, new DeadLetters(serdes, pipeline));
        props.put(StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/ieim-ttd-" + System.nanoTime());
        driver = new TopologyTestDriver(DecisionTopology.build(pipeline, serdes, new DecisionMetrics(new SimpleMeterRegistry())), props);
        Properties indexProps = new Properties();
        indexProps.putAll(props);
        indexProps.put(StreamsConfig.APPLICATION_ID_CONFIG, "ieim-test-identity-index");
        indexProps.put(StreamsConfig.STATE_DIR_CONFIG, props.get(StreamsConfig.STATE_DIR_CONFIG) + "-index");
        indexDriver = new TopologyTestDriver(IdentityIndexTopology.build(serdes), indexProps);
    }

    @AfterEach
    void stop() {
        driver.close();
        indexDriver.close();
    }

    private <T extends org.apache.avro.specific.SpecificRecord> TestInputTopic<String, T> input(String topic, Class<T> type) {
        return driver.createInputTopic(topic, new StringSerializer(), serdes.serde(type).serializer());
    }

    private <T extends org.apache.avro.specific.SpecificRecord> TestOutputTopic<String, T> output(String topic, Class<T> type) {
        return driver.createOutputTopic(topic, new StringDeserializer(), serdes.serde(type).deserializer());
    }

    /** Identity records reach both applications, and the index application's output reaches the decision one. */
    private <T extends org.apache.avro.specific.SpecificRecord> void identity(String topic, Class<T> type, String key, T value) {
        driver.createInputTopic(topic, new StringSerializer(), serdes.serde(type).serializer()).pipeInput(key, value);
        if (topic.equals(Topics.IDENTITY_CLAIMS.name())) {
            return; // claims are not indexed
        }
        indexDriver.createInputTopic(topic, new StringSerializer(), serdes.serde(type).serializer()).pipeInput(key, value);
        var produced = indexDriver.createOutputTopic(Topics.IDENTITY_INDEX.name(), new StringDeserializer(),
                serdes.serde(IdentityIndexEntry.class).deserializer()).readKeyValuesToList();
        var indexInput = input(Topics.IDENTITY_INDEX.name(), IdentityIndexEntry.class);
        produced.forEach(kv -> indexInput.pipeInput(kv.key, kv.value));
    }

    private void importIdentity() {
        identity(Topics.IDENTITY_CUSTOMERS.name(), Customer.class, "CU-1002345", Customer.newBuilder()
                .setCustomerId("CU-1002345").setFullName("Anna Muster").setEmails(List.of("anna.muster@example.de"))
                .setDateOfBirth(LocalDate.of(1980, 2, 1)).setPostalCode("10115").build());
        identity(Topics.IDENTITY_CUSTOMERS.name(), Customer.class, "CU-1002346", Customer.newBuilder()
                .setCustomerId("CU-1002346").setFullName("Bernd Muster").setEmails(List.of("familie@example.de"))
                .build());
        identity(Topics.IDENTITY_CUSTOMERS.name(), Customer.class, "CU-1002347", Customer.newBuilder()
                .setCustomerId("CU-1002347").setFullName("Clara Muster").setEmails(List.of("familie@example.de"))
                .build());
        identity(Topics.IDENTITY_POLICIES.name(), Policy.class, "KF-20481234", Policy.newBuilder()
                .setPolicyId("KF-20481234").setCustomerId("CU-1002345").setProductLine("KF").setStatus("ACTIVE")
                .setStartDate(LocalDate.of(2024, 1, 1)).build());
        identity(Topics.IDENTITY_CLAIMS.name(), Claim.class, "SC-2026-004512", Claim.newBuilder()
                .setClaimId("SC-2026-004512").setPolicyId("KF-20481234").setStatus("OPEN")
                .setLossDate(LocalDate.of(2026, 3, 1)).build());
    }

    static MailReceived mail(String from, String subject, String body) {
        String raw = "From: " + from + "\r\nTo: schaden@versicherung.example\r\nSubject: " + subject
                + "\r\nMessage-ID: <" + Math.abs((subject + body).hashCode()) + "@test>\r\nDate: Mon, 2 Mar 2026 08:15:30 +0100\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n";
        NormalizedMail normalized = new MailNormalizer().normalize(raw.getBytes(StandardCharsets.UTF_8));
        RawMimeReference ref = RawMimeReference.newBuilder().setBucket("b").setKey("k").setSha256(normalized.messageId())
                .setSizeBytes(raw.length()).build();
        return MailReceivedMapping.of(normalized, ref, Instant.parse("2026-03-02T07:15:31Z"), SourceChannel.FILE, "test.eml");
    }

    @Test
    void theIdentityIndexFollowsUpdatesAndDeletes() {
        importIdentity();
        KeyValueStore<String, IdentityIndexEntry> aggregate = indexDriver.getKeyValueStore("identity-index-aggregate");
        assertThat(aggregate.get("email:familie@example.de").getMembers()).containsExactly("CU-1002346", "CU-1002347");
        assertThat(aggregate.get("policies-of:CU-1002345").getMembers()).containsExactly("KF-20481234");
        // Clara moves to her own address: she leaves the family key
        identity(Topics.IDENTITY_CUSTOMERS.name(), Customer.class, "CU-1002347", Customer.newBuilder()
                .setCustomerId("CU-1002347").setFullName("Clara Muster").setEmails(List.of("clara@example.de")).build());
        assertThat(aggregate.get("email:familie@example.de").getMembers()).containsExactly("CU-1002346");
        assertThat(aggregate.get("email:clara@example.de").getMembers()).containsExactly("CU-1002347");
        // a tombstone removes every key the customer contributed
        identity(Topics.IDENTITY_CUSTOMERS.name(), Customer.class, "CU-1002347", null);
        assertThat(aggregate.get("email:clara@example.de")).isNull();
        // the index topic carries the same, and the global index store is its plain copy
        org.apache.kafka.streams.state.KeyValueStore<String, org.apache.kafka.streams.state.ValueAndTimestamp<IdentityIndexEntry>> index =
                driver.getTimestampedKeyValueStore(IdentityStores.INDEX);
        assertThat(index.get("email:clara@example.de")).isNull();
        assertThat(index.get("email:familie@example.de").value().getMembers()).containsExactly("CU-1002346");
    }

    @Test
    void aMailBecomesOneDecisionAndOneAuditEventPerStage() {
        importIdentity();
        MailReceived mail = mail("Anna Muster <anna.muster@example.de>", "Rechnung der Werkstatt zu Schaden SC-2026-004512",
                "Guten Tag,\r\nanbei die Rechnung der Werkstatt zum Schaden SC-2026-004512.\r\nMit freundlichen Grüßen\r\nAnna Muster");
        input(Topics.MAIL_RECEIVED.name(), MailReceived.class).pipeInput(mail.getMessageId(), mail);

        List<Decision> decisions = output(Topics.DECISIONS.name(), Decision.class).readValuesToList();
        assertThat(decisions).hasSize(1);
        Decision decision = decisions.get(0);
        assertThat(decision.getIdentity().getStatus()).isEqualTo("CONFIRMED");
        assertThat(decision.getIdentity().getClaimId()).isEqualTo("SC-2026-004512");
        assertThat(decision.getIdentity().getCustomerId()).isEqualTo("CU-1002345");
        assertThat(decision.getDecisionHash()).matches("[0-9a-f]{64}");

        List<AuditEvent> audit = output(Topics.AUDIT_PENDING.name(), AuditEvent.class).readValuesToList();
        assertThat(audit).extracting(AuditEvent::getStage).containsExactly("INGESTED", "NORMALIZED", "REDACTED",
                "IDENTITY_RESOLVED", "CLASSIFIED", "ROUTED", "DECIDED");
        assertThat(audit).allMatch(e -> e.getMessageId().equals(mail.getMessageId()));
        assertThat(audit.get(6).getDetails()).containsEntry("decision_hash", decision.getDecisionHash());
        // audit events carry no raw personal data
        String all = audit.stream().map(Object::toString).collect(Collectors.joining());
        assertThat(all).doesNotContain("anna.muster@example.de").doesNotContain("Anna Muster");

        KeyValueStore<String, Decision> store = driver.getKeyValueStore(DecisionProcessor.DECISIONS_STORE);
        assertThat(store.get(mail.getMessageId())).isEqualTo(decision);
    }

    @Test
    void theSameMailAndIdentityGiveTheSameDecisionHash() {
        importIdentity();
        MailReceived mail = mail("someone@example.org", "Kündigung KF-20481234", "Hiermit kündige ich meinen Vertrag KF-20481234.");
        input(Topics.MAIL_RECEIVED.name(), MailReceived.class).pipeInput(mail.getMessageId(), mail);
        input(Topics.MAIL_RECEIVED.name(), MailReceived.class).pipeInput(mail.getMessageId(), mail);
        List<Decision> decisions = output(Topics.DECISIONS.name(), Decision.class).readValuesToList();
        assertThat(decisions).hasSize(2);
        assertThat(decisions.get(0).getDecisionHash()).isEqualTo(decisions.get(1).getDecisionHash());
    }

    @Test
    void aRecordThatIsNotAvroBecomesADeadLetterAnAuditEventAndAQuarantineDecision() {
        String messageId = "a".repeat(64);
        driver.createInputTopic(Topics.MAIL_RECEIVED.name(), new StringSerializer(), new ByteArraySerializer())
                .pipeInput(messageId, "this is not avro".getBytes(StandardCharsets.UTF_8));
        List<DeadLetter> letters = output(Topics.DEAD_LETTERS.name(), DeadLetter.class).readValuesToList();
        assertThat(letters).hasSize(1);
        DeadLetter letter = letters.get(0);
        assertThat(letter.getSourceTopic()).isEqualTo(Topics.MAIL_RECEIVED.name());
        assertThat(letter.getSourceOffset()).isZero();
        assertThat(letter.getMessageId()).isEqualTo(messageId);
        assertThat(letter.getPayloadSha256()).matches("[0-9a-f]{64}");
        assertThat(output(Topics.AUDIT_PENDING.name(), AuditEvent.class).readValuesToList())
                .extracting(AuditEvent::getStage).containsExactly("DEAD_LETTERED");
        Decision quarantine = output(Topics.DECISIONS.name(), Decision.class).readValue();
        assertThat(quarantine.getQueue()).isEqualTo("SECURITY_QUARANTINE");
        assertThat(quarantine.getAction()).isEqualTo("QUARANTINE");
        assertThat(quarantine.getNeedsReview()).isTrue();

        // the topology keeps going: the next mail is decided
        importIdentity();
        MailReceived next = mail("x@example.org", "Frage", "Wie erreiche ich Sie telefonisch?");
        input(Topics.MAIL_RECEIVED.name(), MailReceived.class).pipeInput(next.getMessageId(), next);
        assertThat(output(Topics.DECISIONS.name(), Decision.class).readValuesToList()).hasSize(1);
    }

    @Test
    void aProcessingFailureBecomesADeadLetterAndAQuarantineDecision() {
        MailReceived mail = mail("x@example.org", "please explode", "body");
        input(Topics.MAIL_RECEIVED.name(), MailReceived.class).pipeInput(mail.getMessageId(), mail);
        DeadLetter letter = output(Topics.DEAD_LETTERS.name(), DeadLetter.class).readValue();
        assertThat(letter.getReason()).contains("IllegalStateException").contains("stage failed for the test");
        assertThat(letter.getMessageId()).isEqualTo(mail.getMessageId());
        Map<String, Decision> decisions = output(Topics.DECISIONS.name(), Decision.class).readKeyValuesToMap();
        assertThat(decisions.get(mail.getMessageId()).getQueue()).isEqualTo("SECURITY_QUARANTINE");
    }

    @Test
    void anUnparseableMailIsQuarantinedByRuleOne() {
        byte[] raw = "no headers at all, just text\r\n".getBytes(StandardCharsets.UTF_8);
        NormalizedMail normalized = new MailNormalizer().normalize(raw);
        MailReceived mail = MailReceivedMapping.of(normalized, RawMimeReference.newBuilder().setBucket("b").setKey("k")
                .setSha256(normalized.messageId()).setSizeBytes(raw.length).build(), Instant.EPOCH, SourceChannel.FILE, null);
        input(Topics.MAIL_RECEIVED.name(), MailReceived.class).pipeInput(mail.getMessageId(), mail);
        Decision decision = output(Topics.DECISIONS.name(), Decision.class).readValue();
        assertThat(decision.getQueue()).isEqualTo("SECURITY_QUARANTINE");
        assertThat(decision.getPrimaryIntent()).isNull();
        assertThat(decision.getIdentity().getStatus()).isEqualTo("NOT_FOUND");
    }
}
