package io.ieim.domain.scan;

import java.io.IOException;

/**
 * The malware scanner cannot be reached. Not a property of the mail: the stage must not decide anything
 * (neither clean nor failed) but retry the mail later.
 */
public final class ScannerUnavailableException extends IOException {

    public ScannerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
