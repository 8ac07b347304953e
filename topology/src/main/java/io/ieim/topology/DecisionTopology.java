package io.ieim.topology;

import io.ieim.avro.AuditEvent;
import io.ieim.avro.Claim;
import io.ieim.avro.Customer;
import io.ieim.avro.Decision;
import io.ieim.avro.IdentityIndexEntry;
import io.ieim.avro.MailReceived;
import io.ieim.avro.Policy;
import io.ieim.domain.decision.DecisionPipeline;
import io.ieim.spec.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The decision topology, in one method. Identity data is held in global stores that are plain
 * copies of topics (the identity topics and the identity index this topology derives), so a
 * restore never loses an index (KAFKA-7663). Each mail runs through the domain pipeline once and
 * leaves one audit event per stage and one decision.
 */
public final class DecisionTopology {

    private DecisionTopology() {
    }

    public static Topology build(DecisionPipeline pipeline, SerdeFactory serdes, DecisionMetrics metrics) {
        StreamsBuilder builder = new StreamsBuilder();
        var customerSerde = serdes.serde(Customer.class);
        var policySerde = serdes.serde(Policy.class);
        var claimSerde = serdes.serde(Claim.class);
        var indexSerde = serdes.serde(IdentityIndexEntry.class);

        // 1. identity index: e-mail address, name and customer -> ids, derived from the identity topics
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore("identity-index-contributions-customers"), Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore("identity-index-contributions-policies"), Serdes.String(), Serdes.String()));
        KStream<String, String> customerDeltas = builder
                .stream(Topics.IDENTITY_CUSTOMERS.name(), Consumed.with(Serdes.String(), customerSerde).withName("customers-for-index"))
                .process(() -> new IdentityIndexer<>("identity-index-contributions-customers", "customer:", IdentityIndexKeys::of),
                        Named.as("index-customers"), "identity-index-contributions-customers");
        KStream<String, String> policyDeltas = builder
                .stream(Topics.IDENTITY_POLICIES.name(), Consumed.with(Serdes.String(), policySerde).withName("policies-for-index"))
                .process(() -> new IdentityIndexer<>("identity-index-contributions-policies", "policy:", IdentityIndexKeys::of),
                        Named.as("index-policies"), "identity-index-contributions-policies");
        customerDeltas.merge(policyDeltas, Named.as("index-deltas"))
                .groupByKey(Grouped.with("identity-index-deltas", Serdes.String(), Serdes.String()))
                .aggregate(() -> null, DecisionTopology::applyDelta,
                        Named.as("index-aggregate"),
                        Materialized.<String, IdentityIndexEntry, KeyValueStore<Bytes, byte[]>>as("identity-index-aggregate")
                                .withKeySerde(Serdes.String()).withValueSerde(indexSerde))
                .toStream(Named.as("index-changes"))
                .to(Topics.IDENTITY_INDEX.name(), Produced.with(Serdes.String(), indexSerde).withName("index-sink"));

        // 2. identity stores: plain copies of topics, on every instance
        builder.globalTable(Topics.IDENTITY_CUSTOMERS.name(), Consumed.with(Serdes.String(), customerSerde),
                Materialized.<String, Customer, KeyValueStore<Bytes, byte[]>>as(IdentityStores.CUSTOMERS)
                        .withKeySerde(Serdes.String()).withValueSerde(customerSerde));
        builder.globalTable(Topics.IDENTITY_POLICIES.name(), Consumed.with(Serdes.String(), policySerde),
                Materialized.<String, Policy, KeyValueStore<Bytes, byte[]>>as(IdentityStores.POLICIES)
                        .withKeySerde(Serdes.String()).withValueSerde(policySerde));
        builder.globalTable(Topics.IDENTITY_CLAIMS.name(), Consumed.with(Serdes.String(), claimSerde),
                Materialized.<String, Claim, KeyValueStore<Bytes, byte[]>>as(IdentityStores.CLAIMS)
                        .withKeySerde(Serdes.String()).withValueSerde(claimSerde));
        builder.globalTable(Topics.IDENTITY_INDEX.name(), Consumed.with(Serdes.String(), indexSerde),
                Materialized.<String, IdentityIndexEntry, KeyValueStore<Bytes, byte[]>>as(IdentityStores.INDEX)
                        .withKeySerde(Serdes.String()).withValueSerde(indexSerde));

        // 3. decisions: one per mail, with its audit trail; the latest per mail is queryable
        var decisionSerde = serdes.serde(Decision.class);
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(DecisionProcessor.DECISIONS_STORE), Serdes.String(), decisionSerde));
        var outputs = builder
                .stream(Topics.MAIL_RECEIVED.name(), Consumed.with(Serdes.String(), serdes.serde(MailReceived.class)).withName("mails"))
                .process(() -> new DecisionProcessor(pipeline, metrics), Named.as("decide"), DecisionProcessor.DECISIONS_STORE);
        outputs.filter((k, v) -> v instanceof AuditEvent, Named.as("audit-events"))
                .mapValues(v -> (AuditEvent) v, Named.as("as-audit"))
                .to(Topics.AUDIT.name(), Produced.with(Serdes.String(), serdes.serde(AuditEvent.class)).withName("audit-sink"));
        outputs.filter((k, v) -> v instanceof Decision, Named.as("decisions-only"))
                .mapValues(v -> (Decision) v, Named.as("as-decision"))
                .to(Topics.DECISIONS.name(), Produced.with(Serdes.String(), decisionSerde).withName("decisions-sink"));
        return builder.build();
    }

    /** "+id" adds a member, "-id" removes it; an entry without members is a tombstone. */
    static IdentityIndexEntry applyDelta(String key, String delta, IdentityIndexEntry current) {
        TreeSet<String> members = new TreeSet<>(current == null ? List.of() : current.getMembers());
        String id = delta.substring(1);
        if (delta.startsWith("+")) {
            members.add(id);
        } else {
            members.remove(id);
        }
        return members.isEmpty() ? null : IdentityIndexEntry.newBuilder().setIndexKey(key)
                .setMembers(new ArrayList<>(members)).build();
    }
}
