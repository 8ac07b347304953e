package io.ieim.ledger;

/** The line format shared by ledger files and receipts: a header line, then one space-separated record per line. */
final class TextRecords {

    interface Handler {
        void record(String[] fields, int lineNumber);
    }

    private TextRecords() {
    }

    /** Calls the handler per non-blank record line; any failure becomes "line N: reason". */
    static void parse(String text, String format, String what, Handler handler) {
        String[] lines = text.split("\n");
        if (lines.length < 1 || !lines[0].strip().equals(format)) {
            throw new IllegalArgumentException("line 1: not an " + format + " " + what);
        }
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                handler.record(line.split(" "), i + 1);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
            }
        }
    }
}
