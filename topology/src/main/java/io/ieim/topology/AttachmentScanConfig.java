package io.ieim.topology;

import io.ieim.config.EnvironmentSettings;
import io.ieim.domain.mail.MailNormalizer;
import io.ieim.domain.mail.NormalizationLimits;
import io.ieim.domain.scan.AttachmentScreening;
import io.ieim.scan.ClamdScanner;
import io.ieim.scan.TesseractRecognizer;
import io.ieim.storage.WriteOnceObjects;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The attachment scanning stage's configuration from environment variables (off unless
 * IEIM_ATTACHMENT_SCAN=on). A bad value is an {@link IllegalArgumentException} naming the variable.
 *
 * <pre>
 * IEIM_ATTACHMENT_SCAN                 off | on                          (off)
 * IEIM_CLAMD_ADDRESS                   clamd's TCP socket, host:port     (127.0.0.1:3310)
 * IEIM_CLAMD_TIMEOUT_SECONDS           read timeout of one scan          (60)
 * IEIM_OCR                             tesseract command, or off         (tesseract)
 * IEIM_OCR_LANGUAGES                   tesseract languages               (deu+eng)
 * IEIM_OCR_TIMEOUT_SECONDS             one image or PDF page             (60)
 * IEIM_OCR_PDF                         pdftoppm command, or off          (pdftoppm)
 * IEIM_OCR_PDF_MAX_PAGES               pages of a PDF read               (3)
 * IEIM_OCR_ATTACHMENT_ONLY_MAX_CHARS   new text up to this is "attachment-only" (40)
 * IEIM_OCR_MAX_IMAGE_BYTES             larger images and PDFs not read   (10485760)
 * IEIM_MAIL_MAX_*                      ingest's normalization limits, to find the attachments again
 * </pre>
 */
public final class AttachmentScanConfig {

    private AttachmentScanConfig() {
    }

    /** The stage, or null when it is off. */
    public static DecisionService.AttachmentScan from(Map<String, String> env, WriteOnceObjects rawMail) throws IOException {
        String mode = env.getOrDefault("IEIM_ATTACHMENT_SCAN", "off").strip().toLowerCase(Locale.ROOT);
        if (mode.equals("off") || mode.isEmpty()) {
            return null;
        }
        if (!mode.equals("on")) {
            throw new IllegalArgumentException("IEIM_ATTACHMENT_SCAN must be on or off, not '" + mode + "'");
        }
        ClamdScanner clamd;
        Duration clamdTimeout = Duration.ofSeconds(number(env, "IEIM_CLAMD_TIMEOUT_SECONDS", 60));
        try {
            clamd = ClamdScanner.of(env.getOrDefault("IEIM_CLAMD_ADDRESS", "127.0.0.1:3310").strip(), clamdTimeout);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("IEIM_CLAMD_ADDRESS must be host:port, e.g. 127.0.0.1:3310");
        }
        String ocrCommand = env.getOrDefault("IEIM_OCR", "tesseract").strip();
        TesseractRecognizer ocr = null;
        if (!ocrCommand.equalsIgnoreCase("off")) {
            String pdf = env.getOrDefault("IEIM_OCR_PDF", "pdftoppm").strip();
            int pages = (int) number(env, "IEIM_OCR_PDF_MAX_PAGES", 3);
            Duration timeout = Duration.ofSeconds(number(env, "IEIM_OCR_TIMEOUT_SECONDS", 60));
            String languages = env.getOrDefault("IEIM_OCR_LANGUAGES", "deu+eng").strip();
            try {
                new TesseractRecognizer(ocrCommand, languages, timeout);
            } catch (IOException e) {
                throw new IllegalArgumentException("IEIM_OCR: cannot run '" + ocrCommand + " --version' ("
                        + e.getMessage() + "); install tesseract-ocr or set IEIM_OCR=off");
            }
            try {
                ocr = new TesseractRecognizer(ocrCommand, languages, timeout,
                        pdf.equalsIgnoreCase("off") ? null : pdf, pages);
            } catch (IOException e) {
                throw new IllegalArgumentException("IEIM_OCR_PDF: cannot run '" + pdf + " -v' (" + e.getMessage()
                        + "); install poppler-utils or set IEIM_OCR_PDF=off");
            }
        }
        AttachmentScreening.Settings settings = new AttachmentScreening.Settings(
                (int) number(env, "IEIM_OCR_ATTACHMENT_ONLY_MAX_CHARS", AttachmentScreening.Settings.DEFAULTS.attachmentOnlyMaxChars()),
                number(env, "IEIM_OCR_MAX_IMAGE_BYTES", AttachmentScreening.Settings.DEFAULTS.ocrMaxImageBytes()),
                AttachmentScreening.Settings.DEFAULTS.ocrMaxTextChars());
        return new DecisionService.AttachmentScan(new AttachmentScreening(clamd, ocr, settings), RawMailSource.of(rawMail),
                new MailNormalizer(NormalizationLimits.from(env)));
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        return EnvironmentSettings.nonNegative(env, name, fallback, Integer.MAX_VALUE);
    }
}
