package io.ieim.domain.scan;

import io.ieim.domain.decision.DecisionOutcome;
import io.ieim.domain.decision.DecisionPipeline;
import io.ieim.domain.decision.Evidence;
import io.ieim.domain.decision.StageObserver;
import io.ieim.domain.identity.IdentityRecords.CustomerRecord;
import io.ieim.domain.identity.IdentityRecords.PolicyRecord;
import io.ieim.domain.identity.InMemoryIdentityDirectory;
import io.ieim.domain.mail.MailView;
import io.ieim.domain.mail.MailView.AttachmentInfo;
import io.ieim.spec.Action;
import io.ieim.spec.AttachmentScanVerdict;
import io.ieim.spec.IdentityStatus;
import io.ieim.spec.Intent;
import io.ieim.spec.Queue;
import io.ieim.spec.RiskFlag;
import io.ieim.spec.TextSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The stage's rules with scanners whose answers the test controls (the real clamd and tesseract adapters
 * are tested in io.ieim.scan, the whole stage in AttachmentScanTopologyTest), and what the decision makes
 * of the findings.
 */
class AttachmentScreeningTest {

    private static final byte[] KEY = new byte[32];
    private static final String LETTER = """
            Schadenmeldung
            Sehr geehrte Damen und Herren,
            am 14.11.2026 hatte ich einen Unfall mit meinem Auto. Ein anderes Fahrzeug ist aufgefahren.
            Vertragsnummer KF-20481234
            Bitte nehmen Sie den Schaden auf.""";

    /** Flags content containing "EVIL", refuses content containing "HUGE", counts its calls. */
    static final class Scanner implements MalwareScanner {
        final List<String> scanned = new ArrayList<>();
        boolean down;

        @Override
        public String scan(byte[] content) throws IOException {
            if (down) {
                throw new ScannerUnavailableException("down", null);
            }
            String s = new String(content, StandardCharsets.ISO_8859_1);
            scanned.add(s);
            if (s.contains("HUGE")) {
                throw new IOException("INSTREAM size limit exceeded. ERROR");
            }
            return s.contains("EVIL") ? "Test.Evil" : null;
        }

        @Override
        public String version() {
            return "ClamAV test/1";
        }
    }

    /** "Reads" the text of images whose bytes are "IMG:<text>". */
    static final class Ocr implements TextRecognizer {
        int calls;

        @Override
        public boolean reads(String mediaType) {
            return mediaType.startsWith("image/");
        }

        @Override
        public String recognize(byte[] image, String mediaType) throws IOException {
            calls++;
            String s = new String(image, StandardCharsets.UTF_8);
            if (!s.startsWith("IMG:")) {
                throw new IOException("not an image");
            }
            return s.substring(4);
        }

