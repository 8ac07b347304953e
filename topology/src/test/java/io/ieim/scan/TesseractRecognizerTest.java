package io.ieim.scan;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The tesseract adapter with the real command (Debian tesseract-ocr, tesseract-ocr-deu) on a rendered
 * scan of a claim letter, as PNG and as PDF (rendered by pdftoppm). Fails, rather than skips, when tesseract
 * or pdftoppm is missing (.ci/run installs them).
 */
class TesseractRecognizerTest {

    @Test
    void readsTheLetterIncludingItsPolicyNumberAndUmlauts() throws IOException {
        TesseractRecognizer ocr = new TesseractRecognizer("tesseract", "deu+eng", Duration.ofSeconds(60));
        String text = ocr.recognize(ScanFixtures.scannedClaimLetter(), "image/png");
        assertThat(text).contains("Schadenmeldung", "Unfall", "KF-20481234", "Jürgen Müller");
        assertThat(ocr.version()).startsWith("tesseract 5").endsWith("deu+eng");
        // the same image, the same text: tesseract is deterministic with one thread
        assertThat(ocr.recognize(ScanFixtures.scannedClaimLetter(), "image/png")).isEqualTo(text);
    }

    @Test
    void readsTheFirstPagesOfAPdfThroughPdftoppm() throws IOException {
        TesseractRecognizer ocr = new TesseractRecognizer("tesseract", "deu+eng", Duration.ofSeconds(60), "pdftoppm", 3);
        assertThat(ocr.reads("application/pdf")).isTrue();
        assertThat(ocr.version()).matches("tesseract 5\\S* deu\\+eng, pdftoppm [0-9.]+ \\(3 pages\\)");
        String text = ocr.recognize(ScanFixtures.scannedClaimLetterPdf(), "application/pdf");
        assertThat(text).contains("Schadenmeldung", "Unfall", "KF-20481234");
        assertThatThrownBy(() -> ocr.recognize("%PDF-1.4 broken".getBytes(StandardCharsets.US_ASCII), "application/pdf"))
                .isInstanceOf(IOException.class);
        // without pdftoppm, PDFs are not read
        assertThat(new TesseractRecognizer("tesseract", "deu+eng", Duration.ofSeconds(60)).reads("application/pdf")).isFalse();
    }

    @Test
    void bytesThatAreNoImageAreAnError() throws IOException {
        TesseractRecognizer ocr = new TesseractRecognizer("tesseract", "deu+eng", Duration.ofSeconds(60));
        assertThatThrownBy(() -> ocr.recognize("not an image".getBytes(StandardCharsets.UTF_8), "image/png"))
                .isInstanceOf(IOException.class);
    }
}
