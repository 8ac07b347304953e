package io.ieim.domain.classification;

import io.ieim.domain.TestFiles;
import io.ieim.spec.Intent;
import io.ieim.spec.RiskFlag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.ieim.domain.classification.Mails.mail;
import static io.ieim.spec.Intent.*;
import static io.ieim.spec.RiskFlag.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real rules (spec/rules/classification-v1.yaml) on hand-written German and English mails, one or
 * more per intent and flag. These are written for this test (not taken from data/samples) to check the
 * vocabulary generalizes: clear mails are classified confidently, with exactly the flags they deserve.
 */
class ClassifierVocabularyTest {

    private static Classifier classifier;

    @BeforeAll
    static void load() {
        classifier = new Classifier(ClassificationRules.load(TestFiles.rules("classification-v1.yaml")));
    }

    /**
     * @param name     case name
     * @param mail     the mail
     * @param primary  expected primary intent
     * @param also     intents that must also be listed
     * @param flags    exactly the expected risk flags
     * @param confident expected !belowThreshold && !conflict
     */
    record Case(String name, Mails mail, Intent primary, Set<Intent> also, Set<RiskFlag> flags, boolean confident) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case ok(String name, Mails mail, Intent primary, RiskFlag... flags) {
        return new Case(name, mail, primary, Set.of(), flags(flags), true);
    }

    static Case okAlso(String name, Mails mail, Intent primary, Set<Intent> also, RiskFlag... flags) {
        return new Case(name, mail, primary, also, flags(flags), true);
    }

    static Case unsure(String name, Mails mail, Intent primary, RiskFlag... flags) {
        return new Case(name, mail, primary, Set.of(), flags(flags), false);
    }

    private static Set<RiskFlag> flags(RiskFlag... flags) {
        return flags.length == 0 ? Set.of() : EnumSet.of(flags[0], flags);
    }

