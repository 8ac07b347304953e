package io.ieim.topology;

import io.ieim.avro.AuditAnchor;
import io.ieim.avro.AuditEvent;
import io.ieim.spec.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

import java.security.KeyPair;
import java.util.Optional;
import java.util.Set;

/**
 * Chains the audit log: pending audit events in, chained events and signed tree heads out. Chain
 * {@code <application>/audit-p} is written to partition p of the audit topic, so each chain is one
 * ordered log with one writer.
 */
public final class AuditChainTopology {

    private AuditChainTopology() {
    }

    public static Topology build(String chainPrefix, SerdeFactory serdes, KeyPair signingKey, int anchorEvery,
                                 java.time.Duration anchorInterval, io.micrometer.core.instrument.MeterRegistry registry) {
        LedgerMetrics metrics = new LedgerMetrics(registry);
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(AuditChainer.STORE),
                Serdes.String(), Serdes.ByteArray()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(AuditChainer.CHAINED_EVENTS),
                Serdes.String(), Serdes.ByteArray()));
        var out = builder
                .stream(Topics.AUDIT_PENDING.name(), Consumed.with(Serdes.String(), serdes.serde(AuditEvent.class)).withName("pending-audit"))
                .process(() -> new AuditChainer(chainPrefix, signingKey, anchorEvery, anchorInterval, metrics), Named.as("chain"), AuditChainer.STORE, AuditChainer.CHAINED_EVENTS);
        out.filter((k, v) -> v instanceof AuditEvent, Named.as("chained-events"))
                .mapValues(v -> (AuditEvent) v, Named.as("as-event"))
                .to(Topics.AUDIT.name(), Produced.with(Serdes.String(), serdes.serde(AuditEvent.class))
                        .withStreamPartitioner((topic, key, value, partitions) -> Optional.of(
                                Set.of(AuditChainer.partitionOf(value.getChainId()) % partitions)))
                        .withName("audit-sink"));
        out.filter((k, v) -> v instanceof AuditAnchor, Named.as("anchors"))
                .mapValues(v -> (AuditAnchor) v, Named.as("as-anchor"))
                .to(Topics.AUDIT_ANCHORS.name(), Produced.with(Serdes.String(), serdes.serde(AuditAnchor.class)).withName("anchor-sink"));
        return builder.build();
    }
}
