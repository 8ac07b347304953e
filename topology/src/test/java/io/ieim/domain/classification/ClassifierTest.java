package io.ieim.domain.classification;

import io.ieim.domain.TestFiles;
import io.ieim.domain.decision.Evidence;
import io.ieim.domain.mail.MailView;
import io.ieim.domain.mail.MailView.AttachmentInfo;
import io.ieim.domain.mail.TextParts;
import io.ieim.spec.AuditStage;
import io.ieim.spec.Intent;
import io.ieim.spec.RiskFlag;
import io.ieim.spec.TextSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static io.ieim.domain.classification.Mails.mail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The scoring mechanics, on the small ruleset of {@link TestRules} whose numbers can be checked by hand. */
class ClassifierTest {

    private static final String EICAR = "275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f";

    private final Classifier classifier = TestRules.classifier();

    private static double expectedConfidence(double s1, double s2) {
        double strength = 1 - StrictMath.exp(-s1 / 2.5);
        double margin = (s1 - s2) / s1;
        return Math.round(strength * (1 - 0.5 * (1 - margin)) * 1e4) / 1e4;
    }

    @Test
    void oneCueInTheNewText() {
        Classification c = classifier.classify(mail("Hallo", "Ich hatte gestern einen Unfall.").input());
        assertThat(c.primaryIntent()).isEqualTo(Intent.CLAIM_NEW);
        assertThat(c.intents()).containsExactly(Intent.CLAIM_NEW);
        assertThat(c.confidence()).isEqualTo(expectedConfidence(3, 0)).isEqualTo(0.6988);
        assertThat(c.belowThreshold()).isFalse();
        assertThat(c.conflict()).isFalse();
        assertThat(c.riskFlags()).isEmpty();
    }

    @Test
    void subjectWeighsMoreThanNewText() {
        Classification c = classifier.classify(mail("Angebot", "Die Rechnung kam gestern.").input());
        assertThat(c.primaryIntent()).isEqualTo(Intent.QUOTE_REQUEST);
        assertThat(c.intents()).containsExactly(Intent.QUOTE_REQUEST, Intent.BILLING);
        assertThat(classifier.scores(mail("Angebot", "Die Rechnung kam gestern.").input()).intents())
                .containsEntry(Intent.QUOTE_REQUEST, 6.0).containsEntry(Intent.BILLING, 3.0);
        assertThat(c.confidence()).isEqualTo(expectedConfidence(6, 3)).isEqualTo(0.682);
    }

    @Test
    void quotedTextCountsLittle() {
        Classification c = classifier.classify(mail("AW: Ihre Nachricht", "Danke!")
                .quoted("> Ihre Kündigung haben wir erhalten.").input());
        // 3 × 0.2 = 0.6 is below the minimum score: no intent, so the catch-all with low confidence
        assertThat(c.primaryIntent()).isEqualTo(Intent.GENERAL_INQUIRY);
        assertThat(c.intents()).containsExactly(Intent.GENERAL_INQUIRY);
        assertThat(c.confidence()).isEqualTo(0.1);
        assertThat(c.belowThreshold()).isTrue();
        assertThat(c.evidence()).extracting(Evidence::ruleId, Evidence::source).containsExactly(
                org.assertj.core.groups.Tuple.tuple("classification.no_signal", null),
                org.assertj.core.groups.Tuple.tuple("intent.cancellation.de.kuendigung", TextSource.QUOTED_TEXT));
    }

    @Test
    void attachmentNamesCount() {
        ClassificationInput in = mail("", "").attachment("foto1.jpg").attachment("Verkehrsunfall_2026.pdf").input();
        Classification c = classifier.classify(in);
        assertThat(c.primaryIntent()).isEqualTo(Intent.CLAIM_NEW);
        Evidence e = c.evidence().getFirst();
        assertThat(e.source()).isEqualTo(TextSource.ATTACHMENT_NAME);
        assertThat("foto1.jpg\nVerkehrsunfall_2026.pdf".substring(e.start(), e.end())).isEqualTo("Verkehrsunfall");
    }

    @Test
    void noSignalAtAllIsAGeneralInquiryWithLowConfidence() {
        Classification c = classifier.classify(mail("", "").input());
        assertThat(c.primaryIntent()).isEqualTo(Intent.GENERAL_INQUIRY);
        assertThat(c.intents()).containsExactly(Intent.GENERAL_INQUIRY);
        assertThat(c.confidence()).isEqualTo(0.1);
        assertThat(c.belowThreshold()).isTrue();
        assertThat(c.conflict()).isFalse();
        assertThat(c.evidence()).singleElement()
                .isEqualTo(new Evidence(AuditStage.CLASSIFIED, "classification.no_signal", null, -1, -1, null));
    }

