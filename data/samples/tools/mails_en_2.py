# English mails, part 2: quotes, documents, complaints, privacy, legal, general, auto-replies,
# spam, malware, unclear intent, ambiguous references, unparseable.
from corpus import *
from mails_en_1 import *
from mails_de_3 import dsn_root, OOO

# ------------------------------------------------------------------ QUOTE_REQUEST
mail("en-050-annual-travel-quote.eml", "en", ("Amelia Brooks", "amelia.brooks@example.org"), f"sales@{INSURER}",
     "2026-01-24 15:10:44 +0100", "Quote for annual travel insurance", """Hi,

I've just moved to Hamburg for work and I'm looking for annual multi-trip travel insurance for myself and my partner (both 31). We travel mostly within Europe, plus one long-haul trip a year (USA or Asia). Could you send me a quote, ideally including cancellation cover?

Also, are your policy documents available in English?

Thanks,
Amelia
""", shape="alt", client="gmail",
     gold=G("QUOTE_REQUEST", ["QUOTE_REQUEST", "GENERAL_INQUIRY"], ident=not_found(), queue="SALES",
            notes="prospect wants a quote and asks a side question"))

mail("en-051-contents-quote-existing.eml", "en", BENNETT, f"sales@{INSURER}", "2026-01-11 16:25:30 +0100",
     "Home contents insurance quote", """Hi,

I've got my car insurance with you and I'm now looking for contents insurance for my flat in Munich (3 rooms, 85 m², ground floor). Could you send me a quote? I have a road bike worth about EUR 3,000 that I'd like covered too.

Oliver Bennett
""", client="apple",
     gold=G("QUOTE_REQUEST", ident=by_sender("CU-1002370"), queue="SALES",
            notes="existing customer asks for a new contract"))

mail("en-052-landlord-buildings.eml", "en", ("Harish Patel", "h.patel@example.org"), f"sales@{INSURER}",
     "2026-02-10 14:02:57 +0100", "Buildings insurance for rental property", """Good afternoon,

I recently purchased a six-unit apartment building in Düsseldorf (built 1962, renovated 2015) which I rent out. I'd like a quote for buildings insurance including loss of rent and landlord liability.

Could you let me know what information you need?

Kind regards,
Harish Patel
""", client="outlook",
     gold=G("QUOTE_REQUEST", ident=not_found(), queue="SALES", notes="prospect, commercial landlord"))

mail("en-053-renewal-price.eml", "en", WHITFIELD, f"sales@{INSURER}", "2026-02-20 10:48:08 +0000",
     "Renewal price with protected no-claims bonus", """Hello,

My car insurance renews in September. Before then I'd like to know what the renewal premium would be with and without a protected no-claims bonus, given the accident in January.

Regards,
James Whitfield
""", gold=G("QUOTE_REQUEST", ident=by_sender("CU-1002368"), queue="SALES",
            notes="renewal pricing counts as QUOTE_REQUEST"))

# ------------------------------------------------------------------ DOCUMENT_REQUEST
mail("en-060-mortgage-proof.eml", "en", MILLER, SERVICE_EN, "2026-02-03 11:30:18 +0100",
     "Proof of buildings insurance for our bank", """Dear Sir or Madam,

We are refinancing our mortgage and the bank requires confirmation that the property is insured against fire and natural hazards, with the bank named as loss payee (Sicherungsschein).

Policy number: WG-40023345
Property: Eppendorfer Landstraße 112, 20249 Hamburg

Could you please send the confirmation to me and directly to the bank's mortgage department?

Kind regards,
David Miller
""", client="outlook",
     gold=G("DOCUMENT_REQUEST", ident=by_policy("WG-40023345"), queue="POLICY_SERVICE",
            notes="confirmation for a mortgage lender"))

mail("en-061-green-card-switzerland.eml", "en", HUGHES, SERVICE_EN, "2026-02-08 16:44:21 +0100",
     "Green card for trip to Switzerland", """Hi,

we are driving to Switzerland for a skiing holiday in March. Do I need a green card, and if so could you send me one? My policy is KF 2050 1128.

Thanks,
Dan Hughes
""", gold=G("DOCUMENT_REQUEST", ident=by_policy("KF-20501128"), queue="POLICY_SERVICE",
            notes="green card; policy with spaces"))

mail("en-062-annual-statement-life.eml", "en", SHARMA, SERVICE_EN, "2026-02-26 12:12:12 +0100",
     "Annual statement for my life insurance", """Dear Sir or Madam,

could you please send me the annual statement (current surrender value and projected benefit) for my life insurance? I need it for an appointment with my financial adviser.

Kind regards,
Priya Sharma
""", gold=G("DOCUMENT_REQUEST", ident=by_sender("CU-1002373"), queue="POLICY_SERVICE",
            notes="statement request; sender known"))

