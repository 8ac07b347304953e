# German mails, part 2: billing, quotes, documents, complaints, privacy, legal, general.
from corpus import *
from mails_de_1 import *

# ------------------------------------------------------------------ BILLING
mail("de-060-mahnung-obwohl-bezahlt.eml", "de", DEMIR, f"beitrag@{INSURER}", "2026-02-04 17:44:12 +0100",
     "Mahnung erhalten obwohl bezahlt??", """Hallo,

ich habe heute eine Mahnung über 96,40 Euro plus 5 Euro Mahngebühr für meine Hausratversicherung HR-31013344 bekommen. Ich habe den Jahresbeitrag aber am 08.01. überwiesen (Kontoauszug anbei).

Bitte prüfen Sie das und nehmen Sie die Mahngebühr zurück.

Gruß
Elif Demir
""", attachments=[pdf("Kontoauszug_Januar.pdf")],
     gold=G("BILLING", ident=by_policy("HR-31013344"), queue="BILLING", notes="dunning although paid"))

mail("de-061-stundung-arbeitslos.eml", "de", KAYA, f"beitrag@{INSURER}", "2026-01-28 13:25:31 +0100",
     "Bitte um Stundung / Ratenzahlung", """Sehr geehrte Damen und Herren,

ich bin seit Dezember arbeitslos, mein Arbeitgeber hat Insolvenz angemeldet. Das Arbeitslosengeld ist noch nicht bewilligt und wir kommen mit zwei Kindern gerade kaum über die Runden.

Der Halbjahresbeitrag für meine Kfz-Versicherung (KF-20504451) über 412 Euro ist am 01.02. fällig. Könnte ich den Betrag in Raten zahlen oder für zwei, drei Monate stunden? Das Auto brauche ich für die Jobsuche.

Ich will auf keinen Fall den Versicherungsschutz verlieren.

Mit freundlichen Grüßen
Ahmet Kaya
""", gold=G("BILLING", flags=["VULNERABLE_CUSTOMER"], ident=by_policy("KF-20504451"), queue="BILLING",
            notes="financial hardship, asks for deferral"))

mail("de-062-beitragserstattung.eml", "de", GRAF, f"beitrag@{INSURER}", "2026-02-03 08:51:09 +0100",
     "Beitragserstattung gekündigter Vertrag", """Hallo,

mein Kfz-Vertrag KF-20496673 ist zum 31.01.2026 beendet. Ich hatte den Beitrag für das ganze Jahr im Voraus bezahlt. Wann wird mir der anteilige Beitrag für Februar bis Dezember zurückerstattet?

Bankverbindung ist unverändert.

Gruß
Maximilian Graf
""", subj_enc="Q-utf-8",
     gold=G("BILLING", ident=by_policy("KF-20496673"), queue="BILLING",
            notes="refund for a CANCELLED policy; a cancelled policy still confirms identity"))

mail("de-063-ruecklastschrift-qp.eml", "de", ("Claudia Fischer", "Claudia.Fischer@Example.DE"), f"beitrag@{INSURER}",
     "2026-02-11 12:14:27 +0100", "Rücklastschrift", """Sehr geehrte Damen und Herren,

Sie haben mir geschrieben, dass die Lastschrift für meinen Krankenversicherungsbeitrag im Januar zurückgegangen ist und Rücklastschriftgebühren von 3,50 Euro anfallen. Das lag an einem Fehler meiner Bank bei der Kontoumstellung (die IBAN ist gleich geblieben). Die Bank hat mir das schriftlich bestätigt.

Können Sie den Beitrag einfach noch einmal einziehen und auf die Gebühr verzichten? Der Betrag ist auf dem Konto gedeckt.

Freundliche Grüße
Claudia Fischer
""", subj_enc="Q-utf-8", cte="quoted-printable", client="apple",
     gold=G("BILLING", ident=by_sender("CU-1002359"), queue="BILLING",
            notes="returned direct debit; sender address in different letter case still matches; QP UTF-8"))

mail("de-064-zahlweise-kundennummer.eml", "de", VOGEL, f"beitrag@{INSURER}", "2026-01-16 10:09:41 +0100",
     "Zahlweise ändern", """Guten Tag,

ich möchte die Zahlweise für meine Verträge von monatlich auf jährlich umstellen, um den Ratenzuschlag zu sparen. Kundennummer 1002355.

Ab wann wäre das möglich und wie hoch wären dann die Jahresbeiträge?

Mit freundlichen Grüßen
K. Vogel
""", subj_enc="B-iso-8859-1", charset="iso-8859-1", cte="quoted-printable",
     gold=G("BILLING", ident=by_customer("CU-1002355"), queue="BILLING",
            notes="payment frequency; customer number of a customer with two ACTIVE policies -> no policy"))

