# German mails, part 1: claims (new and updates), policy changes, cancellations.
from corpus import *

MUELLER = ("Jürgen Müller", "juergen.mueller@example.de")
KRUEGER = ("Sabine Krüger", "sabine.krueger@example.de")
SCHNEIDER = ("Anna Schneider", "anna.schneider@example.de")
BRANDT = ("Familie Brandt", "familie.brandt@example.de")
HOEFLER = ("Günther Höfler", "g.hoefler@example.de")
YILMAZ = ("Zeynep Yilmaz", "zeynep.yilmaz@example.de")
VOGEL = ("Katharina Vogel", "k.vogel@example.de")
BECKER = ("Lukas Becker", "lukas.becker@example.de")
BOEHM = ("Renate Böhm", "renate.boehm@example.de")
WAGNER = ("Stefan Wagner", "stefan.wagner@example.de")
FISCHER = ("Claudia Fischer", "claudia.fischer@example.de")
SCHAEFER = ("Dieter Schäfer", "dieter.schaefer@example.de")
HOFFMANN = ("Monika Hoffmann", "monika.hoffmann@example.de")
ZIMMERMANN = ("Felix Zimmermann", "felix.zimmermann@example.de")
DEMIR = ("Elif Demir", "elif.demir@example.de")
LANGE = ("Hans-Peter Lange", "hp.lange@example.de")
KUEHN = ("Ursula Kühn", "ursula.kuehn@example.de")
GRAF = ("Max Graf", "max.graf@example.de")
LEHMANN = ("Sophie Lehmann", "sophie.lehmann@example.de")
NEUMANN = ("Ingrid Neumann", "ingrid.neumann@example.de")
RICHTER = ("Tobias Richter", "tobias.richter@example.de")
WOLF = ("Julia Wolf", "julia.wolf@example.de")
KAYA = ("Ahmet Kaya", "ahmet.kaya@example.de")
PETERS = ('Gaststätte "Zum Anker"', "info@zum-anker.example.de")

LV_SCHADEN = ("Lindenhof Versicherung - Schadenservice", CLAIMS_DE)

# ------------------------------------------------------------------ CLAIM_NEW
mail("de-001-auffahrunfall-ampel.eml", "de", KRUEGER, CLAIMS_DE, "2026-01-14 09:12:40 +0100",
     "Auffahrunfall heute morgen", """Guten Tag,

ich hatte heute Morgen gegen 7:40 Uhr auf der Willy-Brandt-Straße in Hamburg einen Auffahrunfall. Ich stand an der roten Ampel, der Fahrer hinter mir hat zu spät gebremst und ist mir hinten drauf gefahren. Verletzt wurde zum Glück niemand.

Mein Fahrzeug: VW Golf, Kennzeichen HH-SK 2210. Stoßstange und Heckklappe sind eingedrückt, das Auto ist aber noch fahrbereit.

Der Unfallverursacher heißt Karsten Ohlsen, er ist bei einer anderen Versicherung (hat er gesagt, die Nummer schicke ich nach). Die Polizei war da.

Meine Vertragsnummer bei Ihnen ist KF 2048 3310.

Was muss ich jetzt tun? Soll ich das Auto schon in die Werkstatt bringen?

Viele Grüße
Sabine Krüger
""", client="thunderbird",
     gold=G("CLAIM_NEW", ident=by_policy("KF-20483310"), queue="CLAIMS_INTAKE",
            notes="first notice of a rear-end collision; policy written 'KF 2048 3310'"))

mail("de-002-wasserrohrbruch-notfall.eml", "de", LANGE, CLAIMS_DE, "2026-01-19 05:48:02 +0100",
     "Dringend: Wasserrohrbruch – Wasser läuft in den Keller", """Hallo,

bei uns ist heute Nacht im Hauswirtschaftsraum ein Rohr geplatzt, das Wasser läuft immer noch, den Haupthahn bekomme ich nicht zu (total verrostet). Der Keller steht schon 5 cm unter Wasser.

Bitte schicken Sie SOFORT einen Notdienst oder sagen Sie mir, wen ich anrufen darf, ohne dass ich auf den Kosten sitzen bleibe!!

Wohngebäudeversicherung, Vertragsnummer WG-40015567
Adresse: Am Strande 14, 18055 Rostock
Tel. 0171 5550117

Hans-Peter Lange

Von meinem iPhone gesendet
""", subj_enc="Q-utf-8", client="iphone",
     gold=G("CLAIM_NEW", flags=["URGENT"], ident=by_policy("WG-40015567"), queue="CLAIMS_INTAKE",
            notes="burst pipe, water still running: emergency; Q-encoded UTF-8 subject"))

mail("de-003-fahrrad-gestohlen.eml", "de", DEMIR, SERVICE_DE, "2026-01-17 11:03:55 +0100",
     "Fahrrad geklaut", """Sehr geehrte Damen und Herren,

leider muss ich Ihnen mitteilen, dass mein Fahrrad gestern Abend (Freitag, 16.01.2026) zwischen 18 und 21 Uhr vor dem Kino am Hauptbahnhof in Dortmund gestohlen wurde. Es war mit einem Bügelschloss an einem Fahrradständer angeschlossen, das Schloss ist auch weg.

Es handelt sich um ein Damen-Trekkingrad, dunkelgrün, gekauft im März 2024 für 899 Euro. Die Rechnung habe ich noch.

Anzeige bei der Polizei habe ich heute morgen gemacht, das Aktenzeichen reiche ich nach, sobald ich es schriftlich habe.

Ist das über meine Hausratversicherung abgedeckt? Ich habe meines Wissens die Fahrradklausel mit drin.

Mit freundlichen Grüßen
Elif Demir
""", charset="iso-8859-1", cte="quoted-printable", client="thunderbird",
     gold=G("CLAIM_NEW", ident=by_sender("CU-1002363"), queue="CLAIMS_INTAKE",
            notes="bike theft; no reference, sender unique -> PROBABLE with the only ACTIVE policy; ISO-8859-1 QP body"))

