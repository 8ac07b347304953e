# English mails, part 1: claims (new and updates), policy changes, cancellations, billing.
from corpus import *

WHITFIELD = ("James Whitfield", "james.whitfield@example.com")
CLARKE = ("Emily Clarke", "emily.clarke@example.com")
BENNETT = ("Oliver Bennett", "oliver.bennett@example.com")
OCONNOR = ("Sarah O'Connor", "sarah.oconnor@example.org")
MILLER = ("David Miller", "d.miller@example.com")
SHARMA = ("Priya Sharma", "priya.sharma@example.com")
WRIGHT = ("Tom Wright", "tom.wright@example.com")
FLETCHER = ("Hannah Fletcher", "hannah.fletcher@example.org")
ELLIS = ("Margaret Ellis", "margaret.ellis@example.com")
HUGHES = ("Daniel Hughes", "daniel.hughes@example.com")
BIANCHI = ("Laura Bianchi", "laura.bianchi@example.org")
TAYLOR = ("Chris Taylor", "chris.taylor@example.com")
JOHNSON = ("Mark Johnson", "mark.johnson@example.com")
MOORE = ("Rachel Moore", "rachel.moore@example.com")

# ------------------------------------------------------------------ CLAIM_NEW
mail("en-001-car-park-collision.eml", "en", JOHNSON, CLAIMS_EN, "2026-01-16 17:22:05 +0100",
     "Car park collision - policy no. KF 20502239", """Hello,

I'd like to report a minor accident. This afternoon (Friday 16 January) I was reversing out of a space at the supermarket car park on Aachener Straße in Cologne and clipped the wing of a parked Renault Clio. The owner wasn't there, so I left a note with my details under the wiper and also reported it to the police by phone.

Damage to the Clio: scratched and dented rear wing. My own car has a small scuff on the rear bumper, nothing serious.

My policy no. KF 20502239. The Clio's registration is K-LP 4471.

Let me know if you need anything else from me.

Best regards,
Mark Johnson
""", client="apple",
     gold=G("CLAIM_NEW", ident=by_policy("KF-20502239"), queue="CLAIMS_INTAKE",
            notes="first notice of a car park collision; 'policy no. KF 20502239'"))

mail("en-002-emergency-appendectomy.eml", "en", TAYLOR, CLAIMS_EN, "2026-01-26 20:41:37 +0100",
     "Hospital bill - emergency appendectomy", """Hi there,

Last Wednesday night I was admitted to hospital in Kreuzberg with acute appendicitis and had an emergency appendectomy the next morning. I was discharged on Sunday and I'm recovering at home.

I've now received the hospital invoice (EUR 4,812.37) and a separate invoice from the surgeon. Both are attached. I'm privately insured with you, so I assume I pay these and you reimburse me? Or can the hospital bill you directly?

Thanks,
Chris Taylor
""", shape="alt", client="gmail",
     attachments=[pdf("Invoice_Hospital_0126.pdf"), pdf("Invoice_Surgeon.pdf")],
     gold=G("CLAIM_NEW", flags=["PII_SENSITIVE"], ident=by_sender("CU-1002380"), queue="CLAIMS_INTAKE",
            notes="health claim with diagnosis; the past emergency is not a current deadline; sender known, one ACTIVE policy"))

mail("en-003-break-in-locksmith.eml", "en", MILLER, CLAIMS_EN, "2026-02-08 07:02:44 +0100",
     "URGENT - break-in at our home last night", """Dear Sir or Madam,

Our house was broken into last night while we were asleep. The burglars forced the back door from the garden; they took two laptops, my wife's handbag, a camera and some jewellery from the hallway. The police have been and given us a reference number (0412/26/88213).

The back door lock is completely destroyed and the door can't be secured at all. We need an emergency locksmith today - can you please confirm we can call one and that you will cover it? We can't leave the house open tonight.

Home contents policy: HR-31016677

Kind regards,
David Miller
Tel. 040 5550865
""", client="outlook",
     gold=G("CLAIM_NEW", flags=["URGENT"], ident=by_policy("HR-31016677"), queue="CLAIMS_INTAKE",
            notes="burglary, house cannot be secured tonight"))