mail("de-065-doppelte-abbuchung.eml", "de", ("Birgit Hartwig", "b.hartwig@example.net"), f"beitrag@{INSURER}",
     "2026-02-05 19:37:02 +0100", "Doppelte Abbuchung", """Hallo,

mir ist gerade aufgefallen, dass Sie am 02.02. zweimal 57,30 Euro von meinem Konto abgebucht haben, Verwendungszweck jeweils "Lindenhof Beitrag 02/2026". Bitte erstatten Sie den doppelt abgebuchten Betrag.

Mit freundlichen Grüßen
Birgit Hartwig
""", gold=G("BILLING", ident=not_found(), queue="BILLING", notes="unknown sender, no reference -> REQUEST_INFO"))

# ------------------------------------------------------------------ QUOTE_REQUEST
mail("de-070-angebot-erstes-auto.eml", "de", ("Jonas Reuter", "jonas.reuter@example.net"), f"vertrieb@{INSURER}",
     "2026-01-18 14:56:22 +0100", "Angebot Kfz-Versicherung", """Hallo,

ich bekomme im März meinen ersten eigenen Wagen (VW Polo, Bj. 2019, 95 PS) und suche eine Kfz-Versicherung. Ich bin 22, habe den Führerschein seit 4 Jahren und bin bisher bei meinen Eltern als Zweitfahrer mitgefahren. SF-Klasse wäre dann wohl 0, oder kann man da was übernehmen?

Was würde bei Ihnen Haftpflicht + Teilkasko kosten? Ich wohne in Münster.

Danke und viele Grüße
Jonas Reuter
""", gold=G("QUOTE_REQUEST", ident=not_found(), queue="SALES", notes="prospect asks for a motor quote"))

mail("de-071-angebot-hausrat-bestandskunde.eml", "de", BECKER, f"vertrieb@{INSURER}", "2026-02-07 12:40:50 +0100",
     "Hausratversicherung für erste eigene Wohnung", """Hallo,

ich habe bei Ihnen schon meine Haftpflicht und ziehe jetzt in meine erste eigene Wohnung (42 qm, 2. OG, Münster). Können Sie mir ein Angebot für eine Hausratversicherung machen? Fahrraddiebstahl sollte mit drinn sein, mein Rad hat ca. 1.200 Euro gekostet.

Viele Grüße
Lukas Becker
""", subj_enc="Q-utf-8", client="gmail", shape="alt",
     gold=G("QUOTE_REQUEST", ident=by_sender("CU-1002356"), queue="SALES",
            notes="existing customer wants a new contract; sender gives PROBABLE with the one ACTIVE policy"))

mail("de-072-kontaktformular-name-geburtsdatum.eml", "de", ("Lindenhof Kontaktformular", f"kontaktformular@{INSURER}"),
     f"vertrieb@{INSURER}", "2026-02-14 09:03:15 +0100", "Kontaktformular: Angebotsanfrage Wohngebäude", None,
     shape="html", subj_enc="Q-utf-8", reply_to="sophie.l@example.net", extra_headers=["Auto-Submitted: no", "X-Form-Id: kontakt-v3"],
     html_body="""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>
<h3>Neue Anfrage über das Kontaktformular</h3>
<table border="0" cellpadding="4">
<tr><td><b>Name</b></td><td>Sophie Lehmann</td></tr>
<tr><td><b>Geburtsdatum</b></td><td>25.05.1993</td></tr>
<tr><td><b>E-Mail</b></td><td>sophie.l@example.net</td></tr>
<tr><td><b>Telefon</b></td><td>0331 5550391</td></tr>
<tr><td><b>Anliegen</b></td><td>Angebot Wohngebäudeversicherung</td></tr>
<tr><td><b>Nachricht</b></td><td>Wir kaufen ein Einfamilienhaus in Werder (Havel), Baujahr 1998, 140 m² Wohnfläche,
Übergabe voraussichtlich am 1. Mai. Bitte um ein Angebot für eine Wohngebäudeversicherung inkl. Elementarschäden.
PLZ des Objekts: 14542</td></tr>
</table>
<p style="color:#888">Diese Nachricht wurde automatisch aus dem Kontaktformular erzeugt.</p>
</body></html>""",
     gold=G("QUOTE_REQUEST", ident=by_name("CU-1002367"), queue="SALES",
            notes="web form from the insurer's own address; name + date of birth identify the customer -> PROBABLE"))

mail("de-073-zweitwagen-tochter.eml", "de", MUELLER, f"vertrieb@{INSURER}", "2026-02-19 18:12:37 +0100",
     "Zweitwagen Tochter – was kostet das?", """Guten Tag,

meine Tochter (19) hat ihren Führerschein gemacht und bekommt zum Geburtstag einen gebrauchten Kleinwagen (Toyota Yaris, Bj. 2017). Wir würden den gerne als Zweitwagen über mich bei Ihnen versichern, mit ihr als Hauptfahrerin.

Können Sie mir ein Angebot machen? Meine Kundennummer 1002345, der jetzige Vertrag läuft über den Kombi.

Mit freundlichen Grüßen
Jürgen Müller
""", subj_enc="B-utf-8",
     gold=G("QUOTE_REQUEST", ident=by_customer("CU-1002345"), queue="SALES",
            notes="customer number, customer has exactly one ACTIVE policy -> policy filled"))

