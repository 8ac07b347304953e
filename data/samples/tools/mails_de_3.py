# German mails, part 3: auto-replies, spam, malware, unclear intent, ambiguous references, unparseable.
from corpus import *
from mails_de_1 import *

OOO = ["Auto-Submitted: auto-replied", "X-Auto-Response-Suppress: All"]


def dsn_root(explanation, status_block, orig_headers, boundary, charset="utf-8"):
    expl = text_part(explanation, "plain", charset, "quoted-printable" if not explanation.isascii() else "7bit")
    expl.headers.insert(0, "Content-Description: Notification")
    status = Part(["Content-Type: message/delivery-status", "Content-Description: Delivery report"],
                  status_block.replace("\n", CRLF))
    orig = Part(["Content-Type: text/rfc822-headers", "Content-Description: Undelivered Message Headers"],
                orig_headers.replace("\n", CRLF))
    return multipart("report", [expl, status, orig], boundary, "; report-type=delivery-status")


# ------------------------------------------------------------------ AUTO_REPLY
mail("de-130-abwesend-mit-schadennummer.eml", "de", SCHNEIDER, CLAIMS_DE, "2026-01-26 09:00:41 +0100",
     "Automatische Antwort: Ihre Schadenmeldung SC-2026-005108", """Vielen Dank für Ihre Nachricht.

Ich bin bis einschließlich 06.02.2026 nicht erreichbar und habe nur eingeschränkt Zugriff auf meine E-Mails. Ihre Nachricht wird nicht weitergeleitet.

Mit freundlichen Grüßen
Anna Schneider
""", client="outlook", extra_headers=OOO, in_reply_to="<7b3e91aa.5108@lindenhof-versicherung.example>",
     gold=G("AUTO_REPLY", ident=by_claim("SC-2026-005108"), queue="NO_ACTION",
            notes="out-of-office; identity still resolved (claim number in subject)"))

mail("de-131-abwesenheitsnotiz-kundin.eml", "de", FISCHER, f"beitrag@{INSURER}", "2026-02-09 14:22:03 +0100",
     "Abwesenheitsnotiz: Ihre Beitragsrechnung", """Guten Tag,

ich bin vom 09.02. bis 20.02. im Urlaub und lese meine E-Mails in dieser Zeit nicht. Ab dem 23.02. bin ich wieder erreichbar.

Claudia Fischer
""", extra_headers=["Auto-Submitted: auto-replied"],
     gold=G("AUTO_REPLY", ident=by_sender("CU-1002359"), queue="NO_ACTION",
            notes="out-of-office from a customer address -> PROBABLE, still NO_ACTION"))

mail("de-132-unzustellbar-dsn.eml", "de", ("Mail Delivery System", f"MAILER-DAEMON@mx1.{INSURER}"), f"beitrag@{INSURER}",
     "2026-02-10 06:00:14 +0100", "Unzustellbar: Ihre Beitragsrechnung 2026", None, return_path="",
     extra_headers=["Auto-Submitted: auto-replied"],
     root=dsn_root("""Ihre Nachricht konnte an einen oder mehrere Empfänger nicht zugestellt werden.

Empfänger: ulrich.brandl@example.net
Grund: Das Postfach des Empfängers existiert nicht (550 5.1.1 User unknown).

Bitte überprüfen Sie die Empfängeradresse und senden Sie die Nachricht erneut.

Diagnoseinformationen für Administratoren:
Generierender Server: mx1.lindenhof-versicherung.example
""", """Reporting-MTA: dns; mx1.lindenhof-versicherung.example
X-Postfix-Queue-ID: 4Xk2Lm0PqRz
Arrival-Date: Tue, 10 Feb 2026 05:59:58 +0100

Final-Recipient: rfc822; ulrich.brandl@example.net
Original-Recipient: rfc822;ulrich.brandl@example.net
Action: failed
Status: 5.1.1
Remote-MTA: dns; mx.example.net
Diagnostic-Code: smtp; 550 5.1.1 <ulrich.brandl@example.net>: Recipient address
    rejected: User unknown in virtual mailbox table
""", """Return-Path: <beitrag@lindenhof-versicherung.example>
From: Lindenhof Versicherung Beitragsservice <beitrag@lindenhof-versicherung.example>
To: ulrich.brandl@example.net
Subject: Ihre Beitragsrechnung 2026
Date: Tue, 10 Feb 2026 05:59:57 +0100
Message-ID: <20260210055957.88f1@lindenhof-versicherung.example>
""", "4Xk2Lm0PqRz.1770699614/mx1.lindenhof-versicherung.example"),
     gold=G("AUTO_REPLY", ident=not_found(), queue="NO_ACTION",
            notes="delivery status notification (multipart/report), German explanation"))

