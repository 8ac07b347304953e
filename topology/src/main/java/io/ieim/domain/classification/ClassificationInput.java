package io.ieim.domain.classification;

import io.ieim.domain.mail.MailView;
import io.ieim.domain.mail.MailView.AttachmentInfo;
import io.ieim.domain.mail.TextParts;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What classification looks at. Null texts become empty; header names are lower-cased and kept sorted.
 *
 * @param subject     decoded subject
 * @param newText     what the sender wrote in this mail (forwarded content included)
 * @param quotedText  quoted earlier messages of a reply thread
 * @param attachments attachment metadata (names count as text of source ATTACHMENT_NAME)
 * @param headers     headers by lower-case name; the rules read auto-submitted, x-autoreply, x-autorespond,
 *                    precedence, content-type (multipart/report), return-path, x-failed-recipients, list-unsubscribe
 * @param fromAddress sender address, or empty
 * @param language    "de", "en", or empty when unknown
 */
public record ClassificationInput(String subject, String newText, String quotedText, List<AttachmentInfo> attachments,
                                  Map<String, String> headers, String fromAddress, String language) {

    public ClassificationInput {
        subject = subject == null ? "" : subject;
        newText = newText == null ? "" : newText;
        quotedText = quotedText == null ? "" : quotedText;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        TreeMap<String, String> sorted = new TreeMap<>();
        if (headers != null) {
            // in the sorted order of the given names, so that names differing only in case merge deterministically
            TreeMap<String, String> given = new TreeMap<>();
            headers.forEach((k, v) -> {
                if (k != null && v != null) {
                    given.put(k, v);
                }
            });
            given.forEach((k, v) -> sorted.merge(k.toLowerCase(Locale.ROOT), v, (a, b) -> a + ", " + b));
        }
        headers = Collections.unmodifiableMap(sorted);
        fromAddress = fromAddress == null ? "" : fromAddress.toLowerCase(Locale.ROOT);
        language = language == null ? "" : language.toLowerCase(Locale.ROOT);
    }

    /** The input of a normalized mail whose body was split into new and quoted text. */
    public static ClassificationInput of(MailView mail, TextParts parts) {
        Objects.requireNonNull(mail, "mail");
        TextParts p = parts == null ? new TextParts(mail.bodyText(), "") : parts;
        return new ClassificationInput(mail.subject(), p.newText(), p.quotedText(), mail.attachments(), mail.headers(),
                mail.fromAddress(), mail.language());
    }
}
