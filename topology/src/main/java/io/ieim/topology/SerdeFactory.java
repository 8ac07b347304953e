package io.ieim.topology;

import io.ieim.avro.RegistrySerdes;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.BinaryEncoder;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Value serdes of the topology. Production goes through the Apicurio registry; topology tests use
 * plain Avro binary of the same classes, since TopologyTestDriver has no registry.
 */
public interface SerdeFactory {

    <T extends SpecificRecord> Serde<T> serde(Class<T> type);

    static SerdeFactory registry(String registryUrl) {
        return new SerdeFactory() {
            @Override
            public <T extends SpecificRecord> Serde<T> serde(Class<T> type) {
                return RegistrySerdes.valueSerde(registryUrl);
            }
        };
    }

    /** Plain Avro binary, schema taken from the class: for TopologyTestDriver tests only. */
    static SerdeFactory plainAvro() {
        return new SerdeFactory() {
            @Override
            public <T extends SpecificRecord> Serde<T> serde(Class<T> type) {
                var schema = SpecificData.get().getSchema(type);
                SpecificDatumWriter<T> writer = new SpecificDatumWriter<>(schema);
                SpecificDatumReader<T> reader = new SpecificDatumReader<>(schema);
                return Serdes.serdeFrom((topic, value) -> {
                    if (value == null) {
                        return null;
                    }
                    try {
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
                        writer.write(value, encoder);
                        encoder.flush();
                        return out.toByteArray();
                    } catch (IOException e) {
                        throw new SerializationException(e);
                    }
                }, (topic, bytes) -> {
                    if (bytes == null) {
                        return null;
                    }
                    try {
                        return reader.read(null, DecoderFactory.get().binaryDecoder(bytes, null));
                    } catch (IOException | RuntimeException e) {
                        throw new SerializationException("not a " + type.getSimpleName() + " record", e);
                    }
                });
            }
        };
    }
}
