package io.ieim.cli;

import io.ieim.avro.RegistrySerdes;
import io.ieim.devstack.StackConfig;
import io.ieim.domain.identity.csv.IdentityChange;
import io.ieim.domain.identity.csv.IdentityCsvReader;
import io.ieim.domain.identity.csv.IdentityImport;
import io.ieim.spec.Topics;
import io.ieim.topology.IdentityMapping;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** {@code ieim identity import --customers F --policies F --claims F} (CONTRACT-V1 §3, §6). */
@Command(name = "identity", description = "Identity data (customers, policies, claims).",
        subcommands = IdentityCommand.Import.class)
final class IdentityCommand {

    @Command(name = "import", description = "Publish identity CSVs to the compacted identity topics, all or nothing.")
    static final class Import implements Callable<Integer> {
        @Option(names = "--customers", required = true, paramLabel = "FILE")
        Path customers;
        @Option(names = "--policies", required = true, paramLabel = "FILE")
        Path policies;
        @Option(names = "--claims", required = true, paramLabel = "FILE")
        Path claims;

        @Override
        public Integer call() throws Exception {
            // every row of every file is validated before anything is published
            IdentityImport read = new IdentityCsvReader().read(customers, policies, claims);
            List<ProducerRecord<String, SpecificRecord>> records = new ArrayList<>();
            add(records, Topics.IDENTITY_CUSTOMERS.name(), read.customers().changes(), IdentityMapping::avro);
            add(records, Topics.IDENTITY_POLICIES.name(), read.policies().changes(), IdentityMapping::avro);
            add(records, Topics.IDENTITY_CLAIMS.name(), read.claims().changes(), IdentityMapping::avro);
            publish(StackConfig.fromEnvironment(), records, "ieim-identity-import");
            System.out.printf("imported %d customer, %d policy and %d claim changes (%d deletions)%n",
                    read.customers().changes().size(), read.policies().changes().size(), read.claims().changes().size(),
                    read.customers().deletes() + read.policies().deletes() + read.claims().deletes());
            return 0;
        }

        private static <T> void add(List<ProducerRecord<String, SpecificRecord>> out, String topic,
                                    List<IdentityChange<T>> changes, Function<T, SpecificRecord> avro) {
            for (IdentityChange<T> change : changes) {
                out.add(new ProducerRecord<>(topic, change.id(), change.isDelete() ? null : avro.apply(change.record())));
            }
        }
    }

    /**
     * Sends all records in one Kafka transaction: readers with read_committed (the topology) see all
     * of them or none, so a failed import never half-applies.
     */
    static void publish(StackConfig config, List<ProducerRecord<String, SpecificRecord>> records, String client) {
        Map<String, Object> props = RegistrySerdes.producerConfig(config.kafkaBootstrap(), config.registryUrl(), client);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, client + "-" + UUID.randomUUID());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15000);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024);
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(props, new StringSerializer(),
                RegistrySerdes.<SpecificRecord>valueSerializer(config.registryUrl()))) {
            try {
                producer.initTransactions();
            } catch (KafkaException e) {
                throw new IllegalStateException("Kafka at " + config.kafkaBootstrap()
                        + " is unreachable (is the stack up? ieim dev up)", e);
            }
            producer.beginTransaction();
            try {
                for (ProducerRecord<String, SpecificRecord> record : records) {
                    producer.send(record);
                }
                producer.commitTransaction();
            } catch (RuntimeException e) {
                producer.abortTransaction();
                throw new IllegalStateException("nothing was published: " + Ieim.oneLine(e), e);
            }
        }
    }
}
