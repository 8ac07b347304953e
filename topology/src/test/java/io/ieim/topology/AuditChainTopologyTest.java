package io.ieim.topology;

import io.ieim.avro.AuditAnchor;
import io.ieim.avro.AuditEvent;
import io.ieim.ledger.ChainEntry;
import io.ieim.ledger.ChainVerifier;
import io.ieim.ledger.Ed25519Keys;
import io.ieim.ledger.SignedTreeHead;
import io.ieim.spec.Topics;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.test.TestRecord;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The chainer with TopologyTestDriver: sequences, links, anchors, and the verifier agrees. */
class AuditChainTopologyTest {

    private static final KeyPair KEY = Ed25519Keys.generate();
    private final SerdeFactory serdes = SerdeFactory.plainAvro();
    private final io.micrometer.core.instrument.simple.SimpleMeterRegistry registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();

    private static AuditEvent event(int i) {
        return AuditEvent.newBuilder().setEventId("m" + i + ":1:DECIDED").setMessageId("m" + i).setStage("DECIDED")
                .setPayloadHash("a".repeat(64)).setDetails(Map.of("queue", "GENERAL", "n", Integer.toString(i)))
                .setRecordedAt(Instant.ofEpochMilli(1_000_000L + i)).build();
    }

    @Test
    void eventsAreChainedAnchoredEveryNAndVerify() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "chain-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:1234");
        props.put(StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/ieim-chain-" + System.nanoTime());
        List<ChainEntry> entries = new ArrayList<>();
        List<SignedTreeHead> anchors = new ArrayList<>();
        try (TopologyTestDriver driver = new TopologyTestDriver(AuditChainTopology.build("app", serdes, KEY, 4, java.time.Duration.ofSeconds(30), registry), props)) {
            var pending = driver.createInputTopic(Topics.AUDIT_PENDING.name(), new StringSerializer(), serdes.serde(AuditEvent.class).serializer());
            for (int i = 0; i < 10; i++) {
                pending.pipeInput(event(i).getEventId(), event(i));
            }
            List<TestRecord<String, AuditEvent>> chained = driver.createOutputTopic(Topics.AUDIT.name(), new StringDeserializer(),
                    serdes.serde(AuditEvent.class).deserializer()).readRecordsToList();
            assertThat(chained).hasSize(10);
            for (int i = 0; i < chained.size(); i++) {
                AuditEvent e = chained.get(i).value();
                assertThat(e.getChainId()).isEqualTo("app/audit-0");
                assertThat(e.getSequence()).isEqualTo(i);
                assertThat(chained.get(i).key()).isEqualTo("app/audit-0:" + i);
                if (i > 0) {
                    assertThat(e.getPrevHash()).isEqualTo(chained.get(i - 1).value().getEntryHash());
                }
                entries.add(AuditLedger.entry(e, "audit@" + i));
            }
            var anchorTopic = driver.createOutputTopic(Topics.AUDIT_ANCHORS.name(), new StringDeserializer(),
                    serdes.serde(AuditAnchor.class).deserializer());
            anchorTopic.readValuesToList().forEach(a -> anchors.add(AuditLedger.head(a)));
            assertThat(anchors).extracting(SignedTreeHead::treeSize).containsExactly(4L, 8L);
            assertThat(registry.get("ieim.audit.chain.length").tag("chain", "app/audit-0").gauge().value()).isEqualTo(10.0);
            assertThat(registry.get("ieim.audit.anchor.lag.entries").tag("chain", "app/audit-0").gauge().value()).isEqualTo(2.0);
            // the two entries after the last count-based anchor are anchored by the timer
            driver.advanceWallClockTime(java.time.Duration.ofSeconds(31));
            anchorTopic.readValuesToList().forEach(a -> anchors.add(AuditLedger.head(a)));
            assertThat(registry.get("ieim.audit.anchor.lag.entries").tag("chain", "app/audit-0").gauge().value()).isZero();
        }
        assertThat(anchors).extracting(SignedTreeHead::treeSize).containsExactly(4L, 8L, 10L);
        ChainVerifier verifier = new ChainVerifier(Map.of(Ed25519Keys.keyId(KEY.getPublic()), KEY.getPublic()));
        assertThat(verifier.verify(entries, anchors).valid()).isTrue();
        // the details map's order does not matter to the content hash; its values do
        AuditEvent tampered = AuditEvent.newBuilder(event(3)).setDetails(Map.of("queue", "LEGAL", "n", "3")).build();
        assertThat(AuditLedger.content(tampered)).isNotEqualTo(AuditLedger.content(event(3)));
    }

    @Test
    void aRedeliveredEventIsChainedOnceAndAReDecisionWithOtherContentIsKept() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "chain-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:1234");
        props.put(StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/ieim-chain-" + System.nanoTime());
        try (TopologyTestDriver driver = new TopologyTestDriver(AuditChainTopology.build("app", serdes, KEY, 100, java.time.Duration.ofSeconds(30), registry), props)) {
            var pending = driver.createInputTopic(Topics.AUDIT_PENDING.name(), new StringSerializer(), serdes.serde(AuditEvent.class).serializer());
            for (int i : new int[] {0, 1, 2, 1, 0, 3}) {
                pending.pipeInput(event(i).getEventId(), event(i));
            }
            AuditEvent reused = AuditEvent.newBuilder(event(2)).setDetails(Map.of("queue", "LEGAL")).build();
            pending.pipeInput(reused.getEventId(), reused);
            List<AuditEvent> chained = driver.createOutputTopic(Topics.AUDIT.name(), new StringDeserializer(),
                    serdes.serde(AuditEvent.class).deserializer()).readValuesToList();
            assertThat(chained).extracting(AuditEvent::getMessageId).containsExactly("m0", "m1", "m2", "m3", "m2");
            assertThat(chained).extracting(AuditEvent::getSequence).containsExactly(0L, 1L, 2L, 3L, 4L);
            assertThat(registry.get("ieim.audit.redeliveries.skipped").tag("chain", "app/audit-0").counter().count()).isEqualTo(2.0);
        }
    }

    @Test
    void chainStateWrittenBeforeTheAnchoredSizeExistedIsStillRead() {
        io.ieim.ledger.CompactRange range = new io.ieim.ledger.CompactRange();
        for (int i = 0; i < 7; i++) {
            range.append(io.ieim.ledger.MerkleHash.leafHash(new byte[]{(byte) i}));
        }
        byte[] rangeBytes = range.toBytes();
        byte[] v1 = java.nio.ByteBuffer.allocate(8 + 64 + rangeBytes.length).putLong(7).put(new byte[32]).put(new byte[32])
                .put(rangeBytes).array();
        AuditChainer.State state = AuditChainer.State.read(v1, 4);
        assertThat(state.next).isEqualTo(7);
        assertThat(state.anchoredSize).isEqualTo(4);
        AuditChainer.State again = AuditChainer.State.read(state.write(), 4);
        assertThat(again.next).isEqualTo(7);
        assertThat(again.anchoredSize).isEqualTo(4);
        assertThat(again.range.root()).isEqualTo(range.root());
    }
}