mail("en-063-re-confirmation-quoted-ref.eml", "en", JOHNSON, SERVICE_EN, "2026-02-10 15:02:33 +0100",
     "RE: Confirmation of cover", """Thanks - could you also send the certificate as a PDF? The link in your email doesn't open on my laptop.

Mark

-----Original Message-----
From: Lindenhof Customer Service <customerservice@lindenhof-versicherung.example>
Sent: Tuesday, February 10, 2026 2:14 PM
To: mark.johnson@example.com
Subject: Confirmation of cover

Dear Mr Johnson,

as requested, we confirm that your vehicle is insured with us under policy KF-20502239 (comprehensive cover, EUR 300 excess). You can download your insurance certificate here: https://portal.lindenhof-versicherung.example/docs/8812

Kind regards
Lindenhof Versicherung AG
""", client="outlook", in_reply_to="<e4a2b8f0.8812@lindenhof-versicherung.example>",
     gold=G("DOCUMENT_REQUEST", ident=by_policy("KF-20502239"), queue="POLICY_SERVICE",
            notes="Outlook-style reply; the policy number is only in the quoted original, used because the new text has none"))

mail("en-064-no-claims-certificate.eml", "en", ("Grace Liu", "grace.liu@example.org"), SERVICE_EN,
     "2026-01-30 09:09:09 +0100", "No claims bonus certificate", """Hello,

I'm switching my car insurance to another provider and they need a certificate of my no-claims history (SF-Klasse) from you. Can you please email it to me?

Thank you,
Grace Liu
""", gold=G("DOCUMENT_REQUEST", ident=not_found(), queue="POLICY_SERVICE",
            notes="unknown sender, no number -> REQUEST_INFO"))

# ------------------------------------------------------------------ COMPLAINT
mail("en-070-complaint-valuation-ombudsman.eml", "en", BENNETT, f"complaints@{INSURER}", "2026-02-18 21:36:04 +0100",
     "Formal complaint - claim SC-2026-006115", """Dear Sir or Madam,

I wish to make a formal complaint about the handling of my claim. My car was written off on 29 January. Your valuation of EUR 9,200 is more than EUR 3,000 below what comparable cars are selling for, and your assessor did not even look at the service history or the new tyres fitted in December.

I have asked twice for the basis of the valuation and received no meaningful answer.

Unless this is reviewed properly, I will refer the matter to the insurance ombudsman (Versicherungsombudsmann) and, if necessary, to BaFin.

Oliver Bennett
""", client="apple",
     gold=G("COMPLAINT", ["COMPLAINT", "CLAIM_UPDATE"], flags=["REGULATOR_ESCALATION"], ident=by_claim("SC-2026-006115"),
            queue="COMPLAINTS", notes="formal complaint naming ombudsman and BaFin"))

mail("en-071-where-is-my-money.eml", "en", CLARKE, CLAIMS_EN, "2026-02-19 08:27:40 +0100",
     "Where is my money? Claim SC-2026-005233", """Hi,

This is now the third time I'm asking. The contractor's quote was sent to you on 26 January, the work is done, and I've paid the contractor out of my own pocket (EUR 2,790). When will you reimburse me?

Honestly, I'm really disappointed with how slow this has been.

Emily Clarke
""", gold=G("CLAIM_UPDATE", ["CLAIM_UPDATE", "COMPLAINT"], ident=by_claim("SC-2026-005233"), queue="COMPLAINTS",
            notes="status chase with dissatisfaction: complaint routes (rule 5), primary CLAIM_UPDATE -> ATTACH_TO_CLAIM"))

mail("en-072-still-waiting-unknown.eml", "en", ("Paul Whitaker", "pwhitaker@example.net"), CLAIMS_EN,
     "2026-02-09 22:48:15 +0100", "Still waiting", """Can someone PLEASE tell me what is happening with my claim? I reported the water damage in my flat five weeks ago, an assessor came, and since then nothing. Nobody calls back, emails go unanswered.

This is appalling service.

Paul Whitaker
""", gold=G("CLAIM_UPDATE", ["CLAIM_UPDATE", "COMPLAINT"], ident=not_found(), queue="COMPLAINTS",
            notes="complaint routes; primary CLAIM_UPDATE with NOT_FOUND -> REQUEST_INFO"))

mail("en-073-sales-call-complaint.eml", "en", ELLIS, f"complaints@{INSURER}", "2026-02-04 10:55:26 +0100",
     "Complaint", """Dear Sir or Madam,

I wish to make a formal complaint about a telephone call I received on 3 February from someone at your company. The caller tried to persuade me to take out an additional accident insurance policy and would not accept no for an answer. He called me back twice the same afternoon. I found this very upsetting.

Yours faithfully,
Margaret Ellis
""", gold=G("COMPLAINT", ident=by_sender("CU-1002377"), queue="COMPLAINTS", notes="complaint about pushy sales calls"))

mail("en-074-see-you-in-court-html.eml", "en", WHITFIELD, f"complaints@{INSURER}", "2026-02-02 19:14:48 +0000",
     "Unacceptable - claim SC-2026-004788", """To whom it may concern,

More than two weeks after my accident my car is STILL sitting at the garage because nobody at Lindenhof can be bothered to approve a simple repair estimate. I have been paying for a rental car out of my own pocket since 17 January.

I have had enough. If the repair is not approved and my rental costs reimbursed, I will instruct a solicitor and see you in court.

James Whitfield
""", shape="html", html_style="outlook", client="outlook",
     gold=G("COMPLAINT", ["COMPLAINT", "CLAIM_UPDATE"], flags=["LEGAL_THREAT"], ident=by_claim("SC-2026-004788"),
            queue="LEGAL", notes="complaint with threat of legal action -> LEGAL; HTML-only"))

