package io.ieim.domain.mail;

import io.ieim.spec.ParseStatus;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One mail decoded by {@link MailNormalizer}: everything later stages need, and never attachment content.
 * Deterministic: the same raw bytes always give an equal value (no clock, {@code sentAt} comes from the
 * Date header).
 *
 * <p>A mail that is {@link ParseStatus#UNPARSEABLE} or {@link ParseStatus#LIMIT_EXCEEDED} carries only
 * {@code normalizerVersion}, {@code messageId}, {@code sizeBytes}, {@code parseStatus} and
 * {@code parseErrors}; every other field is empty (null, "" or an empty collection, 0).
 *
 * @param normalizerVersion {@link MailNormalizer#VERSION} of the code that produced it
 * @param messageId         lowercase hex SHA-256 of the raw bytes (the IEIM message id)
 * @param sizeBytes         length of the raw bytes
 * @param internetMessageId the Message-ID header, trimmed (angle brackets kept), or null
 * @param from              first mailbox of the From header, or null
 * @param replyTo           Reply-To mailboxes (groups flattened)
 * @param to                To mailboxes
 * @param cc                Cc mailboxes
 * @param subject           Subject with RFC 2047 encoded words decoded, or null when absent
 * @param sentAt            the Date header, or null when absent or unreadable
 * @param inReplyTo         the In-Reply-To header, trimmed, or null
 * @param references        message ids of the References header, in order
 * @param autoSubmitted     the Auto-Submitted header, trimmed, or null
 * @param headers           selected headers by lower-case name ({@link MailNormalizer#SELECTED_HEADERS}),
 *                          decoded and unfolded, sorted by name
 * @param bodyText          decoded text with "\n" line ends; forwarded messages (message/rfc822 parts)
 *                          appended after a {@link MailNormalizer#FORWARD_MARKER} block; "" when none
 * @param bodyMediaType     media type of the part the (first) text came from, or null
 * @param language          "de", "en" or null when unclear ({@link LanguageDetector})
 * @param attachmentParts   every attachment in document order, embedded messages included, with where it
 *                          sits in the MIME tree ({@link #attachments()} gives just the metadata)
 * @param partCount         MIME entities in the tree (see {@link NormalizationLimits#maxParts()})
 * @param maxDepth          deepest nesting seen (see {@link NormalizationLimits#maxDepth()})
 * @param parseStatus       OK, DEFECTS, UNPARSEABLE or LIMIT_EXCEEDED
 * @param parseErrors       short reasons (never mail content), in the order found
 */
public record NormalizedMail(String normalizerVersion, String messageId, long sizeBytes, String internetMessageId,
                             Address from, List<Address> replyTo, List<Address> to, List<Address> cc,
                             String subject, Instant sentAt, String inReplyTo, List<String> references,
                             String autoSubmitted, Map<String, String> headers, String bodyText,
                             String bodyMediaType, String language, List<Attachment> attachmentParts,
                             int partCount, int maxDepth, ParseStatus parseStatus, List<String> parseErrors) {

    public NormalizedMail {
        Objects.requireNonNull(normalizerVersion, "normalizerVersion");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(parseStatus, "parseStatus");
        replyTo = List.copyOf(replyTo);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        references = List.copyOf(references);
        headers = Collections.unmodifiableMap(new TreeMap<>(headers));
        bodyText = bodyText == null ? "" : bodyText;
        attachmentParts = List.copyOf(attachmentParts);
        parseErrors = List.copyOf(parseErrors);
    }

    /** A mail that could not be decoded at all, or was beyond a limit: only identity and reason. */
    static NormalizedMail failed(String messageId, long sizeBytes, ParseStatus status, String reason) {
        return new NormalizedMail(MailNormalizer.VERSION, messageId, sizeBytes, null, null, List.of(), List.of(),
                List.of(), null, null, null, List.of(), null, Map.of(), "", null, null, List.of(), 0, 0, status,
                List.of(reason));
    }

    /** Metadata of every attachment (never content), in document order. */
    public List<MailView.AttachmentInfo> attachments() {
        return attachmentParts.stream().map(Attachment::info).toList();
    }

    /** True when routing rule 1 applies: UNPARSEABLE or LIMIT_EXCEEDED (both are quarantined). */
    public boolean parseFailed() {
        return parseStatus == ParseStatus.UNPARSEABLE || parseStatus == ParseStatus.LIMIT_EXCEEDED;
    }

    /**
     * One attachment with its place in the MIME tree (for MailReceived's disposition and part_path).
     *
     * @param info        name, declared and sniffed type, size, sha256
     * @param disposition Content-Disposition type, lower case ("attachment", "inline"), or null when absent
     * @param partPath    IMAP-style position: "2" is the second part of a multipart root, "2.1" the first
     *                    part inside it or the body of a message/rfc822 part "2"; "1" for a single-part mail
     */
    public record Attachment(MailView.AttachmentInfo info, String disposition, String partPath) {
        public Attachment {
            Objects.requireNonNull(info, "info");
            Objects.requireNonNull(partPath, "partPath");
        }
    }

    /**
     * One mailbox.
     *
     * @param address addr-spec, lower-cased (Locale.ROOT)
     * @param name    display name with encoded words decoded, or null
     */
    public record Address(String address, String name) {
        public Address {
            Objects.requireNonNull(address, "address");
        }
    }
}