mail("de-133-kanzlei-eingangsbestaetigung.eml", "de", ("Dr. Albrecht & Partner Rechtsanwälte", "kanzlei@albrecht-partner.example"),
     LEGAL_TO, "2026-02-13 10:02:11 +0100", "Eingangsbestätigung: AW: Ihr Az. 0412/26", """Sehr geehrte Damen und Herren,

vielen Dank für Ihre E-Mail. Dies ist eine automatisch erzeugte Eingangsbestätigung. Ihre Nachricht wird dem zuständigen Sachbearbeiter vorgelegt.

Bitte beachten Sie, dass per E-Mail keine fristwahrenden Schriftsätze entgegengenommen werden können.

Dr. Albrecht & Partner Rechtsanwälte mbB
""", subj_enc="Q-utf-8", extra_headers=["Auto-Submitted: auto-generated", "Precedence: bulk"],
     gold=G("AUTO_REPLY", ident=not_found(), queue="NO_ACTION", notes="automatic acknowledgement of receipt from a law firm"))

mail("de-134-abwesenheit-latin1-vertrag.eml", "de", LANGE, SERVICE_DE, "2026-02-18 08:30:55 +0100",
     "Abwesenheitsnotiz: Änderung Ihres Vertrags KF-20476654", """Guten Tag,

ich bin bis zum 02.03. verreist und lese meine Mails erst danach.

Mit freundlichen Grüßen
H.-P. Lange
""", subj_enc="Q-iso-8859-1", charset="iso-8859-1", extra_headers=["Auto-Submitted: auto-replied"],
     gold=G("AUTO_REPLY", ident=by_policy("KF-20476654"), queue="NO_ACTION",
            notes="out-of-office; the policy number sits inside an ISO-8859-1 encoded word"))

mail("de-135-familie-urlaub-autoreply.eml", "de", BRANDT, SERVICE_DE, "2026-02-14 11:11:11 +0100",
     "Urlaub - automatische Antwort", """Hallo,

wir sind bis 22.02. im Skiurlaub und haben kaum Internet. Ab dem 23.02. sind wir wieder für Sie da.

Familie Brandt
""", extra_headers=["Auto-Submitted: auto-replied"],
     gold=G("AUTO_REPLY", ident=ambiguous(), queue="NO_ACTION",
            notes="AMBIGUOUS sender, but rule 2 (auto-reply) comes before rule 6"))

# ------------------------------------------------------------------ SPAM
mail("de-140-werbung-agentur.eml", "de", ("Marketing Profis 24", "info@marketing-profis24.example"), SERVICE_DE,
     "2026-01-20 06:12:44 +0100", "Mehr Kunden für Ihre Versicherungsagentur – jetzt kostenlos testen!", """Sehr geehrte Damen und Herren,

wussten Sie, dass 87 % aller Versicherungskunden ihren Anbieter zuerst online suchen? Mit unserem SEO-Paket "Agentur Turbo" landen Sie auf Seite 1 bei Google – garantiert!

✔ Mehr Anfragen in 30 Tagen
✔ Keine Vertragslaufzeit
✔ 14 Tage kostenlos testen

Jetzt unverbindlich beraten lassen: https://marketing-profis24.example/agentur-turbo

Sie möchten keine E-Mails mehr von uns erhalten? Abmelden: https://marketing-profis24.example/abmelden
""", subj_enc="B-utf-8", shape="alt", html_style="web", extra_headers=["Precedence: bulk", "List-Unsubscribe: <https://marketing-profis24.example/abmelden>"],
     gold=G("SPAM", ident=not_found(), queue="NO_ACTION", notes="unsolicited advertising"))

mail("de-141-phishing-bank.eml", "de", ("Sicherheitscenter Ihrer Bank", "noreply@hausbank-verifizierung.example"),
     SERVICE_DE, "2026-02-02 03:41:09 +0100", "Ihr Konto wurde vorübergehend eingeschränkt", """Sehr geehrter Kunde,

aufgrund ungewöhnlicher Aktivitäten wurde der Zugang zu Ihrem Online-Banking vorübergehend eingeschränkt. Um eine dauerhafte Sperrung zu vermeiden, bestätigen Sie bitte umgehend Ihre Identität:

https://hausbank-verifizierung.example/login?id=83f2a1

Halten Sie dazu Ihre Zugangsdaten und Ihre TAN-Liste bereit.

Mit freundlichen Grüßen
Ihr Sicherheitsteam
""", subj_enc="Q-utf-8", shape="html", html_style="web",
     gold=G("SPAM", ident=not_found(), queue="NO_ACTION", notes="bank phishing"))

