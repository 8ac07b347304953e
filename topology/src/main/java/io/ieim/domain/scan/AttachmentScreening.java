package io.ieim.domain.scan;

import io.ieim.domain.mail.MailView;
import io.ieim.domain.mail.MailView.AttachmentInfo;
import io.ieim.domain.mail.ThreadSplitter;
import io.ieim.spec.AttachmentScanVerdict;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The attachment scanning stage's rules, without Kafka: every attachment goes through the malware scanner,
 * and the images of an attachment-only mail through OCR.
 *
 * <ul>
 *   <li>Verdicts: CLEAN, INFECTED (with the signature), or SCAN_FAILED when this content cannot be scanned
 *       (scanner refused it, content missing from the raw MIME). SCAN_FAILED raises MALWARE_SUSPECT in
 *       classification: nobody knows it is clean. A scanner that cannot be reached at all is no verdict:
 *       {@link ScannerUnavailableException} propagates and the mail is retried later.</li>
 *   <li>OCR only where the sender wrote (almost) nothing ({@link Settings#attachmentOnlyMaxChars()} characters
 *       of new text at most), only for types the recognizer reads (images, PDFs), never for infected content. OCR failure
 *       leaves the text empty: it is an enrichment, not a safety check.</li>
 *   <li>Identical bytes attached twice are scanned once.</li>
 * </ul>
 * The result is a function of the bytes and the scanners' versions, which are recorded with it.
 */
public final class AttachmentScreening {

    /**
     * @param attachmentOnlyMaxChars a mail whose new text has at most this many non-blank characters is
     *                               attachment-only (a scanned letter with "Sent from my phone")
     * @param ocrMaxImageBytes       larger images and documents are not read
     * @param ocrMaxTextChars        recognized text is cut here
     */
    public record Settings(int attachmentOnlyMaxChars, long ocrMaxImageBytes, int ocrMaxTextChars) {
        public static final Settings DEFAULTS = new Settings(40, 10L * 1024 * 1024, 20_000);
    }

    /** The mail's attachments with their findings, and facts for the audit event (no content, no text). */
    public record Result(List<AttachmentInfo> attachments, String scanners, Map<String, String> details) {
    }

    private final MalwareScanner malware;
    private final TextRecognizer ocr;
    private final Settings settings;

    /**
     * @param malware the malware scanner, not null
     * @param ocr     the text recognizer, or null for no OCR
     */
    public AttachmentScreening(MalwareScanner malware, TextRecognizer ocr, Settings settings) {
        this.malware = Objects.requireNonNull(malware, "malware");
        this.ocr = ocr;
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Which scanners the stage uses, as recorded in {@code MailReceived.attachment_scanner}. */
    public String scanners() throws IOException {
        return "clamav=" + malware.version() + (ocr == null ? "" : "; ocr=" + ocr.version());
    }

    /**
     * Screens one mail.
     *
     * @param mail     the mail as ingest described it
     * @param contents its attachments' bytes by SHA-256; null when the raw MIME could not be read
     * @throws ScannerUnavailableException when the malware scanner cannot be reached
     */
    public Result screen(MailView mail, Map<String, byte[]> contents) throws IOException {
        String scanners = scanners();
        boolean attachmentOnly = attachmentOnly(mail);
        Map<String, AttachmentInfo> done = new HashMap<>();
        List<AttachmentInfo> out = new ArrayList<>();
        int clean = 0;
        int infected = 0;
        int failed = 0;
        int read = 0;
        Set<String> signatures = new TreeSet<>();
        for (AttachmentInfo a : mail.attachments()) {
            AttachmentInfo result = done.get(a.sha256());
            if (result == null) {
                result = screen(a, contents, attachmentOnly);
                done.put(a.sha256(), result);
            }
            AttachmentInfo r = a.scanned(result.scanVerdict(), result.scanSignature(), result.extractedText());
            out.add(r);
            switch (r.scanVerdict()) {
                case CLEAN -> clean++;
                case INFECTED -> {
                    infected++;
                    signatures.add(r.scanSignature());
                }
                case SCAN_FAILED -> failed++;
            }
            if (r.extractedText() != null) {
                read++;
            }
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("attachments", Integer.toString(out.size()));
        details.put("clean", Integer.toString(clean));
        details.put("infected", Integer.toString(infected));
        details.put("scan_failed", Integer.toString(failed));
        details.put("signatures", String.join(",", signatures));
        details.put("attachment_only", Boolean.toString(attachmentOnly));
        details.put("ocr_read", Integer.toString(read));
        details.put("scanners", scanners);
        return new Result(out, scanners, details);
    }

    private AttachmentInfo screen(AttachmentInfo a, Map<String, byte[]> contents, boolean attachmentOnly)
            throws IOException {
        byte[] bytes = contents == null ? null : contents.get(a.sha256());
        if (bytes == null) {
            return a.scanned(AttachmentScanVerdict.SCAN_FAILED,
                    contents == null ? "raw MIME not readable" : "content not found in the raw MIME", null);
        }
        String signature;
        try {
            signature = malware.scan(bytes);
        } catch (ScannerUnavailableException e) {
            throw e;
        } catch (IOException e) {
            // the scanner refused this content (size limit, scan error): a property of the mail, fail closed
            return a.scanned(AttachmentScanVerdict.SCAN_FAILED, oneLine(e.getMessage()), null);
        }
        if (signature != null) {
            return a.scanned(AttachmentScanVerdict.INFECTED, signature, null);
        }
        return a.scanned(AttachmentScanVerdict.CLEAN, null, attachmentOnly ? text(a, bytes) : null);
    }

    private String text(AttachmentInfo a, byte[] bytes) {
        String type = a.sniffedMediaType() == null ? null : a.sniffedMediaType().toLowerCase(Locale.ROOT);
        if (ocr == null || type == null || !ocr.reads(type) || bytes.length > settings.ocrMaxImageBytes()) {
            return null;
        }
        try {
            String text = ocr.recognize(bytes, type).strip();
            if (text.isEmpty()) {
                return null;
            }
            return text.length() > settings.ocrMaxTextChars() ? text.substring(0, settings.ocrMaxTextChars()) : text;
        } catch (IOException e) {
            return null; // enrichment only: the mail is decided on what else it has
        }
    }

    private boolean attachmentOnly(MailView mail) {
        if (mail.parseFailed() || mail.attachments().isEmpty()) {
            return false;
        }
        String newText = ThreadSplitter.split(mail.bodyText(), mail.subject()).newText();
        return newText.codePoints().filter(c -> !Character.isWhitespace(c)).count() <= settings.attachmentOnlyMaxChars();
    }

    private static String oneLine(String message) {
        String m = message == null ? "scan failed" : message.replaceAll("\\s+", " ").strip();
        return m.length() > 200 ? m.substring(0, 200) : m;
    }
}