mail("de-074-zahnzusatz-anfrage.eml", "de", ("Gabriele Sommer", "gabi.sommer@example.net"), f"vertrieb@{INSURER}",
     "2026-01-25 16:22:08 +0100", "Anfrage Zahnzusatzversicherung", """Sehr geehrte Damen und Herren,

ich interessiere mich für eine Zahnzusatzversicherung. Bei mir steht in den nächsten Monaten eine Wurzelbehandlung und vermutlich eine Krone an (Zahn 36), außerdem habe ich seit Jahren eine Parodontitis, die regelmäßig behandelt wird.

Kann ich trotzdem noch eine Versicherung abschließen, und was würde das kosten? Ich bin 54 Jahre alt und gesetzlich versichert.

Mit freundlichen Grüßen
Gabriele Sommer
""", gold=G("QUOTE_REQUEST", flags=["PII_SENSITIVE"], ident=not_found(), queue="SALES",
            notes="quote request containing dental health data"))

# ------------------------------------------------------------------ DOCUMENT_REQUEST
mail("de-080-gruene-karte-bis-freitag.eml", "de", ZIMMERMANN, SERVICE_DE, "2026-02-11 07:35:48 +0100",
     "Grüne Karte bis Freitag benötigt", """Hallo,

wir fahren am Samstag mit dem Auto nach Kroatien und ich kann meine Internationale Versicherungskarte (grüne Karte) nicht finden. Könnten Sie mir bitte bis spätestens Freitag eine neue als PDF schicken?

Vertrag: KF-20495521

Danke!
Felix Zimmermann
""", subj_enc="Q-iso-8859-1", charset="iso-8859-1", cte="quoted-printable",
     gold=G("DOCUMENT_REQUEST", flags=["URGENT"], ident=by_policy("KF-20495521"), queue="POLICY_SERVICE",
            notes="green card with an explicit deadline"))

mail("de-081-kopie-versicherungsschein.eml", "de", KUEHN, SERVICE_DE, "2026-02-02 10:18:29 +0100",
     "Kopie Versicherungsschein", """Sehr geehrte Damen und Herren,

beim Aufräumen habe ich festgestellt, dass mir der Versicherungsschein meiner Krankenversicherung fehlt.

Bitte senden Sie mir eine Kopie per Post zu. Kundennummer 1002365.

Mit freundlichen Grüßen
Ursula Kühn
Erfurt
""", gold=G("DOCUMENT_REQUEST", ident=by_customer("CU-1002365"), queue="POLICY_SERVICE",
            notes="copy of the policy; customer number with one ACTIVE policy"))

mail("de-082-beitragsbescheinigung-steuer.eml", "de", HOFFMANN, SERVICE_DE, "2026-02-20 20:05:55 +0100",
     "Beitragsbescheinigung 2025 für die Steuer", """Hallo,

für meine Steuererklärung benötige ich eine Bescheinigung über die im Jahr 2025 gezahlten Beiträge zu meiner Lebensversicherung. Können Sie mir die bitte per Mail zuschicken?

Vielen Dank
Monika Hoffmann
""", subj_enc="Q-utf-8", client="apple",
     gold=G("DOCUMENT_REQUEST", ident=by_sender("CU-1002361"), queue="POLICY_SERVICE",
            notes="premium certificate for taxes; sender known"))

mail("de-083-bestaetigung-vermieter.eml", "de", BECKER, SERVICE_DE, "2026-01-12 15:42:03 +0100",
     "Bestätigung Haftpflicht für Vermieter", """Hallo,

mein neuer Vermieter möchte einen Nachweis über meine Privathaftpflicht (inkl. Mietsachschäden) haben. Könnten Sie mir eine Versicherungsbestätigung ausstellen? Meine Vertragsnummer ist PH 5502 1456.

Danke und Grüße
Lukas Becker
""", subj_enc="Q-utf-8",
     gold=G("DOCUMENT_REQUEST", ident=by_policy("PH-55021456"), queue="POLICY_SERVICE",
            notes="confirmation of cover for a landlord; policy with spaces"))

mail("de-084-versicherungsschein-unbekannt.eml", "de", ("Helga Brückner", "helga.brueckner@example.net"), SERVICE_DE,
     "2026-02-12 11:11:36 +0100", "Versicherungsschein", """Guten Tag,

bitte schicken Sie mir eine Kopie meines Versicherungsscheins, ich finde ihn nicht mehr. Ich brauche ihn für die Bank.

Mit freundlichen Grüßen
Helga Brückner
""", gold=G("DOCUMENT_REQUEST", ident=not_found(), queue="POLICY_SERVICE",
            notes="unknown sender, no reference -> REQUEST_INFO"))

mail("de-085-nachtrag-vertippte-nummer.eml", "de", RICHTER, SERVICE_DE, "2026-01-19 19:27:44 +0100",
     "Aktueller Versicherungsumfang Rechtsschutz", """Sehr geehrte Damen und Herren,

für meine Unterlagen benötige ich eine aktuelle Übersicht über den Versicherungsumfang meiner Rechtsschutzversicherung (Vertrag RS-60019910), also welche Bausteine enthalten sind und welche Selbstbeteiligung gilt. Den ursprünglichen Versicherungsschein habe ich beim Umzug verlegt.

Können Sie mir einen aktuellen Nachtrag oder eine Kopie des Versicherungsscheins als PDF schicken?

Mit freundlichen Grüßen
Tobias Richter
""", gold=G("DOCUMENT_REQUEST", ident=by_sender("CU-1002384", unmatched=["RS-60019910"]), queue="POLICY_SERVICE",
            notes="mistyped policy number stays unmatched; the unique sender still gives PROBABLE and the one ACTIVE policy"))