mail("en-004-water-through-ceiling.eml", "en", ELLIS, CLAIMS_EN, "2026-01-20 11:15:29 +0100",
     "water came through my ceiling", """Dear Lindenhof,

I am writing because on Sunday water came through my kitchen ceiling from the flat upstairs. The young man who lives there says a pipe under his washing machine burst; it has been repaired now. My kitchen carpet and the cupboards under the window are soaked and the wallpaper is coming away.

I am 85 and have lived on my own since my husband passed away, and I am finding all of this very difficult to deal with. I do not really understand what I am supposed to do next. My neighbour Mrs Krause is helping me write this.

Could someone please telephone me? My number is 040 5550126.

Yours sincerely
Margaret Ellis
""", gold=G("CLAIM_NEW", flags=["VULNERABLE_CUSTOMER"], ident=by_sender("CU-1002377"), queue="CLAIMS_INTAKE",
            notes="water damage reported by an elderly customer living alone who cannot cope"))

mail("en-005-stolen-luggage-barcelona.eml", "en", ("Felix Zimmermann", "felix.zimmermann@example.de"),
     CLAIMS_EN, "2026-02-09 23:12:50 +0100", "Claim - stolen luggage Barcelona", """Hello,

During my trip to Barcelona (2-6 February) my suitcase was stolen from the hotel lobby while I was checking out. I want to claim under my travel insurance RE-80007789.

Contents of the suitcase:
- 3 watches (Rolex Submariner, Omega Speedmaster, Tag Heuer) ~ 21,500 EUR
- MacBook Pro ~ 2,900 EUR
- designer clothing ~ 4,000 EUR
- cash 1,500 EUR

I don't have receipts for the watches, they were gifts and inheritance. I didn't go to the police because my flight was leaving and the station near the hotel was closed. The hotel staff didn't see anything.

Please transfer the money as soon as possible, I need it.

Felix Zimmermann
""", gold=G("CLAIM_NEW", flags=["FRAUD_INDICATOR"], ident=by_policy("RE-80007789"), queue="CLAIMS_INTAKE",
            notes="high-value items without receipts, no police report, pressure to pay"))

mail("en-006-knocked-over-tv.eml", "en", BIANCHI, CLAIMS_EN, "2026-02-02 10:40:16 +0100",
     "Accident at a friend’s flat – TV damaged", """Hi,

On Saturday evening I was at a friend's place and accidentally knocked her TV off the sideboard while moving a chair (yes, really...). The screen is cracked and it won't switch on anymore. It's a 55" TV, about three years old.

I have personal liability insurance with you. What do you need from me and from my friend? She still has the original receipt.

Thanks a lot,
Laura
--
Laura Bianchi
Munich
""", subj_enc="B-utf-8", client="thunderbird", cte="quoted-printable",
     gold=G("CLAIM_NEW", ident=by_sender("CU-1002379"), queue="CLAIMS_INTAKE",
            notes="liability claim; B-encoded subject with typographic characters; sender known"))

mail("en-007-broken-ankle-skiing.eml", "en", FLETCHER, CLAIMS_EN, "2026-02-21 19:31:07 +0000",
     "Broken ankle in Austria - travel policy RE 8000 9901", """Hi,

I'm on a ski trip in Ischgl and broke my ankle on the slopes yesterday. I was taken to the local clinic, X-rayed and had a cast put on; they say I need surgery once I'm back home. I had to pay the clinic EUR 1,240 on the spot and my flight home on Saturday is no longer possible, I need to fly back with a seat for my leg.

My travel insurance number is RE 8000 9901. What do I do about the flight? Do you organise it?

Hannah Fletcher
(sent from my phone, sorry for typos)
""", client="iphone",
     gold=G("CLAIM_NEW", flags=["URGENT", "PII_SENSITIVE"], ident=by_policy("RE-80009901"), queue="CLAIMS_INTAKE",
            notes="injured abroad, return flight on Saturday no longer possible (emergency); injury details; policy with spaces"))

