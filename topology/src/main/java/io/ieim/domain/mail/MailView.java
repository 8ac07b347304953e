package io.ieim.domain.mail;

import io.ieim.spec.AttachmentScanVerdict;

import java.util.List;
import java.util.Map;

/**
 * What the decision stages see of one normalized mail (mapped from the MailReceived event).
 *
 * @param messageId         hex SHA-256 of the raw MIME
 * @param internetMessageId the Message-ID header, or null
 * @param fromAddress       sender address, lower-cased, or null
 * @param fromName          sender display name, or null
 * @param subject           decoded subject, or null
 * @param bodyText          decoded body text (HTML already turned into text), or null
 * @param language          "de", "en" or null when unknown
 * @param attachments       attachment metadata (never content)
 * @param headers           headers of interest by lower-case name (auto-submitted, in-reply-to, ...)
 * @param parseFailed       true when the mail could not be parsed at all (contract §5 rule 1)
 * @param parseErrors       reasons of defects or of the failure
 */
public record MailView(String messageId, String internetMessageId, String fromAddress, String fromName,
                       String subject, String bodyText, String language, List<AttachmentInfo> attachments,
                       Map<String, String> headers, boolean parseFailed, List<String> parseErrors) {

    public MailView {
        attachments = List.copyOf(attachments);
        headers = Map.copyOf(headers);
        parseErrors = List.copyOf(parseErrors);
    }

    /**
     * Metadata of one attachment: the media type is sniffed from the content, not trusted from the header.
     * The last three are set only by the optional attachment scanning stage (null otherwise).
     *
     * @param scanVerdict   what the malware scanner found, or null when not scanned
     * @param scanSignature the signature the scanner reported, or the reason the scan failed
     * @param extractedText text read by OCR (text source ATTACHMENT_TEXT), or null
     */
    public record AttachmentInfo(String fileName, String declaredMediaType, String sniffedMediaType,
                                 long sizeBytes, String sha256, AttachmentScanVerdict scanVerdict,
                                 String scanSignature, String extractedText) {

        /** An attachment as ingest lists it, before any scanning. */
        public AttachmentInfo(String fileName, String declaredMediaType, String sniffedMediaType, long sizeBytes,
                              String sha256) {
            this(fileName, declaredMediaType, sniffedMediaType, sizeBytes, sha256, null, null, null);
        }

        /** This attachment with the scanning stage's findings. */
        public AttachmentInfo scanned(AttachmentScanVerdict verdict, String signature, String text) {
            return new AttachmentInfo(fileName, declaredMediaType, sniffedMediaType, sizeBytes, sha256, verdict,
                    signature, text);
        }
    }
}