mail("de-004-einbruch-wohnung-html.eml", "de", LEHMANN, CLAIMS_DE, "2026-01-19 20:31:17 +0100",
     "Einbruch in unsere Wohnung - Hausrat HR31014455", """Sehr geehrte Damen und Herren,

in unsere Wohnung in der Brandenburger Straße wurde am Wochenende eingebrochen, während wir bei meinen Eltern waren. Die Wohnungstür wurde aufgehebelt. Entwendet wurden nach erster Durchsicht:

- Laptop (ca. 2 Jahre alt)
- Schmuck meiner Großmutter (Ring und Kette, Wert schwer zu sagen)
- eine Spielekonsole mit zwei Controllern
- ca. 150 Euro Bargeld

Die Polizei hat den Einbruch aufgenommen (Vorgangsnummer 2026/0118/4471). Eine vollständige Stehlgutliste reiche ich nach.

Kommt jemand von Ihnen vorbei oder sollen wir die Tür schon reparieren lassen? Wir können sie momentan nur mit einem provisorischen Riegel schließen.

Mit freundlichen Grüßen
Sophie Lehmann
""", shape="html", html_style="web", client="roundcube",
     gold=G("CLAIM_NEW", ident=by_policy("HR-31014455"), queue="CLAIMS_INTAKE",
            notes="burglary; HTML-only mail; policy written without dash in the subject"))

mail("de-005-sturmschaden-dach.eml", "de", ("Thomas Weiß", "thomas.weiss.privat@example.org"), CLAIMS_DE,
     "2026-02-09 07:55:21 +0100", "Sturmschaden Dach", """Hallo,

durch den Sturm in der Nacht auf Sonntag hat es bei unserem Haus in München einige Dachziegel heruntergerissen, außerdem ist die Regenrinne an der Westseite abgeknickt. Ein Dachdecker war heute früh da und hat das Loch provisorisch mit einer Plane abgedeckt. Ein Kostenvoranschlag kommt diese Woche.

Fotos hänge ich an.

Bitte teilen Sie mir mit, ob Sie einen Gutachter schicken oder ob der Kostenvoranschlag reicht.

Gruß
Thomas Weiß
""", client="thunderbird", attachments=[jpg("IMG_4471.jpg"), jpg("IMG_4472.jpg")],
     gold=G("CLAIM_NEW", ident=by_sender("CU-1002347"), queue="CLAIMS_INTAKE",
            notes="storm damage; sender is the second of two addresses of one customer -> PROBABLE, two ACTIVE policies so no policy"))

mail("de-006-steinschlag-scheibe.eml", "de", YILMAZ, CLAIMS_DE, "2026-01-22 18:40:09 +0100",
     "steinschlag windschutzscheibe", """hallo,
auf der A5 hat mir gestern ein LKW einen stein in die scheibe geschleudert, jetzt ist ein riss quer durch (ca 30cm). kann ich direkt zur glaswerkstatt oder muss ich erst was ausfüllen?
vertrag ist kf-20493348
danke
Zeynep Yilmaz

Gesendet von meinem Galaxy
""", gold=G("CLAIM_NEW", ident=by_policy("KF-20493348"), queue="CLAIMS_INTAKE",
            notes="windscreen damage; lower-case policy number"))

mail("de-007-tod-ehemann-lebensversicherung.eml", "de", BOEHM, SERVICE_DE, "2026-01-30 10:22:48 +0100",
     "Tod meines Mannes - Lebensversicherung", """Sehr geehrte Damen und Herren,

mein Mann Horst Böhm ist am 28. Januar nach langer Krebserkrankung im Krankenhaus verstorben. Er war bei Ihnen über die Lebensversicherung mit der Nummer LV-70028811 versichert, ich bin die Versicherungsnehmerin.

Ich weiß ehrlich gesagt nicht, was ich jetzt alles tun muss, um die Versicherungssumme zu bekommen. Mein Mann hat sich immer um diese Dinge gekümmert. Die Sterbeurkunde habe ich beim Standesamt beantragt, sie soll nächste Woche kommen.

Können Sie mir bitte schreiben, welche Unterlagen Sie brauchen? Am Telefon tue ich mich im Moment schwer.

Mit freundlichen Grüßen
Renate Böhm
""", gold=G("CLAIM_NEW", flags=["VULNERABLE_CUSTOMER", "PII_SENSITIVE"], ident=by_policy("LV-70028811"),
            queue="CLAIMS_INTAKE", notes="death of the insured person reported by the widow (bereavement; cause of death is health data)"))

mail("de-008-arztrechnung-knie.eml", "de", KUEHN, f"leistung@{INSURER}", "2026-01-21 15:10:33 +0100",
     "Einreichung Arztrechnung", """Sehr geehrte Damen und Herren,

anbei übersende ich Ihnen die Rechnung der Orthopädischen Praxis Dr. Hallmann über die ambulante Arthroskopie an meinem rechten Knie vom 13.01.2026 (Meniskusteilresektion) mit der Bitte um Erstattung.

Versicherungsnummer: KV 9001 0022

Die Erstattung bitte wie immer auf mein bekanntes Konto.

Mit freundlichen Grüßen
Ursula Kühn
""", attachments=[pdf("Rechnung_Orthopädie_Dr_Hallmann.pdf", "Rechnung", "rfc2047")],
     gold=G("CLAIM_NEW", flags=["PII_SENSITIVE"], ident=by_policy("KV-90010022"), queue="CLAIMS_INTAKE",
            notes="health insurance reimbursement for a new treatment; diagnosis in text; RFC 2047 encoded file name (as Outlook writes it)"))

mail("de-009-haftpflicht-fensterscheibe.eml", "de", LEHMANN, CLAIMS_DE, "2026-02-02 19:05:44 +0100",
     "Haftpflichtschaden – Fensterscheibe Nachbarn", """Hallo liebes Lindenhof-Team,

unsere Tochter (9) hat gestern beim Fußballspielen im Garten den Ball gegen das Wohnzimmerfenster unserer Nachbarn geschossen, die äußere Scheibe der Doppelverglasung ist gesprungen. Die Nachbarn (Familie Kowalski, zwei Häuser weiter) sind zum Glück entspannt, möchten den Schaden aber natürlich ersetzt haben.

Ein Glaser hat sich das angesehen, Kostenvoranschlag ca. 480 Euro.

Unsere Privathaftpflicht: PH-55023367

Wie gehen wir am besten vor? Sollen die Nachbarn sich direkt bei Ihnen melden?

Liebe Grüße
Sophie Lehmann
""", subj_enc="B-utf-8", client="apple",
     gold=G("CLAIM_NEW", ident=by_policy("PH-55023367"), queue="CLAIMS_INTAKE",
            notes="liability claim, child broke neighbour's window; B-encoded UTF-8 subject"))