    @Test
    void weakGeneralInquiryPassesItsOwnLowerThreshold() {
        // GENERAL_INQUIRY: min_score 1 and threshold 0.4; two cues (subject 2 + body 1 = 3)
        Classification c = classifier.classify(mail("Frage", "Eine Frage zu meinem Vertrag").input());
        assertThat(c.primaryIntent()).isEqualTo(Intent.GENERAL_INQUIRY);
        assertThat(c.confidence()).isEqualTo(expectedConfidence(3, 0));
        assertThat(c.belowThreshold()).isFalse();
    }

    @Test
    void belowThresholdUsesThePrimaryIntentsThreshold() {
        // SPAM has threshold 0.9 in the test rules: one cue (0.6988) is below it
        Classification c = classifier.classify(mail("", "online casino").input());
        assertThat(c.primaryIntent()).isEqualTo(Intent.SPAM);
        assertThat(c.belowThreshold()).isTrue();
        Classification strong = classifier.classify(mail("casino", "casino").input());
        assertThat(strong.confidence()).isEqualTo(expectedConfidence(9, 0));
        assertThat(strong.belowThreshold()).isFalse();
    }

    @Test
    void equalScoresGoToTheIntentListedFirst() {
        Classification c = classifier.classify(mail("", "Rechnung und Angebot").input());
        assertThat(c.primaryIntent()).isEqualTo(Intent.BILLING); // BILLING is listed before QUOTE_REQUEST
        assertThat(c.intents()).containsExactly(Intent.BILLING, Intent.QUOTE_REQUEST);
        assertThat(c.confidence()).isEqualTo(expectedConfidence(3, 3));
        assertThat(c.belowThreshold()).isTrue();
        assertThat(c.conflict()).as("not a conflict pair").isFalse();
    }

    @Test
    void closeConflictPairIsAConflict() {
        Classification c = classifier.classify(mail("", "Nach dem Unfall kündige ich den Vertrag.").input());
        assertThat(c.primaryIntent()).isEqualTo(Intent.CANCELLATION);
        assertThat(c.intents()).containsExactly(Intent.CANCELLATION, Intent.CLAIM_NEW);
        assertThat(c.conflict()).isTrue();
        assertThat(c.evidence()).contains(new Evidence(AuditStage.CLASSIFIED, "classification.conflict", null, -1, -1,
                "CANCELLATION vs CLAIM_NEW"));
    }

    @Test
    void distantConflictPairIsNoConflict() {
        Classification c = classifier.classify(mail("Kündigung", "Nach dem Unfall.").input());
        assertThat(c.primaryIntent()).isEqualTo(Intent.CANCELLATION);
        assertThat(c.conflict()).isFalse(); // 6 vs 3: margin 0.5 >= 0.34
    }

    @Test
    void complaintIsNeverAConflict() {
        Classification c = classifier.classify(mail("", "Beschwerde wegen der Kündigung").input());
        assertThat(c.primaryIntent()).isEqualTo(Intent.COMPLAINT);
        assertThat(c.intents()).containsExactly(Intent.COMPLAINT, Intent.CANCELLATION);
        assertThat(c.conflict()).isFalse();
    }

    @Test
    void intentsArePrimaryFirstThenByScoreThenName() {
        Classification c = classifier.classify(mail("Angebot", "Rechnung, Bestätigung, Unfall").input());
        // QUOTE 6; BILLING, DOCUMENT_REQUEST, CLAIM_NEW 3 each: by name
        assertThat(c.intents()).containsExactly(Intent.QUOTE_REQUEST, Intent.BILLING, Intent.CLAIM_NEW,
                Intent.DOCUMENT_REQUEST);
    }

    @Test
    void negativePatternsSubtractAndScoresNeverGoBelowZero() {
        ClassificationInput in = mail("Unfall SC-2026-004512", "").input();
        Classification c = classifier.classify(in);
        assertThat(c.primaryIntent()).isEqualTo(Intent.CLAIM_UPDATE);
        assertThat(classifier.scores(in).intents()).containsEntry(Intent.CLAIM_NEW, 0.0).containsEntry(Intent.CLAIM_UPDATE, 6.0);
        assertThat(c.evidence()).extracting(Evidence::ruleId)
                .contains("intent.claim_new.not.any.claim_ref", "intent.claim_new.de.unfall", "intent.claim_update.any.claim_ref");

        ClassificationInput onlyNegative = mail("", "SC-2026-004512").input();
        assertThat(classifier.scores(onlyNegative).intents()).containsEntry(Intent.CLAIM_NEW, 0.0);
    }

