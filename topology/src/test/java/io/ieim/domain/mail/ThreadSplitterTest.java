package io.ieim.domain.mail;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadSplitterTest {

    private static String lines(String... lines) {
        return String.join("\n", lines);
    }

    @Test
    void gmailReplyHeaderAndQuotedLines() {
        TextParts parts = ThreadSplitter.split(lines(
                "Hallo, anbei die Fotos.",
                "",
                "On Mon, 3 Apr 2026 at 10:00, Schadenservice <schaden@versicherung.example> wrote:",
                "> Bitte senden Sie uns Fotos zu KF-20481234.",
                ">",
                "> Mit freundlichen Grüßen"));

        assertThat(parts.newText()).isEqualTo("Hallo, anbei die Fotos.");
        assertThat(parts.quotedText()).startsWith("On Mon, 3 Apr 2026").contains("KF-20481234");
    }

    @Test
    void replyHeaderWrappedOverTwoLines() {
        TextParts parts = ThreadSplitter.split(lines(
                "Thanks, see below.",
                "On Fri, Apr 3, 2026 at 10:00 AM Claims Team <",
                "claims@insurer.example> wrote:",
                "Your claim SC-2026-004512 is open."));

        assertThat(parts.newText()).isEqualTo("Thanks, see below.");
        assertThat(parts.quotedText()).endsWith("Your claim SC-2026-004512 is open.");
    }

    @Test
    void germanReplyHeaders() {
        TextParts thunderbird = ThreadSplitter.split(lines(
                "Danke für die schnelle Antwort.",
                "",
                "Am 03.04.2026 um 10:00 schrieb Max Mustermann:",
                "Mein Vertrag ist KF-20481234.",
                "Weitere unmarkierte Zeile"));
        TextParts nameFirst = ThreadSplitter.split(lines(
                "Danke.",
                "Max Mustermann <max@example.com> schrieb am 03.04.2026 um 10:00:",
                "alter Text"));

        assertThat(thunderbird.newText()).isEqualTo("Danke für die schnelle Antwort.");
        assertThat(thunderbird.quotedText()).contains("KF-20481234", "Weitere unmarkierte Zeile");
        assertThat(nameFirst.newText()).isEqualTo("Danke.");
        assertThat(nameFirst.quotedText()).endsWith("alter Text");
    }

    @Test
    void outlookOriginalMessageSeparators() {
        TextParts en = ThreadSplitter.split(lines(
                "Please see my answer.",
                "",
                "-----Original Message-----",
                "From: Claims <claims@insurer.example>",
                "Sent: Friday, April 3, 2026 10:00 AM",
                "To: Max <max@example.com>",
                "Subject: Your claim SC-2026-004512",
                "",
                "Dear Mr Mustermann"));
        TextParts de = ThreadSplitter.split(lines(
                "Siehe unten.",
                "-----Ursprüngliche Nachricht-----",
                "Von: Schaden <schaden@versicherung.example>",
                "Betreff: KF-20481234"));

        assertThat(en.newText()).isEqualTo("Please see my answer.");
        assertThat(en.quotedText()).startsWith("-----Original Message-----").contains("SC-2026-004512", "Dear Mr");
        assertThat(de.newText()).isEqualTo("Siehe unten.");
        assertThat(de.quotedText()).contains("KF-20481234");
    }

    @Test
    void outlookHeaderBlockWithRuleAbove() {
        TextParts parts = ThreadSplitter.split(lines(
                "Anbei die Rechnung.",
                "",
                "________________________________",
                "Von: Schadenservice <schaden@versicherung.example>",
                "Gesendet: Freitag, 3. April 2026 10:00",
                "An: Max Mustermann <max@example.com>",
                "Betreff: Ihr Schaden SC-2026-004512",
                "",
                "Sehr geehrter Herr Mustermann"));

        assertThat(parts.newText()).isEqualTo("Anbei die Rechnung.");
        assertThat(parts.quotedText()).startsWith("________________________________").contains("SC-2026-004512");
    }

    @Test
    void webMailerBlockStartingWithSentDate() {
        TextParts parts = ThreadSplitter.split(lines(
                "Hier meine Antwort.",
                "",
                "Gesendet: Freitag, 03. April 2026 um 10:00 Uhr",
                "Von: \"Versicherung\" <service@versicherung.example>",
                "An: max@example.de",
                "Betreff: Ihr Vertrag KF-20481234",
                "Alter Text"));

        assertThat(parts.newText()).isEqualTo("Hier meine Antwort.");
        assertThat(parts.quotedText()).contains("KF-20481234", "Alter Text");
    }

    @Test
    void interleavedQuotesKeepTheAnswersNew() {
        TextParts parts = ThreadSplitter.split(lines(
                "> Wie lautet Ihre Vertragsnummer?",
                "KF-20481234",
                "> Wann war der Schaden?",
                "Am Dienstag."));

        assertThat(parts.newText()).isEqualTo("KF-20481234\nAm Dienstag.");
        assertThat(parts.quotedText()).isEqualTo("> Wie lautet Ihre Vertragsnummer?\n> Wann war der Schaden?");
    }

    @Test
    void forwardedBlocksStayNew() {
        for (String marker : new String[] {
                "---------- Forwarded message ---------",
                "-------- Weitergeleitete Nachricht --------",
                "-------- Forwarded Message --------",
                "Begin forwarded message:",
                "Anfang der weitergeleiteten Nachricht:"}) {
            TextParts parts = ThreadSplitter.split(lines(
                    "FYI",
                    "",
                    marker,
                    "From: Max Mustermann <max@example.com>",
                    "Date: Fri, 3 Apr 2026 10:00:00 +0200",
                    "Subject: Unfall KF-20481234",
                    "To: erika@example.com",
                    "",
                    "Ich hatte einen Unfall.",
                    "",
                    "On Thu, 2 Apr 2026, Erika <erika@example.com> wrote:",
                    "> alte Frage"));

            assertThat(parts.quotedText()).as(marker).isEmpty();
            assertThat(parts.newText()).as(marker).contains(marker, "KF-20481234", "Ich hatte einen Unfall.", "> alte Frage");
        }
    }

    @Test
    void outlookForwardIsToldFromAReplyByTheSubject() {
        String body = lines(
                "Zur Info.",
                "",
                "From: Max Mustermann <max@example.com>",
                "Sent: Friday, April 3, 2026 10:00 AM",
                "To: erika@example.com",
                "Subject: Unfall KF-20481234",
                "",
                "Ich hatte einen Unfall.");

        TextParts forward = ThreadSplitter.split(body, "WG: Unfall KF-20481234");
        TextParts reply = ThreadSplitter.split(body, "AW: Unfall KF-20481234");
        TextParts replyToForward = ThreadSplitter.split(body, "AW: WG: Unfall KF-20481234");

        assertThat(forward.quotedText()).isEmpty();
        assertThat(forward.newText()).contains("KF-20481234", "Ich hatte einen Unfall.");
        assertThat(reply.newText()).isEqualTo("Zur Info.");
        assertThat(reply.quotedText()).contains("KF-20481234");
        assertThat(replyToForward.newText()).isEqualTo("Zur Info.");
    }

    @Test
    void headerBlockWithNothingAboveIsAForwardWithoutComment() {
        TextParts parts = ThreadSplitter.split(lines(
                "From: Max Mustermann <max@example.com>",
                "Sent: Friday, April 3, 2026 10:00 AM",
                "Subject: Unfall",
                "",
                "Mein Vertrag KF-20481234"));

        assertThat(parts.newText()).contains("KF-20481234");
        assertThat(parts.quotedText()).isEmpty();
    }

    @Test
    void normalizerForwardMarkerEndsAQuote() {
        TextParts parts = ThreadSplitter.split(lines(
                "Siehe Anhang.",
                "",
                "Am 02.04.2026 um 09:00 schrieb Schadenservice <schaden@versicherung.example>:",
                "> Bitte senden Sie die Mail des Unfallgegners.",
                "",
                MailNormalizer.FORWARD_MARKER,
                "From: Gegner <gegner@example.org>",
                "Subject: Unfall",
                "",
                "Ich übernehme die Schuld, KF-20481234."));

        assertThat(parts.newText()).startsWith("Siehe Anhang.").contains(MailNormalizer.FORWARD_MARKER, "KF-20481234");
        assertThat(parts.quotedText()).contains("Bitte senden Sie").doesNotContain("KF-20481234");
    }

    @Test
    void sentencesThatOnlyLookLikeHeadersStayNew() {
        String body = lines(
                "Am 01.03.2026 schrieb ich Ihnen bereits:",
                "Der Schaden ist noch offen.",
                "On Monday I wrote: please call me back.",
                "On 3 April we wrote:",
                "Von: Max",
                "Betreff: Schaden");

        TextParts parts = ThreadSplitter.split(body);

        assertThat(parts.newText()).isEqualTo(body);
        assertThat(parts.quotedText()).isEmpty();
    }

    @Test
    void crlfAndLfGiveTheSameParts() {
        String lf = lines("Neu", "", "On Fri, 3 Apr 2026, X <x@example.com> wrote:", "> alt");

        TextParts a = ThreadSplitter.split(lf);
        TextParts b = ThreadSplitter.split(lf.replace("\n", "\r\n"));

        assertThat(b).isEqualTo(a);
        assertThat(a.newText()).isEqualTo("Neu");
        assertThat(a.quotedText()).doesNotContain("\r");
    }

    @Test
    void emptyInput() {
        assertThat(ThreadSplitter.split(null)).isEqualTo(new TextParts("", ""));
        assertThat(ThreadSplitter.split("")).isEqualTo(new TextParts("", ""));
    }
}
