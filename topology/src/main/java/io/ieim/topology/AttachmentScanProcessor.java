package io.ieim.topology;

import io.ieim.avro.Attachment;
import io.ieim.avro.MailReceived;
import io.ieim.domain.decision.CanonicalJson;
import io.ieim.domain.decision.Digests;
import io.ieim.domain.mail.MailNormalizer;
import io.ieim.domain.mail.MailView;
import io.ieim.domain.scan.AttachmentScreening;
import io.ieim.domain.scan.ScannerUnavailableException;
import io.ieim.spec.AuditStage;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The attachment scanning stage for one mail: reads the raw MIME, screens the attachments
 * ({@link AttachmentScreening}) and forwards the mail event with the findings and an ATTACHMENTS_SCANNED
 * audit event. Unreachable scanner or object store: {@link RetryLater} (the mail waits, nothing is decided).
 */
final class AttachmentScanProcessor implements Processor<String, MailReceived, String, SpecificRecord> {

    private static final Logger LOG = LoggerFactory.getLogger(AttachmentScanProcessor.class);

    private final AttachmentScreening screening;
    private final RawMailSource raw;
    private final MailNormalizer normalizer;
    private final MeterRegistry meters;
    private ProcessorContext<String, SpecificRecord> context;

    AttachmentScanProcessor(AttachmentScreening screening, RawMailSource raw, MailNormalizer normalizer,
                            MeterRegistry meters) {
        this.screening = screening;
        this.raw = raw;
        this.normalizer = normalizer;
        this.meters = meters;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, MailReceived> record) {
        MailReceived mail = record.value();
        MailView view = MailMapping.view(mail);
        AttachmentScreening.Result result;
        try {
            result = screening.screen(view, view.attachments().isEmpty() ? Map.of() : contents(mail));
        } catch (ScannerUnavailableException e) {
            count("ieim_attachment_scan_retries_total", "reason", "scanner_unavailable");
            throw new RetryLater("malware scanner unavailable: " + e.getMessage(), e);
        } catch (IOException e) {
            count("ieim_attachment_scan_retries_total", "reason", "object_store_unavailable");
            throw new RetryLater("raw MIME not readable now: " + e.getMessage(), e);
        }

        List<Attachment> attachments = new ArrayList<>();
        for (int i = 0; i < mail.getAttachments().size(); i++) {
            MailView.AttachmentInfo found = result.attachments().get(i);
            attachments.add(Attachment.newBuilder(mail.getAttachments().get(i))
                    .setScanVerdict(found.scanVerdict().name())
                    .setScanSignature(found.scanSignature())
                    .setExtractedText(found.extractedText())
                    .build());
            count("ieim_attachment_scan_verdicts_total", "verdict", found.scanVerdict().name());
        }
        MailReceived scanned = MailReceived.newBuilder(mail)
                .setAttachments(attachments)
                .setAttachmentScanner(result.scanners())
                .build();

        Map<String, Object> payload = new TreeMap<>();
        payload.put("message_id", mail.getMessageId());
        payload.put("scanners", result.scanners());
        payload.put("attachments", result.attachments().stream().map(a -> a.sha256() + "|" + a.scanVerdict() + "|"
                + a.scanSignature() + "|" + (a.extractedText() == null ? null : Digests.sha256Hex(a.extractedText())))
                .toList());
        context.forward(record.withValue((SpecificRecord) scanned));
        context.forward(record.withKey(DecisionMapping.eventId(mail.getMessageId(), 1, AuditStage.ATTACHMENTS_SCANNED))
                .withValue((SpecificRecord) DecisionMapping.audit(mail.getMessageId(), 1, AuditStage.ATTACHMENTS_SCANNED,
                        Digests.sha256Hex(CanonicalJson.canonicalize(payload)), result.details(),
                        Instant.ofEpochMilli(record.timestamp()))));
        if (!result.details().get("infected").equals("0") || !result.details().get("scan_failed").equals("0")) {
            LOG.info("mail {}: {} infected, {} not scannable ({})", mail.getMessageId(), result.details().get("infected"),
                    result.details().get("scan_failed"), result.details().get("signatures"));
        }
    }

    /** The attachments' bytes, or null when the raw MIME is gone or is not the mail's (both fail closed). */
    private Map<String, byte[]> contents(MailReceived mail) throws IOException {
        Optional<byte[]> bytes = raw.read(mail.getRawMime());
        if (bytes.isEmpty()) {
            LOG.warn("mail {}: raw MIME {} not found", mail.getMessageId(), mail.getRawMime().getKey());
            return null;
        }
        if (!Digests.sha256Hex(bytes.get()).equals(mail.getMessageId())) {
            LOG.warn("mail {}: raw MIME {} does not hash to the message id", mail.getMessageId(), mail.getRawMime().getKey());
            return null;
        }
        return normalizer.attachmentContents(bytes.get());
    }

    private void count(String name, String tag, String value) {
        if (meters != null) {
            meters.counter(name, tag, value).increment();
        }
    }
}
