package io.ieim.cli;

import io.ieim.avro.Attachment;
import io.ieim.avro.AuditEvent;
import io.ieim.avro.Decision;
import io.ieim.avro.MailReceived;
import io.ieim.devstack.StackConfig;
import io.ieim.devstack.junit.StackTest;
import io.ieim.domain.decision.DecisionPipeline;
import io.ieim.domain.mail.MailNormalizer;
import io.ieim.ingest.MailIntake;
import io.ieim.scan.ClamdProcess;
import io.ieim.scan.ScanFixtures;
import io.ieim.spec.Topics;
import io.ieim.topology.AttachmentScanConfig;
import io.ieim.topology.DecisionService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attachment scanning stage on the embedded stack, switched on as an operator does
 * (IEIM_ATTACHMENT_SCAN=on, IEIM_CLAMD_ADDRESS), with a real clamd and tesseract: mails ingested into
 * ieim.mail.received.v1 are scanned into ieim.mail.scanned.v1, decided from there, and the scan is an entry
 * of the audit chain.
 */
@StackTest
class AttachmentScanStackTest {

    @TempDir
    Path temp;

    private ClamdProcess clamd;
    private DecisionService service;
    private MailIntake intake;

    @AfterEach
    void stop() {
        if (intake != null) {
            intake.close();
        }
        if (service != null) {
            service.close();
        }
        if (clamd != null) {
            clamd.close();
        }
    }

    @Test
    void infectedMailsAreQuarantinedAndScannedLettersAreRead(StackConfig stack) throws Exception {
        clamd = ClamdProcess.start(temp.resolve("clamd"), 25L * 1024 * 1024);
        DecisionService.AttachmentScan scan = AttachmentScanConfig.from(Map.of("IEIM_ATTACHMENT_SCAN", "on",
                "IEIM_CLAMD_ADDRESS", clamd.address()), Topology.anchorArchive(stack));
        int httpPort = freePort();
        service = new DecisionService(new DecisionService.Settings("ieim-scan-e2e-" + UUID.randomUUID(), stack.kafkaBootstrap(),
                stack.registryUrl(), temp.resolve("state"), httpPort, Topology.anchorKey(stack), 10, Duration.ofSeconds(2),
                Topology.anchorArchive(stack), scan), DecisionPipeline.standard(new byte[32]));
        service.start();
        assertThat(service.awaitRunning(Duration.ofSeconds(180))).as("all applications RUNNING").isTrue();
        String health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort
                + "/health")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(health).contains("\"attachment_scan\":\"RUNNING\"");

        String run = UUID.randomUUID().toString();
        intake = new MailIntake(IngestCommand.settings(stack, "ieim-scan-test"), new MailNormalizer());
        String infected = publish(mail("Rechnung " + run, "Anbei die Rechnung der Werkstatt, bitte erstatten Sie den Betrag.",
                "rechnung.zip", "application/zip", ScanFixtures.zip("rechnung.txt", ClamdProcess.EICAR)));
        String letter = publish(mail("", "", "IMG_" + run.substring(0, 8) + ".png", "image/png", ScanFixtures.scannedClaimLetter()));
        Set<String> ids = Set.of(infected, letter);

        Map<String, List<MailReceived>> scanned = StackTopicReader.read(stack, Topics.MAIL_SCANNED.name(), ids::contains,
                found -> found.keySet().containsAll(ids), Duration.ofSeconds(180));
        assertThat(scanned.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        Attachment zip = scanned.get(infected).getFirst().getAttachments().getFirst();
        assertThat(zip.getScanVerdict()).isEqualTo("INFECTED");
        assertThat(zip.getScanSignature()).isEqualTo(ClamdProcess.SIGNATURE + ".UNOFFICIAL");
        Attachment png = scanned.get(letter).getFirst().getAttachments().getFirst();
        assertThat(png.getScanVerdict()).isEqualTo("CLEAN");
        assertThat(png.getExtractedText()).contains("Schadenmeldung", "KF-20481234");

        Map<String, List<Decision>> decisions = StackTopicReader.read(stack, Topics.DECISIONS.name(), ids::contains,
                found -> found.keySet().containsAll(ids), Duration.ofSeconds(180));
        Decision quarantined = decisions.get(infected).getLast();
        assertThat(quarantined.getQueue()).isEqualTo("SECURITY_QUARANTINE");
        assertThat(quarantined.getAction()).isEqualTo("QUARANTINE");
        assertThat(quarantined.getRiskFlags()).contains("MALWARE_SUSPECT");
        assertThat(decisions.get(letter).getLast().getPrimaryIntent()).isEqualTo("CLAIM_NEW");

        // the scan is an entry of the audit chain, like every stage (the audit topic is keyed chain:sequence)
        // (events about no single mail have no message id)
        java.util.function.Predicate<AuditEvent> ourScan = e -> "ATTACHMENTS_SCANNED".equals(e.getStage())
                && e.getMessageId() != null && ids.contains(e.getMessageId());
        Map<String, List<AuditEvent>> chained = StackTopicReader.read(stack, Topics.AUDIT.name(), k -> true,
                found -> found.values().stream().flatMap(List::stream).filter(ourScan)
                        .map(AuditEvent::getMessageId).distinct().count() == ids.size(),
                Duration.ofSeconds(120));
        assertThat(chained.values().stream().flatMap(List::stream).filter(ourScan).map(AuditEvent::getMessageId).toList())
                .containsExactlyInAnyOrderElementsOf(ids);
    }

    private String publish(String mime) throws Exception {
        var result = intake.ingest(mime.getBytes(StandardCharsets.UTF_8), io.ieim.spec.SourceChannel.FILE, "scan-test.eml");
        return result.messageId();
    }

    private static String mail(String subject, String body, String fileName, String type, byte[] content) {
        return ScanFixtures.mailWithAttachment(UUID.randomUUID() + "@customer.example", subject, body, fileName, type, content);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