# ------------------------------------------------------------------ PRIVACY_REQUEST
mail("en-080-subject-access-request.eml", "en", MOORE, f"dataprotection@{INSURER}", "2026-02-16 09:00:03 +0100",
     "Subject access request", """Dear Data Protection Officer,

Under Article 15 of the GDPR, I am requesting a copy of all personal data you hold about me, including call recordings, notes and any data received from third parties, together with the purposes of processing and the recipients.

Full name: Rachel Moore
Date of birth: 11 February 1994

Please respond within the statutory time limit.

Regards,
Rachel Moore
""", gold=G("PRIVACY_REQUEST", ident=by_sender("CU-1002382"), queue="PRIVACY",
            notes="SAR; statutory time limit is not an explicit deadline; sender known, no ACTIVE policy"))

mail("en-081-delete-medical-records.eml", "en", TAYLOR, f"dataprotection@{INSURER}", "2026-02-20 18:21:10 +0100",
     "Request to delete medical records", """Hello,

After my reimbursement claim last month I'd like you to delete the medical documents I sent (discharge letter, surgical report on my appendectomy) once you no longer need them, and to tell me who they have been shared with. I understand you may have to keep some records for legal reasons - please explain which ones and for how long.

This is a request under Articles 15 and 17 GDPR.

Thanks,
Chris Taylor
""", gold=G("PRIVACY_REQUEST", flags=["PII_SENSITIVE"], ident=by_sender("CU-1002380"), queue="PRIVACY",
            notes="erasure and access request about health documents"))

mail("en-082-letter-to-wrong-address.eml", "en", CLARKE, f"dataprotection@{INSURER}", "2026-02-06 20:09:57 +0100",
     "Data breach? Letter sent to wrong address", """Hello,

Yesterday my neighbour handed me a letter from you that had been put in her letterbox. It was addressed to me but had her house number on it, and it contained details of my claim, my bank account and my date of birth. She had opened it by mistake.

I want to know how this happened, what other data of mine may have been disclosed, and I want my address corrected in all your systems.

If I don't get a proper explanation, I will report this to the data protection authority.

Emily Clarke
""", shape="alt", client="gmail",
     gold=G("PRIVACY_REQUEST", ["PRIVACY_REQUEST", "COMPLAINT"], flags=["REGULATOR_ESCALATION"],
            ident=by_sender("CU-1002369"), queue="PRIVACY",
            notes="privacy (rule 4) wins over complaint and regulator escalation (rule 5)"))

mail("en-083-stop-marketing.eml", "en", HUGHES, f"dataprotection@{INSURER}", "2026-01-18 12:31:46 +0100",
     "Unsubscribe / stop marketing", """Hi,

please stop sending me marketing emails and newsletters and don't use my data for advertising anymore. I've clicked "unsubscribe" twice and still get them.

Thanks,
Daniel Hughes
""", gold=G("PRIVACY_REQUEST", ident=by_sender("CU-1002378"), queue="PRIVACY",
            notes="objection to direct marketing (Art. 21)"))

# ------------------------------------------------------------------ LEGAL
mail("en-090-letter-of-claim-cyclist.eml", "en", ("Hartley & Shaw Solicitors", "injury@hartley-shaw.test"), LEGAL_TO,
     "2026-02-11 10:00:00 +0000", "Letter of claim - our client Ms Nina Kraus - your insured Mr Thomas Wright", """Dear Sirs,

We are instructed by Ms Nina Kraus in connection with a road traffic accident on 14 January 2026 at the junction of Königsallee and Bahnstraße, Düsseldorf, in which our client, riding a bicycle, was struck by a vehicle driven by your insured, Mr Thomas Wright (policy KF-20500017).

Our client sustained a fractured left wrist and whiplash injuries and was unable to work for six weeks. Medical records are enclosed.

We invite you to confirm within 21 days of the date of this letter whether liability is admitted. Failing a satisfactory response, we are instructed to issue proceedings without further notice.

Yours faithfully,
Hartley & Shaw Solicitors
""", attachments=[pdf("Medical_records_Kraus.pdf")],
     gold=G("LEGAL", flags=["LEGAL_THREAT", "URGENT", "PII_SENSITIVE"], ident=by_policy("KF-20500017"), queue="LEGAL",
            notes="solicitors' letter of claim: injuries, 21-day deadline, proceedings threatened"))

