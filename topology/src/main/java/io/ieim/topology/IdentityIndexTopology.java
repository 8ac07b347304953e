package io.ieim.topology;

import io.ieim.avro.Customer;
import io.ieim.avro.IdentityIndexEntry;
import io.ieim.avro.Policy;
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
 * Derives the identity index (e-mail address, normalized name and customer to the ids they lead to)
 * from the identity topics and writes it to its own compacted topic. It runs as a Kafka Streams
 * application of its own beside the decision topology, because a topic cannot be both a stream
 * source and a global store source of one topology, and the decision topology holds the identity
 * topics as global stores.
 */
public final class IdentityIndexTopology {

    private IdentityIndexTopology() {
    }

    public static Topology build(SerdeFactory serdes) {
        StreamsBuilder builder = new StreamsBuilder();
        var indexSerde = serdes.serde(IdentityIndexEntry.class);
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore("identity-index-contributions-customers"), Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore("identity-index-contributions-policies"), Serdes.String(), Serdes.String()));
        KStream<String, String> customerDeltas = builder
                .stream(Topics.IDENTITY_CUSTOMERS.name(), Consumed.with(Serdes.String(), serdes.serde(Customer.class)).withName("customers"))
                .process(() -> new IdentityIndexer<>("identity-index-contributions-customers", "customer:", IdentityIndexKeys::of),
                        Named.as("index-customers"), "identity-index-contributions-customers");
        KStream<String, String> policyDeltas = builder
                .stream(Topics.IDENTITY_POLICIES.name(), Consumed.with(Serdes.String(), serdes.serde(Policy.class)).withName("policies"))
                .process(() -> new IdentityIndexer<>("identity-index-contributions-policies", "policy:", IdentityIndexKeys::of),
                        Named.as("index-policies"), "identity-index-contributions-policies");
        customerDeltas.merge(policyDeltas, Named.as("index-deltas"))
                .groupByKey(Grouped.with("identity-index-deltas", Serdes.String(), Serdes.String()))
                .aggregate(() -> null, IdentityIndexTopology::applyDelta,
                        Named.as("index-aggregate"),
                        // a private store: plain Avro, its changelog is not a contract topic with a registered schema
                        Materialized.<String, IdentityIndexEntry, KeyValueStore<Bytes, byte[]>>as("identity-index-aggregate")
                                .withKeySerde(Serdes.String()).withValueSerde(SerdeFactory.plainAvro().serde(IdentityIndexEntry.class)))
                .toStream(Named.as("index-changes"))
                .to(Topics.IDENTITY_INDEX.name(), Produced.with(Serdes.String(), indexSerde).withName("index-sink"));
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
