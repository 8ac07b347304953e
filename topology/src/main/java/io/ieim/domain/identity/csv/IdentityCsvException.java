package io.ieim.domain.identity.csv;

/**
 * A malformed identity CSV: the whole read fails, nothing is to be published. The message is one line,
 * {@code FILE:LINE: reason} (or {@code FILE: reason} when no line applies), e.g.
 * {@code customers.csv:17: date_of_birth is not an ISO date (yyyy-MM-dd)}. Values of personal fields
 * (full_name, email, phone, date_of_birth, postal_code) are never echoed; ids, statuses, product lines,
 * policy and claim dates may be.
 */
public final class IdentityCsvException extends RuntimeException {

    private final String fileName;
    private final int line;
    private final String reason;

    public IdentityCsvException(String fileName, int line, String reason) {
        super(format(fileName, line, reason));
        this.fileName = fileName;
        this.line = line;
        this.reason = reason;
    }

    /** The file, as named in the message. */
    public String fileName() {
        return fileName;
    }

    /** The line the offending row starts on, 0 when the problem is not on one line. */
    public int line() {
        return line;
    }

    /** The reason without file and line. */
    public String reason() {
        return reason;
    }

    private static String format(String fileName, int line, String reason) {
        String oneLine = reason.replaceAll("[\\r\\n]+", " ");
        return line > 0 ? fileName + ":" + line + ": " + oneLine : fileName + ": " + oneLine;
    }
}
