package io.ieim.connect.imap;

import java.util.Map;

/**
 * How far a mailbox has been read: the source offset of its partition {@code {"mailbox": name}}.
 * UIDs are only meaningful together with the mailbox's UIDVALIDITY (RFC 3501 2.3.1.1): when it
 * changes, every UID may have been reassigned and the mailbox is read again from UID 1.
 */
record MailboxPosition(long uidValidity, long lastUid) {

    static final String MAILBOX = "mailbox";
    static final String UIDVALIDITY = "uidvalidity";
    static final String LAST_UID = "last_uid";

    static Map<String, Object> partition(String mailbox) {
        return Map.of(MAILBOX, mailbox);
    }

    Map<String, Object> offset() {
        return Map.of(UIDVALIDITY, uidValidity, LAST_UID, lastUid);
    }

    /** The position in an offset, or null when absent or malformed (numbers may come back as Integer). */
    static MailboxPosition fromOffset(Map<String, ?> offset) {
        if (offset == null || !(offset.get(UIDVALIDITY) instanceof Number v) || !(offset.get(LAST_UID) instanceof Number u)) {
            return null;
        }
        return new MailboxPosition(v.longValue(), u.longValue());
    }
}