mail("de-142-phishing-gefaelschte-police.eml", "de", ("Lindenhof Versicherung", "service@lindenhof-kundenportal-login.example"),
     SERVICE_DE, "2026-02-07 02:18:36 +0100", "Letzte Mahnung: Ihre Police KF-12345678 wird gekündigt", """Sehr geehrter Versicherungsnehmer,

leider konnten wir Ihren Beitrag von 89,99 EUR für die Police KF-12345678 nicht einziehen. Ihr Versicherungsschutz wird deshalb in Kürze beendet.

Begleichen Sie den offenen Betrag umgehend per Kreditkarte über unser Kundenportal:
https://lindenhof-kundenportal-login.example/zahlung

Mit freundlichen Grüßen
Ihre Lindenhof Versicherung
Kundenservice
""", shape="html", html_style="outlook", subj_enc="B-utf-8",
     gold=G("SPAM", ident=not_found(["KF-12345678"]), queue="NO_ACTION",
            notes="phishing that imitates the insurer; its fake policy number is reported unmatched"))

mail("de-143-rechnung-pdf-exe.eml", "de", ("Buchhaltung", "rechnung@zahlungs-service24.example"), SERVICE_DE,
     "2026-02-16 04:55:20 +0100", "Rechnung Nr. 2026-0211 offen", """Guten Tag,

anbei erhalten Sie unsere Rechnung Nr. 2026-0211. Der Betrag ist bereits überfällig. Bitte öffnen Sie die Rechnung im Anhang und begleichen Sie den Betrag.

Mit freundlichen Grüßen
Buchhaltung
""", attachments=[("rechnung.pdf.exe", "application/octet-stream", fake_exe("rechnung"), "plain")],
     gold=G("SPAM", flags=["MALWARE_SUSPECT"], ident=not_found(), queue="SECURITY_QUARANTINE",
            notes="double extension rechnung.pdf.exe (MZ header) -> rule 1 before rule 2"))

mail("de-144-gewinnspiel.eml", "de", ("Gewinnspiel-Team", "gewinn@super-preise.example"), SERVICE_DE,
     "2026-01-31 05:30:00 +0100", "Herzlichen Glückwunsch! Sie haben ein iPhone gewonnen", """Herzlichen Glückwunsch!

Ihre E-Mail-Adresse wurde bei unserer monatlichen Verlosung als Gewinner gezogen. Um Ihren Preis zu erhalten, zahlen Sie lediglich 1,95 EUR Versandkosten:

https://super-preise.example/gewinn?ref=88123

Viel Glück wünscht Ihr Gewinnspiel-Team!
""", subj_enc="Q-utf-8", shape="html", html_style="web", cte="base64",
     gold=G("SPAM", ident=not_found(), queue="NO_ACTION", notes="prize scam, HTML-only, base64"))

# ------------------------------------------------------------------ MALWARE with a business-looking intent
mail("de-150-schadensmeldung-docm.eml", "de", ("Kerstin Vogt", "k.vogt@example.net"), CLAIMS_DE,
     "2026-02-19 07:14:51 +0100", "Schadensmeldung", """Sehr geehrte Damen und Herren,

im Anhang finden Sie meine Schadensmeldung mit allen Angaben zu dem Wasserschaden in meiner Wohnung.

Falls das Formular nicht richtig angezeigt wird, klicken Sie bitte oben auf "Bearbeitung aktivieren" und "Inhalt aktivieren".

MfG
K. Vogt
""", attachments=[("Schadensmeldung_Formular.docm", "application/vnd.ms-word.document.macroEnabled.12",
                   fake_zip_office("docm"), "plain")],
     gold=G("CLAIM_NEW", flags=["MALWARE_SUSPECT"], ident=not_found(), queue="SECURITY_QUARANTINE",
            notes="macro document (.docm) with the usual 'enable content' lure"))

mail("de-151-kundenkonto-js-anhang.eml", "de", WAGNER, CLAIMS_DE, "2026-02-21 03:07:42 +0100",
     "Rechnung Werkstatt", """Hallo,

anbei die Rechnung von der Werkstatt zu meinem Schaden.

Gruß Stefan
""", attachments=[("Werkstattrechnung.js", "application/javascript", fake_js(), "plain")],
     gold=G("CLAIM_UPDATE", flags=["MALWARE_SUSPECT"], ident=by_sender("CU-1002358"), queue="SECURITY_QUARANTINE",
            notes="script attachment from a (probably compromised) customer account; identity still resolved"))

