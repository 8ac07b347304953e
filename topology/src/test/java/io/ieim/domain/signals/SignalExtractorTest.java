package io.ieim.domain.signals;

import io.ieim.domain.mail.MailNormalizer;
import io.ieim.domain.mail.MailView;
import io.ieim.domain.mail.MailViews;
import io.ieim.domain.mail.TextParts;
import io.ieim.domain.mail.ThreadSplitter;
import io.ieim.spec.TextSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SignalExtractorTest {

    private final SignalExtractor extractor = new SignalExtractor();

    private static MailView view(String subject, String from, String... attachmentNames) {
        List<MailView.AttachmentInfo> attachments = java.util.Arrays.stream(attachmentNames)
                .map(n -> new MailView.AttachmentInfo(n, "application/pdf", "application/pdf", 10, "00"))
                .toList();
        return new MailView("id", null, from, null, subject, null, null, attachments, Map.of(), false, List.of());
    }

    private List<Signal> extract(String newText) {
        return extractor.extract(view(null, null), new TextParts(newText, ""));
    }

    private static List<Signal> of(List<Signal> signals, SignalKind kind) {
        return signals.stream().filter(s -> s.kind() == kind).toList();
    }

    @Nested
    class References {

        @Test
        void everySourceWithCanonicalValuesInSourceOrder() {
            MailView mail = view("Schaden-Nr. SC 2026 004512", "Max.Mustermann@Example.COM",
                    "Police_KF20481234.pdf", "foto.jpg");
            TextParts parts = new TextParts("Meine Vertragsnummer ist kf 2048 1234.", "> Kundennummer: 1002345");

            List<Signal> signals = extractor.extract(mail, parts);

            assertThat(signals).containsExactly(
                    new Signal(SignalKind.CLAIM_NUMBER, "SC-2026-004512", TextSource.SUBJECT, 12, 26),
                    new Signal(SignalKind.POLICY_NUMBER, "KF-20481234", TextSource.NEW_TEXT, 25, 37),
                    new Signal(SignalKind.CUSTOMER_NUMBER, "CU-1002345", TextSource.QUOTED_TEXT, 2, 23),
                    new Signal(SignalKind.POLICY_NUMBER, "KF-20481234", TextSource.ATTACHMENT_NAME, 7, 17),
                    new Signal(SignalKind.SENDER_ADDRESS, "max.mustermann@example.com", TextSource.SENDER, -1, -1));
        }

        @Test
        void allWrittenVariantsOfTheContract() {
            List<Signal> signals = extract(String.join("\n",
                    "KF-20481234", "KF 2048 1234", "HR20481235", "wg-20481236", "policy no. PH 20481237",
                    "SC-2026-004512", "SC 2026 004513", "SC2026004514", "Schaden-Nr. SC-2026-004515",
                    "CU-1002345", "CU 1002346", "Kundennummer 1002347", "customer number 1002348"));

            assertThat(signals).extracting(Signal::kind, Signal::value).containsExactly(
                    tuple(SignalKind.POLICY_NUMBER, "KF-20481234"),
                    tuple(SignalKind.POLICY_NUMBER, "HR-20481235"),
                    tuple(SignalKind.POLICY_NUMBER, "WG-20481236"),
                    tuple(SignalKind.POLICY_NUMBER, "PH-20481237"),
                    tuple(SignalKind.CLAIM_NUMBER, "SC-2026-004512"),
                    tuple(SignalKind.CLAIM_NUMBER, "SC-2026-004513"),
                    tuple(SignalKind.CLAIM_NUMBER, "SC-2026-004514"),
                    tuple(SignalKind.CLAIM_NUMBER, "SC-2026-004515"),
                    tuple(SignalKind.CUSTOMER_NUMBER, "CU-1002345"),
                    tuple(SignalKind.CUSTOMER_NUMBER, "CU-1002346"),
                    tuple(SignalKind.CUSTOMER_NUMBER, "CU-1002347"),
                    tuple(SignalKind.CUSTOMER_NUMBER, "CU-1002348"));
        }

        @Test
        void nearMissesAreNotExtracted() {
            List<Signal> signals = extract(String.join("\n",
                    "XY-20481234", "KF-2048123", "KF-204812345", "SC-2026-00451", "SC-1826-004512", "CU-100234",
                    "20481234", "2026004512", "Kundennummer 123", "Rechnung 1002345"));

            assertThat(signals).isEmpty();
        }

        @Test
        void duplicatesAreRemovedPerKindValueAndSource() {
            MailView mail = view("KF-20481234", null);
            TextParts parts = new TextParts("KF-20481234 und nochmals KF 2048 1234", "");

            List<Signal> signals = extractor.extract(mail, parts);

            assertThat(signals).containsExactly(
                    new Signal(SignalKind.POLICY_NUMBER, "KF-20481234", TextSource.SUBJECT, 0, 11),
                    new Signal(SignalKind.POLICY_NUMBER, "KF-20481234", TextSource.NEW_TEXT, 0, 11));
        }

        @Test
        void referenceOnlyInTheQuoteIsMarkedQuoted() {
            String body = "Wie besprochen.\n\nAm 02.04.2026 um 09:00 schrieb Service <s@versicherung.example>:\n"
                    + "> Ihr Schaden SC-2026-004512";
            MailView mail = view("AW: Rückfrage", "max@example.com");

            List<Signal> signals = extractor.extract(mail, ThreadSplitter.split(body, mail.subject()));

            assertThat(of(signals, SignalKind.CLAIM_NUMBER)).singleElement()
                    .extracting(Signal::source).isEqualTo(TextSource.QUOTED_TEXT);
        }

        @Test
        void fromRawMailToSignals() {
            byte[] raw = String.join("\r\n",
                    "From: Max Mustermann <MAX@example.com>",
                    "Subject: =?UTF-8?Q?Sch=C3=A4den_KF_2048_1234?=",
                    "Content-Type: multipart/mixed; boundary=b",
                    "",
                    "--b",
                    "Content-Type: text/plain; charset=utf-8",
                    "",
                    "Rechnung anbei.",
                    "--b",
                    "Content-Type: application/pdf; name=\"Rechnung_SC-2026-004512.pdf\"",
                    "Content-Disposition: attachment",
                    "",
                    "%PDF-1.4",
                    "--b--", "").getBytes(StandardCharsets.UTF_8);
            MailView mail = MailViews.of(raw, new MailNormalizer());

            List<Signal> signals = extractor.extract(mail, ThreadSplitter.split(mail.bodyText(), mail.subject()));

            assertThat(signals).extracting(Signal::kind, Signal::value, Signal::source).containsExactly(
                    tuple(SignalKind.POLICY_NUMBER, "KF-20481234", TextSource.SUBJECT),
                    tuple(SignalKind.CLAIM_NUMBER, "SC-2026-004512", TextSource.ATTACHMENT_NAME),
                    tuple(SignalKind.SENDER_ADDRESS, "max@example.com", TextSource.SENDER));
        }
    }

    @Nested
    class Persons {

        @Test
        void labelledNameAndDateOfBirth() {
            String text = "Name: Max Mustermann\nGeburtsdatum: 03.04.1981\n";

            List<Signal> signals = extract(text);

            assertThat(signals).containsExactly(
                    new Signal(SignalKind.PERSON_NAME, "Max Mustermann", TextSource.NEW_TEXT, 6, 20),
                    new Signal(SignalKind.DATE_OF_BIRTH, "1981-04-03", TextSource.NEW_TEXT, 35, 45));
        }

        @Test
        void nameRightBeforeABirthMarker() {
            assertThat(extract("Ich, Max Mustermann, geb. 03.04.1981, melde einen Schaden."))
                    .extracting(Signal::kind, Signal::value).containsExactly(
                            tuple(SignalKind.PERSON_NAME, "Max Mustermann"),
                            tuple(SignalKind.DATE_OF_BIRTH, "1981-04-03"));
            assertThat(extract("Policyholder Erika Mustermann (born 1981-04-03) asks for a copy."))
                    .extracting(Signal::kind, Signal::value).containsExactly(
                            tuple(SignalKind.PERSON_NAME, "Erika Mustermann"),
                            tuple(SignalKind.DATE_OF_BIRTH, "1981-04-03"));
            assertThat(extract("Mein Mann Max Mustermann, geboren am 3. April 1981, war der Fahrer."))
                    .extracting(Signal::kind, Signal::value).containsExactly(
                            tuple(SignalKind.PERSON_NAME, "Max Mustermann"),
                            tuple(SignalKind.DATE_OF_BIRTH, "1981-04-03"));
        }

        @Test
        void titlesAreNotPartOfTheNameButParticlesAre() {
            assertThat(of(extract("Versicherungsnehmer: Herr Dr. Max Mustermann\nPLZ 10115"), SignalKind.PERSON_NAME))
                    .extracting(Signal::value).containsExactly("Max Mustermann");
            assertThat(of(extract("Name: Jörg-Peter von der Heide, geb. 01.02.1970"), SignalKind.PERSON_NAME))
                    .extracting(Signal::value).containsExactly("Jörg-Peter von der Heide");
        }

        @Test
        void datesOfBirthInEnglish() {
            assertThat(of(extract("My date of birth is April 3, 1981."), SignalKind.DATE_OF_BIRTH))
                    .extracting(Signal::value).containsExactly("1981-04-03");
            assertThat(of(extract("DOB: 3rd April 1981"), SignalKind.DATE_OF_BIRTH))
                    .extracting(Signal::value).containsExactly("1981-04-03");
        }

        @Test
        void postalCodes() {
            List<Signal> signals = extract("PLZ 10115\nPostleitzahl: 80331\npostcode sw1a 1aa\nZIP code: 90210\n"
                    + "Adresse: Musterweg 5, 01067 Dresden");

            assertThat(of(signals, SignalKind.POSTAL_CODE)).extracting(Signal::value)
                    .containsExactly("10115", "80331", "SW1A 1AA", "90210", "01067");
        }

        @Test
        void signatureBlockWithNameStreetAndCity() {
            String text = "Vielen Dank.\n\nMit freundlichen Grüßen\nMax Mustermann\nMusterstraße 12a\n10115 Berlin\n";

            List<Signal> signals = extract(text);

            assertThat(signals).extracting(Signal::kind, Signal::value).containsExactly(
                    tuple(SignalKind.PERSON_NAME, "Max Mustermann"),
                    tuple(SignalKind.POSTAL_CODE, "10115"));
            Signal name = signals.get(0);
            assertThat(text.substring(name.start(), name.end())).isEqualTo("Max Mustermann");
        }

        @Test
        void capitalizedWordsAloneNeverMakeAName() {
            List<Signal> signals = extract(String.join("\n",
                    "Sehr Geehrte Damen Und Herren",
                    "Heute Morgen Unfall Gehabt, geb. Musterfrau",
                    "Erika Mustermann geb. Musterfrau",
                    "Herr Müller hat angerufen.",
                    "Name: Mustermann",
                    "Schaden vom 03.04.2026 in 10115 Berlin",
                    "Max Mustermann",
                    "10115 Berlin",
                    "Telefon 030 1234567"));

            assertThat(signals).isEmpty();
        }

        @Test
        void germanNounsBeforeTheNameAreDropped() {
            assertThat(of(extract("Meine Tochter Lisa Mustermann, geb. 05.06.2010, war im Auto."),
                    SignalKind.PERSON_NAME)).extracting(Signal::value).containsExactly("Lisa Mustermann");
        }

        @Test
        void quotedTextSignalsAreMarkedQuoted() {
            List<Signal> signals = extractor.extract(view(null, null),
                    new TextParts("Danke.", "> Name: Max Mustermann, geb. 03.04.1981"));

            assertThat(signals).extracting(Signal::source).containsOnly(TextSource.QUOTED_TEXT);
            assertThat(signals).extracting(Signal::kind)
                    .containsExactly(SignalKind.PERSON_NAME, SignalKind.DATE_OF_BIRTH);
        }
    }

    @Test
    void stableAcrossCalls() {
        MailView mail = view("KF-20481234", "a@example.com", "SC-2026-004512.pdf");
        TextParts parts = new TextParts("Name: Max Mustermann, geb. 03.04.1981, PLZ 10115", "> CU-1002345");

        assertThat(extractor.extract(mail, parts)).isEqualTo(new SignalExtractor().extract(mail, parts));
    }

    @Test
    void emptyMail() {
        assertThat(extractor.extract(view(null, null), new TextParts("", ""))).isEmpty();
        assertThat(extractor.extract(view(null, null), null)).isEmpty();
    }
}
