package io.ieim.ingest;

import io.ieim.avro.Attachment;
import io.ieim.avro.MailAddress;
import io.ieim.avro.MailReceived;
import io.ieim.avro.RawMimeReference;
import io.ieim.domain.mail.MailView;
import io.ieim.domain.mail.NormalizedMail;
import io.ieim.spec.SourceChannel;

import java.time.Instant;
import java.util.List;

/** A normalized mail and the location of its raw bytes to the MailReceived event (claim-check). */
public final class MailReceivedMapping {

    private MailReceivedMapping() {
    }

    public static MailReceived of(NormalizedMail mail, RawMimeReference raw, Instant receivedAt, SourceChannel channel,
                                  String sourceReference) {
        return MailReceived.newBuilder()
                .setMessageId(mail.messageId())
                .setInternetMessageId(mail.internetMessageId())
                .setReceivedAt(receivedAt)
                .setSourceChannel(channel.name())
                .setSourceReference(sourceReference)
                .setRawMime(raw)
                .setNormalizerVersion(mail.normalizerVersion())
                .setParseStatus(mail.parseStatus().name())
                .setParseErrors(mail.parseErrors())
                .setFrom(mail.from() == null ? null : address(mail.from()))
                .setReplyTo(addresses(mail.replyTo()))
                .setTo(addresses(mail.to()))
                .setCc(addresses(mail.cc()))
                .setSubject(mail.subject())
                .setSentAt(mail.sentAt())
                .setInReplyTo(mail.inReplyTo())
                .setReferences(mail.references())
                .setAutoSubmitted(mail.autoSubmitted())
                .setExtraHeaders(mail.headers())
                .setLanguage(mail.language())
                .setBodyText(mail.bodyText())
                .setBodyMediaType(mail.bodyMediaType())
                .setAttachments(mail.attachmentParts().stream().map(MailReceivedMapping::attachment).toList())
                .setMimePartCount(mail.partCount())
                .setMimeMaxDepth(mail.maxDepth())
                .build();
    }

    private static List<MailAddress> addresses(List<NormalizedMail.Address> list) {
        return list.stream().map(MailReceivedMapping::address).toList();
    }

    private static MailAddress address(NormalizedMail.Address a) {
        return MailAddress.newBuilder().setAddress(a.address()).setDisplayName(a.name()).build();
    }

    private static Attachment attachment(NormalizedMail.Attachment part) {
        MailView.AttachmentInfo a = part.info();
        return Attachment.newBuilder()
                .setFileName(a.fileName())
                .setDeclaredMediaType(a.declaredMediaType())
                .setSniffedMediaType(a.sniffedMediaType())
                .setSizeBytes(a.sizeBytes())
                .setSha256(a.sha256())
                .setDisposition(part.disposition())
                .setPartPath(part.partPath())
                .build();
    }
}