mail("de-010-autodiebstahl-bar-bezahlt.eml", "de", GRAF, CLAIMS_DE, "2026-02-09 13:47:26 +0100",
     "Diebstahl meines Autos", f"""Hallo,

mein Auto (BMW 330i, Bj. 2021, Kennzeichen A-MG 1198) wurde mir in der Nacht vom 30. auf den 31. Januar in Augsburg vor meiner Wohnung gestohlen. Ich habe es erst jetzt gemerkt, weil ich die letzte Woche beruflich unterwegs war.

Beide Schlüssel sind leider auch weg, die lagen im Handschuhfach bzw. in der Jacke, die im Auto war. Den Kaufvertrag habe ich nicht mehr, ich hab den Wagen damals privat gegen bar gekauft.

Mein Vertrag war KF-20496673. Ich weiß, dass der zum 31.01. gekündigt war, aber der Diebstahl war ja noch vorher.

Bitte überweisen Sie den Wiederbeschaffungswert (ca. 38.000 Euro) möglichst schnell auf mein neues Konto:
IBAN {iban_de('72050000', '4471903')}
Kontoinhaber: M. Graf Consulting UG

Gruß
Max Graf
""", gold=G("CLAIM_NEW", flags=["FRAUD_INDICATOR"], ident=by_policy("KF-20496673"), queue="CLAIMS_INTAKE",
            notes="theft reported late, on the last day of a cancelled policy, both keys gone, no purchase papers, payout to a third-party account"))

mail("de-011-weitergeleitet-unfallgegner.eml", "de", WAGNER, CLAIMS_DE, "2026-02-04 08:02:13 +0100",
     "WG: Unfall am Montag", """Hallo zusammen,

ich hatte am Montag einen Unfall, mir ist jemand beim Abbiegen in die Seite gefahren. Unten die Mail vom Unfallgegner mit seinen Daten, er gibt die Schuld auch zu. Bitte nehmen Sie den Schaden auf, ich melde mich wegen der Werkstatt.

Stefan Wagner


-------- Weitergeleitete Nachricht --------
Betreff: Unfall am Montag
Datum: Tue, 3 Feb 2026 19:22:10 +0100
Von: Dennis Kurzweg <d.kurzweg@example.net>
An: stefan.wagner@example.de

Hallo Herr Wagner,

wie am Montag an der Kreuzung besprochen hier nochmal meine Daten. Ich bin bei der Weserland Versicherung, meine Versicherungsscheinnummer lautet 44-7781-2290-K. Ich habe die Vorfahrt übersehen, das habe ich auch der Polizei so gesagt.

Sie hatten mir Ihre Daten ja auf den Zettel geschrieben: Lindenhof Versicherung, Vertragsnummer KF-20494410, Kennzeichen HB-SW 412.

Tut mir wirklich leid.
Dennis Kurzweg
""", client="thunderbird",
     gold=G("CLAIM_NEW", ident=by_policy("KF-20494410"), queue="CLAIMS_INTAKE",
            notes="forward: the policy number is only in the forwarded part, which counts as new text"))

mail("de-012-wildunfall.eml", "de", BRANDT, CLAIMS_DE, "2026-01-26 21:14:50 +0100",
     "Wildunfall B3", """Guten Abend,

mein Mann Jens ist heute Abend auf der B3 zwischen Hemmingen und Pattensen mit einem Reh zusammengestoßen. Ihm ist nichts passiert, das Auto (Skoda Octavia, H-JB 7720) hat aber einen ordentlichen Frontschaden, ein Scheinwerfer ist kaputt und die Motorhaube verbeult. Der Jagdpächter war vor Ort und hat uns eine Wildunfallbescheinigung ausgestellt.

Das Auto läuft auf Jens, Vertrag KF-20489915.

Können wir das Auto in unsere Werkstatt in Hemmingen bringen?

Viele Grüße
Petra Brandt
""", gold=G("CLAIM_NEW", ident=by_policy("KF-20489915"), queue="CLAIMS_INTAKE",
            notes="shared family address, but the policy number decides -> CONFIRMED"))

mail("de-013-unfall-ohne-unterlagen.eml", "de", ("Karin Oberle", "k.oberle@example.net"), SERVICE_DE,
     "2026-01-28 17:26:04 +0100", "Unfall - bitte um Rückruf", """Hallo,

ich hatte vorhin einen kleinen Unfall beim Ausparken am Supermarkt, bin gegen einen Poller gefahren. Jetzt ist meine Stoßstange vorne links gerissen. Ich bin mir nicht sicher, ob ich bei Ihnen oder noch bei meiner alten Versicherung bin, wir haben letztes Jahr gewechselt und mein Mann kümmert sich sonst um sowas. Die Unterlagen finde ich gerade nicht.

Können Sie mich bitte zurückrufen? 0176 5550 3381

Danke und Gruß
Karin Oberle
""", subj_enc="Q-utf-8", client="iphone",
     gold=G("CLAIM_NEW", ident=not_found(), queue="CLAIMS_INTAKE",
            notes="unknown sender, no reference; CLAIM_NEW does not need a known contract -> CREATE_CASE"))

