package io.ieim.avro;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

import java.util.HashMap;
import java.util.Map;

/**
 * The one place that says how the product's Avro records travel through Kafka: the Apicurio serde,
 * schemas looked up (never auto-registered: the stack registers them with their compatibility
 * rule), and the schema reference as a 4-byte content id in front of the payload rather than in
 * headers, so the Connect converter of the JDBC sink and any Confluent-style reader can decode it.
 */
public final class RegistrySerdes {

    private RegistrySerdes() {
    }

    /** Serde settings shared by serializers and deserializers. */
    public static Map<String, Object> serdeConfig(String registryUrl) {
        Map<String, Object> config = new HashMap<>();
        config.put("apicurio.registry.url", registryUrl);
        config.put("apicurio.registry.auto-register", false);
        config.put("apicurio.registry.find-latest", true);
        config.put("apicurio.registry.headers.enabled", false);
        config.put("apicurio.registry.use-id", "contentId");
        config.put("apicurio.registry.use-specific-avro-reader", true);
        return config;
    }

    public static <T extends SpecificRecord> Serializer<T> valueSerializer(String registryUrl) {
        AvroKafkaSerializer<T> serializer = new AvroKafkaSerializer<>();
        serializer.configure(serdeConfig(registryUrl), false);
        return serializer;
    }

    public static <T extends SpecificRecord> Deserializer<T> valueDeserializer(String registryUrl) {
        AvroKafkaDeserializer<T> deserializer = new AvroKafkaDeserializer<>();
        deserializer.configure(serdeConfig(registryUrl), false);
        return deserializer;
    }

    /** A value serde for Kafka Streams. */
    public static <T extends SpecificRecord> Serde<T> valueSerde(String registryUrl) {
        return Serdes.serdeFrom(valueSerializer(registryUrl), valueDeserializer(registryUrl));
    }

    /** Producer settings for the product's writers: idempotent, all replicas acknowledge. */
    public static Map<String, Object> producerConfig(String bootstrap, String registryUrl, String clientId) {
        Map<String, Object> config = serdeConfig(registryUrl);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return config;
    }

    /** Consumer settings for readers: committed data only, from the beginning for a new group. */
    public static Map<String, Object> consumerConfig(String bootstrap, String registryUrl, String groupId) {
        Map<String, Object> config = serdeConfig(registryUrl);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return config;
    }
}
