package io.ieim.cli;

import io.ieim.avro.RegistrySerdes;
import io.ieim.devstack.StackConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Reads one test's records from a topic of the shared test stack, from its beginning: values are decoded
 * only for the keys the test asks for, since other tests put poison records on the topics on purpose.
 */
final class StackTopicReader {

    private StackTopicReader() {
    }

    /**
     * Polls until {@code done} holds for what was found (then a few polls more, so that a duplicate would be
     * seen too) or the timeout passes.
     */
    static <T extends org.apache.avro.specific.SpecificRecord> Map<String, List<T>> read(StackConfig stack, String topic, Predicate<String> key,
                                         Predicate<Map<String, List<T>>> done, Duration timeout) {
        Map<String, Object> props = RegistrySerdes.consumerConfig(stack.kafkaBootstrap(), stack.registryUrl(),
                "test-reader-" + UUID.randomUUID());
        Map<String, List<T>> found = new HashMap<>();
        try (var values = RegistrySerdes.<T>valueDeserializer(stack.registryUrl());
             KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                     new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            int extraPolls = 4;
            while (Instant.now().isBefore(deadline) && (!done.test(found) || extraPolls-- > 0)) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.key() != null && key.test(r.key()) && r.value() != null) {
                        found.computeIfAbsent(r.key(), k -> new ArrayList<>())
                                .add(values.deserialize(r.topic(), r.headers(), r.value()));
                    }
                }
            }
        }
        return found;
    }
}