mail("de-014-waschmaschine-wasserschaden.eml", "de", ("Micha S.", "micha.s@example.net"), CLAIMS_DE,
     "2026-02-06 16:58:37 +0100", "Wasserschaden durch Waschmaschine", """Sehr geehrte Damen und Herren,

heute Nachmittag ist bei uns der Zulaufschlauch der Waschmaschine geplatzt. Bis wir es bemerkt haben, standen das Bad und der halbe Flur unter Wasser. Das Laminat im Flur hat sich schon aufgewölbt, außerdem sind ein Schuhschrank und ein Teppich durchnässt. Der Vermieter ist informiert, wegen möglicher Schäden in der Wohnung darunter.

Ich habe bei Ihnen eine Hausratversicherung, die Vertragsnummer habe ich gerade nicht zur Hand (ich schreibe von meiner privaten Zweitadresse).

Michael Schmidt
Gottschedstraße 12
04109 Leipzig
""", gold=G("CLAIM_NEW", ident=by_name("CU-1002352"), queue="CLAIMS_INTAKE",
            notes="unknown address; name + postal code single out one of the two customers named Michael Schmidt"))

mail("de-015-ueberspannung-base64.eml", "de", SCHAEFER, CLAIMS_DE, "2026-02-12 09:31:18 +0100",
     "Überspannungsschaden nach Stromausfall", """Sehr geehrte Damen und Herren,

am Dienstagabend gab es in unserer Straße einen Stromausfall. Als der Strom nach etwa einer Stunde wieder da war, gab es offenbar eine Überspannung: unser Fernseher, der Router und die Steuerung der Heizungsanlage sind seitdem defekt. Der Netzbetreiber hat den Vorfall bestätigt.

Einen Kostenvoranschlag vom Fernsehtechniker füge ich bei. Die Rechnung für die Heizungssteuerung kommt noch.

Bitte prüfen Sie, über welche Versicherung das läuft (Hausrat oder Gebäude), ich habe beide bei Ihnen.

Mit freundlichen Grüßen
Dieter Schäfer
Saarbrücken
""", subj_enc="Q-iso-8859-1", cte="base64", client="outlook",
     attachments=[pdf("Kostenvoranschlag_TV_Techniker.pdf")],
     gold=G("CLAIM_NEW", ident=by_sender("CU-1002360"), queue="CLAIMS_INTAKE",
            notes="power surge damage; base64 body; ISO-8859-1 Q subject; sender known, two ACTIVE policies"))

mail("de-016-parkschaden-firmenadresse.eml", "de", ("Schmidt, Michael", "m.schmidt@kessler-logistik.example"),
     CLAIMS_DE, "2026-02-10 10:44:29 +0100", "Parkschaden an meinem Fahrzeug - Bitte um Schadenaufnahme",
     """Guten Tag,

an meinem privaten Fahrzeug (Audi A4, S-MS 5505) wurde gestern während der Arbeitszeit auf dem Firmenparkplatz die Fahrertür eingedrückt. Der Verursacher hat einen Zettel hinterlassen, allerdings nur mit Vornamen und einer Handynummer, die nicht erreichbar ist.

Zur Zuordnung: Michael Schmidt, geb. 05.05.1979. Die Versicherungsunterlagen liegen zu Hause, ich schreibe aus dem Büro.

Bitte teilen Sie mir mit, ob das über die Vollkasko läuft und wie hoch meine Selbstbeteiligung wäre.

Mit freundlichen Grüßen
Michael Schmidt
Disposition | Kessler Logistik GmbH
""", client="outlook",
     gold=G("CLAIM_NEW", ident=by_name("CU-1002351"), queue="CLAIMS_INTAKE",
            notes="work address unknown; name + date of birth single out one of the two Michael Schmidts"))

# ------------------------------------------------------------------ CLAIM_UPDATE
mail("de-020-wann-kommt-gutachter.eml", "de", MUELLER, CLAIMS_DE, "2026-01-27 08:15:02 +0100",
     "Schaden-Nr. SC-2026-004512 – wann kommt der Gutachter?", """Sehr geehrte Damen und Herren,

am 12.01. hatte ich den Unfall vom 09.01. gemeldet und die Schadennummer bekommen. Seitdem habe ich nichts mehr gehört. Das Auto steht in der Werkstatt und die fragen täglich, wann der Gutachter kommt, damit sie anfangen können.

Können Sie mir bitte einen Termin nennen?

Mit freundlichen Grüßen
Jürgen Müller
Tel. 0221 5550123
""", subj_enc="Q-utf-8",
     gold=G("CLAIM_UPDATE", ident=by_claim("SC-2026-004512"), queue="CLAIMS_HANDLING",
            notes="status question; claim number only in the encoded subject"))

mail("de-021-nur-anhang-schadenmeldung.eml", "de", MUELLER, CLAIMS_DE, "2026-01-13 22:04:11 +0100",
     "Unterlagen", None, shape="none",
     attachments=[pdf("Schadenmeldung_SC-2026-004512.pdf", "Schadenmeldung")],
     gold=G("CLAIM_UPDATE", ident=by_claim("SC-2026-004512"), queue="CLAIMS_HANDLING",
            notes="attachment only, no text part; the claim number is in the PDF file name"))

mail("de-022-antwort-nur-zitat-referenz.eml", "de", SCHNEIDER, CLAIMS_DE, "2026-01-23 18:37:45 +0100",
     "Re: Ihre Schadenmeldung vom 21.01.2026", """Hallo Frau Petersen,

anbei wie gewünscht die Kaufrechnung vom Fahrrad und die Bescheinigung der Polizei über die Anzeige. Das Schloss war ein Bügelschloss für ca. 60 Euro, die Rechnung dafür habe ich leider nicht mehr.

Viele Grüße
Anna Schneider

Am Do., 22. Jan. 2026 um 14:05 Uhr schrieb Lindenhof Versicherung - Schadenservice <schaden@lindenhof-versicherung.example>:
> Sehr geehrte Frau Schneider,
>
> vielen Dank für Ihre Schadenmeldung. Wir haben den Schaden unter der
> Schadennummer SC-2026-005108 angelegt.
>
> Für die weitere Bearbeitung benötigen wir noch:
> - die Kaufrechnung des Fahrrads
> - eine Kopie der polizeilichen Anzeige
> - Angaben zum verwendeten Schloss
>
> Mit freundlichen Grüßen
> Jana Petersen
> Lindenhof Versicherung AG, Schadenservice
""", shape="alt", client="gmail", in_reply_to="<5a1f20c7.8812@lindenhof-versicherung.example>",
     attachments=[pdf("Rechnung_Fahrrad.pdf"), pdf("Anzeige_Polizei.pdf")],
     gold=G("CLAIM_UPDATE", ident=by_claim("SC-2026-005108"), queue="CLAIMS_HANDLING",
            notes="reply; the only reference is in the quoted message, used because the new text has none"))