mail("en-091-notice-before-action.eml", "en", ("Baker Lindqvist LLP", "legal@bakerlindqvist.test"), LEGAL_TO,
     "2026-02-13 16:45:31 +0000", "Mr David Miller - claim SC-2026-003695 - notice before action", """Dear Sir or Madam,

We act for Mr David Miller in relation to his buildings insurance claim (your reference SC-2026-003695) for storm damage to the roof of his property on 7 January 2026.

Your letter of 30 January declining the claim on the basis of "lack of maintenance" is, in our client's view, unfounded. We enclose a report from an independent roofer confirming that the roof was in good repair.

Unless you confirm within 14 days that you will indemnify our client in full, we have instructions to commence proceedings against you without further notice.

Yours faithfully,
Baker Lindqvist LLP
""", attachments=[pdf("Roofer_report.pdf")],
     gold=G("LEGAL", flags=["LEGAL_THREAT", "URGENT"], ident=by_claim("SC-2026-003695"), queue="LEGAL",
            notes="customer's lawyers threaten proceedings within 14 days"))

mail("en-092-tenant-mould-claim.eml", "en", ("Greenway Legal", "tenancy@greenway-legal.test"), LEGAL_TO,
     "2026-02-24 11:38:19 +0000", "Your policyholder Mr Klaus Peters - WG-40024456 - our client Mr Samuel Okafor", """Dear Sir or Madam,

We represent Mr Samuel Okafor, tenant of the first-floor flat at Hafenstraße 3, Sylt, owned by your policyholder Mr Klaus Peters (policy WG-40024456).

Following the storm damage to the flat roof in January, water has entered our client's flat repeatedly. Extensive mould has developed in the bedroom, and our client, who suffers from asthma, has required hospital treatment twice. We hold your policyholder liable for the damage to our client's belongings and for his health-related costs.

Please confirm whether you are handling this matter on behalf of Mr Peters and provide your claim reference.

Yours faithfully,
Greenway Legal
""", gold=G("LEGAL", flags=["PII_SENSITIVE"], ident=by_policy("WG-40024456"), queue="LEGAL",
            notes="third party's lawyers claim against our policyholder; health data; no threat of suit against us"))

# ------------------------------------------------------------------ GENERAL_INQUIRY
mail("en-100-health-cover-abroad.eml", "en", OCONNOR, SERVICE_EN, "2026-02-01 14:27:40 +0100",
     "Am I covered while visiting Ireland?", """Hi,

I'm visiting my family in Cork for four weeks in April. Does my health insurance cover doctor visits or a hospital stay over there, or do I need extra travel cover?

Thanks,
Sarah
""", gold=G("GENERAL_INQUIRY", ident=by_sender("CU-1002371"), queue="GENERAL", notes="coverage question"))

mail("en-101-documents-in-english.eml", "en", ("Kenji Watanabe", "kenji.w@example.org"), SERVICE_EN,
     "2026-01-14 12:00:51 +0100", "Documents in English?", """Hello,

I'm considering moving my liability and home contents insurance to your company. My German is still basic. Do you provide policy documents and customer service in English?

Best regards,
Kenji Watanabe
""", gold=G("GENERAL_INQUIRY", ident=not_found(), queue="GENERAL", notes="service question from a prospect"))

mail("en-102-daughter-power-of-attorney.eml", "en", ("Jane Ellis-Parker", "jane.parker@example.org"), SERVICE_EN,
     "2026-02-20 17:12:35 +0000", "My mother Margaret Ellis - power of attorney", """Dear Sir or Madam,

I am writing on behalf of my mother, Margaret Ellis (date of birth 5 December 1940), who holds a home contents policy and a life insurance policy with you.

My mother suffered a stroke two weeks ago and is currently in a rehabilitation clinic. She is unable to deal with correspondence at the moment. I hold a lasting power of attorney, which I can send you.

Could you please tell me what you need in order to register me as her representative, and send future letters to my address?

Many thanks,
Jane Ellis-Parker
""", gold=G("GENERAL_INQUIRY", flags=["VULNERABLE_CUSTOMER", "PII_SENSITIVE"], ident=by_name("CU-1002377"),
            queue="GENERAL", notes="daughter writes for her mother after a stroke; name + date of birth -> PROBABLE"))

mail("en-103-accident-abroad-question.eml", "en", ("Sam Fisher", "sam.fisher@example.org"), SERVICE_EN,
     "2026-02-22 10:30:05 +0100", "What to do after an accident abroad?", """Hi,

I'm driving to France and Spain this summer. If I have an accident there, who do I call first and what documents should I have in the car? Is the European accident report form accepted?

Thanks,
Sam
""", gold=G("GENERAL_INQUIRY", ident=not_found(), queue="GENERAL", notes="hypothetical question, no loss"))

mail("en-105-portal-logs-me-out.eml", "en", WRIGHT, SERVICE_EN, "2026-01-25 19:58:14 +0100",
     "Online portal keeps logging me out", """Hi,

every time I try to upload documents in your customer portal it logs me out after a few seconds. I've tried Chrome and Firefox. Is there another way to send you documents?

Thanks,
Tom
""", gold=G("GENERAL_INQUIRY", ident=by_sender("CU-1002374"), queue="GENERAL", notes="technical question"))