# ------------------------------------------------------------------ COMPLAINT
mail("de-090-beschwerde-keine-reaktion.eml", "de", KAYA, COMPLAINTS_TO, "2026-02-26 18:02:19 +0100",
     "Beschwerde - keine Reaktion zu Schaden SC-2026-006720", """Sehr geehrte Damen und Herren,

ich habe meinen Unfall am 05.02. gemeldet und seitdem trotz zwei Anrufen und einer Mail NICHTS von Ihnen gehört. Niemand ruft zurück, an der Hotline werde ich nur vertröstet. Mein Auto steht seit drei Wochen kaputt in der Werkstatt und ich muss mir jeden Tag ein Auto leihen.

Das ist wirklich eine Frechheit. Ich zahle seit Jahren pünktlich meine Beiträge und im Schadenfall kümmert sich keiner.

Ich erwarte, dass sich ein Sachbearbeiter bei mir meldet und mir sagt, wann der Gutachter kommt.

Ahmet Kaya
""", gold=G("COMPLAINT", ["COMPLAINT", "CLAIM_UPDATE"], ident=by_claim("SC-2026-006720"), queue="COMPLAINTS",
            notes="complaint about an existing claim; primary COMPLAINT decides the action -> CREATE_CASE"))

mail("de-091-beschwerde-bafin-frist.eml", "de", KRUEGER, COMPLAINTS_TO, "2026-02-16 21:10:40 +0100",
     "Einbruchschaden SC-2026-004377 - letzte Frist", """Sehr geehrte Damen und Herren,

seit fünf Wochen warte ich auf die Regulierung meines Einbruchschadens. Alle angeforderten Unterlagen (Stehlgutliste, Rechnungen, Polizeibericht) liegen Ihnen seit dem 15.01. vor. Auf meine Nachfragen bekomme ich nur Textbausteine.

Ich setze Ihnen hiermit eine letzte Frist bis zum 28.02.2026. Sollte bis dahin keine Zahlung oder zumindest eine verbindliche Aussage erfolgen, werde ich mich bei der BaFin über Sie beschweren.

Mit freundlichen Grüßen
Sabine Krüger
""", client="thunderbird",
     gold=G("COMPLAINT", ["COMPLAINT", "CLAIM_UPDATE"], flags=["REGULATOR_ESCALATION", "URGENT"],
            ident=by_claim("SC-2026-004377"), queue="COMPLAINTS", notes="deadline and BaFin escalation"))

mail("de-092-beschwerde-hotline.eml", "de", KUEHN, COMPLAINTS_TO, "2026-02-05 09:40:12 +0100",
     "Beschwerde über Ihre Hotline", """Sehr geehrte Damen und Herren,

ich möchte mich über die Behandlung am Telefon beschweren. Ich habe am Dienstag wegen einer Frage zu meiner Krankenversicherung angerufen und wurde von einem Mitarbeiter sehr unfreundlich behandelt. Als ich etwas nicht gleich verstanden habe, sagte er, ich solle "mal besser zuhören", und hat dann einfach aufgelegt.

So geht man mit älteren Kunden nicht um. Ich bin seit über 25 Jahren bei Ihnen versichert.

Ich bitte um eine Stellungnahme.

Mit freundlichen Grüßen
Ursula Kühn
""", subj_enc="Q-utf-8",
     gold=G("COMPLAINT", ident=by_sender("CU-1002365"), queue="COMPLAINTS", notes="complaint about staff behaviour"))

mail("de-093-beitragserhoehung-anwalt.eml", "de", WAGNER, COMPLAINTS_TO, "2026-01-08 22:31:05 +0100",
     "Beitragserhöhung Kfz - so nicht!", """Sehr geehrte Damen und Herren,

Ihre Beitragsrechnung für 2026 ist eine Unverschämtheit. Für beide Autos soll ich plötzlich fast 40 % mehr bezahlen, obwohl der Schaden vom Oktober eindeutig nicht meine Schuld war und Sie ihn nach meiner Kenntnis beim Gegner zurückgeholt haben. Eine Hochstufung ist damit nicht gerechtfertigt.

Ich fordere Sie auf, die Einstufung zu korrigieren. Andernfalls werde ich meinen Anwalt einschalten und die Sache gerichtlich klären lassen.

Stefan Wagner
Kundennummer: CU-1002358
""", subj_enc="Q-utf-8", client="thunderbird",
     gold=G("COMPLAINT", ["COMPLAINT", "BILLING"], flags=["LEGAL_THREAT"], ident=by_customer("CU-1002358"), queue="LEGAL",
            notes="complaint with a threat of court action -> rule 3 LEGAL before COMPLAINTS"))