mail("de-023-makler-neuer-und-alter-vorgang.eml", "de", ("Maklerbüro Hansen & Koch", "schaden@hansen-koch-makler.example"),
     CLAIMS_DE, "2026-02-03 09:48:30 +0100", "AW: Schadenabschluss", """Sehr geehrte Damen und Herren,

vielen Dank für die Info unten.

Heute ein anderer Vorgang: Zum Schaden SC-2026-005890 unseres Kunden Herrn Lange übersenden wir anbei die Fotos des Fahrzeugs sowie die Reparaturrechnung der Werkstatt. Wir bitten um zeitnahe Regulierung.

Mit freundlichen Grüßen

Birte Koch
Maklerbüro Hansen & Koch GmbH
Versicherungsmakler nach § 34d GewO
Schloßstraße 9, 18057 Rostock

-----Ursprüngliche Nachricht-----
Von: Lindenhof Versicherung Schadenservice <schaden@lindenhof-versicherung.example>
Gesendet: Montag, 2. Februar 2026 11:20
An: schaden@hansen-koch-makler.example
Betreff: Schadenabschluss

Sehr geehrte Frau Koch,

der Schaden SC-2025-021177 Ihres Kunden Stefan Wagner ist abschließend reguliert, die Zahlung ist am 30.01.2026 erfolgt. Wir schließen den Vorgang.

Mit freundlichen Grüßen
Lindenhof Versicherung AG
""", client="outlook", in_reply_to="<c0ffee12.20260202@lindenhof-versicherung.example>",
     attachments=[jpg("Fotos_Fahrzeug_Lange.jpg"), pdf("Reparaturrechnung_Autohaus_Nord.pdf")],
     gold=G("CLAIM_UPDATE", ident=by_claim("SC-2026-005890"), queue="CLAIMS_HANDLING",
            notes="broker reply: new text names one customer's claim, the quoted message another's; the new one counts"))

mail("de-024-frostschaden-rechnung-qp.eml", "de", SCHAEFER, CLAIMS_DE, "2026-01-20 14:12:51 +0100",
     "Frostschaden SC 2026 004021 - Rechnung Installateur", """Sehr geehrte Damen und Herren,

zu dem oben genannten Schaden (geplatzte Wasserleitung im Keller nach dem Frost Anfang Januar) übersende ich Ihnen die Rechnung der Firma Kraus Sanitär über 1.284,50 Euro. Die Trocknung des Kellers läuft noch, die Rechnung dafür reiche ich nach Abschluss ein.

Ich bitte um Überweisung auf das bekannte Konto.

Mit freundlichen Grüßen
Dieter Schäfer
""", charset="iso-8859-1", cte="quoted-printable", client="outlook",
     attachments=[pdf("Rechnung_Kraus_Sanitaer_0117.pdf")],
     gold=G("CLAIM_UPDATE", ident=by_claim("SC-2026-004021"), queue="CLAIMS_HANDLING",
            notes="repair invoice for an existing claim; claim written with spaces; ISO-8859-1 QP"))

mail("de-025-vertippte-schadennummer.eml", "de", VOGEL, f"leistung@{INSURER}", "2026-02-05 12:30:40 +0100",
     "Krankenhausrechnung zu Schadennummer SC-2026-006013", """Guten Tag,

ich hatte Ende Januar die Rechnungen vom Städtischen Klinikum für meine Gallenblasen-OP eingereicht (Schadennummer SC-2026-006013). Haben Sie die Unterlagen erhalten? Im Online-Portal sehe ich noch keinen Eingang.

Außerdem kommt noch eine Rechnung vom Anästhesisten, soll ich die separat schicken oder gleich zusammen?

Freundliche Grüße
Katharina Vogel
""", gold=G("CLAIM_UPDATE", flags=["PII_SENSITIVE"], ident=by_sender("CU-1002355", unmatched=["SC-2026-006013"]),
            queue="CLAIMS_HANDLING",
            notes="mistyped claim number (real one is SC-2026-006031) is reported unmatched, not corrected; sender gives PROBABLE"))

mail("de-026-werkstatt-unbekannte-schadennummer.eml", "de", ("Kfz-Meisterbetrieb Meier", "buero@kfz-meier.example"),
     CLAIMS_DE, "2026-02-11 11:05:16 +0100", "Reparaturrechnung Schaden-Nr. SC-2026-007777", """Sehr geehrte Damen und Herren,

anbei erhalten Sie unsere Reparaturrechnung Nr. 26-0143 für das Fahrzeug Ford Fiesta, amtl. Kennzeichen MZ-CK 381, Halterin Frau Christine Koch, zu Ihrer Schaden-Nr. SC-2026-007777.

Die Kundin hat eine Abtretungserklärung unterschrieben (liegt bei). Wir bitten um Zahlung direkt an uns.

Mit freundlichen Grüßen
Kfz-Meisterbetrieb Meier
Inh. Andreas Meier
Rheinallee 201, 55120 Mainz
Tel. 06131 555780
""", attachments=[pdf("Rechnung_26-0143.pdf"), pdf("Abtretungserklaerung.pdf")],
     gold=G("CLAIM_UPDATE", ident=not_found(["SC-2026-007777"]), queue="CLAIMS_HANDLING",
            notes="claim number matches nothing, sender unknown -> NOT_FOUND, REQUEST_INFO"))

mail("de-027-mietwagen-kompakte-schadennummer.eml", "de", WOLF, CLAIMS_DE, "2026-01-27 07:12:58 +0100",
     "SC2026005045 Mietwagenkosten", """Hi,

kurze Frage zu meinem Schaden: die Werkstatt braucht noch bis nächste Woche für die Ersatzteile. Übernehmen Sie die Kosten für einen Mietwagen, oder wie läuft das? Ich brauche das Auto jeden Tag für die Arbeit.

LG Julia Wolf

Von meinem iPhone gesendet
""", client="iphone",
     gold=G("CLAIM_UPDATE", ident=by_claim("SC-2026-005045"), queue="CLAIMS_HANDLING",
            notes="claim number without separators in the subject"))

