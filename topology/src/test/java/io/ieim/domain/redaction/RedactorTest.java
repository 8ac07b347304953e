package io.ieim.domain.redaction;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedactorTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final Redactor redactor = new Redactor(RedactionPolicy.loadDefault(), KEY);

    private String masked(String text) {
        return redactor.redact("body_excerpt", text).text();
    }

    private List<Detector> detectors(String text) {
        return redactor.redact("body_excerpt", text).findings().stream().map(RedactedText.Finding::detector).toList();
    }

    private static String hmac12(byte[] key, String value) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8))).substring(0, 12);
    }

    @Nested
    class Detectors {

        @Test
        void emailAddresses() {
            assertThat(masked("Bitte an Max.Mustermann@Example.COM oder erika+claims@mail.example.de antworten."))
                    .isEqualTo("Bitte an «EMAIL» oder «EMAIL» antworten.");
            assertThat(masked("kein@ Adresse und @example.com auch nicht")).doesNotContain("«EMAIL»");
        }

        @Test
        void ibanWithValidChecksum() {
            assertThat(masked("IBAN: DE89 3704 0044 0532 0130 00, BIC COBADEFF")).isEqualTo("IBAN: «IBAN», BIC COBADEFF");
            assertThat(masked("GB82WEST12345698765432")).isEqualTo("«IBAN»");
            assertThat(masked("neues Konto AT611904300234573201 ab Mai")).isEqualTo("neues Konto «IBAN» ab Mai");
        }

        @Test
        void ibanWithWrongCheckDigitIsNotAnIban() {
            RedactedText r = redactor.redact("body_excerpt", "IBAN: DE88 3704 0044 0532 0130 00");

            assertThat(r.found(Detector.IBAN)).isFalse();
            assertThat(r.text()).startsWith("IBAN: DE88");
        }

        @Test
        void paymentCardsMustBeLuhnValid() {
            assertThat(masked("Karte 4111 1111 1111 1111 bitte belasten")).isEqualTo("Karte «CARD» bitte belasten");
            assertThat(masked("MC 5500-0000-0000-0004")).isEqualTo("MC «CARD»");
            assertThat(masked("Amex 378282246310005.")).isEqualTo("Amex «CARD».");
            assertThat(detectors("Karte 4111 1111 1111 1112")).doesNotContain(Detector.PAYMENT_CARD);
            assertThat(masked("Karte 4111 1111 1111 1112")).contains("4111 1111 1111 1112");
        }

        @Test
        void cardFollowedByAYearIsCutAtTheValidGroup() {
            assertThat(masked("Karte 4111 1111 1111 1111 2026 gültig")).isEqualTo("Karte «CARD» 2026 gültig");
        }

        @Test
        void germanTaxIdWithCheckDigitAndStructure() {
            assertThat(masked("Steuer-ID 86095742719")).isEqualTo("Steuer-ID «TAX_ID»");
            assertThat(masked("Steuer-ID 86 095 742 719")).isEqualTo("Steuer-ID «TAX_ID»");
            assertThat(detectors("Steuer-ID 86095742718")).doesNotContain(Detector.TAX_ID_DE); // wrong check digit
            assertThat(detectors("Steuer-ID 47591836201")).doesNotContain(Detector.TAX_ID_DE); // no repeated digit
            assertThat(detectors("Nummer 06095742719")).doesNotContain(Detector.TAX_ID_DE); // leading zero
        }

        @Test
        void usSocialSecurityNumbers() {
            assertThat(masked("SSN 123-45-6789.")).isEqualTo("SSN «SSN».");
            for (String invalid : List.of("000-12-3456", "666-12-3456", "912-34-5678", "123-00-4567", "123-45-0000")) {
                assertThat(detectors("SSN " + invalid)).as(invalid).doesNotContain(Detector.SSN_US);
            }
        }

        @Test
        void datesOfBirthButNotOtherDates() {
            assertThat(masked("Max Mustermann, geb. 03.04.1981, Schaden am 05.04.2026"))
                    .isEqualTo("Max Mustermann, geb. «DOB», Schaden am 05.04.2026");
            assertThat(masked("date of birth: April 3, 1981")).isEqualTo("date of birth: «DOB»");
            assertThat(masked("Geburtsdatum: 1981-04-03")).isEqualTo("Geburtsdatum: «DOB»");
        }

        @Test
        void phoneNumbersInGermanAndInternationalFormats() {
            for (String phone : List.of("+49 30 1234567", "+49 (0)30 12345-678", "0049 30 1234567", "030 1234567",
                    "030/1234567", "0171 1234567", "(030) 123 45 67", "+1 212 555 0100", "+44 20 7946 0958")) {
                assertThat(masked("Tel.: " + phone + " (abends)")).as(phone).isEqualTo("Tel.: «PHONE» (abends)");
            }
        }

        @Test
        void datesAmountsAndReferencesAreNotPhoneNumbers() {
            String text = "Am 03.04.2026 bzw. 2026-04-03 um 10:30, Betrag 1.234,56 EUR, Rechnung 123456, 10115 Berlin, "
                    + "Zeitraum 01.01.2026 - 31.12.2026";

            assertThat(redactor.redact("body_excerpt", text).findings()).isEmpty();
        }

        @Test
        void healthTermsIncludingGermanCompounds() {
            assertThat(masked("Diagnose: Brustkrebs, außerdem Diabetes und eine Schwangerschaft."))
                    .isEqualTo("«HEALTH»: «HEALTH», außerdem «HEALTH» und eine «HEALTH».");
            assertThat(masked("She was diagnosed with cancer and depression; HIV-positive."))
                    .isEqualTo("She was «HEALTH» with «HEALTH» and «HEALTH»; «HEALTH»-positive.");
            assertThat(masked("Das Archiv hat es versucht.")).isEqualTo("Das Archiv hat es versucht.");
        }

        @Test
        void insuranceReferencesSurvive() {
            String text = "Vertrag KF-20481234, Schaden SC-2026-004512 bzw. SC 2026 004513, Kundennummer 1002345, "
                    + "CU-1002345, policy no. KF 2048 1234";

            RedactedText r = redactor.redact("body_excerpt", text);

            assertThat(r.text()).isEqualTo(text);
            assertThat(r.findings()).isEmpty();
        }
    }

    @Nested
    class Modes {

        private final RedactionPolicy policy = RedactionPolicyTest.policy("""
                version: test-v1
                fields:
                  mixed: {EMAIL: HASH, IBAN: MASK, PAYMENT_CARD: DROP, SSN_US: MASK, TAX_ID_DE: MASK,
                          DATE_OF_BIRTH: MASK, PHONE: KEEP, HEALTH_TERM: MASK}
                health_terms: [hiv]
                """);
        private final Redactor mixed = new Redactor(policy, KEY);

        @Test
        void eachModeDoesWhatItSays() throws Exception {
            String text = "Mail max@example.com, Tel 030 1234567, Karte 4111111111111111 ende, IBAN DE89370400440532013000";

            RedactedText r = mixed.redact("mixed", text);

            assertThat(r.text()).isEqualTo("Mail «EMAIL:" + hmac12(KEY, "max@example.com")
                    + "», Tel 030 1234567, Karte  ende, IBAN «IBAN»");
        }

        @Test
        void findingsReportOriginalOffsetsAndModesButNoValues() {
            String text = "Mail max@example.com, Tel 030 1234567, Karte 4111111111111111 ende";

            RedactedText r = mixed.redact("mixed", text);

            assertThat(r.findings()).extracting(RedactedText.Finding::detector, RedactedText.Finding::mode)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(Detector.EMAIL, RedactionMode.HASH),
                            org.assertj.core.groups.Tuple.tuple(Detector.PHONE, RedactionMode.KEEP),
                            org.assertj.core.groups.Tuple.tuple(Detector.PAYMENT_CARD, RedactionMode.DROP));
            RedactedText.Finding email = r.findings().get(0);
            assertThat(text.substring(email.start(), email.end())).isEqualTo("max@example.com");
            RedactedText.Finding card = r.findings().get(2);
            assertThat(text.substring(card.start(), card.end())).isEqualTo("4111111111111111");
            assertThat(r.findings().toString()).doesNotContain("max@example.com", "4111", "1234567");
        }

        @Test
        void hashIsStableForTheSameValueAndKeyHoweverWritten() throws Exception {
            String a = mixed.redact("mixed", "Max.Mustermann@Example.COM").text();
            String b = mixed.redact("mixed", "max.mustermann@example.com").text();
            String other = mixed.redact("mixed", "erika@example.com").text();
            String otherKey = new Redactor(policy, "another-key-of-32-bytes-length!!".getBytes(StandardCharsets.US_ASCII))
                    .redact("mixed", "max.mustermann@example.com").text();

            assertThat(a).isEqualTo(b).matches("«EMAIL:[0-9a-f]{12}»");
            assertThat(a).isEqualTo("«EMAIL:" + hmac12(KEY, "max.mustermann@example.com") + "»");
            assertThat(other).isNotEqualTo(a);
            assertThat(otherKey).isNotEqualTo(a);
        }

        @Test
        void ibanHashIgnoresSpacing() {
            RedactionPolicy hashAll = RedactionPolicyTest.policy("""
                    version: test-v1
                    fields:
                      f: {EMAIL: HASH, IBAN: HASH, PAYMENT_CARD: HASH, SSN_US: HASH, TAX_ID_DE: HASH,
                          DATE_OF_BIRTH: HASH, PHONE: HASH, HEALTH_TERM: HASH}
                    health_terms: [hiv]
                    """);
            Redactor r = new Redactor(hashAll, KEY);

            assertThat(r.redact("f", "DE89 3704 0044 0532 0130 00").text())
                    .isEqualTo(r.redact("f", "de89370400440532013000").text())
                    .startsWith("«IBAN:");
            assertThat(r.redact("f", "geb. 03.04.1981").text()).isEqualTo(r.redact("f", "geb. 1981-04-03").text());
        }

        @Test
        void shippedPolicyHashesTheSender() {
            String sender = redactor.redact("sender", "max@example.com").text();

            assertThat(sender).matches("«EMAIL:[0-9a-f]{12}»");
            assertThat(redactor.redact("subject", "max@example.com").text()).isEqualTo("«EMAIL»");
        }

        @Test
        void nullTextAndUnknownField() {
            assertThat(mixed.redact("mixed", null)).isEqualTo(new RedactedText(null, List.of()));
            assertThatThrownBy(() -> mixed.redact("nope", "x")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Redactor(policy, new byte[8])).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Excerpts {

        @Test
        void windowIsCutAtWordBoundaries() {
            String text = "Der Kunde meldet einen Wasserschaden in der Küche seiner Wohnung am Montag.";
            int start = text.indexOf("Wasserschaden");

            assertThat(Redactor.excerpt(text, start, start + "Wasserschaden".length(), 10))
                    .isEqualTo("…einen Wasserschaden in der…");
        }

        @Test
        void wholeTextWhenTheRadiusCoversItAndWhitespaceCollapses() {
            assertThat(Redactor.excerpt("Kurz\n\nund   knapp", 0, 4, 100)).isEqualTo("Kurz und knapp");
            assertThat(Redactor.excerpt(null, 0, 0, 5)).isEmpty();
        }

        @Test
        void redactedExcerptNeverLeaksPersonalDataCutByTheWindow() {
            String text = "Bitte überweisen Sie auf DE89 3704 0044 0532 0130 00 wegen Brustkrebs. Vertrag KF-20481234.";
            int start = text.indexOf("wegen");
            int end = start + "wegen".length();

            String plain = Redactor.excerpt(text, start, end, 12);
            String redacted = redactor.redactedExcerpt("evidence_excerpt", text, start, end, 12);

            assertThat(plain).contains("0130 00");
            assertThat(redacted).contains("wegen", "«HEALTH»").doesNotContain("0130", "00 wegen", "Brustkrebs");
        }

        @Test
        void redactedExcerptKeepsTheReference() {
            String text = "Tel. 030 1234567, Vertrag KF-20481234, geb. 03.04.1981";
            int start = text.indexOf("KF-");

            String excerpt = redactor.redactedExcerpt("evidence_excerpt", text, start, start + 11, 20);

            assertThat(excerpt).isEqualTo("…«PHONE», Vertrag KF-20481234, geb. «DOB»");
        }
    }
}
