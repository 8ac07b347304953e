package io.ieim.domain.classification;

import io.ieim.domain.mail.MailView.AttachmentInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small builder of classification inputs for tests. */
final class Mails {

    private String subject = "";
    private String body = "";
    private String quoted = "";
    private final List<AttachmentInfo> attachments = new ArrayList<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String from = "kunde@example.org";
    private String language = "";

    static Mails mail(String subject, String body) {
        Mails m = new Mails();
        m.subject = subject;
        m.body = body;
        return m;
    }

    Mails quoted(String text) {
        this.quoted = text;
        return this;
    }

    Mails attachment(String name) {
        return attachment(name, "application/pdf", "application/pdf", "0".repeat(64));
    }

    Mails attachment(String name, String declared, String sniffed, String sha256) {
        attachments.add(new AttachmentInfo(name, declared, sniffed, 1234, sha256));
        return this;
    }

    Mails header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    Mails from(String address) {
        this.from = address;
        return this;
    }

    Mails language(String language) {
        this.language = language;
        return this;
    }

    ClassificationInput input() {
        return new ClassificationInput(subject, body, quoted, attachments, headers, from, language);
    }
}