mail("en-106-body-shop-tipoff.eml", "en", "concerned.mechanic@example.net", CLAIMS_EN, "2026-02-15 23:20:33 +0100",
     "Something you should know", """I work at a body shop in Cologne. My boss regularly inflates repair invoices for insurance jobs - he adds parts that were never replaced and charges for paint work that isn't done. I've seen at least three invoices sent to your company like this in the last month.

I don't want to give my name. Check the invoices from KFZ Rheinblick.
""", gold=G("GENERAL_INQUIRY", flags=["FRAUD_INDICATOR"], ident=not_found(), queue="GENERAL",
            notes="anonymous tip about inflated repair invoices"))

# ------------------------------------------------------------------ AUTO_REPLY
mail("en-110-ooo-claim-subject.eml", "en", WHITFIELD, CLAIMS_EN, "2026-02-04 09:16:02 +0000",
     "Out of Office: Claim update SC-2026-004788", """I am out of the office until 9 February with limited access to email.

James Whitfield
""", client="outlook", extra_headers=OOO,
     gold=G("AUTO_REPLY", ident=by_claim("SC-2026-004788"), queue="NO_ACTION",
            notes="out-of-office; claim number in subject still resolves identity"))

mail("en-111-undelivered-postfix.eml", "en", ("Mail Delivery System", f"MAILER-DAEMON@mx1.{INSURER}"), SERVICE_EN,
     "2026-02-17 07:30:22 +0100", "Undelivered Mail Returned to Sender", None, return_path="",
     extra_headers=["Auto-Submitted: auto-replied"],
     root=dsn_root("""This is the mail system at host mx1.lindenhof-versicherung.example.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

For further assistance, please send mail to postmaster.

If you do so, please include this problem report. You can
delete your own text from the attached returned message.

                   The mail system

<old.address@example.org>: host mx.example.org[198.51.100.25] said: 550 5.2.1
    Mailbox disabled for this recipient (in reply to RCPT TO command)
""", """Reporting-MTA: dns; mx1.lindenhof-versicherung.example
X-Postfix-Queue-ID: 7Hd91QwXz3
X-Postfix-Sender: rfc822; customerservice@lindenhof-versicherung.example
Arrival-Date: Tue, 17 Feb 2026 07:30:19 +0100

Final-Recipient: rfc822; old.address@example.org
Original-Recipient: rfc822;old.address@example.org
Action: failed
Status: 5.2.1
Remote-MTA: dns; mx.example.org
Diagnostic-Code: smtp; 550 5.2.1 Mailbox disabled for this recipient
""", """Return-Path: <customerservice@lindenhof-versicherung.example>
From: Lindenhof Customer Service <customerservice@lindenhof-versicherung.example>
To: old.address@example.org
Subject: Your renewal documents
Date: Tue, 17 Feb 2026 07:30:18 +0100
Message-ID: <20260217073018.41a2@lindenhof-versicherung.example>
""", "7Hd91QwXz3.1771309822/mx1.lindenhof-versicherung.example"),
     gold=G("AUTO_REPLY", ident=not_found(), queue="NO_ACTION", notes="Postfix bounce, multipart/report"))

mail("en-112-ticket-autoack.eml", "en", ("Harbour Motors Service", "noreply@harbourmotors.test"), CLAIMS_EN,
     "2026-02-16 10:20:40 +0100", "[Ticket #48213] We have received your request", """Thank you for contacting Harbour Motors.

Your request has been logged under ticket #48213. A member of our team will get back to you within two working days.

Please do not reply to this email.

Harbour Motors GmbH - Service Desk
""", extra_headers=["Auto-Submitted: auto-generated", "X-Auto-Response-Suppress: All", "Precedence: bulk"],
     gold=G("AUTO_REPLY", ident=not_found(), queue="NO_ACTION", notes="ticket system acknowledgement"))

mail("en-113-autoreply-no-auto-submitted.eml", "en", SHARMA, SERVICE_EN, "2026-02-26 12:12:40 +0100",
     "Automatic reply: Annual statement for my life insurance", """Thank you for your email. I am on annual leave until 9 March and will reply when I am back.

Priya
""", extra_headers=["X-Autoreply: yes", "Precedence: auto_reply"],
     gold=G("AUTO_REPLY", ident=by_sender("CU-1002373"), queue="NO_ACTION",
            notes="auto-reply marked only by X-Autoreply/Precedence and wording, no Auto-Submitted header"))

mail("en-114-ooo-customer.eml", "en", BENNETT, CLAIMS_EN, "2026-02-03 10:05:15 +0100",
     "Out of office", """Hi, I'm travelling without regular access to email until 16 Feb. Replies will be delayed.

Oliver
""", extra_headers=["Auto-Submitted: auto-replied"], client="apple",
     gold=G("AUTO_REPLY", ident=by_sender("CU-1002370"), queue="NO_ACTION", notes="out-of-office from a customer"))

# ------------------------------------------------------------------ SPAM
mail("en-120-crypto-investment.eml", "en", ("Crypto Wealth Club", "vip@cryptowealth-club.example"), SERVICE_EN,
     "2026-01-21 04:12:33 +0100", "Turn EUR 250 into EUR 25,000 - exclusive invitation", """Dear Friend,

Our AI trading algorithm made 4,312% for our members last year. Spots are limited - join now with only EUR 250 and watch your money grow while you sleep!

>>> https://cryptowealth-club.example/join <<<

No experience needed. Withdraw any time.

To stop receiving these offers click here.
""", shape="alt", html_style="web", extra_headers=["Precedence: bulk"],
     gold=G("SPAM", ident=not_found(), queue="NO_ACTION", notes="investment scam"))

