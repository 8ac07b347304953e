package io.ieim.scan;

import io.ieim.domain.mail.MailNormalizer;
import io.ieim.domain.mail.MailView;
import io.ieim.domain.mail.MailViews;
import io.ieim.domain.scan.AttachmentScreening;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What the attachment scanning stage costs per mail, without Kafka: read the attachments out of the raw MIME
 * (normalizer), clamd INSTREAM, and tesseract for an attachment-only scan. Run:
 * <pre>
 * ./mvnw -q -pl topology exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.ieim.scan.AttachmentScanBench \
 *     -Dexec.args="200 20"
 * </pre>
 * Arguments: mails per kind for the malware scan, scanned letters for OCR. Prints medians per mail.
 * clamd here loads the tests' one-signature database: with ClamAV's full databases the scan itself costs
 * more (measure with your clamd: set IEIM_CLAMD_ADDRESS to use it instead).
 */
public final class AttachmentScanBench {

    public static void main(String[] args) throws Exception {
        int mails = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int letters = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path dir = Files.createTempDirectory("ieim-scan-bench");
        String external = System.getenv("IEIM_CLAMD_ADDRESS");
        try (ClamdProcess clamd = external == null ? ClamdProcess.start(dir, 25L * 1024 * 1024) : null) {
            String address = external == null ? clamd.address() : external;
            MailNormalizer normalizer = new MailNormalizer();
            AttachmentScreening malwareOnly = new AttachmentScreening(ClamdScanner.of(address, Duration.ofSeconds(60)), null,
                    AttachmentScreening.Settings.DEFAULTS);
            AttachmentScreening withOcr = new AttachmentScreening(ClamdScanner.of(address, Duration.ofSeconds(60)),
                    new TesseractRecognizer("tesseract", "deu+eng", Duration.ofSeconds(60)), AttachmentScreening.Settings.DEFAULTS);
            byte[] png = ScanFixtures.scannedClaimLetter();
            Random random = new Random(42);
            System.out.println("clamd " + malwareOnly.scanners() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
            for (int size : new int[]{20 * 1024, 200 * 1024, 2 * 1024 * 1024}) {
                List<Double> ms = new ArrayList<>();
                for (int i = 0; i < mails + 10; i++) {
                    byte[] content = new byte[size];
                    random.nextBytes(content);
                    byte[] raw = ScanFixtures.bytes(ScanFixtures.mailWithAttachment(i + "@bench.example", "Rechnung " + i,
                            "Anbei die Rechnung.", "rechnung.pdf", "application/pdf", content));
                    long t = System.nanoTime();
                    MailView view = MailViews.of(normalizer.normalize(raw));
                    Map<String, byte[]> contents = normalizer.attachmentContents(raw);
                    malwareOnly.screen(view, contents);
                    if (i >= 10) { // warm-up
                        ms.add((System.nanoTime() - t) / 1e6);
                    }
                }
                report("one " + (size / 1024) + " KiB attachment, malware scan", ms);
            }
            List<Double> ocr = new ArrayList<>();
            for (int i = 0; i < letters + 2; i++) {
                byte[] raw = ScanFixtures.bytes(ScanFixtures.mailWithAttachment(i + "@bench.example", "", "", "IMG_" + i + ".png",
                        "image/png", png));
                long t = System.nanoTime();
                MailView view = MailViews.of(normalizer.normalize(raw));
                withOcr.screen(view, normalizer.attachmentContents(raw));
                if (i >= 2) {
                    ocr.add((System.nanoTime() - t) / 1e6);
                }
            }
            report("attachment-only scanned letter (1240x900 PNG), malware scan + OCR", ocr);
        }
    }

    private static void report(String what, List<Double> ms) {
        List<Double> sorted = ms.stream().sorted().toList();
        double median = sorted.get(sorted.size() / 2);
        double p95 = sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
        System.out.printf("FIGURE %s: %d mails, median %.1f ms, p95 %.1f ms, %.1f mails/s on one thread%n", what,
                sorted.size(), median, p95, 1000 / median);
    }
}
