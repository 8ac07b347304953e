package io.ieim.topology;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stage's switch and settings: off by default, and a bad value names its variable. */
class AttachmentScanConfigTest {

    @Test
    void offUnlessSwitchedOn() throws IOException {
        assertThat(AttachmentScanConfig.from(Map.of(), null)).isNull();
        assertThat(AttachmentScanConfig.from(Map.of("IEIM_ATTACHMENT_SCAN", "off"), null)).isNull();
        assertThat(AttachmentScanConfig.from(Map.of("IEIM_ATTACHMENT_SCAN", "ON", "IEIM_OCR", "off"), null)).isNotNull();
    }

    @Test
    void badValuesAreRefusedWithTheirVariable() {
        assertThatThrownBy(() -> AttachmentScanConfig.from(Map.of("IEIM_ATTACHMENT_SCAN", "yes"), null))
                .hasMessage("IEIM_ATTACHMENT_SCAN must be on or off, not 'yes'");
        assertThatThrownBy(() -> AttachmentScanConfig.from(Map.of("IEIM_ATTACHMENT_SCAN", "on",
                "IEIM_CLAMD_ADDRESS", "clamd"), null)).hasMessageContaining("host:port");
        assertThatThrownBy(() -> AttachmentScanConfig.from(Map.of("IEIM_ATTACHMENT_SCAN", "on",
                "IEIM_CLAMD_ADDRESS", "127.0.0.1:x"), null)).hasMessageContaining("IEIM_CLAMD_ADDRESS");
        assertThatThrownBy(() -> AttachmentScanConfig.from(Map.of("IEIM_ATTACHMENT_SCAN", "on",
                "IEIM_CLAMD_TIMEOUT_SECONDS", "soon"), null)).hasMessageStartingWith("IEIM_CLAMD_TIMEOUT_SECONDS must be");
        assertThatThrownBy(() -> AttachmentScanConfig.from(Map.of("IEIM_ATTACHMENT_SCAN", "on", "IEIM_OCR", "off",
                "IEIM_OCR_MAX_IMAGE_BYTES", "-1"), null)).hasMessageStartingWith("IEIM_OCR_MAX_IMAGE_BYTES must be");
        assertThatThrownBy(() -> AttachmentScanConfig.from(Map.of("IEIM_ATTACHMENT_SCAN", "on",
                "IEIM_OCR", "/nonexistent/tesseract"), null)).hasMessageContaining("install tesseract-ocr or set IEIM_OCR=off");
        assertThatThrownBy(() -> AttachmentScanConfig.from(Map.of("IEIM_ATTACHMENT_SCAN", "on",
                "IEIM_OCR_PDF", "/nonexistent/pdftoppm"), null)).hasMessageContaining("install poppler-utils or set IEIM_OCR_PDF=off");
    }
}