mail("de-094-ombudsmann.eml", "de", SCHAEFER, COMPLAINTS_TO, "2026-02-19 11:56:47 +0100",
     "Beschwerde beim Versicherungsombudsmann - Schaden SC-2026-004021", """Sehr geehrte Damen und Herren,

da Sie die Übernahme der Trocknungskosten für meinen Keller trotz des eindeutigen Frostschadens weiterhin ablehnen, habe ich heute Beschwerde beim Versicherungsombudsmann eingelegt. Eine Kopie meiner Beschwerde füge ich zur Kenntnis bei.

Ich bin sehr enttäuscht, dass man nach über 20 Jahren als Kunde so behandelt wird.

Mit freundlichen Grüßen
Dieter Schäfer
""", client="outlook", attachments=[pdf("Beschwerde_Ombudsmann.pdf")],
     gold=G("COMPLAINT", flags=["REGULATOR_ESCALATION"], ident=by_claim("SC-2026-004021"), queue="COMPLAINTS",
            notes="complaint filed with the insurance ombudsman"))

mail("de-095-familie-unzufrieden.eml", "de", BRANDT, COMPLAINTS_TO, "2026-02-12 20:50:30 +0100",
     "Sehr unzufrieden", """Guten Tag,

wir sind mit der Bearbeitung unseres Anliegens überhaupt nicht zufrieden. Seit Wochen werden wir von einer Abteilung zur nächsten geschickt, niemand fühlt sich zuständig, und Rückrufe werden versprochen, aber nicht eingehalten.

Wir überlegen ernsthaft, mit allen Verträgen zu einem anderen Versicherer zu wechseln.

Familie Brandt
""", gold=G("COMPLAINT", ident=ambiguous(), queue="COMPLAINTS",
            notes="AMBIGUOUS identity but rule 5 (complaint) comes before rule 6"))

# ------------------------------------------------------------------ PRIVACY_REQUEST
mail("de-053-kuendigung-und-loeschung.eml", "de", NEUMANN, f"kuendigung@{INSURER}", "2026-02-23 14:33:51 +0100",
     "Kündigung Lebensversicherung und Löschung meiner Daten", """Sehr geehrte Damen und Herren,

hiermit kündige ich meine Lebensversicherung LV-70037789 zum nächstmöglichen Termin und bitte um Auszahlung des Rückkaufswertes auf mein bekanntes Konto.

Gleichzeitig verlange ich nach Art. 17 DSGVO die Löschung aller meiner personenbezogenen Daten, sobald keine gesetzlichen Aufbewahrungsfristen mehr entgegenstehen, und widerspreche jeder weiteren Nutzung meiner Daten für Werbezwecke (Art. 21 DSGVO).

Bitte bestätigen Sie mir beides schriftlich.

Mit freundlichen Grüßen
Ingrid Neumann
""", subj_enc="B-utf-8",
     gold=G("CANCELLATION", ["CANCELLATION", "PRIVACY_REQUEST"], ident=by_policy("LV-70037789"), queue="PRIVACY",
            notes="cancellation plus erasure/objection: privacy intent (rule 4) routes, primary CANCELLATION decides the action"))

mail("de-100-auskunft-art15.eml", "de", FISCHER, PRIVACY_TO, "2026-01-22 20:14:33 +0100",
     "Auskunftsersuchen nach Art. 15 DSGVO", """Sehr geehrte Damen und Herren,

gemäß Art. 15 DSGVO bitte ich um Auskunft darüber, welche personenbezogenen Daten Sie über mich speichern und verarbeiten, zu welchen Zwecken, an wen Sie diese weitergegeben haben und wie lange sie gespeichert werden. Bitte stellen Sie mir außerdem eine Kopie der Daten zur Verfügung (Art. 15 Abs. 3 DSGVO).

Insbesondere interessiert mich, ob Daten aus meiner Krankenversicherung an Dritte (z. B. Rückversicherer oder Dienstleister) übermittelt wurden.

Zur Identifikation: Claudia Fischer, geb. 17.03.1983, 55116 Mainz.

Mit freundlichen Grüßen
Claudia Fischer
""", gold=G("PRIVACY_REQUEST", ident=by_sender("CU-1002359"), queue="PRIVACY",
            notes="GDPR access request; sender and name + date of birth agree"))

mail("de-101-widerspruch-loeschung-nichtkunde.eml", "de", ("Markus Engel", "markus.engel@example.net"), PRIVACY_TO,
     "2026-02-08 12:00:09 +0100", "Widerspruch Werbung / Löschung meiner Daten", """Guten Tag,

ich erhalte seit Wochen Werbeanrufe und E-Mails von Ihnen, obwohl ich nie Kunde bei Ihnen war und niemals eingewilligt habe.

Ich widerspreche hiermit der Verarbeitung meiner Daten zu Werbezwecken (Art. 21 Abs. 2 DSGVO) und verlange die unverzügliche Löschung aller über mich gespeicherten Daten (Art. 17 DSGVO). Teilen Sie mir außerdem mit, woher Sie meine Daten haben (Art. 15 Abs. 1 lit. g DSGVO).

Markus Engel
""", subj_enc="Q-utf-8",
     gold=G("PRIVACY_REQUEST", ident=not_found(), queue="PRIVACY",
            notes="objection and erasure by a non-customer; PRIVACY does not need a contract -> CREATE_CASE"))

