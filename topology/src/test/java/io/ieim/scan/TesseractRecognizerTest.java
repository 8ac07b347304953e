package io.ieim.scan;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The tesseract adapter with the real command (Debian tesseract-ocr, tesseract-ocr-deu) on a rendered
 * scan of a claim letter. Fails, rather than skips, when tesseract is missing (.ci/run installs it).
 */
class TesseractRecognizerTest {

    @Test
    void readsTheLetterIncludingItsPolicyNumberAndUmlauts() throws IOException {
        TesseractRecognizer ocr = new TesseractRecognizer("tesseract", "deu+eng", Duration.ofSeconds(60));
        String text = ocr.recognize(ScanFixtures.scannedClaimLetter());
        assertThat(text).contains("Schadenmeldung", "Unfall", "KF-20481234", "Jürgen Müller");
        assertThat(ocr.version()).startsWith("tesseract 5").endsWith("deu+eng");
        // the same image, the same text: tesseract is deterministic with one thread
        assertThat(ocr.recognize(ScanFixtures.scannedClaimLetter())).isEqualTo(text);
    }

    @Test
    void bytesThatAreNoImageAreAnError() throws IOException {
        TesseractRecognizer ocr = new TesseractRecognizer("tesseract", "deu+eng", Duration.ofSeconds(60));
        assertThatThrownBy(() -> ocr.recognize("not an image".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
    }
}