mail("de-028-familie-stand-schaden.eml", "de", BRANDT, CLAIMS_DE, "2026-01-15 20:02:33 +0100",
     "Stand unserer Schadensache?", """Hallo,

wir hatten im Dezember einen Schaden gemeldet und warten noch auf eine Rückmeldung von Ihnen. Können Sie uns bitte sagen wie der aktuelle stand ist?

Danke und Gruß
Familie Brandt
""", gold=G("CLAIM_UPDATE", ident=ambiguous(), queue="REVIEW_IDENTITY",
            notes="address shared by two customers, no reference -> AMBIGUOUS"))

mail("de-029-sterbeurkunde.eml", "de", BOEHM, SERVICE_DE, "2026-02-10 11:40:07 +0100",
     "Sterbeurkunde zu SC-2026-006402", """Sehr geehrte Frau Albers,

vielen Dank für Ihren freundlichen Brief und Ihr Beileid. Anbei schicke ich Ihnen wie besprochen die Sterbeurkunde meines Mannes und die Kopie der Police.

Meine Tochter hat mir beim Einscannen geholfen, ich hoffe, man kann alles lesen.

Mit freundlichen Grüßen
Renate Böhm
""", attachments=[pdf("Sterbeurkunde_Horst_Boehm.pdf"), pdf("Police_Lebensversicherung.pdf")],
     gold=G("CLAIM_UPDATE", flags=["VULNERABLE_CUSTOMER"], ident=by_claim("SC-2026-006402"),
            queue="CLAIMS_HANDLING", notes="documents for the existing death claim; bereaved widow"))

mail("de-030-dachdecker-angebot-base64.eml", "de", PETERS, CLAIMS_DE, "2026-02-13 15:22:19 +0100",
     "Schaden SC-2026-004266 Dach Gaststube", """Moin,

anbei das Angebot vom Dachdecker Jensen für die Reparatur vom Flachdach über der Gaststube (Sturmschaden vom 10.01.). Er kann ab dem 23.02. anfangen, wenn Sie das freigeben.

Bis dahin tropft es bei Regen immer noch in den Gastraum, wir haben Eimer aufgestellt.

Mit freundlichen Grüßen
Klaus Peters
Gaststätte "Zum Anker"
Hafenstraße 3, 25980 Sylt
""", cte="base64", client="outlook", attachments=[pdf("Angebot_Dachdecker_Jensen.pdf")],
     gold=G("CLAIM_UPDATE", ident=by_claim("SC-2026-004266"), queue="CLAIMS_HANDLING",
            notes="roofer's offer for an existing claim; base64 body; customer name with quotes in the CSV"))

# ------------------------------------------------------------------ POLICY_CHANGE
mail("de-040-adressaenderung-hausrat.eml", "de", SCHNEIDER, SERVICE_DE, "2026-02-16 19:20:45 +0100",
     "Adressänderung", """Sehr geehrte Damen und Herren,

bitte ändern Sie zum 01.03.2026 meine Anschrift für die Hausratversicherung, Vertragsnummer HR-31008861:

alt: Invalidenstraße 44, 10115 Berlin
neu: Stargarder Straße 17, 10437 Berlin

Die Wohnfläche der neuen Wohnung beträgt 68 m² (bisher 54 m²). Bitte passen Sie die Versicherungssumme entsprechend an.

Vielen Dank
Anna Schneider
""", subj_enc="Q-utf-8", client="gmail", shape="alt",
     gold=G("POLICY_CHANGE", ident=by_policy("HR-31008861"), queue="POLICY_SERVICE",
            notes="change of address and sum insured"))

mail("de-041-neue-bankverbindung.eml", "de", HOEFLER, SERVICE_DE, "2026-01-29 10:05:12 +0100",
     "Neue Bankverbindung", f"""Sehr geehrte Damen und Herren,

ich habe meine Bank gewechselt. Bitte buchen Sie die Beiträge für meine Rechtsschutzversicherung künftig von folgendem Konto ab:

Kontoinhaber: Günther Höfler
IBAN: {iban_de('76050101', '88120457')}

Das alte Konto wird zum Monatsende aufgelöst. Ein neues SEPA-Mandat unterschreibe ich Ihnen gerne, schicken Sie mir einfach das Formular.

Mit freundlichen Grüßen
Günther Höfler
""", charset="iso-8859-1", client="thunderbird",
     gold=G("POLICY_CHANGE", ident=by_sender("CU-1002353"), queue="POLICY_SERVICE",
            notes="new bank account; ISO-8859-1 8bit body; sender known, one ACTIVE policy"))

mail("de-042-fahrzeugwechsel-evb.eml", "de", YILMAZ, SERVICE_DE, "2026-02-09 21:33:06 +0100",
     "Fahrzeugwechsel zum 14.02.", """Hallo,

ich bekomme am 14.02. mein neues Auto und möchte den Vertrag KF 2049 3348 umstellen.

Neues Fahrzeug: Hyundai i30 Kombi, Erstzulassung 11/2023, FIN TMAD381UANJ123456, das Kennzeichen F-ZY 880 wird mitgenommen.
Das alte Auto (Opel Corsa) wird am selben Tag an den Händler übergeben.

Brauche ich eine neue eVB-Nummer für die Zulassung? Die bräuchte ich dann bis Donnerstag.

Danke!
Zeynep Yilmaz
""", gold=G("POLICY_CHANGE", ["POLICY_CHANGE", "DOCUMENT_REQUEST"], flags=["URGENT"], ident=by_policy("KF-20493348"),
            queue="POLICY_SERVICE", notes="vehicle change plus request for an eVB confirmation with a deadline"))