mail("de-102-berichtigung-geburtsdatum.eml", "de", HOEFLER, PRIVACY_TO, "2026-02-13 09:27:14 +0100",
     "Berichtigung meines Geburtsdatums", """Sehr geehrte Damen und Herren,

in Ihrem letzten Schreiben ist mein Geburtsdatum falsch angegeben (03.08.1952). Richtig ist: 08.03.1952. Offenbar wurden Tag und Monat vertauscht.

Ich bitte Sie gemäß Art. 16 DSGVO, dies in allen Ihren Systemen zu berichtigen und mir die Berichtigung kurz zu bestätigen.

Mit freundlichen Grüßen
Günther Höfler
""", charset="iso-8859-1", cte="quoted-printable", client="thunderbird",
     gold=G("PRIVACY_REQUEST", ident=by_sender("CU-1002353"), queue="PRIVACY",
            notes="rectification request (Art. 16)"))

# ------------------------------------------------------------------ LEGAL
mail("de-110-anwalt-haftpflicht-frist.eml", "de", ("Rechtsanwälte Dr. Albrecht & Partner", "kanzlei@albrecht-partner.example"),
     LEGAL_TO, "2026-02-12 14:20:31 +0100", "Ihr VN Lukas Becker, Schaden-Nr. SC-2026-005577 / unser Az. 0412/26",
     """Sehr geehrte Damen und Herren,

wir zeigen an, dass uns Herr Niklas Wendt, Hammer Straße 120, 48153 Münster, mit der Wahrnehmung seiner rechtlichen Interessen beauftragt hat. Eine auf uns lautende Vollmacht liegt bei.

Ihr Versicherungsnehmer, Herr Lukas Becker, hat am 22.01.2026 in der Wohnung unseres Mandanten dessen Notebook (Anschaffungswert 2.349,00 EUR, Rechnung anbei) durch Umstoßen eines Getränks irreparabel beschädigt. Ihre Einstandspflicht aus der Privathaftpflichtversicherung ist dem Grunde nach unstreitig.

Wir fordern Sie auf, den Betrag von 2.349,00 EUR zzgl. einer Unkostenpauschale von 25,00 EUR bis zum

27.02.2026

auf das Konto unserer Kanzlei zu überweisen. Nach fruchtlosem Fristablauf werden wir unserem Mandanten empfehlen, den Anspruch ohne weitere Ankündigung gerichtlich geltend zu machen.

Mit freundlichen Grüßen

Dr. Carsten Albrecht
Rechtsanwalt

Dr. Albrecht & Partner Rechtsanwälte mbB
Ludgeristraße 56, 48143 Münster
""", client="outlook", attachments=[pdf("Vollmacht_Wendt.pdf"), pdf("Rechnung_Notebook.pdf")],
     gold=G("LEGAL", flags=["LEGAL_THREAT", "URGENT"], ident=by_claim("SC-2026-005577"), queue="LEGAL",
            notes="lawyer's demand with deadline and threat of suit against our liability customer's claim"))

mail("de-111-deckungsanfrage-anwaeltin.eml", "de", ("Kanzlei Baumgartner", "info@ra-baumgartner.example"), LEGAL_TO,
     "2026-02-04 10:36:58 +0100", "Deckungsanfrage – Ihr VN Günther Höfler – Schaden-Nr. SC-2026-002214", """Sehr geehrte Damen und Herren,

in obiger Angelegenheit vertreten wir Ihren Versicherungsnehmer Herrn Günther Höfler in einer mietrechtlichen Streitigkeit mit seiner Vermieterin (Mieterhöhungsverlangen vom 14.11.2025).

Nachdem eine außergerichtliche Einigung gescheitert ist, beabsichtigen wir, für unseren Mandanten Klage beim Amtsgericht Nürnberg zu erheben. Wir bitten um Erteilung der Deckungszusage für das gerichtliche Verfahren erster Instanz. Den Entwurf der Klageschrift fügen wir bei.

Mit freundlichen Grüßen
Baumgartner
Rechtsanwältin
""", subj_enc="Q-utf-8", attachments=[pdf("Klageentwurf_Hoefler.pdf")],
     gold=G("LEGAL", ["LEGAL", "CLAIM_UPDATE"], ident=by_claim("SC-2026-002214"), queue="LEGAL",
            notes="lawyer asks cover for a suit against a third party (legal expenses claim); no threat against us"))

