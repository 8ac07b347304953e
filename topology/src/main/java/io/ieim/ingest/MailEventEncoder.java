package io.ieim.ingest;

import io.ieim.avro.MailReceived;
import io.ieim.avro.RegistrySerdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serializes the event to the exact bytes `ieim ingest` produces: the value leaves the connector as
 * bytes (ByteArrayConverter), serialized by {@link RegistrySerdes}, the product's one serde setup.
 */
public interface MailEventEncoder extends AutoCloseable {

    byte[] encode(String topic, MailReceived event);

    @Override
    default void close() {
    }

    static MailEventEncoder registry(String registryUrl) {
        Serializer<MailReceived> serializer = RegistrySerdes.valueSerializer(registryUrl);
        return new MailEventEncoder() {
            @Override
            public byte[] encode(String topic, MailReceived event) {
                return serializer.serialize(topic, event);
            }

            @Override
            public void close() {
                serializer.close();
            }
        };
    }
}