    @Test
    void aPatternCountsOncePerSourceHoweverOftenItRepeats() {
        ClassificationInput once = mail("", "Unfall").input();
        ClassificationInput often = mail("", "Unfall Unfall Unfall Verkehrsunfall").input();
        assertThat(classifier.scores(often).intents().get(Intent.CLAIM_NEW))
                .isEqualTo(classifier.scores(once).intents().get(Intent.CLAIM_NEW)).isEqualTo(3.0);
    }

    @Test
    void otherLanguagePatternsCountLessWhenTheLanguageIsKnown() {
        assertThat(classifier.scores(mail("", "Unfall").language("en").input()).intents().get(Intent.CLAIM_NEW)).isEqualTo(1.5);
        assertThat(classifier.scores(mail("", "Unfall").language("de").input()).intents().get(Intent.CLAIM_NEW)).isEqualTo(3.0);
        assertThat(classifier.scores(mail("", "Unfall").input()).intents().get(Intent.CLAIM_NEW)).isEqualTo(3.0);
    }

    @Test
    void riskFlagsReachTheirThresholdAndIgnoreQuotedText() {
        assertThat(classifier.classify(mail("", "Bitte dringend melden").input()).riskFlags())
                .containsExactly(RiskFlag.URGENT);
        assertThat(classifier.classify(mail("", "Danke").quoted("> Bitte dringend melden").input()).riskFlags()).isEmpty();
        assertThat(classifier.classify(mail("", "").attachment("Attest.pdf").input()).riskFlags())
                .containsExactly(RiskFlag.PII_SENSITIVE);
        assertThat(classifier.classify(mail("dringend", "Attest").input()).riskFlags())
                .containsExactly(RiskFlag.PII_SENSITIVE, RiskFlag.URGENT); // sorted by name
    }

    @Test
    void autoSubmittedHeaderMakesAnAutoReply() {
        Map<String, String> headers = Map.of("Auto-Submitted", "auto-replied", "X-Other", "1");
        ClassificationInput in = new ClassificationInput("Re: Ihre Frage", "Danke", "", List.of(), headers, "a@b.de", "de");
        Classification c = classifier.classify(in);
        assertThat(c.primaryIntent()).isEqualTo(Intent.AUTO_REPLY);
        assertThat(c.evidence()).contains(new Evidence(AuditStage.CLASSIFIED, "header.auto_submitted", TextSource.HEADER,
                0, 12, "auto-submitted: auto-replied"));

        ClassificationInput no = new ClassificationInput("", "", "", List.of(), Map.of("auto-submitted", "no"), "", "");
        assertThat(classifier.classify(no).primaryIntent()).isEqualTo(Intent.GENERAL_INQUIRY);

        ClassificationInput present = new ClassificationInput("", "", "", List.of(), Map.of("X-Autoreply", "yes"), "", "");
        assertThat(classifier.classify(present).primaryIntent()).isEqualTo(Intent.AUTO_REPLY);
    }

    @Test
    void malwareByExtensionDoubleExtensionMediaTypeAndSignature() {
        assertThat(flagsOf(attachment("rechnung.pdf.exe", "application/pdf", "application/pdf", "0".repeat(64))))
                .containsExactly(RiskFlag.MALWARE_SUSPECT);
        assertThat(ruleIdsOf(attachment("rechnung.pdf.exe", "application/pdf", "application/pdf", "0".repeat(64))))
                .contains("attachment.executable", "attachment.double_extension");
        // trailing dots and spaces are dropped by Windows, case does not matter
        assertThat(flagsOf(attachment("Bild.EXE. ", null, null, null))).containsExactly(RiskFlag.MALWARE_SUSPECT);
        assertThat(flagsOf(attachment("Antrag.docm", null, null, null))).containsExactly(RiskFlag.MALWARE_SUSPECT);
        // a harmless name, but the content sniffs as an executable; media type parameters and case are ignored
        assertThat(ruleIdsOf(attachment("foto.jpg", "image/jpeg", "Application/X-DOSEXEC; charset=binary", null)))
                .containsExactly("attachment.sniffed");
        assertThat(ruleIdsOf(attachment("foto.jpg", "application/x-dosexec", "image/jpeg", null)))
                .containsExactly("attachment.sniffed");
        assertThat(ruleIdsOf(attachment("invoice\u202Efdp.scr", null, null, null))).containsExactly("attachment.rtl_override");
        assertThat(ruleIdsOf(attachment("eicar.txt", "text/plain", "text/plain", EICAR.toUpperCase())))
                .containsExactly("attachment.known_sha256");
        assertThat(flagsOf(attachment("Schadenfotos.pdf", "application/pdf", "application/pdf", "1".repeat(64)))).isEmpty();
        assertThat(flagsOf(attachment(null, null, null, null))).isEmpty();
    }