mail("de-112-amtsgericht-klageschrift.eml", "de", ("Amtsgericht Köln - Geschäftsstelle 142", "poststelle@ag-koeln.justiz.test"),
     LEGAL_TO, "2026-02-18 08:05:00 +0100", "Az. 142 C 87/26 - Zustellung Klageschrift", """Amtsgericht Köln
Geschäftsstelle Abteilung 142

Az.: 142 C 87/26

In dem Rechtsstreit
Weber ./. 1. Jürgen Müller, 2. Lindenhof Versicherung AG

wird Ihnen in der Anlage die Klageschrift vom 02.02.2026 nebst Anlagen übermittelt. Die Klage betrifft den Verkehrsunfall vom 09.01.2026 in Köln (Ihr Zeichen: SC-2026-004512).

Das Gericht hat das schriftliche Vorverfahren angeordnet. Sie werden aufgefordert, binnen einer Notfrist von zwei Wochen ab Zustellung anzuzeigen, ob Sie sich gegen die Klage verteidigen wollen.

Dieses Schreiben wurde elektronisch erstellt und ist ohne Unterschrift gültig.
""", attachments=[pdf("Klageschrift_142C87-26.pdf")],
     gold=G("LEGAL", flags=["URGENT"], ident=by_claim("SC-2026-004512"), queue="LEGAL",
            notes="court serves a statement of claim with a two-week deadline"))

mail("de-113-akteneinsicht-kv.eml", "de", ("RAin Dr. Susanne Lorenz", "lorenz@kanzlei-lorenz.example"), LEGAL_TO,
     "2026-02-20 15:48:22 +0100", "Akteneinsicht Schaden-Nr. SC-2026-006031 (Mandantin Katharina Vogel)", """Sehr geehrte Damen und Herren,

unter Vorlage einer Vollmacht zeige ich die Vertretung von Frau Katharina Vogel an.

Meine Mandantin befindet sich seit Januar wegen Komplikationen nach einer Gallenblasenoperation in ärztlicher Behandlung. Die Kosten der anschließenden Rehabilitationsmaßnahme haben Sie bislang nur teilweise übernommen.

Ich beantrage Einsicht in die vollständige Leistungsakte einschließlich der von Ihnen eingeholten ärztlichen Stellungnahmen und bitte um Übersendung in Kopie.

Mit freundlichen Grüßen
Dr. Susanne Lorenz
Rechtsanwältin
Fachanwältin für Versicherungsrecht
""", attachments=[pdf("Vollmacht_Vogel.pdf")],
     gold=G("LEGAL", flags=["PII_SENSITIVE"], ident=by_claim("SC-2026-006031"), queue="LEGAL",
            notes="lawyer requests file access; health details"))

mail("de-114-anwalt-unbekannter-vertrag.eml", "de", ("Rechtsanwalt Jörg Pfeiffer", "pfeiffer@ra-pfeiffer.example"),
     LEGAL_TO, "2026-02-09 11:14:36 +0100", "Unfall vom 19.01.2026 / Ihre VN Carola Jäger / Vertrag KF-20470000", """Sehr geehrte Damen und Herren,

wir vertreten Herrn Ralf Seidel wegen des Verkehrsunfalls vom 19.01.2026 in Mannheim. Unfallgegnerin war Ihre Versicherungsnehmerin Frau Carola Jäger (Kfz-Haftpflicht, Vertragsnummer KF-20470000).

Der Schaden unseres Mandanten beläuft sich laut beigefügtem Gutachten auf 6.814,20 EUR. Wir haben Sie mit Schreiben vom 26.01. zur Regulierung aufgefordert, eine Reaktion erfolgte nicht.

Sollte der Betrag nicht umgehend ausgeglichen werden, werden wir die Ansprüche ohne weitere Vorankündigung gerichtlich geltend machen.

Mit freundlichen Grüßen
Pfeiffer
Rechtsanwalt
""", subj_enc="Q-utf-8", attachments=[pdf("Gutachten_Seidel.pdf")],
     gold=G("LEGAL", flags=["LEGAL_THREAT"], ident=not_found(["KF-20470000"]), queue="LEGAL",
            notes="policy number matches nothing -> NOT_FOUND; LEGAL needs no contract -> CREATE_CASE"))

mail("de-115-pfaendung-lebensversicherung.eml", "de", ("Amtsgericht Kiel - Vollstreckungsgericht", "vollstreckung@ag-kiel.justiz.test"),
     LEGAL_TO, "2026-02-10 09:12:00 +0100", "Pfaendungs- und Ueberweisungsbeschluss 3 M 412/26", """Sehr geehrte Damen und Herren,

in der Zwangsvollstreckungssache

Förde Kredit GmbH ./. Monika Hoffmann, Kiel

übersenden wir den Pfändungs- und Überweisungsbeschluss vom 04.02.2026 (Az. 3 M 412/26) zur Kenntnis. Gepfändet sind die Ansprüche der Schuldnerin aus dem Lebensversicherungsvertrag Nr. LV-70033120 einschließlich des Rechts zur Kündigung.

Die Drittschuldnererklärung nach § 840 ZPO ist innerhalb von zwei Wochen abzugeben.

Geschäftsstelle des Amtsgerichts Kiel
""", attachments=[pdf("PfUeB_3M412-26.pdf")],
     gold=G("LEGAL", flags=["URGENT"], ident=by_policy("LV-70033120"), queue="LEGAL",
            notes="garnishment order on a life policy, two-week deadline"))

