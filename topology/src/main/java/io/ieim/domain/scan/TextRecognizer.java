package io.ieim.domain.scan;

import java.io.IOException;

/** Reads the text of an image (tesseract OCR in production). */
public interface TextRecognizer {

    /** The recognized text, possibly empty. */
    String recognize(byte[] image) throws IOException;

    /** Engine version and languages, e.g. "tesseract 5.3.0 deu+eng". */
    String version();
}
