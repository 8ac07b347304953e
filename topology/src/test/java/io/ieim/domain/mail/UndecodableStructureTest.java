package io.ieim.domain.mail;

import io.ieim.spec.ParseStatus;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Contract §5 rule 1: a structure that cannot be decoded at all is UNPARSEABLE, not guessed from. */
class UndecodableStructureTest {

    private static final String HEADERS = "From: a@example.org\r\nSubject: photos of the damage\r\nMIME-Version: 1.0\r\n";

    @Test
    void aMultipartWithoutBoundaryWhoseBase64DoesNotDecodeIsUnparseable() {
        String raw = HEADERS + "Content-Type: multipart/mixed\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + "--\r\nContent-Type: multipart/alternative; boundary\r\n\r\n)r\u00ff\u00feM(q!!L--\r\n";
        NormalizedMail mail = new MailNormalizer().normalize(raw.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(mail.parseStatus()).isEqualTo(ParseStatus.UNPARSEABLE);
        assertThat(mail.parseFailed()).isTrue();
        assertThat(mail.bodyText()).isEmpty();
    }

    @Test
    void aMultipartWithoutBoundaryThatIsPlainTextIsStillRead() {
        String raw = HEADERS + "Content-Type: multipart/mixed\r\n\r\nBitte um Rückruf wegen meines Schadens.\r\n";
        NormalizedMail mail = new MailNormalizer().normalize(raw.getBytes(StandardCharsets.UTF_8));
        assertThat(mail.parseStatus()).isEqualTo(ParseStatus.DEFECTS);
        assertThat(mail.bodyText()).contains("Rückruf");
    }
}
