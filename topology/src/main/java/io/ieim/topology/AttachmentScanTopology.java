package io.ieim.topology;

import io.ieim.avro.AuditEvent;
import io.ieim.avro.MailReceived;
import io.ieim.domain.mail.MailNormalizer;
import io.ieim.domain.scan.AttachmentScreening;
import io.ieim.spec.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The optional attachment scanning stage, in one method: mail events in, the same events with their
 * attachments' scan verdicts (and the OCR text of attachment-only mails) out to the scanned-mail topic,
 * which the decision topology then reads instead. Its own application, so a slow scanner never holds up
 * identity or audit processing, and so it can be scaled on its own.
 */
public final class AttachmentScanTopology {

    private AttachmentScanTopology() {
    }

    public static Topology build(AttachmentScreening screening, RawMailSource raw, MailNormalizer normalizer,
                                 SerdeFactory serdes, MeterRegistry meters) {
        StreamsBuilder builder = new StreamsBuilder();
        var mailSerde = serdes.serde(MailReceived.class);
        var outputs = builder
                .stream(Topics.MAIL_RECEIVED.name(), Consumed.with(Serdes.String(), mailSerde).withName("mails"))
                .process(() -> new AttachmentScanProcessor(screening, raw, normalizer, meters), Named.as("scan"));
        outputs.filter((k, v) -> v instanceof MailReceived, Named.as("scanned-mails"))
                .mapValues(v -> (MailReceived) v, Named.as("as-mail"))
                .to(Topics.MAIL_SCANNED.name(), Produced.with(Serdes.String(), mailSerde).withName("scanned-sink"));
        outputs.filter((k, v) -> v instanceof AuditEvent, Named.as("audit-events"))
                .mapValues(v -> (AuditEvent) v, Named.as("as-audit"))
                .to(Topics.AUDIT_PENDING.name(), Produced.with(Serdes.String(), serdes.serde(AuditEvent.class))
                        .withName("audit-sink"));
        return builder.build();
    }
}
