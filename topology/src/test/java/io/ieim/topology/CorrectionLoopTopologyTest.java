package io.ieim.topology;

import io.ieim.avro.AuditEvent;
import io.ieim.avro.DeadLetter;
import io.ieim.avro.Decision;
import io.ieim.avro.MailReceived;
import io.ieim.avro.ReviewAction;
import io.ieim.domain.decision.DecisionHasher;
import io.ieim.domain.decision.DecisionPipeline;
import io.ieim.domain.review.Correction;
import io.ieim.spec.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The correction loop with TopologyTestDriver: reviewer actions against the mail's latest decision. */
class CorrectionLoopTopologyTest {

    private static final String REASON = "Kundin Anna Muster hat am Telefon die Schadennummer bestätigt";
    private static final Instant ACTION_TIME = Instant.parse("2026-03-02T09:00:00Z");
    private final SerdeFactory serdes = SerdeFactory.plainAvro();
    private final DecisionPipeline pipeline = DecisionPipeline.standard(new byte[32]);
    private TopologyTestDriver driver;
    private MailReceived mail;
    private Decision first;

    @BeforeEach
    void start() {
        driver = newDriver();
        // no identity data: the claim update is NOT_FOUND, so the rules ask for the contract (REQUEST_INFO, needs review)
        mail = DecisionTopologyTest.mail("Anna Muster <anna.muster@example.de>", "Rechnung der Werkstatt zu Schaden SC-2026-004512",
                "Guten Tag,\r\nanbei die Rechnung der Werkstatt zum Schaden SC-2026-004512.\r\nMit freundlichen Grüßen\r\nAnna Muster");
        first = decide(driver, mail);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private TopologyTestDriver newDriver() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "ieim-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:1234");
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandlers.Deserialization.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandlers.Processing.class);
        props.put(DeadLetterHandlers.DEAD_LETTERS_CONFIG, new DeadLetters(serdes, pipeline));
        props.put(StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/ieim-ttd-loop-" + System.nanoTime());
        return new TopologyTestDriver(DecisionTopology.build(pipeline, serdes, new DecisionMetrics(new SimpleMeterRegistry())), props);
    }

    /** Decides the mail and drains every output topic, so tests see only what the actions cause. */
    private Decision decide(TopologyTestDriver d, MailReceived m) {
        d.createInputTopic(Topics.MAIL_RECEIVED.name(), new StringSerializer(), serdes.serde(MailReceived.class).serializer())
                .pipeInput(m.getMessageId(), m, Instant.parse("2026-03-02T07:15:31Z"));
        List<Decision> decisions = output(d, Topics.DECISIONS.name(), Decision.class).readValuesToList();
        output(d, Topics.AUDIT_PENDING.name(), AuditEvent.class).readValuesToList();
        assertThat(decisions).hasSize(1);
        return decisions.get(0);
    }

    private <T extends org.apache.avro.specific.SpecificRecord> TestOutputTopic<String, T> output(TopologyTestDriver d, String topic,
                                                                                                  Class<T> type) {
        return d.createOutputTopic(topic, new StringDeserializer(), serdes.serde(type).deserializer());
    }

    private List<Decision> decisions() {
        return output(driver, Topics.DECISIONS.name(), Decision.class).readValuesToList();
    }

    private List<KeyValue<String, AuditEvent>> audit() {
        return output(driver, Topics.AUDIT_PENDING.name(), AuditEvent.class).readKeyValuesToList();
    }

    private List<DeadLetter> deadLetters() {
        return output(driver, Topics.DEAD_LETTERS.name(), DeadLetter.class).readValuesToList();
    }

    private void act(TopologyTestDriver d, ReviewAction action) {
        d.createInputTopic(Topics.REVIEWER_ACTIONS.name(), new StringSerializer(), serdes.serde(ReviewAction.class).serializer())
                .pipeInput(action.getMessageId(), action, ACTION_TIME);
    }

    private void act(ReviewAction action) {
        act(driver, action);
    }

    private ReviewAction.Builder correction(String actionId, int basedOn) {
        return ReviewAction.newBuilder().setActionId(actionId).setMessageId(mail.getMessageId()).setKind("CORRECT")
                .setReviewer("reviewer-subject-42").setBasedOnDecisionVersion(basedOn).setReason(REASON)
                .setCreatedAt(ACTION_TIME);
    }

    /** The reviewer confirms the claim: the mail is attached to it and needs no more review. */
    private ReviewAction attachToClaim(String actionId) {
        return correction(actionId, 1).setIdentityStatusOverride("CONFIRMED").setCustomerIdOverride("CU-1002345")
                .setPolicyIdOverride("KF-20481234").setClaimIdOverride("SC-2026-004512")
                .setQueueOverride("CLAIMS_HANDLING").setActionOverride("ATTACH_TO_CLAIM").build();
    }

    @Test
    void aCorrectionEmitsVersionTwoWithTheOverridesAndAReproducibleHash() {
        assertThat(first.getDecisionVersion()).isEqualTo(1);
        assertThat(first.getAction()).isEqualTo("REQUEST_INFO");
        assertThat(first.getNeedsReview()).isTrue();

        act(attachToClaim("action-1"));

        List<Decision> decisions = decisions();
        assertThat(decisions).hasSize(1);
        Decision v2 = decisions.get(0);
        assertThat(v2.getMessageId()).isEqualTo(mail.getMessageId());
        assertThat(v2.getDecisionVersion()).isEqualTo(2);
        assertThat(v2.getQueue()).isEqualTo("CLAIMS_HANDLING");
        assertThat(v2.getAction()).isEqualTo("ATTACH_TO_CLAIM");
        assertThat(v2.getIdentity().getStatus()).isEqualTo("CONFIRMED");
        assertThat(v2.getIdentity().getCustomerId()).isEqualTo("CU-1002345");
        assertThat(v2.getIdentity().getClaimId()).isEqualTo("SC-2026-004512");
        assertThat(v2.getPrimaryIntent()).isEqualTo(first.getPrimaryIntent());
        assertThat(v2.getNeedsReview()).isFalse();
        assertThat(v2.getReviewReasons()).isEmpty();
        assertThat(v2.getInputDigest()).isEqualTo(first.getInputDigest());
        assertThat(v2.getReceivedAt()).isEqualTo(first.getReceivedAt());
        assertThat(v2.getCorrection().getActionId()).isEqualTo("action-1");
        assertThat(v2.getCorrection().getReviewer()).isEqualTo("reviewer-subject-42");
        assertThat(v2.getCorrection().getPreviousDecisionVersion()).isEqualTo(1);
        assertThat(v2.getCorrection().getPreviousDecisionHash()).isEqualTo(first.getDecisionHash());
        assertThat(v2.getDecisionHash()).matches("[0-9a-f]{64}").isNotEqualTo(first.getDecisionHash());
        // the hash can be recomputed from the decision alone
        Correction ref = new Correction("action-1", "reviewer-subject-42", 1, first.getDecisionHash());
        assertThat(new DecisionHasher().hash(DecisionMapping.snapshot(v2).hashInput(ref.canonicalRef())))
                .isEqualTo(v2.getDecisionHash());

        KeyValueStore<String, Decision> store = driver.getKeyValueStore(DecisionProcessor.DECISIONS_STORE);
        assertThat(store.get(mail.getMessageId())).isEqualTo(v2);

        List<KeyValue<String, AuditEvent>> audit = audit();
        assertThat(audit).hasSize(1);
        AuditEvent corrected = audit.get(0).value;
        assertThat(audit.get(0).key).isEqualTo(corrected.getEventId()).isEqualTo(mail.getMessageId() + ":2:CORRECTED");
        assertThat(corrected.getStage()).isEqualTo("CORRECTED");
        assertThat(corrected.getCorrectionActionId()).isEqualTo("action-1");
        assertThat(corrected.getDecisionVersion()).isEqualTo(2);
        assertThat(corrected.getPayloadHash()).isEqualTo(v2.getDecisionHash());
        assertThat(corrected.getRecordedAt()).isEqualTo(ACTION_TIME);
        assertThat(corrected.getDetails()).containsEntry("previous_decision_hash", first.getDecisionHash())
                .containsEntry("decision_hash", v2.getDecisionHash())
                .containsEntry("reason_sha256", io.ieim.domain.decision.Digests.sha256Hex(REASON));
        // ids and hashes only: the reviewer's free text never reaches the audit log
        assertThat(corrected.toString()).doesNotContain("Anna").doesNotContain("Telefon");
        assertThat(deadLetters()).isEmpty();

        // the same mail and action on a fresh topology: the same version 2, byte for byte
        TopologyTestDriver other = newDriver();
        try {
            decide(other, mail);
            act(other, attachToClaim("action-1"));
            assertThat(output(other, Topics.DECISIONS.name(), Decision.class).readValuesToList()).containsExactly(v2);
        } finally {
            other.close();
        }
    }

    @Test
    void theSameActionDeliveredTwiceMakesOneVersion() {
        act(attachToClaim("action-1"));
        act(attachToClaim("action-1"));
        List<Decision> decisions = decisions();
        assertThat(decisions).extracting(Decision::getDecisionVersion).containsExactly(2);
        assertThat(audit()).extracting(kv -> kv.value.getStage()).containsExactly("CORRECTED");
        assertThat(deadLetters()).isEmpty();
        // a redelivered action is not stale against the version it made: it is simply already applied
        KeyValueStore<String, Decision> store = driver.getKeyValueStore(DecisionProcessor.DECISIONS_STORE);
        assertThat(store.get(mail.getMessageId()).getDecisionVersion()).isEqualTo(2);
    }

    @Test
    void twoCorrectionsInARowGiveVersionsTwoAndThree() {
        act(attachToClaim("action-1"));
        act(correction("action-2", 2).setPrimaryIntentOverride("COMPLAINT").setQueueOverride("COMPLAINTS")
                .setActionOverride("CREATE_CASE").build());
        List<Decision> decisions = decisions();
        assertThat(decisions).extracting(Decision::getDecisionVersion).containsExactly(2, 3);
        Decision v3 = decisions.get(1);
        assertThat(v3.getPrimaryIntent()).isEqualTo("COMPLAINT");
        assertThat(v3.getIntents()).first().isEqualTo("COMPLAINT");
        assertThat(v3.getQueue()).isEqualTo("COMPLAINTS");
        assertThat(v3.getIdentity().getClaimId()).isEqualTo("SC-2026-004512"); // kept from version 2
        assertThat(v3.getCorrection().getPreviousDecisionVersion()).isEqualTo(2);
        assertThat(v3.getCorrection().getPreviousDecisionHash()).isEqualTo(decisions.get(0).getDecisionHash());
        assertThat(v3.getDecisionHash()).isNotEqualTo(decisions.get(0).getDecisionHash());
        assertThat(audit()).extracting(kv -> kv.key)
                .containsExactly(mail.getMessageId() + ":2:CORRECTED", mail.getMessageId() + ":3:CORRECTED");
    }

    @Test
    void refusedActionsAreDeadLetteredWithTheirReasonAndAnAuditEventAndTheLoopGoesOn() {
        String unknownMail = "f".repeat(64);
        act(correction("stale", 0).setQueueOverride("LEGAL").build());
        act(correction("unknown-mail", 1).setMessageId(unknownMail).setQueueOverride("LEGAL").build());
        act(correction("bad-label", 1).setQueueOverride("LEGAL_DEPARTMENT").build());
        act(correction("no-reason", 1).setReason(null).setQueueOverride("LEGAL").build());

        assertThat(decisions()).isEmpty();
        List<DeadLetter> letters = deadLetters();
        assertThat(letters).extracting(DeadLetter::getReason).satisfiesExactly(
                r -> assertThat(r).contains("STALE_VERSION").contains("based on decision version 0, latest is 1"),
                r -> assertThat(r).contains("UNKNOWN_MAIL"),
                r -> assertThat(r).contains("INVALID_LABEL").contains("queue_override"),
                r -> assertThat(r).contains("MISSING_REASON"));
        assertThat(letters).allSatisfy(letter -> {
            assertThat(letter.getStage()).isEqualTo("CORRECTED");
            assertThat(letter.getSourceTopic()).isEqualTo(Topics.REVIEWER_ACTIONS.name());
            assertThat(letter.getPayload()).isNotNull(); // the action as received, for investigation and replay
            assertThat(letter.getPayloadSha256()).matches("[0-9a-f]{64}");
        });
        assertThat(letters).extracting(DeadLetter::getMessageId)
                .containsExactly(mail.getMessageId(), unknownMail, mail.getMessageId(), mail.getMessageId());
        assertThat(letters).extracting(DeadLetter::getSourceOffset).containsExactly(0L, 1L, 2L, 3L);

        List<KeyValue<String, AuditEvent>> audit = audit();
        assertThat(audit).extracting(kv -> kv.value.getStage()).containsOnly("DEAD_LETTERED").hasSize(4);
        assertThat(audit).extracting(kv -> kv.value.getDetails().get("refusal"))
                .containsExactly("STALE_VERSION", "UNKNOWN_MAIL", "INVALID_LABEL", "MISSING_REASON");
        assertThat(audit).extracting(kv -> kv.value.getDetails().get("action_id"))
                .containsExactly("stale", "unknown-mail", "bad-label", "no-reason");
        // one event per refused action, each under its own id
        Set<String> ids = audit.stream().map(kv -> kv.value.getEventId()).collect(Collectors.toSet());
        assertThat(ids).hasSize(4).contains(mail.getMessageId() + ":1:DEAD_LETTERED:stale");
        assertThat(audit.get(1).value.getDecisionVersion()).isNull(); // no decision exists for that mail
        assertThat(audit.toString()).doesNotContain("Anna").doesNotContain("Telefon");

        // a redelivered refused action is not dead-lettered again
        act(correction("stale", 0).setQueueOverride("LEGAL").build());
        assertThat(deadLetters()).isEmpty();
        assertThat(audit()).isEmpty();

        // the loop goes on: the next valid correction applies
        act(attachToClaim("action-1"));
        assertThat(decisions()).extracting(Decision::getDecisionVersion).containsExactly(2);
    }

    @Test
    void assignmentsAndDraftApprovalsLeaveAuditEventsOnly() {
        act(ReviewAction.newBuilder().setActionId("assign-1").setMessageId(mail.getMessageId()).setKind("ASSIGN")
                .setReviewer("reviewer-subject-42").setCreatedAt(ACTION_TIME).build());
        act(ReviewAction.newBuilder().setActionId("approve-1").setMessageId(mail.getMessageId()).setKind("APPROVE_DRAFT")
                .setReviewer("reviewer-subject-43").setBasedOnDecisionVersion(1).setDraftId("draft-7")
                .setReason(REASON).setCreatedAt(ACTION_TIME).build());
        act(ReviewAction.newBuilder().setActionId("reject-1").setMessageId(mail.getMessageId()).setKind("REJECT_DRAFT")
                .setReviewer("reviewer-subject-44").setBasedOnDecisionVersion(1).setDraftId("draft-8")
                .setCreatedAt(ACTION_TIME).build());

        assertThat(decisions()).isEmpty();
        assertThat(deadLetters()).isEmpty();
        List<KeyValue<String, AuditEvent>> audit = audit();
        assertThat(audit).extracting(kv -> kv.value.getStage()).containsExactly("REVIEW_RECORDED", "REVIEW_RECORDED", "REVIEW_RECORDED");
        assertThat(audit).extracting(kv -> kv.key).containsExactly(
                mail.getMessageId() + ":1:REVIEW_RECORDED:assign-1",
                mail.getMessageId() + ":1:REVIEW_RECORDED:approve-1",
                mail.getMessageId() + ":1:REVIEW_RECORDED:reject-1");
        assertThat(audit).extracting(kv -> kv.value.getDetails().get("kind")).containsExactly("ASSIGN", "APPROVE_DRAFT", "REJECT_DRAFT");
        assertThat(audit.get(1).value.getDetails()).containsEntry("draft_id", "draft-7")
                .containsEntry("reason_sha256", io.ieim.domain.decision.Digests.sha256Hex(REASON));
        assertThat(audit).allSatisfy(kv -> assertThat(kv.value.getCorrectionActionId()).isNull());
        assertThat(audit.toString()).doesNotContain("Anna").doesNotContain("Telefon");
        KeyValueStore<String, Decision> store = driver.getKeyValueStore(DecisionProcessor.DECISIONS_STORE);
        assertThat(store.get(mail.getMessageId())).isEqualTo(first);
    }

    @Test
    void actionsAreProcessedByTheTaskThatOwnsTheMailsDecision() {
        // same key and partition count: partition p of both topics belongs to task p
        assertThat(Topics.REVIEWER_ACTIONS.partitions()).isEqualTo(Topics.MAIL_RECEIVED.partitions())
                .isEqualTo(Topics.DECISIONS.partitions());
        Topology topology = DecisionTopology.build(pipeline, serdes, new DecisionMetrics(new SimpleMeterRegistry()));
        TopologyDescription.Subtopology withStore = topology.describe().subtopologies().stream()
                .filter(s -> s.nodes().stream().anyMatch(n -> n.name().equals("review")))
                .findFirst().orElseThrow();
        Set<String> sources = withStore.nodes().stream().filter(n -> n instanceof TopologyDescription.Source)
                .flatMap(n -> ((TopologyDescription.Source) n).topicSet().stream()).collect(Collectors.toSet());
        assertThat(sources).containsExactlyInAnyOrder(Topics.MAIL_RECEIVED.name(), Topics.REVIEWER_ACTIONS.name());
    }
}
