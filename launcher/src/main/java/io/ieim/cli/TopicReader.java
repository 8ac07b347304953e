package io.ieim.cli;

import io.ieim.avro.RegistrySerdes;
import io.ieim.devstack.StackConfig;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads a topic from its beginning to its current end (committed records only), partition by partition. */
final class TopicReader {

    private TopicReader() {
    }

    static <V extends SpecificRecord> List<ConsumerRecord<String, V>> readAll(StackConfig config, String topic)
            throws IOException {
        Map<String, Object> props = RegistrySerdes.consumerConfig(config.kafkaBootstrap(), config.registryUrl(),
                "ieim-reader-" + UUID.randomUUID());
        props.put("enable.auto.commit", false);
        props.put("default.api.timeout.ms", 8000);
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                RegistrySerdes.<V>valueDeserializer(config.registryUrl()))) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(8));
            if (infos == null || infos.isEmpty()) {
                throw new IOException("topic " + topic + " not found at " + config.kafkaBootstrap());
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(8));
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("reading " + topic + " timed out");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new IOException("Kafka at " + config.kafkaBootstrap() + " is unreachable (is the stack up? ieim dev up)", e);
        }
        // log order within each partition, partitions in order
        records.sort(Comparator.comparingInt((ConsumerRecord<String, V> r) -> r.partition()).thenComparingLong(ConsumerRecord::offset));
        return records;
    }
}