mail("de-043-umzug-und-beitragsfrage.eml", "de", ZIMMERMANN, SERVICE_DE, "2026-02-03 20:11:38 +0100",
     "Umzug + Frage zur Beitragserhöhung", """Hallo,

zwei Dinge:

1. Ich bin zum 01.02. umgezogen. Neue Adresse: Günterstalstraße 61, 79102 Freiburg. Bitte für alle meine Verträge ändern.

2. Für meine Reiseversicherung (RE-80007789) wurde im Januar ein höherer Beitrag abgebucht als letztes Jahr (89,90 statt 74,00 Euro). Warum? Ich habe nichts an dem Vertrag geändert und auch keine Mitteilung bekommen.

Grüße
Felix Zimmermann
""", subj_enc="Q-utf-8",
     gold=G("POLICY_CHANGE", ["POLICY_CHANGE", "BILLING"], ident=by_policy("RE-80007789"), queue="POLICY_SERVICE",
            notes="two intents: change of address plus a premium question"))

mail("de-044-bezugsrecht-kundennummer.eml", "de", HOFFMANN, SERVICE_DE, "2026-01-24 11:47:21 +0100",
     "Änderung Bezugsrecht", """Sehr geehrte Damen und Herren,

ich möchte das Bezugsrecht meiner Lebensversicherung ändern. Bisher ist mein geschiedener Mann als Bezugsberechtigter eingetragen. Künftig soll im Todesfall meine Tochter Lea Hoffmann, geb. 14.06.1994, bezugsberechtigt sein.

Kundennummer 1002361

Bitte schicken Sie mir das nötige Formular zu bzw. bestätigen Sie mir die Änderung schriftlich.

Mit freundlichen Grüßen
Monika Hoffmann
""", subj_enc="Q-iso-8859-1", charset="iso-8859-1",
     gold=G("POLICY_CHANGE", ident=by_customer("CU-1002361"), queue="POLICY_SERVICE",
            notes="beneficiary change; 'Kundennummer 1002361', customer has exactly one ACTIVE policy -> policy filled"))

mail("de-045-vertippte-vertragsnummer.eml", "de", ("Robert Klein", "r.klein@example.net"), SERVICE_DE,
     "2026-01-31 09:58:44 +0100", "Adressänderung Vertragsnummer KF-20481243", """Guten Tag,

bitte ändern Sie meine Adresse für die Kfz-Versicherung, Vertragsnummer KF-20481243.

Neue Adresse ab 01.02.2026:
Robert Klein
Lindenweg 5
51143 Köln

Vielen Dank und freundliche Grüße
R. Klein
""", subj_enc="Q-utf-8",
     gold=G("POLICY_CHANGE", ident=not_found(["KF-20481243"]), queue="POLICY_SERVICE",
            notes="policy number matches nothing (one transposition away from KF-20481234): never corrected -> NOT_FOUND, REQUEST_INFO"))

mail("de-046-vollkasko-auf-teilkasko.eml", "de", LANGE, SERVICE_DE, "2026-02-17 16:04:55 +0100",
     "Umstellung Vollkasko auf Teilkasko", """Sehr geehrte Damen und Herren,

mein Auto ist mittlerweile 13 Jahre alt, eine Vollkasko lohnt sich nicht mehr. Bitte stellen Sie den Vertrag KF-20476654 zur nächsten Hauptfälligkeit auf Teilkasko mit 150 Euro Selbstbeteiligung um.

Der laufende Schaden (Parkrempler vom Januar) soll davon natürlich nicht betroffen sein.

Mit freundlichen Grüßen
H.-P. Lange
""", gold=G("POLICY_CHANGE", ident=by_policy("KF-20476654"), queue="POLICY_SERVICE",
            notes="coverage change"))

mail("de-047-familie-umzug.eml", "de", BRANDT, SERVICE_DE, "2026-02-18 19:45:10 +0100",
     "Umzug", """Hallo liebes Lindenhof-Team,

wir ziehen Ende März um, ab dem 01.04. lautet unsere Adresse:

Brandt
Kirchröder Straße 88
30625 Hannover

Bitte ändern Sie die Adresse bei allen unseren Verträgen. Die Gebäudeversicherung für das alte Haus brauchen wir bis zur Übergabe an die Käufer noch, dazu melden wir uns gesondert.

Viele Grüße
Petra und Jens Brandt
""", gold=G("POLICY_CHANGE", ident=ambiguous(), queue="REVIEW_IDENTITY",
            notes="family address shared by two customers, no reference -> AMBIGUOUS"))

# ------------------------------------------------------------------ CANCELLATION
mail("de-050-kuendigung-autoverkauf.eml", "de", WOLF, f"kuendigung@{INSURER}", "2026-02-09 18:20:03 +0100",
     "Kündigung Kfz-Versicherung KF-20503340 wegen Verkauf", """Hallo,

ich habe mein Auto (Fiat 500, MA-JW 1997) am 07.02.2026 verkauft und heute abgemeldet. Bitte beenden Sie den Vertrag KF-20503340 zum Verkaufsdatum. Kopie vom Kaufvertrag anbei.

Der offene Schaden vom Januar ist davon ja unabhängig, oder? Die Reparatur war vor dem Verkauf schon fertig.

Gruß
Julia Wolf
""", subj_enc="B-utf-8", client="iphone", attachments=[pdf("Kaufvertrag_Fiat500.pdf")],
     gold=G("CANCELLATION", ident=by_policy("KF-20503340"), queue="CANCELLATIONS",
            notes="vehicle sold, contract to end"))

mail("de-051-kuendigung-rechtsschutz-latin1.eml", "de", RICHTER, f"kuendigung@{INSURER}", "2026-02-16 08:30:27 +0100",
     "Kündigung meiner Rechtsschutzversicherung", """Sehr geehrte Damen und Herren,

hiermit kündige ich meine Rechtsschutzversicherung fristgerecht zum nächstmöglichen Zeitpunkt.

Bitte senden Sie mir eine schriftliche Bestätigung der Kündigung unter Angabe des Beendigungszeitpunktes.

Mit freundlichen Grüßen

Tobias Richter
Magdeburg
""", subj_enc="Q-iso-8859-1", charset="iso-8859-1", client="thunderbird",
     gold=G("CANCELLATION", ident=by_sender("CU-1002384"), queue="CANCELLATIONS",
            notes="plain cancellation without number; sender unique, one ACTIVE policy; ISO-8859-1 subject and body"))

