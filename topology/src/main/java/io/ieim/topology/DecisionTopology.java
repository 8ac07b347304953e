package io.ieim.topology;

import io.ieim.avro.AuditEvent;
import io.ieim.avro.Claim;
import io.ieim.avro.Customer;
import io.ieim.avro.Decision;
import io.ieim.avro.IdentityIndexEntry;
import io.ieim.avro.MailReceived;
import io.ieim.avro.Policy;
import io.ieim.avro.ReviewAction;
import io.ieim.domain.decision.DecisionPipeline;
import io.ieim.spec.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;


/**
 * The decision topology, in one method. Identity data is held in global stores that are plain
 * copies of topics (the identity topics and the identity index that {@link IdentityIndexTopology}
 * derives), so a restore never loses an index (KAFKA-7663). Each mail runs through the domain
 * pipeline once and leaves one audit event per stage and one decision; a reviewer's correction makes
 * the next version of it (see docs/DECISION-TOPOLOGY.md, "The correction loop").
 */
public final class DecisionTopology {

    private DecisionTopology() {
    }

    public static Topology build(DecisionPipeline pipeline, SerdeFactory serdes, DecisionMetrics metrics) {
        return build(pipeline, serdes, metrics, Topics.MAIL_RECEIVED.name());
    }

    /**
     * @param mailTopic the mail events to decide: {@code ieim.mail.received.v1}, or {@code ieim.mail.scanned.v1}
     *                  when the attachment scanning stage runs before this topology
     */
    public static Topology build(DecisionPipeline pipeline, SerdeFactory serdes, DecisionMetrics metrics,
                                 String mailTopic) {
        StreamsBuilder builder = new StreamsBuilder();
        var customerSerde = serdes.serde(Customer.class);
        var policySerde = serdes.serde(Policy.class);
        var claimSerde = serdes.serde(Claim.class);
        var indexSerde = serdes.serde(IdentityIndexEntry.class);

        // 1. identity stores: plain copies of topics, on every instance (the index topic is written by
        //    IdentityIndexTopology, which runs beside this one)
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

        // 2. decisions: one per mail, with its audit trail; the latest per mail is queryable
        var decisionSerde = serdes.serde(Decision.class);
        // a private store (plain Avro): its changelog is internal, not a contract topic with a registered schema
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DecisionProcessor.DECISIONS_STORE),
                Serdes.String(), SerdeFactory.plainAvro().serde(Decision.class)));
        var decided = builder
                .stream(mailTopic, Consumed.with(Serdes.String(), serdes.serde(MailReceived.class)).withName("mails"))
                .process(() -> new DecisionProcessor(pipeline, metrics), Named.as("decide"), DecisionProcessor.DECISIONS_STORE);

        // 3. the correction loop: reviewers' actions on the mail's latest decision. The processor shares the
        //    decisions store, which puts both sources in one sub-topology; mails and actions are keyed by
        //    message id with the same partition count (spec catalogue), so partition p of both goes to task p
        //    and an action meets its mail's decision without a repartition
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ReviewActionProcessor.ACTIONS_STORE),
                Serdes.String(), Serdes.String()));
        var corrected = builder
                .stream(Topics.REVIEWER_ACTIONS.name(), Consumed.with(Serdes.String(), serdes.serde(ReviewAction.class)).withName("reviewer-actions"))
                .process(() -> new ReviewActionProcessor(pipeline.corrections(), metrics), Named.as("review"),
                        DecisionProcessor.DECISIONS_STORE, ReviewActionProcessor.ACTIONS_STORE);

        // 4. both write decisions and audit events alike
        var outputs = decided.merge(corrected, Named.as("decisions-and-corrections"));
        outputs.filter((k, v) -> v instanceof AuditEvent, Named.as("audit-events"))
                .mapValues(v -> (AuditEvent) v, Named.as("as-audit"))
                // chained and written to the audit topic by AuditChainTopology, the single writer of each chain
                .to(Topics.AUDIT_PENDING.name(), Produced.with(Serdes.String(), serdes.serde(AuditEvent.class)).withName("audit-sink"));
        outputs.filter((k, v) -> v instanceof Decision, Named.as("decisions-only"))
                .mapValues(v -> (Decision) v, Named.as("as-decision"))
                .to(Topics.DECISIONS.name(), Produced.with(Serdes.String(), decisionSerde).withName("decisions-sink"));
        return builder.build();
    }

}