    static Stream<Case> cases() {
        return Stream.of(
                // --- CLAIM_NEW
                ok("de rear-end collision", mail("Schadenmeldung Kfz",
                        "Guten Tag,\nich hatte gestern einen Auffahrunfall an einer Ampel. Der Unfallgegner ist mir hinten "
                                + "aufgefahren, die Stoßstange ist beschädigt. Vertragsnummer KF-20481234.\nMit freundlichen Grüßen"),
                        CLAIM_NEW),
                ok("de water damage", mail("Wasserschaden in der Küche",
                        "Hallo, heute Nacht ist unter der Spüle ein Rohr geplatzt. Der Boden ist komplett nass. "
                                + "Was muss ich jetzt tun?"), CLAIM_NEW),
                ok("de burglary", mail("Einbruch",
                        "Bei uns wurde am Wochenende eingebrochen. Schmuck und ein Laptop wurden gestohlen, die Polizei war da."),
                        CLAIM_NEW),
                ok("de storm and hail", mail("Sturmschaden am Dach",
                        "Durch das Unwetter gestern hat der Hagel mehrere Dachziegel zerstört."), CLAIM_NEW),
                ok("de glass breakage", mail("Glasbruch",
                        "Ein Steinschlag hat die Windschutzscheibe meines Autos beschädigt."), CLAIM_NEW),
                ok("en rear-ended", mail("Car accident - new claim",
                        "Hello, I was rear-ended at a traffic light yesterday and my bumper is damaged. "
                                + "How do I make a claim?").language("en"), CLAIM_NEW),
                ok("en burst pipe", mail("Water damage",
                        "A pipe burst in our bathroom last night and the ceiling below is flooded.").language("en"), CLAIM_NEW),
                ok("en theft", mail("Bike stolen",
                        "My bicycle was stolen from the garden shed. I have a crime reference number from the police."),
                        CLAIM_NEW),
                // --- CLAIM_UPDATE
                ok("de status of a claim", mail("Sachstand Schaden SC-2026-004512",
                        "Guten Tag, wie ist der aktuelle Stand? Ich habe noch keine Rückmeldung erhalten."), CLAIM_UPDATE),
                ok("de repair invoice", mail("Rechnung der Werkstatt zu SC 2026 004512",
                        "Anbei die Reparaturrechnung für mein Auto.").attachment("Rechnung_Werkstatt.pdf"), CLAIM_UPDATE),
                ok("de documents for a reported loss", mail("Unterlagen zu meinem Wasserschaden",
                        "Wie telefonisch besprochen reiche ich die fehlenden Unterlagen nach: den Kostenvoranschlag "
                                + "und Fotos.").attachment("Kostenvoranschlag.pdf"), CLAIM_UPDATE),
                ok("en claim status", mail("Claim SC-2026-004512",
                        "Hi, could you give me an update on my claim? I reported the accident three weeks ago.")
                        .language("en"), CLAIM_UPDATE),
                ok("en garage invoice", mail("Repair invoice",
                        "Please find attached the garage invoice for the repairs to my car, claim number SC2026004512.")
                        .attachment("invoice_garage.pdf"), CLAIM_UPDATE),
                // --- POLICY_CHANGE
                ok("de address change", mail("Adressänderung",
                        "Sehr geehrte Damen und Herren, wir sind umgezogen. Unsere neue Anschrift lautet Lindenweg 5, 12345 Musterstadt."),
                        POLICY_CHANGE),
                ok("de new bank account (no fraud)", mail("Neue Bankverbindung",
                        "Bitte buchen Sie die Beiträge künftig von meinem neuen Konto ab. Die neue IBAN lautet DE02 1203 0000 0000 2020 51."),
                        POLICY_CHANGE),
                ok("de new vehicle", mail("Fahrzeugwechsel",
                        "Ich habe ein neues Fahrzeug gekauft und ein neues Kennzeichen bekommen. Bitte übertragen Sie den Vertrag."),
                        POLICY_CHANGE),
                ok("de beneficiary", mail("Lebensversicherung",
                        "Ich möchte den Bezugsberechtigten meiner Lebensversicherung ändern: künftig meine Tochter."),
                        POLICY_CHANGE),
                ok("en change of address", mail("Change of address",
                        "We have moved house. Please update my address to 12 High Street, Leeds.").language("en"),
                        POLICY_CHANGE),
                ok("en new car", mail("New car",
                        "I am replacing my car next week - please change the vehicle on my policy to the new car.")
                        .language("en"), POLICY_CHANGE),
                // --- CANCELLATION
                ok("de notice", mail("Kündigung meiner Hausratversicherung",
                        "Hiermit kündige ich meinen Vertrag HR-12345678 fristgerecht zum nächstmöglichen Zeitpunkt. "
                                + "Bitte senden Sie mir eine Kündigungsbestätigung."), CANCELLATION),
                ok("de withdrawal", mail("Widerruf",
                        "Hiermit widerrufe ich den am 3. Mai geschlossenen Vertrag."), CANCELLATION),
                ok("en cancel", mail("Cancel my policy",
                        "Please cancel my home insurance with effect from the end of this month.").language("en"), CANCELLATION),
                // --- BILLING
                ok("de debited twice", mail("Frage zur Beitragsrechnung",
                        "Mir wurde der Beitrag in diesem Monat doppelt abgebucht. Bitte erstatten Sie den zu viel gezahlten Betrag."),
                        BILLING),
                ok("de dunning", mail("Mahnung erhalten",
                        "Ich habe eine Mahnung bekommen, obwohl ich die Rechnung längst überwiesen habe."), BILLING),
                ok("en charged twice", mail("Premium",
                        "I have been charged twice for my premium this month. Please refund the extra payment.")
                        .language("en"), BILLING),
                // --- QUOTE_REQUEST
                ok("de offer", mail("Angebot Kfz-Versicherung",
                        "Guten Tag, ich interessiere mich für eine Kfz-Versicherung und hätte gerne ein Angebot. Was kostet das?"),
                        QUOTE_REQUEST),
                ok("en quote", mail("Home insurance",
                        "Could I get a quote for contents insurance for my flat? How much would it cost per month?")
                        .language("en"), QUOTE_REQUEST),
                // --- DOCUMENT_REQUEST
                ok("de certificate", mail("Versicherungsbestätigung",
                        "Für meinen Vermieter benötige ich eine Versicherungsbestätigung meiner Haftpflichtversicherung."),
                        DOCUMENT_REQUEST),
                ok("de green card", mail("Grüne Karte",
                        "Wir fahren im Sommer in die Türkei. Bitte schicken Sie mir die Grüne Karte zu."), DOCUMENT_REQUEST),
                ok("en copy of policy", mail("Documents",
                        "Please send me a copy of my policy documents and a green card for my trip.").language("en"),
                        DOCUMENT_REQUEST),
                // --- COMPLAINT (rule 5 routes it even when secondary)
                ok("de complaint", mail("Beschwerde",
                        "Ich bin sehr unzufrieden mit Ihrem Service. Das ist eine Zumutung!"), COMPLAINT),
                okAlso("de complaint about a claim", mail("Beschwerde über die Bearbeitung meines Schadens SC-2026-004512",
                        "Seit Wochen meldet sich niemand. Das ist inakzeptabel."), COMPLAINT, Set.of(CLAIM_UPDATE)),
                ok("en complaint", mail("Formal complaint",
                        "I wish to make a formal complaint about the appalling service I have received.").language("en"),
                        COMPLAINT),
                // --- PRIVACY_REQUEST
                ok("de access request", mail("Auskunft nach Art. 15 DSGVO",
                        "Bitte teilen Sie mir mit, welche personenbezogenen Daten Sie über mich gespeichert haben."),
                        PRIVACY_REQUEST),
                ok("de erasure", mail("Löschung",
                        "Ich fordere Sie auf, meine Daten zu löschen und die Daten nicht weiter zu verarbeiten (DSGVO)."),
                        PRIVACY_REQUEST),
                ok("en DSAR", mail("Subject access request",
                        "Under Article 15 GDPR I request a copy of all personal data you hold about me.").language("en"),
                        PRIVACY_REQUEST),
                // --- LEGAL
                ok("de lawyer's letter", mail("Ihr Versicherungsnehmer Max Muster",
                        "Sehr geehrte Damen und Herren,\nhiermit zeigen wir an, dass wir Herrn Max Muster anwaltlich vertreten. "
                                + "Eine Vollmacht liegt bei. Wir fordern Sie auf, den Schaden bis zum 15.07. zu regulieren, "
                                + "andernfalls werden wir Klage erheben.\nRechtsanwaltskanzlei Recht & Partner"),
                        LEGAL, LEGAL_THREAT, URGENT),
                ok("en solicitor's letter", mail("Letter before action",
                        "We act for Mr John Smith. This is a letter before action: unless you settle within 14 days, "
                                + "our client will issue court proceedings.").language("en"),
                        LEGAL, LEGAL_THREAT, URGENT),
                // --- AUTO_REPLY
                ok("de out of office", mail("Automatische Antwort: Ihre Nachricht",
                        "Vielen Dank für Ihre Nachricht. Ich bin bis zum 12.05. nicht im Büro. In dringenden Fällen wenden Sie "
                                + "sich bitte an meine Kollegin."), AUTO_REPLY, URGENT),
                ok("auto-submitted header", mail("Re: Ihre Anfrage", "Danke, wir melden uns.")
                        .header("Auto-Submitted", "auto-replied"), AUTO_REPLY),
                ok("delivery status notification", mail("Undelivered Mail Returned to Sender",
                        "This is the mail system at host mx.example.org. I'm sorry to have to inform you that your message "
                                + "could not be delivered to one or more recipients.")
                        .from("mailer-daemon@example.org")
                        .header("Content-Type", "multipart/report; report-type=delivery-status; boundary=\"x\""), AUTO_REPLY),
                ok("en out of office", mail("Out of Office: Re: your claim",
                        "I am currently out of the office with limited access to email.").language("en"), AUTO_REPLY),
                // --- SPAM
                ok("lottery spam", mail("Congratulations!!!",
                        "You have won 1,000,000 EUR in our lottery! Click here to claim your prize."), SPAM),
                ok("phishing", mail("Your mailbox password expires today",
                        "Your password expires today. Verify your account within 24 hours or it will be suspended."), SPAM,
                        URGENT),
                ok("de SEO spam", mail("Mehr Kunden für Ihre Versicherung",
                        "Wir bringen Ihre Website auf die erste Seite bei Google! Suchmaschinenoptimierung zum Sonderpreis. "
                                + "Newsletter abbestellen: hier klicken"), SPAM),
                // --- GENERAL_INQUIRY
                ok("de coverage question", mail("Frage zur Hausratversicherung",
                        "Ich habe eine Frage: Ist mein Fahrrad auch im Keller mitversichert?"), GENERAL_INQUIRY),
                ok("en coverage question", mail("Question",
                        "Am I covered if I lend my car to a friend for the weekend?").language("en"), GENERAL_INQUIRY),
                // --- risk flags
                okAlso("de customer threatens legal steps", mail("Mein Schaden SC-2026-004512",
                        "Wenn Sie den Schaden nicht endlich bezahlen, werde ich rechtliche Schritte einleiten."),
                        CLAIM_UPDATE, Set.of(), LEGAL_THREAT),
                ok("de regulator escalation", mail("Beschwerde",
                        "Ihr Verhalten ist eine Frechheit. Ich werde mich bei der BaFin über Sie beschweren."),
                        COMPLAINT, REGULATOR_ESCALATION),
                ok("de insurer footer names the regulator: no escalation", mail("Adressänderung",
                        "Bitte ändern Sie meine Adresse: Neue Straße 1, 10115 Berlin.\n--\nMakler GmbH, "
                                + "Zuständige Aufsichtsbehörde: BaFin, Graurheindorfer Str. 108, 53117 Bonn"), POLICY_CHANGE),
                ok("company signature with register court and privacy notice: no legal, no privacy", mail("Reparaturfreigabe",
                        "Sehr geehrte Damen und Herren, anbei der Kostenvoranschlag für die Reparatur des Fahrzeugs Ihres Kunden, "
                                + "Schadennummer SC-2026-004512. Wir bitten um Freigabe.\n--\nAutohaus Beispiel GmbH, Geschäftsführer: "
                                + "M. Muster, Registergericht: Amtsgericht Köln, HRB 12345. Informationen zur Verarbeitung Ihrer "
                                + "personenbezogenen Daten finden Sie in unseren Datenschutzhinweisen."), CLAIM_UPDATE),
                ok("en ombudsman", mail("Complaint about my claim",
                        "I am unhappy with how my complaint was handled. If this is not resolved I will refer my complaint "
                                + "to the Financial Ombudsman Service.").language("en"), COMPLAINT, REGULATOR_ESCALATION),
                okAlso("de fraud: pay fast to a brother's account", mail("Auszahlung",
                        "Bitte überweisen Sie die Entschädigung schnell auf dieses Konto, es ist das Konto meines Bruders. "
                                + "Einen Gutachter brauchen Sie nicht zu schicken. Mein Schaden SC-2026-004512."),
                        CLAIM_UPDATE, Set.of(), FRAUD_INDICATOR),
                ok("de legit payout account: no fraud", mail("Auszahlung zu SC-2026-004512",
                        "Bitte überweisen Sie die Entschädigung auf folgendes Konto: DE02 1203 0000 0000 2020 51."),
                        CLAIM_UPDATE),
                ok("en fraud", mail("Claim payment",
                        "Please pay the settlement of my claim into a different account today, my friend's account, "
                                + "no need for an assessor.").language("en"), CLAIM_UPDATE, FRAUD_INDICATOR),
                ok("de bereavement", mail("Todesfall",
                        "Mein Mann ist letzten Monat verstorben. Ich möchte den Leistungsfall melden, die Sterbeurkunde liegt bei."),
                        CLAIM_NEW, VULNERABLE_CUSTOMER),
                ok("en hardship", mail("Premium payments",
                        "I lost my job in March and I am struggling to pay my monthly payments. Can I pay in instalments?")
                        .language("en"), BILLING, VULNERABLE_CUSTOMER),
                ok("de health data", mail("Unfall beim Sport",
                        "Ich bin gestern beim Fußball gestürzt und wurde im Krankenhaus behandelt. Laut Diagnose ist das "
                                + "Sprunggelenk gebrochen. Das ärztliche Attest liegt bei.").attachment("Attest.pdf"),
                        CLAIM_NEW, PII_SENSITIVE),
                okAlso("de documents for an accident: an update, with health data", mail("Unterlagen Krankenhaus",
                        "Anbei das ärztliche Attest und der Entlassungsbericht aus dem Krankenhaus zu meinem Unfall, "
                                + "Schadennummer SC-2026-004512.").attachment("Attest.pdf"), CLAIM_UPDATE, Set.of(),
                        PII_SENSITIVE),
                ok("de urgent storm damage", mail("DRINGEND: Dach abgedeckt",
                        "Der Sturm hat heute Nacht unser Dach abgedeckt, es regnet herein. Bitte melden Sie sich so schnell wie möglich."),
                        CLAIM_NEW, URGENT),
                ok("en emergency", mail("URGENT - roof blown off",
                        "The storm blew the roof off and the house is uninhabitable. We need emergency help.")
                        .language("en"), CLAIM_NEW, URGENT),
                ok("executable double extension", mail("Rechnung", "Anbei die Rechnung.")
                        .attachment("rechnung.pdf.exe", "application/pdf", "application/x-dosexec", "1".repeat(64)),
                        BILLING, MALWARE_SUSPECT),
                ok("macro office file", mail("Angebot", "Bitte Makros aktivieren, um das Angebot zu sehen.")
                        .attachment("Angebot.docm"), QUOTE_REQUEST, MALWARE_SUSPECT),
                // --- reply threads, forwards, footers, questions
                ok("de reply with the insurer's quoted footer", mail("AW: Ihre Schadenmeldung SC-2026-003311",
                        "Hallo,\ndie Reparatur ist abgeschlossen, die Rechnung schicke ich anbei.\nViele Grüße")
                        .quoted("> Sehr geehrter Herr Lang, bitte senden Sie uns die Reparaturrechnung.\n> Allgemeine "
                                + "Versicherung AG, Registergericht: Amtsgericht München HRB 99999\n> Informationen zum "
                                + "Datenschutz: www.example.de/datenschutz"), CLAIM_UPDATE),
                ok("de forwarded address change", mail("WG: Adresse",
                        "Hallo, leite Ihnen die Mail meiner Frau weiter. Bitte die Adresse in beiden Verträgen ändern.\n\n"
                                + "---------- Weitergeleitete Nachricht ----------\nBetreff: Adresse\n"
                                + "Wir wohnen seit 1. März in der Gartenstraße 7, 50667 Köln."), POLICY_CHANGE),
                ok("de consent withdrawal is privacy, not cancellation", mail("Widerruf Einwilligung",
                        "Ich widerrufe hiermit meine Einwilligung zur Nutzung meiner Daten für Werbezwecke."), PRIVACY_REQUEST),
                ok("en coverage question names a part, not a loss", mail("Windscreen cover?",
                        "Does my policy include windscreen cover and is there an excess?").language("en"), GENERAL_INQUIRY),
                ok("de phishing", mail("Bestätigen Sie Ihre Zugangsdaten",
                        "Ihr Postfach ist voll. Bitte bestätigen Sie Ihre Zugangsdaten innerhalb von 24 Stunden, sonst "
                                + "wird Ihr Konto gesperrt."), SPAM, URGENT),
                okAlso("de explicit complaint about a claim decision", mail("Ihr Schreiben vom 4.5.",
                        "Ich bin mit der Ablehnung meines Schadens SC-2026-002222 überhaupt nicht einverstanden und lege "
                                + "hiermit Beschwerde ein."), COMPLAINT, Set.of(CLAIM_UPDATE)),
                ok("de holiday accident is no auto reply", mail("Unfall mit Mietwagen im Urlaub",
                        "Während unseres Urlaubs in Spanien hatten wir einen Unfall mit dem Mietwagen. Der Vermieter will "
                                + "800 Euro Selbstbeteiligung."), CLAIM_NEW),
                // --- uncertain
                unsure("no signal at all", mail("Hallo", "Bitte rufen Sie mich zurück."), GENERAL_INQUIRY),
                unsure("only quoted text talks of cancelling", mail("AW: Ihre Nachricht", "Danke!")
                        .quoted("> Ihre Kündigung vom 3. Mai haben wir erhalten und bestätigen sie zum 31.12."), GENERAL_INQUIRY),
                unsure("cancel after an accident: conflict", mail("Kündigung nach Unfall",
                        "Nach dem Unfall letzte Woche hat mein Auto einen Totalschaden. Ich kündige hiermit die Kfz-Versicherung."),
                        CLAIM_NEW)
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void classifies(Case c) {
        ClassificationInput input = c.mail().input();
        Classification result = classifier.classify(input);
        String why = explain(input, result);

        assertThat(result.primaryIntent()).as(why).isEqualTo(c.primary());
        assertThat(result.intents()).as(why).containsAll(c.also()).startsWith(c.primary());
        assertThat(Set.copyOf(result.riskFlags())).as(why).isEqualTo(c.flags());
        assertThat(!result.belowThreshold() && !result.conflict()).as(why).isEqualTo(c.confident());
        // the contract's routing moves whole mails for LEGAL, PRIVACY_REQUEST and COMPLAINT: never list them by accident
        for (Intent routing : List.of(LEGAL, PRIVACY_REQUEST, COMPLAINT)) {
            if (c.primary() != routing && !c.also().contains(routing)) {
                assertThat(result.intents()).as(why).doesNotContain(routing);
            }
        }
    }

    private static String explain(ClassificationInput input, Classification result) {
        var scores = classifier.scores(input);
        return "\nresult: " + result.primaryIntent() + " " + result.intents() + " flags=" + result.riskFlags()
                + " conf=" + result.confidence() + " below=" + result.belowThreshold() + " conflict=" + result.conflict()
                + "\nintent scores: " + scores.intents().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "))
                + "\nflag scores: " + scores.flags().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "))
                + "\nevidence: " + result.evidence().stream().map(e -> e.ruleId() + "@" + e.source() + "[" + e.excerpt() + "]")
                .collect(Collectors.joining("\n  ", "\n  ", ""));
    }
}