mail("de-052-widerruf-neuer-vertrag.eml", "de", ("Leonie Hartmann", "leonie.hartmann@example.net"),
     f"kuendigung@{INSURER}", "2026-02-06 22:17:49 +0100", "Widerruf Privathaftpflicht", """Sehr geehrte Damen und Herren,

hiermit widerrufe ich den am 02.02.2026 online abgeschlossenen Vertrag über eine Privathaftpflichtversicherung (Vertragsnummer PH-55031870) gemäß § 8 VVG.

Bitte erstatten Sie mir den bereits abgebuchten Beitrag.

Mit freundlichen Grüßen
Leonie Hartmann
""", gold=G("CANCELLATION", ["CANCELLATION", "BILLING"], ident=not_found(["PH-55031870"]), queue="CANCELLATIONS",
            notes="withdrawal from a contract not (yet) in the identity data -> unmatched reference, REQUEST_INFO"))

mail("de-054-sonderkuendigung-nach-schaden.eml", "de", WAGNER, f"kuendigung@{INSURER}", "2026-02-10 17:03:36 +0100",
     "Sonderkündigung nach Schadenregulierung", """Sehr geehrte Damen und Herren,

nach Abschluss der Regulierung des Schadens SC-2025-021177 mache ich von meinem Sonderkündigungsrecht Gebrauch und kündige die Kfz-Versicherung für meinen Passat, Vertrag KF-20479981, mit sofortiger Wirkung, hilfsweise zum nächstmöglichen Zeitpunkt.

Der Vertrag für den zweiten Wagen bleibt bestehen.

Mit freundlichen Grüßen
Stefan Wagner
""", subj_enc="Q-utf-8", client="thunderbird",
     gold=G("CANCELLATION", ident=by_claim("SC-2025-021177"), queue="CANCELLATIONS",
            notes="special cancellation after a (closed) claim; claim and policy agree"))

mail("de-055-familie-kuendigung-hausverkauf.eml", "de", BRANDT, f"kuendigung@{INSURER}", "2026-02-24 20:40:58 +0100",
     "Kündigung Gebäudeversicherung – Hausverkauf", """Guten Tag,

wie schon angekündigt haben wir unser Haus verkauft. Die Übergabe an die Käufer ist am 31.03.2026. Bitte kündigen Sie die Wohngebäudeversicherung zu diesem Datum. Die Käufer wurden von uns über die Versicherung informiert.

Eine Kopie des Kaufvertrags (Auszug) hängen wir an.

Viele Grüße
Familie Brandt
""", subj_enc="Q-utf-8", attachments=[pdf("Kaufvertrag_Auszug.pdf")],
     gold=G("CANCELLATION", ident=ambiguous(), queue="REVIEW_IDENTITY",
            notes="shared family address, no reference -> AMBIGUOUS (only one of them has a WG policy, but identity is not guessed)"))

mail("de-056-kuendigung-alle-vertraege.eml", "de", SCHAEFER, f"kuendigung@{INSURER}", "2026-02-27 10:12:44 +0100",
     "Kündigung", """Sehr geehrte Damen und Herren,

Kundennummer 1002360

hiermit kündige ich alle bei Ihnen bestehenden Verträge zum Ablauf. Grund ist der Verkauf unseres Hauses in Saarbrücken und der Umzug zu unserer Tochter nach Österreich.

Bitte bestätigen Sie die Kündigung und die jeweiligen Vertragsenden.

Mit freundlichen Grüßen
Dieter und Hannelore Schäfer
""", subj_enc="Q-utf-8", client="outlook",
     gold=G("CANCELLATION", ident=by_customer("CU-1002360"), queue="CANCELLATIONS",
            notes="customer number, two ACTIVE policies -> CONFIRMED customer without policy"))

mail("de-031-fotos-dateiname-umlaut.eml", "de", ("Thomas Weiß", "t.weiss@example.de"), CLAIMS_DE,
     "2026-01-05 12:18:44 +0100", "Fotos Wasserschaden", """Hallo,

wie am Telefon besprochen die Fotos vom Wasserschaden im Keller. Der Estrich ist an zwei Stellen aufgeplatzt.

Gruß
T. Weiß
""", client="thunderbird",
     attachments=[("Schadenfotos_SC-2026-003921_Weiß.jpg", "image/jpeg", fake_jpeg("weiss-keller"), "rfc2231")],
     gold=G("CLAIM_UPDATE", ident=by_claim("SC-2026-003921"), queue="CLAIMS_HANDLING",
            notes="claim number only in an RFC 2231 encoded attachment name"))

mail("de-032-outlook-weiterleitung.eml", "de", LANGE, CLAIMS_DE, "2026-02-02 17:25:09 +0100",
     "WG: Ihr Fahrzeug - Kostenvoranschlag", """Zur Info, siehe unten. Bitte direkt mit der Werkstatt klären.

H.-P. Lange

-----Ursprüngliche Nachricht-----
Von: Autohaus Nordlicht Service <service@autohaus-nordlicht.example>
Gesendet: Montag, 2. Februar 2026 15:02
An: hp.lange@example.de
Betreff: Ihr Fahrzeug - Kostenvoranschlag

Sehr geehrter Herr Lange,

anbei der Kostenvoranschlag für die Instandsetzung Ihres Fahrzeugs (Schaden-Nr. SC-2026-005890 bei der Lindenhof Versicherung): Stoßfänger hinten erneuern und lackieren, Parksensoren ersetzen, gesamt 2.146,80 EUR brutto.

Wir beginnen mit der Reparatur, sobald die Freigabe der Versicherung vorliegt.

Mit freundlichen Grüßen
Autohaus Nordlicht
""", client="outlook",
     gold=G("CLAIM_UPDATE", ident=by_claim("SC-2026-005890"), queue="CLAIMS_HANDLING",
            notes="Outlook forward ('WG:' + 'Ursprüngliche Nachricht'): the forwarded text counts as new text"))
