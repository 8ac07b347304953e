package io.ieim.domain.mail;

import java.util.Objects;

/** Builds the {@link MailView} the decision stages read from a {@link NormalizedMail}. */
public final class MailViews {

    private MailViews() {
    }

    /**
     * The view of a normalized mail: sender address and display name from From, the selected headers, and
     * {@code parseFailed} for UNPARSEABLE and LIMIT_EXCEEDED (both quarantined by routing rule 1).
     */
    public static MailView of(NormalizedMail mail) {
        Objects.requireNonNull(mail, "mail");
        return new MailView(mail.messageId(), mail.internetMessageId(),
                mail.from() == null ? null : mail.from().address(),
                mail.from() == null ? null : mail.from().name(),
                mail.subject(), mail.bodyText(), mail.language(), mail.attachments(), mail.headers(),
                mail.parseFailed(), mail.parseErrors());
    }

    /** Raw bytes straight to a view, with the given normalizer. */
    public static MailView of(byte[] raw, MailNormalizer normalizer) {
        return of(normalizer.normalize(raw));
    }
}