mail("en-008-third-party-no-policy-number.eml", "en", ("Ben Carter", "ben.carter@example.net"), CLAIMS_EN,
     "2026-01-19 13:05:38 +0100", "Accident with one of your policyholders", """Hello,

Yesterday (18 January) a car insured with your company drove into the side of my car at a roundabout in Mannheim. The driver, a Ms Julia Wolf, admitted fault at the scene and gave me your company name, but I don't have her policy number.

I'm an American living in Germany and have no idea how this works here. Do I claim with you directly? My car is a Mazda 3 and the passenger door is badly dented.

Regards,
Ben Carter
""", gold=G("CLAIM_NEW", ident=not_found(), queue="CLAIMS_INTAKE",
            notes="third party names our customer but gives no number, date of birth or postal code -> NOT_FOUND"))

# ------------------------------------------------------------------ CLAIM_UPDATE
mail("en-010-any-update-claim.eml", "en", WHITFIELD, CLAIMS_EN, "2026-01-28 12:14:09 +0000",
     "Claim SC-2026-004788 - any update?", """Hello,

I reported a collision on 17 January and was given the claim number above. The garage sent you their repair estimate on 23 January but I haven't heard anything since.

Could you let me know whether the repair has been approved? I'm currently without a car.

Many thanks,
James Whitfield
""", shape="alt", client="outlook", html_style="outlook",
     gold=G("CLAIM_UPDATE", ident=by_claim("SC-2026-004788"), queue="CLAIMS_HANDLING", notes="status question"))

mail("en-011-fwd-contractor-quote.eml", "en", CLARKE, CLAIMS_EN, "2026-01-27 08:33:21 +0100",
     "Fwd: Quote for water damage repairs", """Hi, please see the quote from the contractor below. Can they go ahead?

Emily

---------- Forwarded message ---------
From: Kai Brenner <kai@brenner-renovierung.example>
Date: Mon, 26 Jan 2026 at 17:41
Subject: Quote for water damage repairs
To: Emily Clarke <emily.clarke@example.com>


Dear Ms Clarke,

Following our visit on Friday, please find our quote for the repair of the water damage in your flat (insurer's claim SC-2026-005233):

- Drying of the bedroom floor and wall, approx. 10 days equipment rental: EUR 890.00
- Removal and replacement of laminate flooring (14 m²): EUR 1,260.00
- Repainting walls and ceiling: EUR 640.00

Total incl. VAT: EUR 2,790.00

We can start as soon as your insurer approves.

Kind regards,
Kai Brenner
Brenner Renovierung
""", shape="alt", client="gmail",
     gold=G("CLAIM_UPDATE", ident=by_claim("SC-2026-005233"), queue="CLAIMS_HANDLING",
            notes="forward: claim number only in the forwarded part, which counts as new text"))

mail("en-012-re-vehicle-inspection.eml", "en", BENNETT, CLAIMS_EN, "2026-01-30 12:48:55 +0100",
     "Re: Vehicle inspection", """Tuesday at 10 works for me. The car is at my place, address as on file.

Oliver

Sent from my iPhone

> On 30 Jan 2026, at 11:02, Lindenhof Claims <claims@lindenhof-versicherung.example> wrote:
>
> Dear Mr Bennett,
>
> regarding your claim SC-2026-006115, our assessor would like to inspect
> your vehicle. Would Tuesday, 3 February, at 10:00 suit you?
>
> Kind regards
> Lindenhof Versicherung AG – Claims
""", client="iphone", in_reply_to="<a81d0c3e.6115@lindenhof-versicherung.example>",
     gold=G("CLAIM_UPDATE", ident=by_claim("SC-2026-006115"), queue="CLAIMS_HANDLING",
            notes="reply; the claim number is only in the quoted message"))

mail("en-013-receipts-html-only.eml", "en", FLETCHER, CLAIMS_EN, "2026-01-22 21:04:30 +0000",
     "Receipts for my travel claim", None, shape="html",
     html_body="""<!DOCTYPE html><html><head><meta charset="utf-8"><style>p{margin:0 0 1em 0}</style></head>
<body><div dir="ltr" style="font-family:Helvetica,Arial,sans-serif;font-size:14px">
<p>Hi,</p>
<p>as requested, here are the receipts for the extra hotel night and the replacement flight after my flight
from Lisbon was cancelled.</p>
<p>Claim reference: <b>SC 2026 005412</b><br>Total: <b>318.40&nbsp;EUR</b></p>
<ul><li>Hotel Avenida, 1 night: 142.00 EUR</li><li>Replacement flight LIS&nbsp;&rarr;&nbsp;MAN: 176.40 EUR</li></ul>
<p>Best,<br>Hannah</p>
</div></body></html>""",
     attachments=[pdf("receipt_hotel.pdf"), pdf("receipt_flight.pdf")],
     gold=G("CLAIM_UPDATE", ident=by_claim("SC-2026-005412"), queue="CLAIMS_HANDLING",
            notes="HTML-only with attachments; claim number with spaces inside markup"))