        @Override
        public String version() {
            return "tesseract test deu+eng";
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static AttachmentInfo attachment(String name, String type, byte[] content) {
        return new AttachmentInfo(name, type, type, content.length, io.ieim.domain.decision.Digests.sha256Hex(content));
    }

    private static MailView mail(String body, List<AttachmentInfo> attachments) {
        return new MailView("a".repeat(64), "<m@example.org>", "juergen.mueller@example.de", null, "Unterlagen", body,
                "de", attachments, Map.of(), false, List.of());
    }

    private static Map<String, byte[]> contents(byte[]... all) {
        Map<String, byte[]> map = new HashMap<>();
        for (byte[] b : all) {
            map.put(io.ieim.domain.decision.Digests.sha256Hex(b), b);
        }
        return map;
    }

    @Test
    void everyAttachmentGetsAVerdictAndIdenticalBytesAreScannedOnce() throws IOException {
        Scanner scanner = new Scanner();
        AttachmentScreening screening = new AttachmentScreening(scanner, new Ocr(), AttachmentScreening.Settings.DEFAULTS);
        byte[] clean = bytes("%PDF-1.4 rechnung");
        byte[] evil = bytes("MZ EVIL");
        byte[] huge = bytes("HUGE archive");
        MailView m = mail("Anbei die Unterlagen zu meinem Vertrag, mit freundlichen Grüßen, Jürgen Müller",
                List.of(attachment("a.pdf", "application/pdf", clean), attachment("b.exe", "application/x-dosexec", evil),
                        attachment("copy-of-a.pdf", "application/pdf", clean), attachment("c.zip", "application/zip", huge)));

        AttachmentScreening.Result r = screening.screen(m, contents(clean, evil, huge));

        assertThat(r.attachments()).extracting(AttachmentInfo::scanVerdict).containsExactly(AttachmentScanVerdict.CLEAN,
                AttachmentScanVerdict.INFECTED, AttachmentScanVerdict.CLEAN, AttachmentScanVerdict.SCAN_FAILED);
        assertThat(r.attachments()).extracting(AttachmentInfo::scanSignature).containsExactly(null, "Test.Evil", null,
                "INSTREAM size limit exceeded. ERROR");
        assertThat(r.attachments().get(2).fileName()).isEqualTo("copy-of-a.pdf");
        assertThat(scanner.scanned).hasSize(3);
        assertThat(r.scanners()).isEqualTo("clamav=ClamAV test/1; ocr=tesseract test deu+eng");
        assertThat(r.details()).containsEntry("attachments", "4").containsEntry("clean", "2").containsEntry("infected", "1")
                .containsEntry("scan_failed", "1").containsEntry("signatures", "Test.Evil")
                .containsEntry("attachment_only", "false").containsEntry("ocr_read", "0");
    }

    @Test
    void contentThatCannotBeFoundIsAScanFailureNeverClean() throws IOException {
        AttachmentScreening screening = new AttachmentScreening(new Scanner(), null, AttachmentScreening.Settings.DEFAULTS);
        byte[] pdf = bytes("%PDF-1.4");
        MailView m = mail("", List.of(attachment("a.pdf", "application/pdf", pdf)));
        assertThat(screening.screen(m, Map.of()).attachments().get(0))
                .extracting(AttachmentInfo::scanVerdict, AttachmentInfo::scanSignature)
                .containsExactly(AttachmentScanVerdict.SCAN_FAILED, "content not found in the raw MIME");
        assertThat(screening.screen(m, null).attachments().get(0).scanSignature()).isEqualTo("raw MIME not readable");
    }

    @Test
    void anUnreachableScannerDecidesNothing() {
        Scanner scanner = new Scanner();
        scanner.down = true;
        AttachmentScreening screening = new AttachmentScreening(scanner, null, AttachmentScreening.Settings.DEFAULTS);
        byte[] pdf = bytes("%PDF-1.4");
        assertThatThrownBy(() -> screening.screen(mail("", List.of(attachment("a.pdf", "application/pdf", pdf))), contents(pdf)))
                .isInstanceOf(ScannerUnavailableException.class);
    }

    @Test
    void ocrReadsOnlyCleanImagesOfAttachmentOnlyMails() throws IOException {
        Ocr ocr = new Ocr();
        AttachmentScreening screening = new AttachmentScreening(new Scanner(), ocr, new AttachmentScreening.Settings(40, 250, 30));
        byte[] scan = bytes("IMG:" + LETTER);
        byte[] evilImage = bytes("IMG:EVIL");
        byte[] pdf = bytes("%PDF-1.4");
        byte[] big = bytes("IMG:" + "x".repeat(300));
        List<AttachmentInfo> attachments = List.of(attachment("scan.png", "image/png", scan),
                attachment("evil.png", "image/png", evilImage), attachment("a.pdf", "application/pdf", pdf),
                attachment("big.png", "image/png", big));

        // "Gesendet von meinem iPhone" is no text of its own: the mail is attachment-only
        AttachmentScreening.Result r = screening.screen(mail("Gesendet von meinem iPhone", attachments),
                contents(scan, evilImage, pdf, big));
        assertThat(r.attachments()).extracting(AttachmentInfo::extractedText)
                .containsExactly(LETTER.substring(0, 30), null, null, null); // cut at ocrMaxTextChars
        assertThat(r.details()).containsEntry("attachment_only", "true").containsEntry("ocr_read", "1");
        assertThat(ocr.calls).isEqualTo(1);

        // a mail with a text of its own is decided on that text
        AttachmentScreening.Result withText = screening.screen(mail("Sehr geehrte Damen und Herren, anbei der Scan "
                + "meiner Schadenmeldung vom Wochenende mit allen Angaben.", attachments), contents(scan, evilImage, pdf, big));
        assertThat(withText.attachments()).extracting(AttachmentInfo::extractedText).containsOnlyNulls();
        assertThat(ocr.calls).isEqualTo(1);
    }

    @Test
    void anOcrFailureLeavesTheAttachmentCleanWithoutText() throws IOException {
        AttachmentScreening screening = new AttachmentScreening(new Scanner(), new Ocr(), AttachmentScreening.Settings.DEFAULTS);
        byte[] broken = bytes("PNG but broken");
        AttachmentInfo a = screening.screen(mail("", List.of(attachment("scan.png", "image/png", broken))), contents(broken))
                .attachments().get(0);
        assertThat(a.scanVerdict()).isEqualTo(AttachmentScanVerdict.CLEAN);
        assertThat(a.extractedText()).isNull();
    }

    // ---- what the decision makes of it

    private static DecisionOutcome decide(MailView m) {
        InMemoryIdentityDirectory directory = InMemoryIdentityDirectory.builder()
                .customer(new CustomerRecord("CU-1002345", "Jürgen Müller", List.of("juergen.mueller@example.de"), null,
                        LocalDate.of(1968, 4, 12), "50667"))
                .policy(new PolicyRecord("KF-20481234", "CU-1002345", "KF", "ACTIVE", LocalDate.of(2019, 3, 1), null))
                .build();
        return DecisionPipeline.standard(KEY).decide(m, directory, StageObserver.NONE);
    }

    private static MailView withVerdict(AttachmentScanVerdict verdict, String signature) {
        AttachmentInfo a = attachment("rechnung.pdf", "application/pdf", bytes("%PDF-1.4"));
        return mail("Anbei meine Rechnung für die Reparatur, bitte erstatten Sie den Betrag.",
                List.of(verdict == null ? a : a.scanned(verdict, signature, null)));
    }

    @Test
    void infectedAndUnscannableAttachmentsQuarantineTheMailCleanOnesDoNot() {
        for (AttachmentScanVerdict v : List.of(AttachmentScanVerdict.INFECTED, AttachmentScanVerdict.SCAN_FAILED)) {
            DecisionOutcome d = decide(withVerdict(v, v == AttachmentScanVerdict.INFECTED ? "Win.Trojan.Test" : "clamd: ERROR"));
            assertThat(d.riskFlags()).as(v.name()).contains(RiskFlag.MALWARE_SUSPECT);
            assertThat(d.queue()).isEqualTo(Queue.SECURITY_QUARANTINE);
            assertThat(d.action()).isEqualTo(Action.QUARANTINE);
            assertThat(d.evidence()).extracting(Evidence::ruleId).contains("attachment.scanner_verdict");
        }
        DecisionOutcome clean = decide(withVerdict(AttachmentScanVerdict.CLEAN, null));
        assertThat(clean.riskFlags()).doesNotContain(RiskFlag.MALWARE_SUSPECT);
        assertThat(clean.queue()).isNotEqualTo(Queue.SECURITY_QUARANTINE);
    }

    @Test
    void theFindingsArePartOfTheInputOnlyWhenTheStageRan() {
        DecisionOutcome unscanned = decide(withVerdict(null, null));
        DecisionOutcome clean = decide(withVerdict(AttachmentScanVerdict.CLEAN, null));
        assertThat(clean.inputDigest()).isNotEqualTo(unscanned.inputDigest());
        assertThat(clean.decisionHash()).isNotEqualTo(unscanned.decisionHash());
        assertThat(decide(withVerdict(AttachmentScanVerdict.CLEAN, null)).decisionHash()).isEqualTo(clean.decisionHash());
    }

    @Test
    void theTextOfAScannedLetterDecidesAnAttachmentOnlyMail() {
        AttachmentInfo scan = attachment("IMG_2041.png", "image/png", bytes("IMG")).scanned(AttachmentScanVerdict.CLEAN, null, LETTER);
        MailView withText = new MailView("b".repeat(64), null, "someone@example.net", null, null, "", null,
                List.of(scan), Map.of(), false, List.of());
        MailView withoutText = new MailView("b".repeat(64), null, "someone@example.net", null, null, "", null,
                List.of(attachment("IMG_2041.png", "image/png", bytes("IMG"))), Map.of(), false, List.of());

        DecisionOutcome read = decide(withText);
        assertThat(read.primaryIntent()).isEqualTo(Intent.CLAIM_NEW);
        assertThat(read.evidence()).filteredOn(e -> e.source() == TextSource.ATTACHMENT_TEXT).isNotEmpty();
        assertThat(read.identity().status()).isEqualTo(IdentityStatus.CONFIRMED);
        assertThat(read.identity().policyId()).isEqualTo("KF-20481234");

        DecisionOutcome unread = decide(withoutText);
        assertThat(unread.identity().status()).isEqualTo(IdentityStatus.NOT_FOUND);
        assertThat(unread.primaryIntent()).isNotEqualTo(Intent.CLAIM_NEW);
    }
}