mail("en-121-document-to-sign-phish.eml", "en", ("E-Signature Service", "notify@esign-documents.example"), SERVICE_EN,
     "2026-02-11 05:47:19 +0100", "You have received a document to review and sign", """You have received a document to review and sign.

Document: Settlement_Agreement_2026.pdf
Sender: Accounts Payable

REVIEW DOCUMENT: https://esign-documents.example/v/9f3a77

Do not share this email. It contains a secure link to your document.
""", shape="html", html_style="web",
     gold=G("SPAM", ident=not_found(), queue="NO_ACTION", notes="e-signature phishing"))

mail("en-122-invoice-js.eml", "en", ("Accounts Receivable", "ar@global-supplies-ltd.example"), SERVICE_EN,
     "2026-02-18 03:33:03 +0100", "Overdue invoice #INV-88213", """Hello,

Please find the overdue invoice attached. Kindly arrange payment at your earliest convenience.

Regards,
Accounts Receivable
""", attachments=[("INV-88213.js", "application/javascript", fake_js(), "plain")],
     gold=G("SPAM", flags=["MALWARE_SUSPECT"], ident=not_found(), queue="SECURITY_QUARANTINE",
            notes="script attachment -> quarantine before NO_ACTION"))

mail("en-123-lottery-base64.eml", "en", ("International Lottery Commission", "claims@intl-lotto-award.example"), SERVICE_EN,
     "2026-01-29 02:25:56 +0100", "CONGRATULATIONS!!! YOU HAVE WON 1,500,000.00 EUR", """Dear Winner,

Your email address was selected in our annual online draw and you have been awarded the sum of ONE MILLION FIVE HUNDRED THOUSAND EUROS.

To claim your prize, send your full name, address, date of birth and a copy of your passport to our claims agent, Mr. Peter Okoye, at claims@intl-lotto-award.example.

Congratulations once again!
Dr. Williams Harrison
""", cte="base64",
     gold=G("SPAM", ident=not_found(), queue="NO_ACTION", notes="advance-fee fraud; base64 body"))

mail("en-124-spam-from-customer-account.eml", "en", CLARKE, SERVICE_EN, "2026-02-22 04:02:18 +0100",
     "Check this out", """Hey,

I found this amazing site, I lost 9 kg in 3 weeks!!! Have a look:

https://slim-fast-miracle.example/?ref=ec88

xx
""", gold=G("SPAM", ident=by_sender("CU-1002369"), queue="NO_ACTION",
            notes="spam sent from a customer's (compromised) address: identity is still resolved -> PROBABLE"))

mail("en-125-mailbox-full-phish.eml", "en", ("IT Helpdesk", "it-support@lindenhof-versicherung.example-mail.example"),
     SERVICE_EN, "2026-02-24 06:41:40 +0100", "Action required: your mailbox is 98% full", """Dear user,

Your mailbox has almost reached its storage limit (49.1 GB of 50 GB). Incoming messages will be rejected soon.

Click below to upgrade your storage quota free of charge:
https://lindenhof-versicherung.example-mail.example/owa/upgrade

IT Helpdesk
""", shape="html", html_style="outlook",
     gold=G("SPAM", ident=not_found(), queue="NO_ACTION", notes="credential phishing posing as internal IT"))

mail("en-126-remittance-docm.eml", "en", ("Payments Team", "payments@remit-advice.example"), SERVICE_EN,
     "2026-02-25 02:19:45 +0100", "Remittance advice", """Hi,

Please see attached remittance advice for the payment made today.

Thanks,
Payments Team
""", attachments=[("Remittance_Advice_250226.docm", "application/vnd.ms-word.document.macroEnabled.12",
                   fake_zip_office("remit"), "plain")],
     gold=G("SPAM", flags=["MALWARE_SUSPECT"], ident=not_found(), queue="SECURITY_QUARANTINE",
            notes="macro document from an unknown sender"))

# ------------------------------------------------------------------ MALWARE with a business-looking intent
mail("en-130-updated-invoice-xlsm.eml", "en", ("Facility Services", "billing@facility-services.example"), SERVICE_EN,
     "2026-02-12 01:58:27 +0100", "Updated invoice - premium adjustment", """Dear customer,

Following the adjustment of your premium, please find the updated invoice attached. Macros must be enabled to display the figures correctly.

Best regards,
Billing Department
""", attachments=[("Invoice_Feb2026.xlsm", "application/vnd.ms-excel.sheet.macroEnabled.12", fake_zip_office("xlsm"), "plain")],
     gold=G("BILLING", flags=["MALWARE_SUSPECT"], ident=not_found(), queue="SECURITY_QUARANTINE",
            notes="billing-looking lure with a macro workbook"))