    @Test
    void attachmentEvidencePointsAtTheFileName() {
        ClassificationInput in = mail("", "")
                .attachment("a.pdf")
                .attachment("rechnung.pdf.exe", "application/pdf", "application/x-dosexec", "0".repeat(64)).input();
        String names = "a.pdf\nrechnung.pdf.exe";
        for (Evidence e : classifier.classify(in).evidence()) {
            if (e.ruleId().startsWith("attachment.")) {
                assertThat(e.source()).isEqualTo(TextSource.ATTACHMENT_NAME);
                assertThat(names.substring(e.start(), e.end())).isEqualTo("rechnung.pdf.exe");
                assertThat(e.excerpt()).startsWith("rechnung.pdf.exe");
            }
        }
        assertThat(classifier.classify(in).evidence()).extracting(Evidence::excerpt)
                .contains("rechnung.pdf.exe [application/x-dosexec]");
    }

    @Test
    void decomposedUmlautsAreNormalized() {
        Classification c = classifier.classify(mail("Ku\u0308ndigung", "").input());
        assertThat(c.primaryIntent()).isEqualTo(Intent.CANCELLATION);
        assertThat(c.evidence().getFirst().excerpt()).isEqualTo("Kündigung");
    }

    @Test
    void textBeyondTheScanLimitIsNotRead() {
        String filler = "x ".repeat(100); // 200 chars = max_scan_chars of the test rules
        assertThat(classifier.classify(mail("", filler + "Unfall").input()).primaryIntent()).isEqualTo(Intent.GENERAL_INQUIRY);
        assertThat(classifier.classify(mail("", filler.substring(10) + "Unfall").input()).primaryIntent())
                .isEqualTo(Intent.CLAIM_NEW);
    }

    @Test
    void evidenceExcerptsAreShortAndTheirSpansPointIntoTheSource() {
        String body = "Sehr geehrte Damen und Herren, " + "bla ".repeat(30) + "nach dem Unfall gestern " + "bla ".repeat(30);
        ClassificationInput in = mail("Angebot", body).input();
        Classification c = classifier.classify(in);
        for (Evidence e : c.evidence()) {
            assertThat(e.stage()).isEqualTo(AuditStage.CLASSIFIED);
            assertThat(e.excerpt().length()).isLessThanOrEqualTo(Classifier.MAX_EXCERPT);
            String source = e.source() == TextSource.SUBJECT ? in.subject() : in.newText();
            String matched = source.substring(e.start(), e.end());
            assertThat(e.excerpt()).contains(matched);
        }
        Evidence unfall = c.evidence().stream().filter(e -> e.ruleId().equals("intent.claim_new.de.unfall")).findFirst().orElseThrow();
        assertThat(unfall.excerpt()).isEqualTo("nach dem Unfall gestern b"); // 10 characters of context each side, whitespace trimmed
    }

    @Test
    void longMatchesAreClippedTo80Characters() {
        String longWord = "Verkehrs" + "x".repeat(100) + "unfall";
        Classification c = classifier.classify(mail("", longWord).input());
        assertThat(c.evidence().getFirst().excerpt()).hasSize(80).startsWith("Verkehrsxxx");
    }