mail("en-014-garage-invoice.eml", "en", ("Harbour Motors Accounts", "accounts@harbourmotors.test"), CLAIMS_EN,
     "2026-02-16 10:20:11 +0100", "Invoice INV-20931 - your claim SC-2026-006588", """Dear Sir/Madam,

Please find attached our invoice INV-20931 for the repair of Mr Daniel Hughes' vehicle (Ford Focus, K-DH 808) relating to your claim SC-2026-006588.

Amount due: EUR 3,412.90. Payment details are on the invoice.

Regards,
Accounts Department
Harbour Motors GmbH
""", attachments=[pdf("INV-20931.pdf")],
     gold=G("CLAIM_UPDATE", ident=by_claim("SC-2026-006588"), queue="CLAIMS_HANDLING",
            notes="repair invoice from a garage (not a customer); the claim number confirms"))

mail("en-015-reopen-physio-bill.eml", "en", OCONNOR, CLAIMS_EN, "2026-01-29 18:26:44 +0100",
     "Additional physio bill - claim SC-2025-019902", """Dear claims team,

My claim for the treatment of my torn cruciate ligament (SC-2025-019902) was closed in November, but I have now received a further bill from my physiotherapist for six sessions in October that she had forgotten to send. Could you please reopen the claim and reimburse this? The bill is attached.

Thank you,
Sarah O'Connor
""", attachments=[pdf("Physio_Rechnung_Okt2025.pdf")],
     gold=G("CLAIM_UPDATE", flags=["PII_SENSITIVE"], ident=by_claim("SC-2025-019902"), queue="CLAIMS_HANDLING",
            notes="further bill for a CLOSED claim; a closed claim still confirms"))

mail("en-016-any-news-unknown.eml", "en", "jdoe1984@example.net", CLAIMS_EN, "2026-02-03 23:55:02 +0100",
     "claim", """hi any news on my claim?? its been 2 weeks

john
""", gold=G("CLAIM_UPDATE", ident=not_found(), queue="CLAIMS_HANDLING",
            notes="unknown sender, no reference -> REQUEST_INFO"))

mail("en-017-broker-different-client.eml", "en", ("Crown Insurance Brokers", "claims@crown-brokers.test"), CLAIMS_EN,
     "2026-02-05 09:41:26 +0000", "RE: Claim update", """Good morning,

Different client this time – please find attached the repair invoice for Mr Bennett, claim SC-2026-006115. Could you confirm payment will go directly to the garage?

Kind regards,
Rebecca Holt
Claims Handler | Crown Insurance Brokers

________________________________
From: Lindenhof Claims <claims@lindenhof-versicherung.example>
Sent: 04 February 2026 09:15
To: Crown Insurance Brokers <claims@crown-brokers.test>
Subject: Claim update

Dear Ms Holt,

we have approved the repair estimate for your client Mr Whitfield, claim SC-2026-004788. The garage can proceed.

Kind regards
Lindenhof Claims
""", client="outlook", in_reply_to="<d00d4788.20260204@lindenhof-versicherung.example>",
     attachments=[pdf("Repair_invoice_Bennett.pdf")],
     gold=G("CLAIM_UPDATE", ident=by_claim("SC-2026-006115"), queue="CLAIMS_HANDLING",
            notes="new text references one customer's claim, quoted text another's: the new one counts"))