mail("en-131-claim-form-exe.eml", "en", ("Robert Ames", "r.ames@example.net"), CLAIMS_EN, "2026-02-06 04:10:10 +0100",
     "Claim form for my accident", """Hello,

please see the attached claim form for my accident last week. All photos and details are in the file.

Regards
Robert Ames
""", attachments=[("claim_form.exe", "application/x-msdownload", fake_exe("claimform"), "plain")],
     gold=G("CLAIM_NEW", flags=["MALWARE_SUSPECT"], ident=not_found(), queue="SECURITY_QUARANTINE",
            notes="executable attachment (MZ) disguised as a claim form"))

# ------------------------------------------------------------------ unclear intent (rule 7)
mail("en-140-as-discussed-see-below.eml", "en", ("Nadia Rahman", "nadia.rahman@example.org"), SERVICE_EN,
     "2026-02-05 16:16:16 +0100", "As discussed", """Hello,

as discussed on the phone, see below.

Regards,
Nadia Rahman
""", gold=G("GENERAL_INQUIRY", ident=not_found(), queue="REVIEW_CLASSIFICATION", unclear=True,
            notes="refers to content that is not there: no intent evidence"))

mail("en-141-change-or-cancel.eml", "en", WRIGHT, SERVICE_EN, "2026-02-26 20:36:59 +0100",
     "KF-20500017 - change or cancel?", """Hi,

I'm buying a second-hand electric car next month and selling the old one. I want to either move my policy over to the new car or cancel it and go elsewhere, whichever works out cheaper for me. Let me know.

Tom
""", gold=G("POLICY_CHANGE", ["POLICY_CHANGE", "CANCELLATION", "QUOTE_REQUEST"], ident=by_policy("KF-20500017"),
            queue="REVIEW_CLASSIFICATION", unclear=True,
            notes="change vs. cancellation, undecided by the customer: two primary intents in conflict"))

mail("en-142-regarding-the-letter.eml", "en", ("G. Morrison", "g.morrison@example.org"), SERVICE_EN,
     "2026-01-31 11:49:02 +0100", "Your letter", """Hello,

I am writing regarding the letter I received from you last week. Please advise.

G. Morrison
""", gold=G("GENERAL_INQUIRY", ident=not_found(), queue="REVIEW_CLASSIFICATION", unclear=True,
            notes="no indication what the letter was about"))

# ------------------------------------------------------------------ AMBIGUOUS by references to two customers
mail("en-150-broker-two-clients.eml", "en", ("Crown Insurance Brokers", "service@crown-brokers.test"), SERVICE_EN,
     "2026-02-19 14:44:41 +0000", "Renewal documents for two clients", """Good afternoon,

could you please send us the current policy documents for the following two clients of ours:

- Mr J. Whitfield, motor, KF-20497784
- Ms E. Clarke, home contents, HR-31015566

Many thanks,
Rebecca Holt
Crown Insurance Brokers
""", client="outlook",
     gold=G("DOCUMENT_REQUEST", ident=ambiguous(), queue="REVIEW_IDENTITY",
            notes="two policies belonging to two customers -> AMBIGUOUS"))

mail("en-151-tree-on-two-cars.eml", "en", BENNETT, CLAIMS_EN, "2026-02-10 08:12:26 +0100",
     "Tree fell on two cars - both insured with you", """Hello,

During last night's storm a large tree in our shared driveway came down on two cars: mine and my neighbour Mark's. We are both insured with you:

my policy: KF-20498895
Mark's policy: KF-20502239

My roof is dented and the windscreen is broken; Mark's bonnet is crushed. Mark asked me to report both. Photos attached.

Oliver
""", client="apple", attachments=[jpg("tree_driveway_1.jpg"), jpg("tree_driveway_2.jpg")],
     gold=G("CLAIM_NEW", ident=ambiguous(), queue="REVIEW_IDENTITY",
            notes="references to two customers' policies -> AMBIGUOUS"))

# ------------------------------------------------------------------ unparseable: MIME broken beyond decoding
_garbage = bytes(b for b in ((i * 73 + 41) % 256 for i in range(940)) if b not in (10, 13))
RAW.append(("x-002-mime-kaputt.eml", "en", "<broken.8841f2@mail.example.net>",
            ("Return-Path: <a.kowalski@example.net>\r\n"
             "Date: Tue, 17 Feb 2026 11:04:55 +0100\r\n"
             "From: A. Kowalski <a.kowalski@example.net>\r\n"
             "To: claims@lindenhof-versicherung.example\r\n"
             "Subject: photos of the damage\r\n"
             "Message-ID: <broken.8841f2@mail.example.net>\r\n"
             "MIME-Version: 1.0\r\n"
             "Content-Type: multipart/mixed\r\n"
             "Content-Transfer-Encoding: base64\r\n"
             "\r\n").encode("ascii")
            + b"--\r\nContent-Type: multipart/alternative; boundary\r\n\r\n"
            + _garbage[:300] + b"\r\n--=_\x00\x00--\r\n" + _garbage[300:] + b"\r\n",
            "multipart without boundary parameter, base64-declared multipart, binary garbage and NUL bytes"))

