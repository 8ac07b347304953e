package io.ieim.domain.mail;

import io.ieim.spec.ParseStatus;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static io.ieim.domain.mail.Mime.base64;
import static io.ieim.domain.mail.Mime.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class MailNormalizerTest {

    private final MailNormalizer normalizer = new MailNormalizer();

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @Nested
    class Headers {

        private final byte[] raw = utf8(
                "Return-Path: <max@example.com>",
                "Message-ID: <abc123@mail.example.com>",
                "Date: Fri, 3 Apr 2026 10:00:00 +0200",
                "From: Max Mustermann <Max.Mustermann@Example.COM>",
                "To: Schaden <schaden@versicherung.example>, info@versicherung.example",
                "Cc: \"Erika Mustermann\" <erika@example.com>",
                "Reply-To: max.privat@example.com",
                "Subject: Wasserschaden in der Kueche",
                "In-Reply-To: <prev@versicherung.example>",
                "References: <first@versicherung.example>",
                " <prev@versicherung.example>",
                "MIME-Version: 1.0",
                "Content-Type: text/plain; charset=utf-8",
                "Content-Transfer-Encoding: 8bit",
                "",
                "Sehr geehrte Damen und Herren,",
                "",
                "in meiner Küche ist ein Wasserschaden entstanden. Mein Vertrag ist KF-20481234.",
                "",
                "Mit freundlichen Grüßen",
                "Max Mustermann");

        @Test
        void anAbsurdDateHeaderIsNoDateNotAnUnreadableMail() {
            // found by the fuzzer in CI: mime4j's date parser throws NumberFormatException on a huge number
            NormalizedMail mail = normalizer.normalize(utf8(
                    "From: max@example.com",
                    "Date:" + "6".repeat(100) + " Mon, 6 Apr 2026 09:00:00 +0200",
                    "Subject: Schaden",
                    "",
                    "Guten Tag"));
            assertThat(mail.parseFailed()).isFalse();
            assertThat(mail.sentAt()).isNull();
            assertThat(mail.subject()).isEqualTo("Schaden");
        }

        @Test
        void identityAndSizeComeFromTheRawBytes() throws Exception {
            NormalizedMail mail = normalizer.normalize(raw);

            assertThat(mail.messageId()).isEqualTo(Mime.sha256(raw)).hasSize(64).matches("[0-9a-f]+");
            assertThat(mail.sizeBytes()).isEqualTo(raw.length);
            assertThat(mail.normalizerVersion()).isEqualTo(MailNormalizer.VERSION);
            assertThat(mail.internetMessageId()).isEqualTo("<abc123@mail.example.com>");
        }

        @Test
        void addressesAreLowerCasedWithDisplayNames() {
            NormalizedMail mail = normalizer.normalize(raw);

            assertThat(mail.from()).isEqualTo(new NormalizedMail.Address("max.mustermann@example.com", "Max Mustermann"));
            assertThat(mail.to()).containsExactly(
                    new NormalizedMail.Address("schaden@versicherung.example", "Schaden"),
                    new NormalizedMail.Address("info@versicherung.example", null));
            assertThat(mail.cc()).containsExactly(new NormalizedMail.Address("erika@example.com", "Erika Mustermann"));
            assertThat(mail.replyTo()).containsExactly(new NormalizedMail.Address("max.privat@example.com", null));
        }

        @Test
        void dateThreadAndSelectedHeaders() {
            NormalizedMail mail = normalizer.normalize(raw);

            assertThat(mail.sentAt()).isEqualTo(Instant.parse("2026-04-03T08:00:00Z"));
            assertThat(mail.subject()).isEqualTo("Wasserschaden in der Kueche");
            assertThat(mail.inReplyTo()).isEqualTo("<prev@versicherung.example>");
            assertThat(mail.references()).containsExactly("<first@versicherung.example>", "<prev@versicherung.example>");
            assertThat(mail.autoSubmitted()).isNull();
            assertThat(mail.headers()).containsOnlyKeys("content-type", "in-reply-to", "references", "return-path");
            assertThat(mail.headers()).containsEntry("content-type", "text/plain; charset=utf-8")
                    .containsEntry("return-path", "<max@example.com>");
        }

        @Test
        void plainBodyIsDecodedAndStatusOk() {
            NormalizedMail mail = normalizer.normalize(raw);

            assertThat(mail.parseStatus()).isEqualTo(ParseStatus.OK);
            assertThat(mail.parseErrors()).isEmpty();
            assertThat(mail.parseFailed()).isFalse();
            assertThat(mail.bodyText()).isEqualTo("Sehr geehrte Damen und Herren,\n\n"
                    + "in meiner Küche ist ein Wasserschaden entstanden. Mein Vertrag ist KF-20481234.\n\n"
                    + "Mit freundlichen Grüßen\nMax Mustermann");
            assertThat(mail.bodyMediaType()).isEqualTo("text/plain");
            assertThat(mail.language()).isEqualTo("de");
            assertThat(mail.attachments()).isEmpty();
            assertThat(mail.partCount()).isEqualTo(1);
            assertThat(mail.maxDepth()).isZero();
        }

        @Test
        void sameBytesGiveAnEqualResult() {
            assertThat(new MailNormalizer().normalize(raw)).isEqualTo(normalizer.normalize(raw.clone()));
        }

        @Test
        void autoReplyHeadersAreSelected() {
            NormalizedMail mail = normalizer.normalize(utf8(
                    "From: max@example.com",
                    "Subject: Abwesenheitsnotiz",
                    "Auto-Submitted: auto-replied",
                    "X-Autoreply: yes",
                    "Precedence: bulk",
                    "X-Auto-Response-Suppress: All",
                    "List-Unsubscribe: <mailto:unsubscribe@example.com>",
                    "X-Mailer: Something",
                    "",
                    "Ich bin nicht im Büro."));

            assertThat(mail.autoSubmitted()).isEqualTo("auto-replied");
            assertThat(mail.headers()).containsEntry("auto-submitted", "auto-replied")
                    .containsEntry("x-autoreply", "yes")
                    .containsEntry("precedence", "bulk")
                    .containsEntry("x-auto-response-suppress", "All")
                    .containsEntry("list-unsubscribe", "<mailto:unsubscribe@example.com>")
                    .doesNotContainKey("x-mailer")
                    .doesNotContainKey("subject");
        }

        @Test
        void messageWithoutBodyIsFine() {
            NormalizedMail mail = normalizer.normalize(
                    "From: max@example.com\r\nSubject: Nur ein Betreff".getBytes(StandardCharsets.US_ASCII));

            assertThat(mail.parseStatus()).isEqualTo(ParseStatus.OK);
            assertThat(mail.subject()).isEqualTo("Nur ein Betreff");
            assertThat(mail.bodyText()).isEmpty();
            assertThat(mail.bodyMediaType()).isNull();
        }

        @Test
        void mboxFromLineIsSkipped() {
            NormalizedMail mail = normalizer.normalize(utf8(
                    "From max@example.com Fri Apr  3 10:00:00 2026",
                    "From: max@example.com",
                    "Subject: Hallo",
                    "",
                    "Text"));

            assertThat(mail.parseStatus()).isEqualTo(ParseStatus.OK);
            assertThat(mail.from().address()).isEqualTo("max@example.com");
            assertThat(mail.bodyText()).isEqualTo("Text");
        }

        @Test
        void unreadableDateIsNull() {
            NormalizedMail mail = normalizer.normalize(utf8("From: max@example.com", "Date: gestern abend", "", "x"));

            assertThat(mail.sentAt()).isNull();
        }
    }

    @Nested
    class EncodedWords {

        @Test
        void utf8Base64Subject() {
            String subject = "Schadenmeldung für KF-20481234 – Wasserschaden";
            NormalizedMail mail = normalizer.normalize(utf8(
                    "From: max@example.com",
                    "Subject: =?UTF-8?B?" + base64(subject) + "?=",
                    "",
                    "Text"));

            assertThat(mail.subject()).isEqualTo(subject);
        }

        @Test
        void latin1QuotedPrintableSubjectAcrossAdjacentWords() {
            NormalizedMail mail = normalizer.normalize(utf8(
                    "From: max@example.com",
                    "Subject: =?ISO-8859-1?Q?K=FCndigung_meines_Vertrags?=",
                    " =?iso-8859-1?q?_zum_31=2E12=2E?=",
                    "",
                    "Text"));

            assertThat(mail.subject()).isEqualTo("Kündigung meines Vertrags zum 31.12.");
        }

        @Test
        void encodedDisplayName() {
            NormalizedMail mail = normalizer.normalize(utf8(
                    "From: =?ISO-8859-1?Q?J=FCrgen_M=FCller?= <J.Mueller@Example.de>",
                    "Subject: x",
                    "",
                    "Text"));

            assertThat(mail.from()).isEqualTo(new NormalizedMail.Address("j.mueller@example.de", "Jürgen Müller"));
        }

        @Test
        void rawUtf8AndWindows1252Headers() {
            NormalizedMail utf = normalizer.normalize(utf8(
                    "From: Jürgen Müller <j@example.de>", "Subject: Schäden am Dach", "", "x"));
            NormalizedMail cp = normalizer.normalize(Mime.bytes(WINDOWS_1252,
                    "From: j@example.de", "Subject: Schäden am Dach", "", "x"));

            assertThat(utf.subject()).isEqualTo("Schäden am Dach");
            assertThat(utf.from().name()).isEqualTo("Jürgen Müller");
            assertThat(cp.subject()).isEqualTo("Schäden am Dach");
        }

        @Test
        void foldedSubjectIsUnfolded() {
            NormalizedMail mail = normalizer.normalize(utf8(
                    "From: max@example.com", "Subject: Eine sehr lange", "\tBetreffzeile", "", "x"));

            assertThat(mail.subject()).isEqualTo("Eine sehr lange\tBetreffzeile");
        }
    }

    @Nested
    class Bodies {

        @Test
        void alternativePrefersPlainText() {
            NormalizedMail mail = normalizer.normalize(utf8(
                    "From: max@example.com",
                    "Subject: Rechnung",
                    "MIME-Version: 1.0",
                    "Content-Type: multipart/alternative; boundary=\"alt\"",
                    "",
                    "--alt",
                    "Content-Type: text/plain; charset=utf-8",
                    "Content-Transfer-Encoding: quoted-printable",
                    "",
                    "Guten Tag, die Reparaturrechnung f=C3=BCr SC-2026-004512 liegt bei, die Zeile wurde =",
                    "weich umbrochen.",
                    "--alt",
                    "Content-Type: text/html; charset=utf-8",
                    "",
                    "<html><body><p>HTML VERSION</p></body></html>",
                    "--alt--"));

            assertThat(mail.bodyText()).isEqualTo(
                    "Guten Tag, die Reparaturrechnung für SC-2026-004512 liegt bei, die Zeile wurde weich umbrochen.");
            assertThat(mail.bodyMediaType()).isEqualTo("text/plain");
            assertThat(mail.partCount()).isEqualTo(3);
            assertThat(mail.maxDepth()).isEqualTo(1);
            assertThat(mail.attachments()).isEmpty();
            assertThat(mail.parseStatus()).isEqualTo(ParseStatus.OK);
        }

        @Test
        void alternativeWithBlankPlainTextFallsBackToHtml() {
            NormalizedMail mail = normalizer.normalize(utf8(
                    "From: max@example.com",
                    "Content-Type: multipart/alternative; boundary=alt",
                    "",
                    "--alt",
                    "Content-Type: text/plain",
                    "",
                    "   ",
                    "--alt",
                    "Content-Type: text/html; charset=utf-8",
                    "",
                    "<p>Nur im HTML</p>",
                    "--alt--"));

            assertThat(mail.bodyText()).isEqualTo("Nur im HTML");
            assertThat(mail.bodyMediaType()).isEqualTo("text/html");
        }

        @Test
        void htmlOnlyBecomesReadableTextWithLineBreaks() {
            String html = "<html><head><title>Titel</title><style>p{color:red}</style>"
                    + "<script>alert('x')</script></head><body>"
                    + "<p>Sehr geehrte Damen und Herren,</p><p>mein Schaden:<br>Zeile zwei</p>"
                    + "<ul><li>Punkt eins</li><li>Punkt   zwei</li></ul>"
                    + "<div>Gr&uuml;&szlig;e<br>Max</div></body></html>";
            NormalizedMail mail = normalizer.normalize(Mime.concat(utf8(
                    "From: max@example.com",
                    "Content-Type: text/html; charset=iso-8859-1",
                    "Content-Transfer-Encoding: base64",
                    ""), Mime.base64(html.getBytes(StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.US_ASCII)));

            assertThat(mail.bodyText()).isEqualTo("Sehr geehrte Damen und Herren,\nmein Schaden:\nZeile zwei\n"
                    + "- Punkt eins\n- Punkt zwei\nGrüße\nMax");
            assertThat(mail.bodyMediaType()).isEqualTo("text/html");
            assertThat(mail.bodyText()).doesNotContain("alert", "color", "Titel");
        }

        @Test
        void base64TextBodyAndCrlfBecomeLf() {
            NormalizedMail mail = normalizer.normalize(utf8(
                    "From: max@example.com",
                    "Content-Type: text/plain; charset=utf-8",
                    "Content-Transfer-Encoding: base64",
                    "",
                    base64("Zeile eins\r\nZeile zwei mit Ümlaut")));

            assertThat(mail.bodyText()).isEqualTo("Zeile eins\nZeile zwei mit Ümlaut");
        }

        @Test
        void utf8LabelledBodyInWindows1252IsRepairedAndReported() {
            NormalizedMail mail = normalizer.normalize(Mime.concat(
                    utf8("From: max@example.com", "Content-Type: text/plain; charset=utf-8", ""),
                    "Mit freundlichen Grüßen".getBytes(WINDOWS_1252)));

            assertThat(mail.bodyText()).isEqualTo("Mit freundlichen Grüßen");
            assertThat(mail.parseStatus()).isEqualTo(ParseStatus.DEFECTS);
            assertThat(mail.parseErrors()).containsExactly("charset mislabeled: declared utf-8, decoded as windows-1252");
        }

        @Test
        void latin1LabelledBodyInUtf8IsRepairedAndReported() {
            NormalizedMail mail = normalizer.normalize(Mime.concat(
                    utf8("From: max@example.com", "Content-Type: text/plain; charset=ISO-8859-1", ""),
                    "Schöne Grüße – Max".getBytes(StandardCharsets.UTF_8)));

            assertThat(mail.bodyText()).isEqualTo("Schöne Grüße – Max");
            assertThat(mail.parseStatus()).isEqualTo(ParseStatus.DEFECTS);
            assertThat(mail.parseErrors()).containsExactly("charset mislabeled: declared iso-8859-1, decoded as utf-8");
        }

        @Test
        void latin1LabelReadsWindows1252PunctuationWithoutDefect() {
            NormalizedMail mail = normalizer.normalize(Mime.concat(
                    utf8("From: max@example.com", "Content-Type: text/plain; charset=iso-8859-1", ""),
                    "Kosten: 200 € – „bitte“".getBytes(WINDOWS_1252)));

            assertThat(mail.bodyText()).isEqualTo("Kosten: 200 € – „bitte“");
            assertThat(mail.parseStatus()).isEqualTo(ParseStatus.OK);
        }

        @Test
        void unknownCharsetIsDetected() {
            NormalizedMail mail = normalizer.normalize(Mime.concat(
                    utf8("From: max@example.com", "Content-Type: text/plain; charset=x-no-such-charset", ""),
                    "Grüße".getBytes(StandardCharsets.UTF_8)));

            assertThat(mail.bodyText()).isEqualTo("Grüße");
            assertThat(mail.parseErrors()).containsExactly("unknown charset, detected");
        }

        @Test
        void htmlMetaCharsetIsUsedWhenTheHeaderHasNone() {
            byte[] html = "<html><head><meta charset=\"windows-1252\"></head><body><p>Grüße</p></body></html>"
                    .getBytes(WINDOWS_1252);
            NormalizedMail mail = normalizer.normalize(Mime.concat(
                    utf8("From: max@example.com", "Content-Type: text/html", ""), html));

            assertThat(mail.bodyText()).isEqualTo("Grüße");
        }

        @Test
        void englishMailIsDetectedAsEnglish() {
            NormalizedMail mail = normalizer.normalize(utf8(
                    "From: john@example.co.uk", "Subject: My claim",
                    "", "Dear Sir or Madam, please find attached the invoice for the repair of my car. Kind regards"));

            assertThat(mail.language()).isEqualTo("en");
        }
    }

    @Nested
    class Attachments {

        private final byte[] exe = Mime.windowsExecutable();
        private final byte[] pdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);

        private NormalizedMail mail() {
            return normalizer.normalize(utf8(
                    "From: max@example.com",
                    "Subject: Rechnung",
                    "Content-Type: multipart/mixed; boundary=\"mix\"",
                    "",
                    "preamble is ignored",
                    "--mix",
                    "Content-Type: text/plain; charset=utf-8",
                    "",
                    "Anbei die Rechnung.",
                    "--mix",
                    "Content-Type: application/pdf; name=\"rechnung.pdf\"",
                    "Content-Disposition: attachment; filename=\"rechnung.pdf\"",
                    "Content-Transfer-Encoding: base64",
                    "",
                    base64(exe),
                    "--mix",
                    "Content-Type: application/pdf",
                    "Content-Disposition: attachment; filename*=UTF-8''Schadensmeldung%20M%C3%BCller.pdf",
                    "Content-Transfer-Encoding: base64",
                    "",
                    base64(pdf),
                    "--mix",
                    "Content-Type: application/octet-stream",
                    "Content-Disposition: attachment;",
                    " filename*0*=UTF-8''Sch%C3%A4den_;",
                    " filename*1=2026.txt",
                    "",
                    "Text im Anhang",
                    "--mix",
                    "Content-Type: text/plain; name=\"=?UTF-8?B?" + base64("Kostenvoranschlag_Müller.txt") + "?=\"",
                    "Content-Disposition: attachment",
                    "",
                    "Kostenvoranschlag 1.200 EUR",
                    "--mix--",
                    "epilogue is ignored"));
        }

        @Test
        void executableDeclaredAsPdfIsSniffedFromItsContent() throws Exception {
            MailView.AttachmentInfo a = mail().attachments().get(0);

            assertThat(a.fileName()).isEqualTo("rechnung.pdf");
            assertThat(a.declaredMediaType()).isEqualTo("application/pdf");
            assertThat(a.sniffedMediaType()).startsWith("application/x-msdownload");
            assertThat(a.sizeBytes()).isEqualTo(exe.length);
            assertThat(a.sha256()).isEqualTo(Mime.sha256(exe));
        }

        @Test
        void realPdfIsSniffedAsPdf() throws Exception {
            MailView.AttachmentInfo a = mail().attachments().get(1);

            assertThat(a.sniffedMediaType()).isEqualTo("application/pdf");
            assertThat(a.sha256()).isEqualTo(Mime.sha256(pdf));
        }

        @Test
        void fileNamesAreDecodedFromRfc2231AndRfc2047() {
            assertThat(mail().attachments()).extracting(MailView.AttachmentInfo::fileName).containsExactly(
                    "rechnung.pdf", "Schadensmeldung Müller.pdf", "Schäden_2026.txt", "Kostenvoranschlag_Müller.txt");
        }

        @Test
        void attachmentsKnowTheirDispositionAndPartPath() {
            assertThat(mail().attachmentParts())
                    .extracting(NormalizedMail.Attachment::partPath, NormalizedMail.Attachment::disposition)
                    .containsExactly(tuple("2", "attachment"), tuple("3", "attachment"), tuple("4", "attachment"),
                            tuple("5", "attachment"));
        }

        @Test
        void attachmentTextIsNotBodyText() {
            NormalizedMail mail = mail();

            assertThat(mail.bodyText()).isEqualTo("Anbei die Rechnung.");
            assertThat(mail.attachments().get(2).sniffedMediaType()).isEqualTo("text/plain");
            assertThat(mail.partCount()).isEqualTo(6);
            assertThat(mail.parseStatus()).isEqualTo(ParseStatus.OK);
        }

        @Test
        void attachmentInTheHtmlBranchOfAnAlternativeIsStillListed() {
            byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0};
            NormalizedMail mail = normalizer.normalize(utf8(
                    "From: max@example.com",
                    "Content-Type: multipart/alternative; boundary=a",
                    "",
                    "--a",
                    "Content-Type: text/plain; charset=utf-8",
                    "",
                    "Anbei das Foto.",
                    "--a",
                    "Content-Type: multipart/mixed; boundary=m",
                    "",
                    "--m",
                    "Content-Type: text/html; charset=utf-8",
                    "",
                    "<div>Anbei das Foto.</div>",
                    "--m",
                    "Content-Type: image/jpeg; name=schaden.jpg",
                    "Content-Disposition: inline; filename=schaden.jpg",
                    "Content-Transfer-Encoding: base64",
                    "",
                    base64(jpeg),
                    "--m--",
                    "--a--"));

            assertThat(mail.bodyText()).isEqualTo("Anbei das Foto.");
            assertThat(mail.attachments()).singleElement().satisfies(a -> {
                assertThat(a.fileName()).isEqualTo("schaden.jpg");
                assertThat(a.sniffedMediaType()).isEqualTo("image/jpeg");
            });
            assertThat(mail.attachmentParts().get(0).partPath()).isEqualTo("2.2");
            assertThat(mail.attachmentParts().get(0).disposition()).isEqualTo("inline");
            assertThat(mail.maxDepth()).isEqualTo(2);
        }
    }

    @Nested
    class Forwards {

        private final String inner = Mime.join(
                "From: Max Mustermann <max@example.com>",
                "To: erika@example.com",
                "Subject: Unfall mit KF-20481234",
                "Date: Thu, 2 Apr 2026 09:00:00 +0200",
                "Content-Type: text/plain; charset=utf-8",
                "",
                "Ich hatte gestern einen Unfall mit dem Auto.");

        private final byte[] raw = utf8(
                "From: Erika <erika@example.com>",
                "To: schaden@versicherung.example",
                "Subject: Fwd: Unfall",
                "Content-Type: multipart/mixed; boundary=\"outer\"",
                "",
                "--outer",
                "Content-Type: text/plain; charset=utf-8",
                "",
                "Bitte beachten Sie die weitergeleitete Nachricht.",
                "--outer",
                "Content-Type: message/rfc822",
                "Content-Disposition: attachment; filename=\"unfall.eml\"",
                "",
                inner.substring(0, inner.length() - 2),
                "--outer--");

        @Test
        void forwardedMessageTextFollowsAClearMarker() {
            NormalizedMail mail = normalizer.normalize(raw);

            assertThat(mail.bodyText()).isEqualTo("Bitte beachten Sie die weitergeleitete Nachricht.\n\n"
                    + MailNormalizer.FORWARD_MARKER + "\n"
                    + "From: Max Mustermann <max@example.com>\n"
                    + "Date: Thu, 2 Apr 2026 09:00:00 +0200\n"
                    + "Subject: Unfall mit KF-20481234\n"
                    + "To: erika@example.com\n\n"
                    + "Ich hatte gestern einen Unfall mit dem Auto.");
            assertThat(mail.parseStatus()).isEqualTo(ParseStatus.OK);
        }

        @Test
        void forwardedMessageIsAlsoAnAttachment() throws Exception {
            NormalizedMail mail = normalizer.normalize(raw);
            byte[] innerBytes = inner.substring(0, inner.length() - 2).getBytes(StandardCharsets.UTF_8);

            assertThat(mail.attachments()).singleElement().satisfies(a -> {
                assertThat(a.fileName()).isEqualTo("unfall.eml");
                assertThat(a.declaredMediaType()).isEqualTo("message/rfc822");
                assertThat(a.sniffedMediaType()).isEqualTo("message/rfc822");
                assertThat(a.sizeBytes()).isEqualTo(innerBytes.length);
            });
            assertThat(mail.attachments().get(0).sha256()).isEqualTo(Mime.sha256(innerBytes));
            assertThat(mail.partCount()).isEqualTo(4);
            assertThat(mail.maxDepth()).isEqualTo(2);
        }

        @Test
        void attachmentsInsideAForwardedMessageAreListedWithNestedPaths() {
            NormalizedMail mail = normalizer.normalize(utf8(
                    "From: erika@example.com",
                    "Content-Type: multipart/mixed; boundary=outer",
                    "",
                    "--outer",
                    "Content-Type: text/plain",
                    "",
                    "Siehe Anhang.",
                    "--outer",
                    "Content-Type: message/rfc822",
                    "",
                    "From: max@example.com",
                    "Subject: Rechnung",
                    "Content-Type: multipart/mixed; boundary=inner",
                    "",
                    "--inner",
                    "Content-Type: text/plain",
                    "",
                    "Rechnung anbei.",
                    "--inner",
                    "Content-Type: application/pdf; name=rechnung.pdf",
                    "Content-Disposition: attachment; filename=rechnung.pdf",
                    "",
                    "%PDF-1.4",
                    "--inner--",
                    "--outer--"));

            assertThat(mail.attachmentParts())
                    .extracting(p -> p.info().declaredMediaType(), NormalizedMail.Attachment::partPath)
                    .containsExactly(tuple("message/rfc822", "2"), tuple("application/pdf", "2.2"));
            assertThat(mail.bodyText()).endsWith("Subject: Rechnung\n\nRechnung anbei.");
            assertThat(mail.maxDepth()).isEqualTo(3);
        }

        @Test
        void forwardedTextCountsAsNewTextForTheSplitter() {
            NormalizedMail mail = normalizer.normalize(raw);

            TextParts parts = ThreadSplitter.split(mail.bodyText(), mail.subject());

            assertThat(parts.newText()).contains("KF-20481234", "Unfall mit dem Auto");
            assertThat(parts.quotedText()).isEmpty();
        }

        @Test
        void bounceOriginalIsListedButNotText() {
            NormalizedMail mail = normalizer.normalize(utf8(
                    "From: Mail Delivery System <MAILER-DAEMON@mx.example>",
                    "To: max@example.com",
                    "Subject: Undelivered Mail Returned to Sender",
                    "Auto-Submitted: auto-replied",
                    "Content-Type: multipart/report; report-type=delivery-status; boundary=\"rep\"",
                    "",
                    "--rep",
                    "Content-Type: text/plain",
                    "",
                    "This is the mail system. Your message could not be delivered.",
                    "--rep",
                    "Content-Type: message/delivery-status",
                    "",
                    "Reporting-MTA: dns; mx.example",
                    "",
                    "Final-Recipient: rfc822; nobody@example.org",
                    "Action: failed",
                    "Status: 5.1.1",
                    "--rep",
                    "Content-Type: message/rfc822",
                    "",
                    "From: max@example.com",
                    "To: nobody@example.org",
                    "Subject: Mein Vertrag KF-20481234",
                    "",
                    "Original text",
                    "--rep--"));

            assertThat(mail.bodyText()).isEqualTo("This is the mail system. Your message could not be delivered.");
            assertThat(mail.attachments()).extracting(MailView.AttachmentInfo::declaredMediaType)
                    .containsExactly("message/delivery-status", "message/rfc822");
            assertThat(mail.headers().get("content-type")).startsWith("multipart/report");
            assertThat(mail.from().address()).isEqualTo("mailer-daemon@mx.example");
        }
    }

    @Nested
    class Unparseable {

        @Test
        void plainTextWithoutHeaderSection() throws Exception {
            byte[] raw = "Hallo, ich habe einen Schaden.\n\nMein Vertrag ist KF-20481234.\n"
                    .getBytes(StandardCharsets.UTF_8);

            NormalizedMail mail = normalizer.normalize(raw);

            assertThat(mail.parseStatus()).isEqualTo(ParseStatus.UNPARSEABLE);
            assertThat(mail.parseErrors()).containsExactly("no header section");
            assertThat(mail.parseFailed()).isTrue();
            assertThat(mail.messageId()).isEqualTo(Mime.sha256(raw));
            assertThat(mail.sizeBytes()).isEqualTo(raw.length);
            assertEmpty(mail);
        }

        @Test
        void headerLookingLineAfterTheFirstLineIsNoHeaderSection() {
            NormalizedMail mail = normalizer.normalize(utf8("Dear Sir,", "Name: Max Mustermann", "", "Text"));

            assertThat(mail.parseStatus()).isEqualTo(ParseStatus.UNPARSEABLE);
        }

        @Test
        void emptyAndBinaryInput() {
            byte[] binary = new byte[300];
            for (int i = 0; i < binary.length; i++) {
                binary[i] = (byte) (i * 37 + 11);
            }
            assertThat(normalizer.normalize(new byte[0]).parseStatus()).isEqualTo(ParseStatus.UNPARSEABLE);
            assertThat(normalizer.normalize(binary).parseStatus()).isEqualTo(ParseStatus.UNPARSEABLE);
            assertThat(normalizer.normalize(new byte[] {'\r', '\n', '\r', '\n'}).parseStatus())
                    .isEqualTo(ParseStatus.UNPARSEABLE);
        }

        @Test
        void nullInputThrows() {
            assertThatThrownBy(() -> normalizer.normalize(null)).isInstanceOf(NullPointerException.class);
        }
    }

    @Nested
    class Defects {

        @Test
        void missingClosingBoundaryIsRepaired() {
            NormalizedMail mail = normalizer.normalize(utf8(
                    "From: max@example.com",
                    "Content-Type: multipart/mixed; boundary=b",
                    "",
                    "--b",
                    "Content-Type: text/plain",
                    "",
                    "Text ohne Abschluss"));

            assertThat(mail.bodyText()).isEqualTo("Text ohne Abschluss");
            assertThat(mail.parseStatus()).isEqualTo(ParseStatus.DEFECTS);
            assertThat(mail.parseErrors()).contains("multipart body ended before its closing boundary");
        }

        @Test
        void multipartWithoutBoundaryIsReadAsText() {
            NormalizedMail mail = normalizer.normalize(utf8(
                    "From: max@example.com",
                    "Content-Type: multipart/mixed",
                    "",
                    "Nur Text"));

            assertThat(mail.bodyText()).isEqualTo("Nur Text");
            assertThat(mail.parseStatus()).isEqualTo(ParseStatus.DEFECTS);
            assertThat(mail.parseErrors()).containsExactly("multipart without boundary, read as text");
        }

        @Test
        void invalidHeaderLineIsSkippedWithoutQuotingIt() {
            NormalizedMail mail = normalizer.normalize(utf8(
                    "From: max@example.com",
                    "Geheime Zeile ohne Doppelpunkt max.mustermann@example.com",
                    "Subject: Weiter geht's",
                    "",
                    "Text"));

            assertThat(mail.subject()).isEqualTo("Weiter geht's");
            assertThat(mail.parseStatus()).isEqualTo(ParseStatus.DEFECTS);
            assertThat(mail.parseErrors()).containsExactly("invalid header line skipped");
        }

        @Test
        void brokenBase64IsReported() {
            NormalizedMail mail = normalizer.normalize(utf8(
                    "From: max@example.com",
                    "Content-Type: application/octet-stream; name=a.bin",
                    "Content-Transfer-Encoding: base64",
                    "",
                    "QUJD!!!RE=x=="));

            assertThat(mail.parseStatus()).isEqualTo(ParseStatus.DEFECTS);
            assertThat(mail.parseErrors()).contains("invalid base64 data");
            assertThat(mail.parseErrors()).allSatisfy(e -> assertThat(e).doesNotContain("QUJD"));
        }

        @Test
        void blankLinesBeforeTheHeaderSectionAreSkipped() {
            NormalizedMail mail = normalizer.normalize(utf8("", "From: max@example.com", "Subject: s", "", "Text"));

            assertThat(mail.parseStatus()).isEqualTo(ParseStatus.DEFECTS);
            assertThat(mail.parseErrors()).containsExactly("blank lines before the header section");
            assertThat(mail.subject()).isEqualTo("s");
        }
    }

    @Nested
    class NeverThrows {

        private final byte[] complex = utf8(
                "From: =?UTF-8?Q?J=C3=BCrgen?= <j@example.de>",
                "Subject: =?UTF-8?B?" + base64("Schäden") + "?=",
                "Content-Type: multipart/mixed; boundary=\"o\"",
                "",
                "--o",
                "Content-Type: multipart/alternative; boundary=a",
                "",
                "--a",
                "Content-Type: text/plain; charset=utf-8",
                "Content-Transfer-Encoding: quoted-printable",
                "",
                "Gr=C3=BC=C3=9Fe",
                "--a",
                "Content-Type: text/html; charset=utf-8",
                "",
                "<p>Gr&uuml;&szlig;e</p>",
                "--a--",
                "--o",
                "Content-Type: message/rfc822",
                "",
                "From: x@example.com",
                "Subject: inner",
                "",
                "inner text",
                "--o",
                "Content-Type: application/pdf; name=a.pdf",
                "Content-Transfer-Encoding: base64",
                "",
                base64("%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII)),
                "--o--");

        @Test
        void everyTruncationIsHandled() throws Exception {
            for (int len = 0; len <= complex.length; len += 3) {
                byte[] prefix = java.util.Arrays.copyOf(complex, len);

                NormalizedMail mail = normalizer.normalize(prefix);

                assertThat(mail.parseStatus()).as("prefix %d", len).isNotNull();
                assertThat(mail.messageId()).isEqualTo(Mime.sha256(prefix));
            }
        }

        @Test
        void corruptedBytesAreHandled() {
            for (int i = 0; i < complex.length; i += 5) {
                byte[] copy = complex.clone();
                copy[i] = (byte) (copy[i] ^ 0xA5);
                copy[(i * 7) % copy.length] = 0;

                NormalizedMail mail = normalizer.normalize(copy);

                assertThat(mail.parseStatus()).as("corruption at %d", i).isNotNull();
                assertThat(mail.parseErrors()).allSatisfy(e -> assertThat(e).doesNotContain("Jürgen", "inner text"));
            }
        }

        @Test
        void deeplyNestedHtmlIsHandled() {
            String html = "<div>".repeat(50_000) + "tief" + "</div>".repeat(50_000);

            NormalizedMail mail = normalizer.normalize(Mime.concat(
                    utf8("From: max@example.com", "Content-Type: text/html; charset=utf-8", ""),
                    html.getBytes(StandardCharsets.UTF_8)));

            assertThat(mail.parseStatus()).isIn(ParseStatus.OK, ParseStatus.DEFECTS);
            assertThat(mail.bodyText()).contains("tief");
        }
    }

    @Nested
    class Limits {

        private final byte[] simple = utf8("From: max@example.com", "Subject: Hallo", "", "0123456789ABCDEF");

        @Test
        void sizeLimit() {
            NormalizedMail mail = new MailNormalizer(new NormalizationLimits(40, 500, 20, 1000, 2_000_000))
                    .normalize(simple);

            assertThat(mail.parseStatus()).isEqualTo(ParseStatus.LIMIT_EXCEEDED);
            assertThat(mail.parseErrors()).containsExactly("size " + simple.length + " > limit 40");
            assertThat(mail.sizeBytes()).isEqualTo(simple.length);
            assertEmpty(mail);
        }

        @Test
        void defaultSizeLimitReportsTheFiguresOfTheIssue() {
            byte[] big = new byte[31_457_280];
            System.arraycopy(simple, 0, big, 0, simple.length);

            NormalizedMail mail = normalizer.normalize(big);

            assertThat(mail.parseErrors()).containsExactly("size 31457280 > limit 26214400");
            assertThat(mail.parseStatus()).isEqualTo(ParseStatus.LIMIT_EXCEEDED);
        }

        @Test
        void partLimit() {
            NormalizedMail mail = new MailNormalizer(new NormalizationLimits(1_000_000, 3, 20, 1000, 2_000_000))
                    .normalize(utf8(
                            "From: max@example.com",
                            "Content-Type: multipart/mixed; boundary=b",
                            "",
                            "--b", "", "eins", "--b", "", "zwei", "--b", "", "drei", "--b--"));

            assertThat(mail.parseStatus()).isEqualTo(ParseStatus.LIMIT_EXCEEDED);
            assertThat(mail.parseErrors()).containsExactly("parts 4 > limit 3");
            assertEmpty(mail);
        }

        @Test
        void depthLimit() {
            NormalizedMail mail = new MailNormalizer(new NormalizationLimits(1_000_000, 500, 1, 1000, 2_000_000))
                    .normalize(utf8(
                            "From: max@example.com",
                            "Content-Type: multipart/mixed; boundary=outer",
                            "",
                            "--outer",
                            "Content-Type: multipart/alternative; boundary=inner",
                            "",
                            "--inner",
                            "Content-Type: text/plain",
                            "",
                            "tief",
                            "--inner--",
                            "--outer--"));

            assertThat(mail.parseErrors()).containsExactly("depth 2 > limit 1");
            assertThat(mail.parseStatus()).isEqualTo(ParseStatus.LIMIT_EXCEEDED);
        }

        @Test
        void headerLimit() {
            NormalizedMail mail = new MailNormalizer(new NormalizationLimits(1_000_000, 500, 20, 5, 2_000_000))
                    .normalize(utf8("From: a@example.com", "To: b@example.com", "Subject: s", "X-A: 1", "X-B: 2",
                            "X-C: 3", "", "Text"));

            assertThat(mail.parseErrors()).containsExactly("headers 6 > limit 5");
            assertThat(mail.parseStatus()).isEqualTo(ParseStatus.LIMIT_EXCEEDED);
        }

        @Test
        void bodyCharacterLimit() {
            NormalizedMail mail = new MailNormalizer(new NormalizationLimits(1_000_000, 500, 20, 1000, 10))
                    .normalize(simple);

            assertThat(mail.parseErrors()).containsExactly("body characters 16 > limit 10");
            assertThat(mail.parseStatus()).isEqualTo(ParseStatus.LIMIT_EXCEEDED);
            assertEmpty(mail);
        }

        @Test
        void nestingBombStopsEarlyAtTheDefaultDepth() {
            StringBuilder sb = new StringBuilder("From: max@example.com\r\nContent-Type: multipart/mixed; boundary=b0\r\n\r\n--b0\r\n");
            for (int i = 1; i < 20_000; i++) {
                sb.append("Content-Type: multipart/mixed; boundary=b").append(i).append("\r\n\r\n--b").append(i).append("\r\n");
            }
            sb.append("\r\nText\r\n");
            byte[] bomb = sb.toString().getBytes(StandardCharsets.US_ASCII);

            NormalizedMail mail = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> normalizer.normalize(bomb));

            assertThat(mail.parseErrors()).containsExactly("depth 21 > limit 20");
        }

        @Test
        void partBombStopsAtTheDefaultPartCount() {
            StringBuilder sb = new StringBuilder("From: max@example.com\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n");
            for (int i = 0; i < 2_000; i++) {
                sb.append("--b\r\n\r\nx\r\n");
            }
            sb.append("--b--\r\n");

            NormalizedMail mail = normalizer.normalize(sb.toString().getBytes(StandardCharsets.US_ASCII));

            assertThat(mail.parseErrors()).containsExactly("parts 501 > limit 500");
        }

        @Test
        void limitsMustBePositive() {
            assertThatThrownBy(() -> new NormalizationLimits(0, 1, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void viewOfANormalizedMail() {
        NormalizedMail mail = normalizer.normalize(utf8(
                "Message-ID: <v@example.com>",
                "From: Max Mustermann <MAX@example.com>",
                "Subject: Frage zu meinem Vertrag",
                "Auto-Submitted: no",
                "",
                "Guten Tag, ich habe eine Frage zu meinem Vertrag und bitte um Antwort."));

        MailView view = MailViews.of(mail);

        assertThat(view.messageId()).isEqualTo(mail.messageId());
        assertThat(view.internetMessageId()).isEqualTo("<v@example.com>");
        assertThat(view.fromAddress()).isEqualTo("max@example.com");
        assertThat(view.fromName()).isEqualTo("Max Mustermann");
        assertThat(view.subject()).isEqualTo("Frage zu meinem Vertrag");
        assertThat(view.bodyText()).isEqualTo(mail.bodyText());
        assertThat(view.language()).isEqualTo("de");
        assertThat(view.headers()).containsEntry("auto-submitted", "no");
        assertThat(view.parseFailed()).isFalse();
        assertThat(view.parseErrors()).isEmpty();
    }

    @Test
    void viewOfAMailBeyondALimitIsAParseFailure() {
        MailView view = MailViews.of(utf8("From: a@example.com", "", "Text"),
                new MailNormalizer(new NormalizationLimits(10, 500, 20, 1000, 1000)));

        assertThat(view.parseFailed()).isTrue();
        assertThat(view.parseErrors()).singleElement().asString().startsWith("size ");
        assertThat(view.fromAddress()).isNull();
        assertThat(view.bodyText()).isEmpty();
    }

    private static void assertEmpty(NormalizedMail mail) {
        assertThat(mail.subject()).isNull();
        assertThat(mail.from()).isNull();
        assertThat(mail.to()).isEmpty();
        assertThat(mail.bodyText()).isEmpty();
        assertThat(mail.attachments()).isEmpty();
        assertThat(mail.headers()).isEmpty();
        assertThat(mail.language()).isNull();
        assertThat(mail.internetMessageId()).isNull();
        assertThat(mail.partCount()).isZero();
    }
}