# ------------------------------------------------------------------ GENERAL_INQUIRY
mail("de-120-hausrat-im-urlaub.eml", "de", SCHNEIDER, SERVICE_DE, "2026-02-22 17:40:11 +0100",
     "Frage zur Hausrat im Urlaub", """Hallo,

kurze Frage: Ich fahre im März für drei Wochen nach Portugal. Sind meine Sachen (Laptop, Kamera) auch im Hotel bzw. im Mietwagen über meine Hausratversicherung abgesichert? Gibt es da eine Obergrenze?

Danke und viele Grüße
Anna Schneider
""", client="gmail", shape="alt",
     gold=G("GENERAL_INQUIRY", ident=by_sender("CU-1002348"), queue="GENERAL", notes="coverage question"))

mail("de-121-umzug-ausland-frage.eml", "de", ("Tim Kowalczyk", "tim.kowalczyk@example.net"), SERVICE_DE,
     "2026-01-20 21:02:46 +0100", "Kfz-Versicherung bei Umzug ins Ausland", """Hallo,

ich ziehe im Sommer beruflich für zwei Jahre nach Dänemark und würde mein Auto mitnehmen. Was passiert dann mit meiner Kfz-Versicherung bei Ihnen? Muss ich kündigen oder kann der Vertrag ruhen, damit ich meinen Schadenfreiheitsrabatt nicht verliere?

Viele Grüße
Tim Kowalczyk
""", gold=G("GENERAL_INQUIRY", ident=not_found(), queue="GENERAL",
            notes="question only, mentions cancelling as an option; GENERAL needs no contract"))

mail("de-123-sohn-fuer-mutter.eml", "de", ("Markus Böhm", "markus.boehm@example.net"), SERVICE_DE,
     "2026-02-15 16:30:52 +0100", "Meine Mutter Renate Böhm – Ansprechpartner", """Sehr geehrte Damen und Herren,

ich schreibe Ihnen im Namen meiner Mutter, Renate Böhm, geb. 02.04.1943. Mein Vater ist Ende Januar verstorben und meine Mutter ist mit dem ganzen Papierkram im Moment völlig überfordert. Sie hat mich gebeten, mich um ihre Versicherungsangelegenheiten zu kümmern; eine Vorsorgevollmacht liegt vor und kann ich Ihnen gerne schicken.

Ist es möglich, mich als Ansprechpartner bzw. Bevollmächtigten für ihre Verträge einzutragen, so dass Sie sich künftig direkt an mich wenden? Was brauchen Sie dafür?

Mit freundlichen Grüßen
Markus Böhm
""", subj_enc="B-utf-8",
     gold=G("GENERAL_INQUIRY", flags=["VULNERABLE_CUSTOMER"], ident=by_name("CU-1002357"), queue="GENERAL",
            notes="son writes for his bereaved mother; her name + date of birth -> PROBABLE"))

mail("de-124-anonymer-betrugshinweis.eml", "de", "hinweis2026@example.net", SERVICE_DE, "2026-02-17 23:48:05 +0100",
     "Hinweis Versicherungsbetrug", """Guten Tag,

ich möchte anonym bleiben. Ich habe mitbekommen, dass ein Bekannter, Max Graf aus Augsburg, seinen BMW als gestohlen gemeldet hat. Das Auto wurde aber Ende Januar von einem Bekannten von ihm nach Polen gefahren und dort verkauft, das hat er selbst auf einer Party erzählt. Er prahlt damit, dass die Versicherung ihm das Auto zweimal bezahlt.

Ich finde das nicht in Ordnung. Machen Sie damit, was Sie für richtig halten.
""", gold=G("GENERAL_INQUIRY", flags=["FRAUD_INDICATOR"], ident=not_found(), queue="GENERAL",
            notes="anonymous fraud tip; name alone is no identity signal"))

mail("de-125-noch-post-ohne-vertrag.eml", "de", GRAF, SERVICE_DE, "2026-02-06 18:15:20 +0100",
     "Warum bekomme ich noch Post?", """Hallo,

ich habe seit Ende Januar keinen Vertrag mehr bei Ihnen, bekomme aber weiterhin Post von Ihnen, heute kam sogar noch eine "Jahresmitteilung". Ist da noch irgendwas offen, von dem ich nichts weiß?

Gruß
M. Graf
CU-1002366
""", gold=G("GENERAL_INQUIRY", ident=by_customer("CU-1002366"), queue="GENERAL",
            notes="customer number of a customer without ACTIVE policies -> no policy"))

mail("de-126-namensgleichheit-ohne-geburtsdatum.eml", "de", ("Michael Schmidt", "schmidt.michael@example.net"),
     SERVICE_DE, "2026-01-23 12:52:17 +0100", "Frage Elementarschaden", """Guten Tag,

nach den Unwettern im letzten Sommer frage ich mich, ob Überschwemmung durch Starkregen eigentlich automatisch in der Hausratversicherung mitversichert ist oder ob man das extra abschließen muss. Und gilt das auch für Sachen im Keller?

Mit freundlichen Grüßen
Michael Schmidt
""", gold=G("GENERAL_INQUIRY", ident=not_found(), queue="GENERAL",
            notes="name of two customers, no date of birth or postal code, unknown address -> NOT_FOUND"))