# ------------------------------------------------------------------ additions
mail("en-009-estimate-ref-in-filename.eml", "en", WHITFIELD, CLAIMS_EN, "2026-01-23 16:40:12 +0000",
     "Repair estimate", """Hi,

the garage asked me to send you their estimate, see attached.

James
""", attachments=[pdf("Claim SC-2026-004788 - repair estimate.pdf")],
     gold=G("CLAIM_UPDATE", ident=by_claim("SC-2026-004788"), queue="CLAIMS_HANDLING",
            notes="the claim number is only in the attachment file name"))

mail("en-027-begin-forwarded-roofer.eml", "en", MILLER, CLAIMS_EN, "2026-01-21 19:02:33 +0100",
     "Fwd: Roof repair - invoice", """FYI - invoice from the roofer for the emergency repair. Please reimburse.

David

Begin forwarded message:

From: Dachtechnik Hamburg <office@dachtechnik-hh.example>
Subject: Roof repair - invoice
Date: 20 January 2026 at 14:11:09 CET
To: David Miller <d.miller@example.com>

Dear Mr Miller,

please find attached our invoice 2026-044 for the emergency repair of your roof after the storm of 7 January (insurance reference given by you: SC-2026-003695). Amount: EUR 1,870.00.

Kind regards
Dachtechnik Hamburg
""", client="apple", attachments=[pdf("Invoice_2026-044.pdf")],
     gold=G("CLAIM_UPDATE", ident=by_claim("SC-2026-003695"), queue="CLAIMS_HANDLING",
            notes="Apple Mail forward; claim number only in the forwarded part (counts as new)"))

mail("en-035-cancel-car-customer-number.eml", "en", JOHNSON, SERVICE_EN, "2026-02-27 18:18:18 +0100",
     "Cancel car insurance", """Hello,

after the tree came down on it the car was declared a total loss, and I've decided not to replace it - I cycle to work anyway. Please cancel my car insurance from the end of this month.

Customer number CU-1002381.

Best regards,
Mark Johnson
""", gold=G("CANCELLATION", ident=by_customer("CU-1002381"), queue="CANCELLATIONS",
            notes="customer number; two ACTIVE policies, so no policy is filled"))

mail("en-048-refund-pound-latin1.eml", "en", FLETCHER, SERVICE_EN, "2026-01-19 09:26:51 +0000",
     "Refund of £45 overpayment", """Hello,

when I renewed my travel insurance I paid by card in pounds and was charged £45 more than the quoted premium because of the exchange rate your payment page used. Could you refund the difference to my card?

Thanks,
Hannah Fletcher
""", subj_enc="Q-iso-8859-1", charset="iso-8859-1",
     gold=G("BILLING", ident=by_sender("CU-1002375"), queue="BILLING",
            notes="refund request; ISO-8859-1 subject and body (pound sign)"))

mail("en-065-proof-for-auslaenderbehoerde.eml", "en", OCONNOR, SERVICE_EN, "2026-02-23 08:49:30 +0100",
     "Proof of health insurance for the Ausländerbehörde", """Hello,

to extend my residence permit I need a confirmation of my health insurance (covered benefits and start date) for the Ausländerbehörde. My appointment is on 3 March, so I need the document before then.

Could you please email it to me as a PDF?

Thank you,
Sarah O'Connor
""", subj_enc="B-iso-8859-1",
     gold=G("DOCUMENT_REQUEST", flags=["URGENT"], ident=by_sender("CU-1002371"), queue="POLICY_SERVICE",
            notes="confirmation needed before a fixed appointment; B-encoded ISO-8859-1 subject"))

mail("en-054-floor-plan-rfc2231.eml", "en", ("Lena Fairweather", "lena.fairweather@example.org"), f"sales@{INSURER}",
     "2026-02-15 15:35:27 +0100", "Contents insurance for our new flat in Schöneberg", """Hi,

my husband and I are moving into a 4-room flat in Berlin-Schöneberg (110 m², 3rd floor) on 1 April. Could you make us an offer for home contents insurance? The floor plan is attached. We own some art prints and a piano, in case that matters.

Best wishes,
Lena Fairweather
""", subj_enc="Q-utf-8", shape="alt", client="gmail",
     attachments=[pdf("Grundriss_Wohnung_Schöneberg.pdf", "Grundriss", "rfc2231")],
     gold=G("QUOTE_REQUEST", ident=not_found(), queue="SALES", notes="prospect asks for an offer; RFC 2231 file name"))

mail("en-107-solar-panels-work-address.eml", "en", ("Johnson, Mark", "mark.johnson@rheinwerk-consulting.example"),
     SERVICE_EN, "2026-01-22 12:30:05 +0100", "Solar panels and buildings insurance", """Hi,

we are planning to install solar panels on our roof this spring. Are they covered by our buildings insurance automatically, or do I need to tell you and add them to the policy?

I'm writing from work, my details for reference:
Mark Johnson
Goltsteinstraße 88, 50937 Köln

Thanks,
Mark
""", client="outlook",
     gold=G("GENERAL_INQUIRY", ident=by_name("CU-1002381"), queue="GENERAL",
            notes="unknown work address; full name + postal code -> PROBABLE (two ACTIVE policies, no policy)"))