    @Test
    void sameInputSameOutputWhateverTheOrderOfHeadersAndRuns() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("X-Autoreply", "yes");
        a.put("Auto-Submitted", "auto-generated");
        a.put("auto-submitted", "auto-replied");
        Map<String, String> b = new LinkedHashMap<>();
        b.put("auto-submitted", "auto-replied");
        b.put("Auto-Submitted", "auto-generated");
        b.put("X-Autoreply", "yes");
        ClassificationInput inA = new ClassificationInput("Kündigung", "Unfall, dringend", "> Angebot", List.of(), a, "x@y.de", "de");
        ClassificationInput inB = new ClassificationInput("Kündigung", "Unfall, dringend", "> Angebot", List.of(), b, "x@y.de", "de");
        assertThat(inA).isEqualTo(inB);
        Classification first = classifier.classify(inA);
        List<ClassificationInput> others = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            others.add(mail("Frage " + i, i % 2 == 0 ? "Rechnung" : "Unfall").input());
        }
        Collections.shuffle(others, new java.util.Random(42));
        others.forEach(classifier::classify);
        assertThat(classifier.classify(inB)).isEqualTo(first);
        assertThat(TestRules.classifier().classify(inA)).isEqualTo(first);
    }

    @Test
    void theRealRulesAreDeterministicToo() {
        Classifier real = new Classifier(ClassificationRules.load(TestFiles.rules("classification-v1.yaml")));
        ClassificationInput in = mail("AW: Schadenmeldung SC-2026-004512 - dringend",
                "Sehr geehrte Damen und Herren,\nanbei die Rechnung der Werkstatt. Ich bin sehr unzufrieden, dass das so "
                        + "lange dauert. Mein Mann ist im Krankenhaus.\n")
                .quoted("> Ihre Schadenmeldung ist eingegangen").attachment("Rechnung.pdf").input();
        Classification first = real.classify(in);
        for (int i = 0; i < 5; i++) {
            assertThat(real.classify(in)).isEqualTo(first);
        }
        assertThat(new Classifier(ClassificationRules.load(TestFiles.rules("classification-v1.yaml"))).classify(in))
                .isEqualTo(first);
        assertThat(first.evidence()).isSortedAccordingTo(java.util.Comparator.comparing(Evidence::ruleId)
                .thenComparing(e -> e.source() == null ? "" : e.source().name()).thenComparingInt(Evidence::start));
        Pattern ruleId = Pattern.compile("(?:intent|flag)\\.[a-z_]+\\.(?:not\\.)?(?:de|en|any)(?:\\.[a-z0-9_]+)+"
                + "|header\\.[a-z0-9_.]+|attachment\\.[a-z0-9_.]+|classification\\.(?:no_signal|conflict)");
        assertThat(first.evidence()).allSatisfy(e -> assertThat(e.ruleId()).matches(ruleId));
        assertThat(first.confidence()).isBetween(0.0, 1.0);
    }

    @Test
    void inputFromAMailViewAndItsTextParts() {
        MailView mail = new MailView("id", "<m@x>", "Kunde@Example.ORG", "Kunde", "Kündigung", "body", "de",
                List.of(new AttachmentInfo("a.pdf", "application/pdf", "application/pdf", 3, "0".repeat(64))),
                Map.of("Auto-Submitted", "no"), false, List.of());
        ClassificationInput in = ClassificationInput.of(mail, new TextParts("neu", "alt"));
        assertThat(in.subject()).isEqualTo("Kündigung");
        assertThat(in.newText()).isEqualTo("neu");
        assertThat(in.quotedText()).isEqualTo("alt");
        assertThat(in.fromAddress()).isEqualTo("kunde@example.org");
        assertThat(in.headers()).containsExactly(Map.entry("auto-submitted", "no"));
        assertThat(in.attachments()).hasSize(1);
        assertThat(ClassificationInput.of(mail, null).newText()).isEqualTo("body");
        ClassificationInput empty = new ClassificationInput(null, null, null, null, null, null, null);
        assertThat(classifier.classify(empty).primaryIntent()).isEqualTo(Intent.GENERAL_INQUIRY);
        assertThat(classifier.classify(in).confidence()).isCloseTo(expectedConfidence(6, 0), within(1e-9));
    }

    private List<RiskFlag> flagsOf(AttachmentInfo a) {
        return classifier.classify(new ClassificationInput("", "", "", List.of(a), Map.of(), "", "")).riskFlags();
    }

    private List<String> ruleIdsOf(AttachmentInfo a) {
        return classifier.classify(new ClassificationInput("", "", "", List.of(a), Map.of(), "", "")).evidence().stream()
                .map(Evidence::ruleId).filter(id -> !id.startsWith("classification.")).toList();
    }

    private static AttachmentInfo attachment(String name, String declared, String sniffed, String sha256) {
        return new AttachmentInfo(name, declared, sniffed, 10, sha256);
    }
}
