package io.ieim.avro;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RoundTripTest {

    static List<SpecificRecord> samples() {
        return Samples.all();
    }

    @Test
    void thereIsASampleOfEveryContract() {
        assertThat(samples()).extracting(Object::getClass).containsExactlyInAnyOrderElementsOf(AvroContracts.RECORD_CLASSES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void binaryRoundTripGivesAnEqualRecord(SpecificRecord record) throws IOException {
        SpecificRecord copy = roundTrip(record);
        assertThat(copy).isNotSameAs(record).isEqualTo(record);
        assertThat(copy.getSchema()).isEqualTo(AvroContracts.schema(record.getSchema().getFullName()));
    }

    @Test
    void absentOptionalFieldsReadBackAsDefaults() throws IOException {
        Decision minimal = Decision.newBuilder(Samples.decision())
                .setInternetMessageId(null).setCorrection(null).setReceivedAt(null).setEvidence(List.of())
                .build();
        assertThat(roundTrip(minimal)).isEqualTo(minimal);
    }

    @SuppressWarnings("unchecked")
    private static <T extends SpecificRecord> T roundTrip(T record) throws IOException {
        Schema schema = record.getSchema();
        // the record's own SpecificData carries the logical-type conversions (Instant, LocalDate)
        var model = ((SpecificRecordBase) record).getSpecificData();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<T>(schema, model).write(record, encoder);
        encoder.flush();
        SpecificDatumReader<T> reader = new SpecificDatumReader<>(schema, schema, model);
        return reader.read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
    }
}
