package io.ieim.topology;

import io.ieim.avro.Attachment;
import io.ieim.avro.AuditEvent;
import io.ieim.avro.DeadLetter;
import io.ieim.avro.Decision;
import io.ieim.avro.MailReceived;
import io.ieim.avro.RawMimeReference;
import io.ieim.domain.decision.DecisionPipeline;
import io.ieim.domain.decision.Digests;
import io.ieim.domain.mail.MailNormalizer;
import io.ieim.domain.scan.AttachmentScreening;
import io.ieim.ingest.MailReceivedMapping;
import io.ieim.ingest.RawMailStore;
import io.ieim.scan.ClamdProcess;
import io.ieim.scan.ClamdScanner;
import io.ieim.scan.ScanFixtures;
import io.ieim.scan.TesseractRecognizer;
import io.ieim.spec.SourceChannel;
import io.ieim.spec.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The attachment scanning stage's wiring with TopologyTestDriver and the real scanners: a real clamd
 * ({@link ClamdProcess}) and the tesseract command. Its output is then decided by the decision topology
 * reading the scanned-mail topic, as it does when the stage is on.
 */
class AttachmentScanTopologyTest {

    @TempDir
    static Path dir;
    static ClamdProcess clamd;
    static AttachmentScreening screening;

    private static final byte[] KEY = new byte[32];
    private final SerdeFactory serdes = SerdeFactory.plainAvro();
    private final Map<String, byte[]> objects = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        clamd = ClamdProcess.start(dir, 1024 * 1024);
        screening = new AttachmentScreening(ClamdScanner.of(clamd.address(), Duration.ofSeconds(30)),
                new TesseractRecognizer("tesseract", "deu+eng", Duration.ofSeconds(60), "pdftoppm", 3),
                AttachmentScreening.Settings.DEFAULTS);
    }

    @AfterAll
    static void stop() {
        if (clamd != null) {
            clamd.close();
        }
    }

    private static Properties props(String app) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, app);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:1234");
        props.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve(app + "-" + System.nanoTime()).toString());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandlers.Processing.class);
        props.put(DeadLetterHandlers.DEAD_LETTERS_CONFIG, new DeadLetters(SerdeFactory.plainAvro(), DecisionPipeline.standard(KEY)));
        return props;
    }

    private TopologyTestDriver scanDriver(RawMailSource raw) {
        return new TopologyTestDriver(AttachmentScanTopology.build(screening, raw, new MailNormalizer(), serdes,
                new SimpleMeterRegistry()), props("ieim-test-attachment-scan"));
    }

    /** Stores the raw bytes as ingest does and returns the event ingest would publish. */
    private MailReceived ingest(String mime) {
        byte[] raw = mime.getBytes(StandardCharsets.UTF_8);
        String sha = Digests.sha256Hex(raw);
        objects.put(RawMailStore.objectKey(sha), raw);
        RawMimeReference ref = RawMimeReference.newBuilder().setBucket("ieim-raw").setKey(RawMailStore.objectKey(sha))
                .setSha256(sha).setSizeBytes(raw.length).build();
        return MailReceivedMapping.of(new MailNormalizer().normalize(raw), ref, Instant.parse("2026-11-22T08:00:00Z"),
                SourceChannel.FILE, "test.eml");
    }

    private static String withAttachment(String subject, String body, String fileName, String type, byte[] content) {
        return ScanFixtures.mailWithAttachment(Digests.sha256Hex(subject).substring(0, 12) + "@example.de", subject, body,
                fileName, type, content);
    }

    @Test
    void scansEveryMailAndTheDecisionActsOnTheFindings() throws Exception {
        MailReceived infected = ingest(withAttachment("Rechnung Reparatur", "Anbei die Rechnung der Werkstatt, bitte "
                + "erstatten Sie den Betrag auf mein Konto.", "rechnung.zip", "application/zip",
                ScanFixtures.zip("rechnung.txt", ClamdProcess.EICAR)));
        MailReceived scannedLetter = ingest(withAttachment("", "", "IMG_2041.png", "image/png", ScanFixtures.scannedClaimLetter()));
        MailReceived scannedPdf = ingest(withAttachment("Scan", "Gesendet von meinem iPhone", "Scan_2026-11-14.pdf",
                "application/pdf", ScanFixtures.scannedClaimLetterPdf()));
        MailReceived plain = ingest("From: a@example.org\r\nSubject: Frage\r\nMessage-ID: <p1@example.org>\r\n\r\n"
                + "Wie kann ich meine Adresse ändern?\r\n");

        List<MailReceived> scanned;
        List<AuditEvent> audit;
        try (TopologyTestDriver driver = scanDriver(reference -> Optional.ofNullable(objects.get(reference.getKey())))) {
            var in = driver.createInputTopic(Topics.MAIL_RECEIVED.name(), new StringSerializer(),
                    serdes.serde(MailReceived.class).serializer());
            for (MailReceived m : List.of(infected, scannedLetter, plain, scannedPdf)) {
                in.pipeInput(m.getMessageId(), m);
            }
            scanned = driver.createOutputTopic(Topics.MAIL_SCANNED.name(), new StringDeserializer(),
                    serdes.serde(MailReceived.class).deserializer()).readValuesToList();
            audit = driver.createOutputTopic(Topics.AUDIT_PENDING.name(), new StringDeserializer(),
                    serdes.serde(AuditEvent.class).deserializer()).readValuesToList();
        }

        assertThat(scanned).extracting(MailReceived::getMessageId).containsExactly(infected.getMessageId(),
                scannedLetter.getMessageId(), plain.getMessageId(), scannedPdf.getMessageId());
        Attachment pdf = scanned.get(3).getAttachments().get(0);
        assertThat(pdf.getScanVerdict()).isEqualTo("CLEAN");
        assertThat(pdf.getExtractedText()).contains("Schadenmeldung", "KF-20481234");
        assertThat(scanned).allSatisfy(m -> assertThat(m.getAttachmentScanner())
                .matches("clamav=ClamAV [0-9.]+(/.*)?; ocr=tesseract 5\\S* deu\\+eng, pdftoppm [0-9.]+ \\(3 pages\\)"));
        Attachment zip = scanned.get(0).getAttachments().get(0);
        assertThat(zip.getScanVerdict()).isEqualTo("INFECTED");
        assertThat(zip.getScanSignature()).isEqualTo(ClamdProcess.SIGNATURE + ".UNOFFICIAL");
        assertThat(zip.getExtractedText()).isNull();
        // where it sits in the MIME tree, as ingest recorded it
        assertThat(zip.getPartPath()).isEqualTo("2");
        assertThat(zip.getDisposition()).isEqualTo("attachment");
        Attachment png = scanned.get(1).getAttachments().get(0);
        assertThat(png.getScanVerdict()).isEqualTo("CLEAN");
        assertThat(png.getExtractedText()).contains("Schadenmeldung", "KF-20481234");
        // everything else is the event ingest published
        assertThat(MailReceived.newBuilder(scanned.get(2)).setAttachmentScanner(null).build()).isEqualTo(plain);

        assertThat(audit).extracting(AuditEvent::getStage).containsOnly("ATTACHMENTS_SCANNED");
        assertThat(audit).extracting(AuditEvent::getEventId).containsExactly(infected.getMessageId() + ":1:ATTACHMENTS_SCANNED",
                scannedLetter.getMessageId() + ":1:ATTACHMENTS_SCANNED", plain.getMessageId() + ":1:ATTACHMENTS_SCANNED",
                scannedPdf.getMessageId() + ":1:ATTACHMENTS_SCANNED");
        assertThat(audit.get(0).getDetails()).containsEntry("infected", "1").containsEntry("signatures",
                ClamdProcess.SIGNATURE + ".UNOFFICIAL");
        assertThat(audit.get(1).getDetails()).containsEntry("attachment_only", "true").containsEntry("ocr_read", "1");
        // facts, never text: the audit event does not carry what OCR read
        assertThat(audit.get(1).getDetails().values()).noneMatch(v -> v.contains("KF-20481234"));

        // the decision topology, reading the scanned-mail topic
        Properties props = props("ieim-test-decisions");
        try (TopologyTestDriver decisions = new TopologyTestDriver(DecisionTopology.build(DecisionPipeline.standard(KEY), serdes,
                new DecisionMetrics(new SimpleMeterRegistry()), Topics.MAIL_SCANNED.name()), props)) {
            var in = decisions.createInputTopic(Topics.MAIL_SCANNED.name(), new StringSerializer(),
                    serdes.serde(MailReceived.class).serializer());
            scanned.forEach(m -> in.pipeInput(m.getMessageId(), m));
            Map<String, Decision> byId = new HashMap<>();
            decisions.createOutputTopic(Topics.DECISIONS.name(), new StringDeserializer(), serdes.serde(Decision.class).deserializer())
                    .readKeyValuesToList().forEach(kv -> byId.put(kv.key, kv.value));
            Decision quarantined = byId.get(infected.getMessageId());
            assertThat(quarantined.getQueue()).isEqualTo("SECURITY_QUARANTINE");
            assertThat(quarantined.getRiskFlags()).contains("MALWARE_SUSPECT");
            assertThat(byId.get(scannedLetter.getMessageId()).getPrimaryIntent()).isEqualTo("CLAIM_NEW");
            assertThat(byId.get(scannedPdf.getMessageId()).getPrimaryIntent()).isEqualTo("CLAIM_NEW");
            assertThat(byId.get(plain.getMessageId()).getQueue()).isNotEqualTo("SECURITY_QUARANTINE");
        }
    }

    @Test
    void anUnreachableObjectStoreOrScannerFailsTheTaskInsteadOfDecidingAndAMissingObjectFailsClosed() throws Exception {
        MailReceived mail = ingest(withAttachment("Unterlagen", "Anbei die Unterlagen.", "a.pdf", "application/pdf",
                "%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII)));
        try (TopologyTestDriver driver = scanDriver(reference -> {
            throw new IOException("connection refused");
        })) {
            var in = driver.createInputTopic(Topics.MAIL_RECEIVED.name(), new StringSerializer(),
                    serdes.serde(MailReceived.class).serializer());
            assertThatThrownBy(() -> in.pipeInput(mail.getMessageId(), mail)).hasRootCauseMessage("connection refused");
            assertThat(driver.createOutputTopic(Topics.MAIL_SCANNED.name(), new StringDeserializer(),
                    serdes.serde(MailReceived.class).deserializer()).isEmpty()).isTrue();
            assertThat(driver.createOutputTopic(Topics.DEAD_LETTERS.name(), new StringDeserializer(),
                    serdes.serde(DeadLetter.class).deserializer()).isEmpty()).as("not a dead letter").isTrue();
        }
        // clamd down: the same, no verdict is made up
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        AttachmentScreening noScanner = new AttachmentScreening(new ClamdScanner("127.0.0.1", closed, Duration.ofSeconds(2),
                1, Duration.ZERO), null, AttachmentScreening.Settings.DEFAULTS);
        try (TopologyTestDriver driver = new TopologyTestDriver(AttachmentScanTopology.build(noScanner,
                reference -> Optional.ofNullable(objects.get(reference.getKey())), new MailNormalizer(), serdes,
                new SimpleMeterRegistry()), props("ieim-test-attachment-scan"))) {
            var in = driver.createInputTopic(Topics.MAIL_RECEIVED.name(), new StringSerializer(),
                    serdes.serde(MailReceived.class).serializer());
            assertThatThrownBy(() -> in.pipeInput(mail.getMessageId(), mail)).rootCause()
                    .isInstanceOf(java.net.ConnectException.class);
            assertThat(driver.createOutputTopic(Topics.MAIL_SCANNED.name(), new StringDeserializer(),
                    serdes.serde(MailReceived.class).deserializer()).isEmpty()).isTrue();
            assertThat(driver.createOutputTopic(Topics.DEAD_LETTERS.name(), new StringDeserializer(),
                    serdes.serde(DeadLetter.class).deserializer()).isEmpty()).as("not a dead letter").isTrue();
        }
        try (TopologyTestDriver driver = scanDriver(reference -> Optional.empty())) {
            driver.createInputTopic(Topics.MAIL_RECEIVED.name(), new StringSerializer(), serdes.serde(MailReceived.class).serializer())
                    .pipeInput(mail.getMessageId(), mail);
            Attachment a = driver.createOutputTopic(Topics.MAIL_SCANNED.name(), new StringDeserializer(),
                    serdes.serde(MailReceived.class).deserializer()).readValue().getAttachments().get(0);
            assertThat(a.getScanVerdict()).isEqualTo("SCAN_FAILED");
            assertThat(a.getScanSignature()).isEqualTo("raw MIME not readable");
        }
    }
}
