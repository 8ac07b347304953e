package io.ieim.domain.scan;

import java.io.IOException;

/** Reads the text of an image or a scanned document (tesseract OCR in production). */
public interface TextRecognizer {

    /** Whether this recognizer reads content of this (sniffed, lower-case) media type. */
    boolean reads(String mediaType);

    /** The recognized text, possibly empty. */
    String recognize(byte[] content, String mediaType) throws IOException;

    /** Engine version and languages, e.g. "tesseract 5.3.0 deu+eng". */
    String version();
}