mail("en-018-discharge-letter.eml", "en", TAYLOR, CLAIMS_EN, "2026-02-04 19:12:39 +0100",
     "Re: Hospital bill - emergency appendectomy", """Hi again,

Following up on my email from last week - here's the discharge letter from the hospital you asked for, plus the pharmacy receipt for the antibiotics (EUR 38.90).

Also, is there an update on the reimbursement? Haven't seen anything on my account yet.

Chris
""", client="gmail", attachments=[pdf("Discharge_letter.pdf"), pdf("Pharmacy_receipt.pdf")],
     gold=G("CLAIM_UPDATE", flags=["PII_SENSITIVE"], ident=by_sender("CU-1002380"), queue="CLAIMS_HANDLING",
            notes="documents for a claim that has no number in the data; sender gives PROBABLE -> CREATE_CASE, not ATTACH"))

mail("en-019-small-claims-court.eml", "en", HUGHES, CLAIMS_EN, "2026-02-13 08:05:57 +0100",
     "Claim SC-2026-006588 - liability decision", """Dear Sir or Madam,

On 3 February a delivery van reversed into my parked car. The van driver's insurer now says the accident was my fault, which is simply not true - I was not even in the car. I gave you the witness details on 5 February.

Please confirm by Friday 20 February whether you accept the claim under my comprehensive cover. If I don't have an answer by then, I will take the matter to court.

Regards,
Daniel Hughes
""", gold=G("CLAIM_UPDATE", flags=["LEGAL_THREAT", "URGENT"], ident=by_claim("SC-2026-006588"), queue="LEGAL",
            notes="legal threat flag routes to LEGAL; primary CLAIM_UPDATE with confirmed claim -> ATTACH_TO_CLAIM"))

# ------------------------------------------------------------------ POLICY_CHANGE
mail("en-020-change-of-address-cu.eml", "en", OCONNOR, SERVICE_EN, "2026-02-11 20:18:30 +0100",
     "Change of address", """Hello,

Please note my new address from 1 March 2026:

Sarah O'Connor
Schweizer Straße 42
60596 Frankfurt am Main

Customer number CU-1002371.

Thanks,
Sarah
""", gold=G("POLICY_CHANGE", ident=by_customer("CU-1002371"), queue="POLICY_SERVICE",
            notes="customer number; exactly one ACTIVE policy -> policy filled"))

mail("en-021-add-young-driver.eml", "en", WRIGHT, SERVICE_EN, "2026-02-09 19:47:12 +0100",
     "Add my son as a driver - KF20500017", """Hi,

My son Jack passed his driving test last week (he's 18) and I'd like to add him as a named driver on our car insurance, policy KF20500017.

His details:
Jack Wright, date of birth 02.09.2007, licence issued 05.02.2026.

Could you let me know how much the premium will go up?

Thanks
Tom Wright
""", gold=G("POLICY_CHANGE", ident=by_policy("KF-20500017"), queue="POLICY_SERVICE",
            notes="add a driver; compact policy number"))

mail("en-022-name-change-marriage.eml", "en", MOORE, SERVICE_EN, "2026-01-21 12:09:48 +0100",
     "Name change after marriage", """Hello,

I got married in December and have changed my surname. Could you please update your records from Rachel Moore to Rachel Moore-Adeyemi? I can send a copy of the marriage certificate if needed.

Best wishes,
Rachel
""", gold=G("POLICY_CHANGE", ident=by_sender("CU-1002382"), queue="POLICY_SERVICE",
            notes="sender known; the customer has no ACTIVE policy -> no policy"))

mail("en-023-new-bank-details-qp.eml", "en", SHARMA, SERVICE_EN, "2026-02-17 18:56:03 +0100",
     "New bank details for direct debit", f"""Dear Sir or Madam,

I have moved my current account to a different bank. Please use the following new account for the monthly premiums of my life insurance policy (LV 7003 5567) from March onwards:

Account holder: Priya Sharma
IBAN: {iban_de('50010517', '5407324')}

Please send me a new SEPA mandate to sign if required.

Kind regards,
Priya Sharma
""", cte="quoted-printable", client="thunderbird",
     gold=G("POLICY_CHANGE", ident=by_policy("LV-70035567"), queue="POLICY_SERVICE",
            notes="bank account change; quoted-printable soft line break falls inside the policy number"))

