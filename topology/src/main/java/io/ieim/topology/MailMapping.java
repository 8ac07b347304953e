package io.ieim.topology;

import io.ieim.avro.Attachment;
import io.ieim.avro.MailReceived;
import io.ieim.domain.mail.MailView;
import io.ieim.spec.AttachmentScanVerdict;
import io.ieim.spec.ParseStatus;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The MailReceived event to the domain's view of a mail. */
final class MailMapping {

    private MailMapping() {
    }

    static MailView view(MailReceived mail) {
        Map<String, String> headers = new TreeMap<>();
        mail.getExtraHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        if (mail.getAutoSubmitted() != null) {
            headers.put("auto-submitted", mail.getAutoSubmitted());
        }
        if (mail.getInReplyTo() != null) {
            headers.put("in-reply-to", mail.getInReplyTo());
        }
        String status = mail.getParseStatus();
        boolean failed = ParseStatus.UNPARSEABLE.name().equals(status) || ParseStatus.LIMIT_EXCEEDED.name().equals(status);
        return new MailView(
                mail.getMessageId(),
                mail.getInternetMessageId(),
                mail.getFrom() == null ? null : mail.getFrom().getAddress().toLowerCase(Locale.ROOT),
                mail.getFrom() == null ? null : mail.getFrom().getDisplayName(),
                mail.getSubject(),
                mail.getBodyText(),
                mail.getLanguage(),
                mail.getAttachments().stream().map(MailMapping::attachment).toList(),
                headers,
                failed,
                mail.getParseErrors());
    }

    private static MailView.AttachmentInfo attachment(Attachment a) {
        return new MailView.AttachmentInfo(a.getFileName(), a.getDeclaredMediaType(), a.getSniffedMediaType(),
                a.getSizeBytes(), a.getSha256(), verdict(a.getScanVerdict()), a.getScanSignature(),
                a.getExtractedText());
    }

    /** A verdict label this version does not know is read as SCAN_FAILED: fail closed, never as clean. */
    static AttachmentScanVerdict verdict(String label) {
        if (label == null) {
            return null;
        }
        try {
            return AttachmentScanVerdict.valueOf(label);
        } catch (IllegalArgumentException e) {
            return AttachmentScanVerdict.SCAN_FAILED;
        }
    }
}
