package io.ieim.smtp;

import io.ieim.ingest.MailIntake;
import io.ieim.spec.SourceChannel;

import java.io.IOException;

/**
 * Where accepted mail goes: {@link MailIntake#ingest(byte[], SourceChannel, String)} in production.
 * An interface so the SMTP rules are tested without a stack.
 */
@FunctionalInterface
public interface MailSink {

    /** Returns only when the mail is durably published (or was before); throws when it is not. */
    MailIntake.Outcome ingest(byte[] raw, SourceChannel channel, String reference) throws IOException;
}