mail("en-024-moved-new-address.eml", "en", BIANCHI, SERVICE_EN, "2026-02-24 13:30:20 +0100",
     "New address", """Hi,

just a quick note that I've moved. My new address is:

Laura Bianchi
Hohenzollernstraße 81
80796 München

Please update it for my liability insurance. Thank you!

Laura
""", shape="alt", client="gmail",
     gold=G("POLICY_CHANGE", ident=by_sender("CU-1002379"), queue="POLICY_SERVICE",
            notes="change of address; sender known, one ACTIVE policy"))

mail("en-025-replacement-vehicle.eml", "en", BENNETT, SERVICE_EN, "2026-02-14 11:05:41 +0100",
     "Replacement vehicle on policy KF-20498895", """Hello,

My Golf was written off after the accident last month (claim still open). I've now bought a replacement car and will pick it up at the end of the month:

Make/model: Skoda Octavia Combi 2.0 TDI
First registration: 06/2022
Registration: M-OB 2044
VIN: TMBJG7NE5N0123456

Same cover as before please (comprehensive, EUR 300 excess).

Best,
Oliver Bennett
""", client="apple",
     gold=G("POLICY_CHANGE", ident=by_policy("KF-20498895"), queue="POLICY_SERVICE",
            notes="vehicle change; mentions an open claim without its number"))

mail("en-026-add-newborn.eml", "en", TAYLOR, SERVICE_EN, "2026-02-25 09:14:52 +0100",
     "Adding our daughter to my health insurance", """Hi,

Good news - our daughter Mia was born on 19 February! I'd like to add her to my private health insurance from her date of birth. What do you need from us? I can send the birth certificate.

Best,
Chris Taylor
""", gold=G("POLICY_CHANGE", ident=by_sender("CU-1002380"), queue="POLICY_SERVICE",
            notes="add a newborn to the health policy; sender known"))

# ------------------------------------------------------------------ CANCELLATION
mail("en-030-cancel-moving-to-uk.eml", "en", HUGHES, SERVICE_EN, "2026-02-23 18:40:36 +0100",
     "Cancellation of car insurance", """Dear Lindenhof team,

I'm moving back to the UK at the end of March and will be selling my car before I leave. Please cancel my motor insurance (policy KF-20501128) with effect from the date the car is deregistered - I'll send you the deregistration certificate.

Kind regards,
Daniel Hughes
""", gold=G("CANCELLATION", ident=by_policy("KF-20501128"), queue="CANCELLATIONS",
            notes="cancellation on moving abroad"))

mail("en-031-cancel-travel-alt.eml", "en", FLETCHER, SERVICE_EN, "2026-02-27 08:22:19 +0000",
     "Cancel my travel insurance", """Hello,

I'd like to cancel my annual travel insurance at the end of the current term. My employer now provides travel cover, so I no longer need it.

Please confirm the end date.

Thanks,
Hannah Fletcher
""", shape="alt", client="apple",
     gold=G("CANCELLATION", ident=by_sender("CU-1002375"), queue="CANCELLATIONS",
            notes="no number; sender known with one ACTIVE policy"))

mail("en-032-cancel-unknown.eml", "en", ("Tom Baker", "tom.baker@example.net"), SERVICE_EN, "2026-02-02 21:19:45 +0100",
     "cancel policy", """Please cancel my policy. I've found a cheaper one elswhere.

Tom Baker
""", gold=G("CANCELLATION", ident=not_found(), queue="CANCELLATIONS",
            notes="unknown sender, no number -> REQUEST_INFO"))

mail("en-034-withdrawal-unknown-contract.eml", "en", ("Lucas Meyer", "lucas.meyer@example.net"), SERVICE_EN,
     "2026-02-06 10:02:29 +0100", "Withdrawal from contract", """Dear Sir or Madam,

I hereby withdraw from the supplementary dental insurance contract I took out online on 29 January 2026 (contract no. KV-90099887).

Please confirm receipt and refund any premium already collected.

Yours faithfully,
Lucas Meyer
""", gold=G("CANCELLATION", ["CANCELLATION", "BILLING"], ident=not_found(["KV-90099887"]), queue="CANCELLATIONS",
            notes="withdrawal with a contract number that matches nothing"))