# ------------------------------------------------------------------ unclear intent (rule 7)
mail("de-160-bitte-rueckruf.eml", "de", WOLF, SERVICE_DE, "2026-02-04 12:47:30 +0100",
     "Rückruf", """Hallo, bitte rufen Sie mich zurück, am besten nach 17 Uhr. 0176 5550157

Danke, Julia Wolf
""", subj_enc="Q-utf-8", client="iphone",
     gold=G("GENERAL_INQUIRY", ident=by_sender("CU-1002385"), queue="REVIEW_CLASSIFICATION", unclear=True,
            notes="callback request with no topic: intent cannot be determined"))

mail("de-161-scan-ohne-text.eml", "de", HOFFMANN, SERVICE_DE, "2026-02-10 09:31:48 +0100",
     "", None, shape="emptytext", attachments=[pdf("Scan_20260210_0931.pdf", "Scan")],
     gold=G("GENERAL_INQUIRY", ident=by_sender("CU-1002361"), queue="REVIEW_CLASSIFICATION", unclear=True,
            notes="empty subject, empty body, a scanner PDF: no intent evidence"))

mail("de-162-entweder-rabatt-oder-kuendigung.eml", "de", YILMAZ, SERVICE_DE, "2026-02-25 20:21:13 +0100",
     "Mein Vertrag KF-20493348", """Hallo,

ich habe von der Konkurrenz ein Angebot bekommen, das fast 200 Euro im Jahr günstiger ist. Entweder Sie kommen mir beim Beitrag entgegen oder Sie betrachten diese Mail als Kündigung zum Ablauf. Mir ist beides recht.

Zeynep Yilmaz
""", gold=G("CANCELLATION", ["CANCELLATION", "QUOTE_REQUEST"], ident=by_policy("KF-20493348"),
            queue="REVIEW_CLASSIFICATION", unclear=True,
            notes="conditional cancellation vs. renewal pricing: two primary intents in conflict"))

# ------------------------------------------------------------------ AMBIGUOUS by references to two customers
mail("de-170-unfall-zwei-kunden.eml", "de", ZIMMERMANN, CLAIMS_DE, "2026-02-12 19:58:24 +0100",
     "Unfall A5 – beide bei Lindenhof versichert", """Sehr geehrte Damen und Herren,

ich hatte gestern auf der A5 bei Bruchsal im Stau einen Auffahrunfall. Die Fahrerin hinter mir, Frau Yilmaz, ist mir aufgefahren. Wie sich herausgestellt hat, sind wir beide bei Ihnen versichert:

- mein Vertrag: KF-20495521
- ihr Vertrag: KF-20493348 (hat sie mir so aufgeschrieben)

Sie hat den Unfall vor Ort zugegeben. An meinem Auto ist die Heckklappe eingedrückt und die Rückfahrkamera defekt.

Wie geht es jetzt weiter? Muss ich das über ihre Haftpflicht abwickeln?

Viele Grüße
Felix Zimmermann
""", subj_enc="B-utf-8",
     gold=G("CLAIM_NEW", ident=ambiguous(), queue="REVIEW_IDENTITY",
            notes="two policies of two different customers -> AMBIGUOUS, nobody is guessed"))

mail("de-171-beitrag-fuer-sohn.eml", "de", HOFFMANN, f"beitrag@{INSURER}", "2026-01-30 16:44:39 +0100",
     "Beitrag Haftpflicht meines Sohnes", """Guten Tag,

mein Sohn Lukas Becker ist bei Ihnen haftpflichtversichert (PH-55021456). Er studiert noch und ich möchte, dass der Beitrag künftig von meinem Konto abgebucht wird statt von seinem.

Meine eigenen Daten: Monika Hoffmann, Kundennummer 1002361. Die Bankverbindung ist dieselbe wie bei meiner Lebensversicherung.

Geht das so einfach, oder brauchen Sie dafür ein neues SEPA-Mandat?

Mit freundlichen Grüßen
Monika Hoffmann
""", gold=G("POLICY_CHANGE", ["POLICY_CHANGE", "BILLING"], ident=ambiguous(), queue="REVIEW_IDENTITY",
            notes="policy of one customer and customer number of another -> AMBIGUOUS"))

# ------------------------------------------------------------------ unparseable: no header section at all
RAW.append(("x-001-keine-kopfzeilen.eml", "de", None,
            ("Sehr geehrte Damen und Herren,\r\n\r\n"
             "anbei wie telefonisch besprochen die fehlenden Seiten. Bitte melden Sie sich,\r\n"
             "falls noch etwas fehlt.\r\n\r\n"
             "Mit freundlichen Gruessen\r\n"
             "W. Hartmann\r\n\r\n"
             "--\r\n"
             "Gesendet mit einem mobilen Geraet\r\n").encode("ascii"),
            "file without any header section (saved body only)"))