# ------------------------------------------------------------------ BILLING
mail("en-040-charged-twice.eml", "en", JOHNSON, SERVICE_EN, "2026-02-05 20:33:12 +0100",
     "Charged twice in February", """Hi,

Looking at my bank statment, you've taken the monthly premium twice this month: EUR 64.20 on 2 Feb and again EUR 64.20 on 4 Feb, both with the reference of my car insurance. Could you refund the duplicate payment please?

Thanks,
Mark Johnson
""", client="apple",
     gold=G("BILLING", ident=by_sender("CU-1002381"), queue="BILLING",
            notes="duplicate direct debit; sender known, two ACTIVE policies -> no policy"))

mail("en-041-switch-to-direct-debit.eml", "en", WHITFIELD, SERVICE_EN, "2026-01-13 09:52:18 +0000",
     "Switching to direct debit", """Hello,

I currently pay my car insurance by bank transfer each quarter and keep forgetting the due date. Can I switch to a direct debit? What do you need from me?

Regards,
James Whitfield
""", gold=G("BILLING", ident=by_sender("CU-1002368"), queue="BILLING", notes="payment method"))

mail("en-042-premium-went-up.eml", "en", BIANCHI, SERVICE_EN, "2026-01-15 17:45:01 +0100",
     "Why did my premium go up?", """Hi,

My liability insurance premium went up from EUR 59.00 to EUR 66.10 this year. Nothing has changed on my side. Could you explain the increase?

Thanks,
Laura Bianchi
""", gold=G("BILLING", ident=by_sender("CU-1002379"), queue="BILLING", notes="premium question"))

mail("en-043-premium-holiday-carer.eml", "en", SHARMA, SERVICE_EN, "2026-01-27 21:40:40 +0100",
     "Premium holiday?", """Dear Sir or Madam,

My mother was diagnosed with dementia last autumn and I have had to reduce my working hours to care for her. Money is very tight at the moment and I'm struggling to keep up with all my payments.

Is it possible to pause the premiums on my life insurance for six months, or reduce them temporarily, without losing the cover?

Kind regards,
Priya Sharma
""", gold=G("BILLING", flags=["VULNERABLE_CUSTOMER", "PII_SENSITIVE"], ident=by_sender("CU-1002373"), queue="BILLING",
            notes="financial hardship; a relative's diagnosis is health data"))

mail("en-045-reminder-but-paid-base64.eml", "en", WRIGHT, SERVICE_EN, "2026-02-12 13:17:26 +0100",
     "Payment reminder - but I paid", """Hello,

I received a payment reminder for my car insurance today (EUR 187.60 plus EUR 5.00 fee). I paid this amount by bank transfer on 3 February with the policy number KF-20500017 as the reference - see the screenshot of my online banking attached.

Please cancel the reminder and the fee.

Regards,
Thomas Wright
""", cte="base64", client="outlook",
     attachments=[("Screenshot 2026-02-12 131402.png", "image/png",
                   b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02\x00\x00\x00\x90\x91h6"
                   + bytes(range(64)) + b"\x00\x00\x00\x00IEND\xaeB`\x82", "plain")],
     gold=G("BILLING", ident=by_policy("KF-20500017"), queue="BILLING",
            notes="dunning although paid; 'cancel the reminder' is not a cancellation; base64 body"))

mail("en-046-wrong-debit-typo-policy.eml", "en", ("David Miller", "dmiller.home@example.net"), SERVICE_EN,
     "2026-02-18 22:03:50 +0100", "Direct debit amount wrong", """Hi,

The direct debit you took this month for my home contents insurance (HR-31016676) is EUR 31.90 but my renewal letter says EUR 27.40. Can you check and refund the difference?

David Miller
""", gold=G("BILLING", ident=not_found(["HR-31016676"]), queue="BILLING",
            notes="policy number matches nothing, address unknown, name alone is no signal -> NOT_FOUND, REQUEST_INFO"))

mail("en-047-annual-payment.eml", "en", OCONNOR, SERVICE_EN, "2026-01-09 08:44:37 +0100",
     "Switch to annual payment", """Hello,

I'd like to change my health insurance premium payments from monthly to annual from the next due date. Is there a discount for paying annually?

Best regards,
Sarah O'Connor
""", shape="alt", client="outlook", html_style="outlook",
     gold=G("BILLING", ident=by_sender("CU-1002371"), queue="BILLING", notes="payment frequency"))
