#!/usr/bin/env python3
"""Self-check of the IEIM sample corpus (data/samples) against CONTRACT-V1.

Standard library only.  Run from anywhere:

    python3 data/samples/check_gold.py            # full report, exit 1 on any error
    python3 data/samples/check_gold.py --quiet    # errors and the verdict only

What it verifies
  * identity CSVs: exact headers, id formats, ISO dates, statuses, referential integrity,
    and the required shapes (two addresses in one row, a shared family address,
    same full name with different date of birth and postal code, all line codes);
  * every .eml has exactly one gold entry and vice versa; Message-IDs unique and equal
    to the header; CRLF line ends only; size < 20 KB; required headers;
  * labels come from the contract vocabulary;
  * queue / action / needs_review follow contract section 5 given intents, flags, identity;
  * identity ids exist and are consistent (claim -> policy -> customer), policy filled
    only where section 4 allows it;
  * identity re-derived independently from each mail (references in decoded subject,
    new text and attachment names, quoted text only as fallback, forwarded text as new;
    sender address; full name with date of birth or postal code) equals the gold;
  * coverage minimums (intents, flags, rules, identity statuses and their bases, formats,
    written reference variants, languages).
"""
import csv
import datetime as dt
import email
import email.policy
import email.utils
import html.parser
import json
import os
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
MAIL_DIR = os.path.join(HERE, "mail")
ID_DIR = os.path.join(HERE, "identity")

INTENTS = ["CLAIM_NEW", "CLAIM_UPDATE", "POLICY_CHANGE", "CANCELLATION", "BILLING", "QUOTE_REQUEST",
           "DOCUMENT_REQUEST", "COMPLAINT", "PRIVACY_REQUEST", "LEGAL", "GENERAL_INQUIRY", "AUTO_REPLY", "SPAM"]
FLAGS = ["LEGAL_THREAT", "REGULATOR_ESCALATION", "FRAUD_INDICATOR", "VULNERABLE_CUSTOMER", "URGENT",
         "MALWARE_SUSPECT", "PII_SENSITIVE"]
QUEUES = ["CLAIMS_INTAKE", "CLAIMS_HANDLING", "POLICY_SERVICE", "CANCELLATIONS", "BILLING", "SALES", "COMPLAINTS",
          "PRIVACY", "LEGAL", "GENERAL", "NO_ACTION", "REVIEW_IDENTITY", "REVIEW_CLASSIFICATION",
          "SECURITY_QUARANTINE", "CASE_CREATE_FAILURE_REVIEW"]
ACTIONS = ["CREATE_CASE", "ATTACH_TO_CLAIM", "REQUEST_INFO", "REVIEW", "NO_ACTION", "QUARANTINE"]
STATUSES = ["CONFIRMED", "PROBABLE", "AMBIGUOUS", "NOT_FOUND"]
LINES = ["KF", "HR", "WG", "PH", "LV", "KV", "RS", "RE"]
ROUTE8 = {"CLAIM_NEW": "CLAIMS_INTAKE", "CLAIM_UPDATE": "CLAIMS_HANDLING", "POLICY_CHANGE": "POLICY_SERVICE",
          "DOCUMENT_REQUEST": "POLICY_SERVICE", "CANCELLATION": "CANCELLATIONS", "BILLING": "BILLING",
          "QUOTE_REQUEST": "SALES", "GENERAL_INQUIRY": "GENERAL"}
NEEDS_CONTRACT = {"CLAIM_UPDATE", "POLICY_CHANGE", "CANCELLATION", "BILLING", "DOCUMENT_REQUEST"}

POLICY_RE = re.compile(r"(?<![A-Za-z0-9])(KF|HR|WG|PH|LV|KV|RS|RE)[ \t-]?(\d{4})[ \t]?(\d{4})(?![0-9])", re.I)
CLAIM_RE = re.compile(r"(?<![A-Za-z0-9])SC[ \t-]?(\d{4})[ \t-]?(\d{6})(?![0-9])", re.I)
CUST_RE = re.compile(r"(?<![A-Za-z0-9])CU-(\d{7})(?![0-9])|Kundennummer:?[ \t]*(\d{7})(?![0-9])", re.I)

FWD_SUBJECT = re.compile(r"^\s*(fwd?|wg|weitergeleitet)\s*:", re.I)
FWD_MARK = re.compile(r"^(-{2,}\s*(Forwarded message|Weitergeleitete Nachricht|Original-Nachricht)\s*-{2,}|Begin forwarded message:)", re.I)
OUTLOOK_SEP = re.compile(r"^(-{3,}\s*(Ursprüngliche Nachricht|Original Message)\s*-{3,}|_{20,})$", re.I)
ATTRIBUTION = re.compile(r"^(On .+ wrote:|Am .+ schrieb .+:?)$")

MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
MONTHS_DE = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
             "November", "Dezember"]

errors = []


def err(msg):
    errors.append(msg)


# ---------------------------------------------------------------- identity CSVs
def read_csv(name, header):
    path = os.path.join(ID_DIR, name)
    with open(path, encoding="utf-8", newline="") as f:
        raw = f.read()
    rows = list(csv.reader(raw.splitlines(keepends=True)))
    if rows[0] != header:
        err(f"{name}: header {rows[0]} != {header}")
    for i, r in enumerate(rows[1:], 2):
        if len(r) != len(header):
            err(f"{name}:{i}: {len(r)} fields")
    return [dict(zip(header, r)) for r in rows[1:]]


def iso(s):
    try:
        dt.date.fromisoformat(s)
        return True
    except ValueError:
        return False


def load_identity():
    customers = read_csv("customers.csv", ["customer_id", "full_name", "email", "phone", "date_of_birth", "postal_code"])
    policies = read_csv("policies.csv", ["policy_id", "customer_id", "product_line", "status", "start_date", "end_date"])
    claims = read_csv("claims.csv", ["claim_id", "policy_id", "status", "loss_date"])
    C = {}
    for c in customers:
        if not re.fullmatch(r"CU-\d{7}", c["customer_id"]):
            err(f"customers: bad id {c['customer_id']}")
        if c["customer_id"] in C:
            err(f"customers: duplicate {c['customer_id']}")
        if not iso(c["date_of_birth"]):
            err(f"customers: bad date {c}")
        for e in c["email"].split(";"):
            if not re.fullmatch(r"[^@\s;]+@[^@\s;]+\.(example|test)|[^@\s;]+@example\.(com|de|org|net)|[^@\s;]+@[a-z0-9.-]+\.example\.(com|de|org)", e):
                err(f"customers: address not on an example/test domain: {e}")
        C[c["customer_id"]] = c
    P = {}
    for p in policies:
        if not re.fullmatch(r"(KF|HR|WG|PH|LV|KV|RS|RE)-\d{8}", p["policy_id"]):
            err(f"policies: bad id {p['policy_id']}")
        if p["policy_id"][:2] != p["product_line"]:
            err(f"policies: line code mismatch {p}")
        if p["status"] not in ("ACTIVE", "CANCELLED", "LAPSED"):
            err(f"policies: bad status {p}")
        if p["customer_id"] not in C:
            err(f"policies: unknown customer {p}")
        if not iso(p["start_date"]) or (p["end_date"] and not iso(p["end_date"])):
            err(f"policies: bad dates {p}")
        if p["status"] != "ACTIVE" and not p["end_date"]:
            err(f"policies: ended policy without end_date {p}")
        if p["policy_id"] in P:
            err(f"policies: duplicate {p['policy_id']}")
        P[p["policy_id"]] = p
    K = {}
    for k in claims:
        if not re.fullmatch(r"SC-\d{4}-\d{6}", k["claim_id"]):
            err(f"claims: bad id {k['claim_id']}")
        if k["policy_id"] not in P:
            err(f"claims: unknown policy {k}")
        if k["status"] not in ("OPEN", "CLOSED") or not iso(k["loss_date"]):
            err(f"claims: bad row {k}")
        if k["claim_id"] in K:
            err(f"claims: duplicate {k['claim_id']}")
        K[k["claim_id"]] = k
    # required shapes
    owners = defaultdict(set)
    for c in C.values():
        for e in c["email"].split(";"):
            owners[e.lower()].add(c["customer_id"])
    shape = {
        "customer with two addresses": sum(1 for c in C.values() if ";" in c["email"]),
        "address shared by two customers": sum(1 for v in owners.values() if len(v) >= 2),
        "same full name, different birth date and postal code": sum(
            1 for a in C.values() for b in C.values() if a["customer_id"] < b["customer_id"]
            and a["full_name"] == b["full_name"] and a["date_of_birth"] != b["date_of_birth"]
            and a["postal_code"] != b["postal_code"]),
        "names with umlauts": sum(1 for c in C.values() if re.search("[äöüÄÖÜß]", c["full_name"])),
        "customers with exactly one ACTIVE policy": sum(1 for c in C if len(active(P, c)) == 1),
        "customers with several ACTIVE policies": sum(1 for c in C if len(active(P, c)) >= 2),
        "customers without ACTIVE policy": sum(1 for c in C if len(active(P, c)) == 0),
    }
    for k, v in shape.items():
        if v < 1:
            err(f"identity data lacks: {k}")
    for ln in LINES:
        if not any(p["product_line"] == ln for p in P.values()):
            err(f"no policy with line code {ln}")
    for st in ("ACTIVE", "CANCELLED", "LAPSED"):
        if not any(p["status"] == st for p in P.values()):
            err(f"no policy with status {st}")
    for st in ("OPEN", "CLOSED"):
        if not any(k["status"] == st for k in K.values()):
            err(f"no claim with status {st}")
    return C, P, K, owners, shape


def active(P, cid):
    return [p["policy_id"] for p in P.values() if p["customer_id"] == cid and p["status"] == "ACTIVE"]


# ---------------------------------------------------------------- mail text extraction
class Html2Text(html.parser.HTMLParser):
    BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "table", "ul", "ol", "blockquote"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines = [""]
        self.depth = 0
        self.skip = 0

    def _nl(self):
        if self.lines[-1].strip() not in ("", ">" * self.depth):
            self.lines.append("")

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script", "head"):
            self.skip += 1
        if tag == "blockquote":
            self._nl()
            self.depth += 1
        elif tag in self.BLOCK:
            self._nl()
        elif tag == "td":
            self.lines[-1] += " "

    def handle_endtag(self, tag):
        if tag in ("style", "script", "head"):
            self.skip -= 1
        if tag == "blockquote":
            self._nl()
            self.depth -= 1
        elif tag in self.BLOCK:
            self._nl()

    def handle_data(self, data):
        if self.skip:
            return
        data = re.sub(r"\s+", " ", data)
        if not data.strip():
            return
        if self.lines[-1] == "" and self.depth:
            self.lines[-1] = "> " * self.depth
        self.lines[-1] += data

    def text(self):
        return "\n".join(x.rstrip() for x in self.lines)


def html_to_text(s):
    p = Html2Text()
    p.feed(s)
    p.close()
    return p.text()


def extract(msg):
    """Returns (plain-text body, attachment names, features)."""
    plains, htmls, names = [], [], []
    feat = Counter()
    for part in msg.walk():
        ctype = part.get_content_type()
        if part.is_multipart():
            feat["multipart/" + part.get_content_subtype()] += 1
            continue
        fn = part.get_filename()
        disp = part.get_content_disposition()
        cte = (part.get("Content-Transfer-Encoding") or "7bit").lower()
        if fn or disp == "attachment":
            names.append(fn or "")
            continue
        if ctype == "text/plain":
            plains.append(part.get_content())
            feat["cte:" + cte] += 1
            if (part.get_content_charset() or "").lower() == "iso-8859-1":
                feat["charset:iso-8859-1"] += 1
        elif ctype == "text/html":
            htmls.append(html_to_text(part.get_content()))
            feat["cte:" + cte] += 1
            if (part.get_content_charset() or "").lower() == "iso-8859-1":
                feat["charset:iso-8859-1"] += 1
    body = "\n".join(plains) if plains else "\n".join(htmls)
    if htmls and not plains:
        feat["html-only"] += 1
    if not body.strip() and names:
        feat["attachment-only"] += 1
    return body, names, feat


def split_new_quoted(text, subject):
    fwd = bool(FWD_SUBJECT.match(subject or ""))
    new, quoted, forwarded = [], [], []
    state = "new"
    for ln in text.replace("\r\n", "\n").split("\n"):
        s = ln.strip()
        if state == "quoted":
            quoted.append(ln)
            continue
        if FWD_MARK.match(s):
            state = "forwarded"
            continue
        if OUTLOOK_SEP.match(s):
            if fwd:
                state = "forwarded"
            else:
                state = "quoted"
            continue
        if ATTRIBUTION.match(s) or ln.startswith(">"):
            quoted.append(ln)
            continue
        (forwarded if state == "forwarded" else new).append(ln)
    return "\n".join(new), "\n".join(quoted), "\n".join(forwarded)


def find_refs(text):
    out = []
    for m in CLAIM_RE.finditer(text):
        out.append(("claim", f"SC-{m.group(1)}-{m.group(2)}"))
    for m in POLICY_RE.finditer(text):
        out.append(("policy", f"{m.group(1).upper()}-{m.group(2)}{m.group(3)}"))
    for m in CUST_RE.finditer(text):
        out.append(("customer", "CU-" + (m.group(1) or m.group(2))))
    return out


def dob_forms(iso_date):
    d = dt.date.fromisoformat(iso_date)
    return {f"{d.day:02d}.{d.month:02d}.{d.year}", f"{d.day}.{d.month}.{d.year}", d.isoformat(),
            f"{d.day} {MONTHS_EN[d.month - 1]} {d.year}", f"{MONTHS_EN[d.month - 1]} {d.day}, {d.year}",
            f"{d.day}. {MONTHS_DE[d.month - 1]} {d.year}"}


def resolve(ID, subject, new_text, quoted_text, names, sender):
    C, P, K, owners = ID
    new_refs = find_refs(subject) + find_refs(new_text) + [r for n in names for r in find_refs(n)]
    q_refs = find_refs(quoted_text)
    used_quoted = not new_refs and bool(q_refs)
    refs = new_refs if new_refs else q_refs
    seen, unmatched = set(), []
    custs, claims, pols, cnums = set(), [], [], []
    for kind, ref in refs:
        if (kind, ref) in seen:
            continue
        seen.add((kind, ref))
        if kind == "claim" and ref in K:
            claims.append(ref)
            custs.add(P[K[ref]["policy_id"]]["customer_id"])
        elif kind == "policy" and ref in P:
            pols.append(ref)
            custs.add(P[ref]["customer_id"])
        elif kind == "customer" and ref in C:
            cnums.append(ref)
            custs.add(ref)
        else:
            unmatched.append(ref)
    res = {"status": "NOT_FOUND", "customer_id": None, "policy_id": None, "claim_id": None,
           "unmatched_references": unmatched}
    if len(custs) >= 2:
        res["status"] = "AMBIGUOUS"
        return res, "references to two customers", used_quoted, new_refs, q_refs
    if len(custs) == 1:
        cid = next(iter(custs))
        res.update(status="CONFIRMED", customer_id=cid)
        if len(set(claims)) == 1:
            res["claim_id"] = claims[0]
            res["policy_id"] = K[claims[0]]["policy_id"]
            basis = "claim number"
        elif claims:
            basis = "claim numbers"
        elif len(set(pols)) == 1:
            res["policy_id"] = pols[0]
            basis = "policy number"
        elif pols:
            basis = "policy numbers"
        else:
            a = active(P, cid)
            res["policy_id"] = a[0] if len(a) == 1 else None
            basis = "customer number"
        return res, basis, used_quoted, new_refs, q_refs
    own = owners.get(sender.lower(), set())
    if len(own) == 1:
        cid = next(iter(own))
        a = active(P, cid)
        res.update(status="PROBABLE", customer_id=cid, policy_id=a[0] if len(a) == 1 else None)
        return res, "sender address", used_quoted, new_refs, q_refs
    if len(own) >= 2:
        res["status"] = "AMBIGUOUS"
        return res, "shared sender address", used_quoted, new_refs, q_refs
    text = subject + "\n" + new_text
    low = text.lower()
    hits = set()
    for c in C.values():
        if c["full_name"].lower() in low:
            tokens = set(re.findall(r"(?<![\w.])[\w]+(?:\s[A-Z0-9]{3})?(?![\w])", text))
            pc = c["postal_code"]
            if any(f in text for f in dob_forms(c["date_of_birth"])) or pc in tokens or (
                    " " in pc and pc in text):
                hits.add(c["customer_id"])
    if len(hits) == 1:
        cid = next(iter(hits))
        a = active(P, cid)
        res.update(status="PROBABLE", customer_id=cid, policy_id=a[0] if len(a) == 1 else None)
        return res, "name + date of birth or postal code", used_quoted, new_refs, q_refs
    return res, ("unmatched reference" if unmatched else "no signal"), used_quoted, new_refs, q_refs


# ---------------------------------------------------------------- routing (contract 5)
def expected_route(g):
    """Returns (rule, allowed queues, action or None, needs_review or None)."""
    flags, intents, prim, st = g["risk_flags"], g["intents"], g["primary_intent"], g["identity"]["status"]
    if prim is None or "MALWARE_SUSPECT" in flags:
        return 1, {"SECURITY_QUARANTINE"}, "QUARANTINE", True
    if prim in ("AUTO_REPLY", "SPAM"):
        return 2, {"NO_ACTION"}, "NO_ACTION", False
    if "LEGAL" in intents or "LEGAL_THREAT" in flags:
        rule, q = 3, "LEGAL"
    elif "PRIVACY_REQUEST" in intents:
        rule, q = 4, "PRIVACY"
    elif "COMPLAINT" in intents or "REGULATOR_ESCALATION" in flags:
        rule, q = 5, "COMPLAINTS"
    elif st == "AMBIGUOUS":
        return 6, {"REVIEW_IDENTITY"}, "REVIEW", True
    elif g["queue"] == "REVIEW_CLASSIFICATION":
        return 7, {"REVIEW_CLASSIFICATION"}, "REVIEW", True
    else:
        rule, q = 8, ROUTE8.get(prim)
    if prim == "CLAIM_UPDATE" and st == "CONFIRMED" and g["identity"]["claim_id"]:
        action = "ATTACH_TO_CLAIM"
    elif prim in NEEDS_CONTRACT and st == "NOT_FOUND":
        action = "REQUEST_INFO"
    else:
        action = "CREATE_CASE"
    return rule, {q}, action, action == "REQUEST_INFO" or q in ("LEGAL", "PRIVACY")


# ---------------------------------------------------------------- main
def main():
    quiet = "--quiet" in sys.argv
    C, P, K, owners, shape = load_identity()
    ID = (C, P, K, owners)

    gold = []
    with open(os.path.join(HERE, "gold.jsonl"), encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            if line.strip():
                try:
                    gold.append(json.loads(line))
                except json.JSONDecodeError as e:
                    err(f"gold.jsonl:{i}: {e}")
    files = sorted(f for f in os.listdir(MAIL_DIR) if f.endswith(".eml"))
    gfiles = Counter(g["file"] for g in gold)
    for f, n in gfiles.items():
        if n != 1:
            err(f"gold: {f} has {n} entries")
        if f not in files:
            err(f"gold: {f} has no .eml")
    for f in files:
        if f not in gfiles:
            err(f"{f}: no gold entry")

    cov = defaultdict(Counter)
    msgids = Counter()
    keys = {"file", "message_id_header", "language", "primary_intent", "intents", "risk_flags", "queue", "action",
            "needs_review", "identity", "notes"}
    for g in gold:
        fn = g["file"]
        if set(g) != keys:
            err(f"{fn}: keys {sorted(set(g) ^ keys)} differ")
            continue
        # ---- vocabulary
        if g["language"] not in ("de", "en"):
            err(f"{fn}: language {g['language']}")
        if g["primary_intent"] is not None and g["primary_intent"] not in INTENTS:
            err(f"{fn}: primary intent {g['primary_intent']}")
        for x in g["intents"]:
            if x not in INTENTS:
                err(f"{fn}: intent {x}")
        if len(set(g["intents"])) != len(g["intents"]):
            err(f"{fn}: duplicate intents")
        if g["primary_intent"] is not None and (not g["intents"] or g["intents"][0] != g["primary_intent"]):
            err(f"{fn}: intents must start with the primary intent")
        for x in g["risk_flags"]:
            if x not in FLAGS:
                err(f"{fn}: flag {x}")
        if g["queue"] not in QUEUES or g["action"] not in ACTIONS or not isinstance(g["needs_review"], bool):
            err(f"{fn}: queue/action/needs_review vocabulary")
        idn = g["identity"]
        if idn["status"] not in STATUSES:
            err(f"{fn}: identity status {idn['status']}")
        if not g["notes"]:
            err(f"{fn}: notes empty")

        # ---- routing
        rule, queues, action, nr = expected_route(g)
        if g["queue"] not in queues:
            err(f"{fn}: queue {g['queue']} but section 5 gives {sorted(queues)} (rule {rule})")
        if g["action"] != action:
            err(f"{fn}: action {g['action']} but section 5 gives {action}")
        if g["needs_review"] != nr:
            err(f"{fn}: needs_review {g['needs_review']} but section 5 gives {nr}")
        cov["rule"][rule] += 1

        # ---- identity consistency with the CSVs
        st, cid, pid, kid = idn["status"], idn["customer_id"], idn["policy_id"], idn["claim_id"]
        if st in ("AMBIGUOUS", "NOT_FOUND") and (cid or pid or kid):
            err(f"{fn}: {st} must not carry ids")
        if st in ("CONFIRMED", "PROBABLE") and cid not in C:
            err(f"{fn}: customer {cid} not in customers.csv")
        if pid and (pid not in P or P[pid]["customer_id"] != cid):
            err(f"{fn}: policy {pid} missing or not owned by {cid}")
        if kid and (kid not in K or K[kid]["policy_id"] != pid):
            err(f"{fn}: claim {kid} missing or not on policy {pid}")
        if st == "PROBABLE" and (kid or pid != (active(P, cid)[0] if len(active(P, cid)) == 1 else None)):
            err(f"{fn}: PROBABLE fills the policy only for exactly one ACTIVE policy, never a claim")
        for u in idn["unmatched_references"]:
            if u in C or u in P or u in K or not re.fullmatch(r"SC-\d{4}-\d{6}|[A-Z]{2}-\d{8}|CU-\d{7}", u):
                err(f"{fn}: unmatched reference {u} is not a canonical non-matching reference")

        # ---- the file itself
        path = os.path.join(MAIL_DIR, fn)
        raw = open(path, "rb").read()
        if len(raw) >= 20000:
            err(f"{fn}: {len(raw)} bytes")
        if re.search(rb"(?<!\r)\n", raw) or re.search(rb"\r(?!\n)", raw):
            err(f"{fn}: line ends are not CRLF throughout")
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        if g["primary_intent"] is None:
            has_header = bool(re.match(rb"[!-9;-~]+:", raw))
            ctype = msg.get("Content-Type", "")
            broken = msg.is_multipart() is False and ctype.startswith("multipart/") or (
                ctype.startswith("multipart/") and "boundary" not in ctype)
            if has_header and not broken:
                err(f"{fn}: gold says unparseable but the file parses normally")
            cov["format"]["unparseable: no header section" if not has_header else "unparseable: broken MIME"] += 1
            if g["message_id_header"] != (msg.get("Message-ID") if has_header else None):
                err(f"{fn}: message_id_header mismatch")
            if st != "NOT_FOUND" or g["intents"] or g["risk_flags"]:
                err(f"{fn}: unparseable mails carry no intents/flags and identity NOT_FOUND")
            cov["status"][st] += 1
            cov["basis"][f"{st} (unparseable mail)"] += 1
            cov["lang"][g["language"]] += 1
            cov["queue"][g["queue"]] += 1
            cov["action"][g["action"]] += 1
            continue
        for h in ("From", "To", "Date", "Subject", "Message-ID", "MIME-Version", "Content-Type"):
            if msg.get(h) is None:
                err(f"{fn}: header {h} missing")
        if msg["Message-ID"] != g["message_id_header"]:
            err(f"{fn}: Message-ID {msg['Message-ID']} != gold {g['message_id_header']}")
        msgids[g["message_id_header"]] += 1
        try:
            email.utils.parsedate_to_datetime(msg["Date"])
        except (TypeError, ValueError):
            err(f"{fn}: Date not parseable")

        subject = str(msg.get("Subject", ""))
        body, names, feat = extract(msg)
        new, quoted, forwarded = split_new_quoted(body, subject)
        sender = email.utils.parseaddr(str(msg["From"]))[1]
        got, basis, used_quoted, new_refs, q_refs = resolve(ID, subject, new + "\n" + forwarded, quoted, names, sender)
        want = dict(idn)
        want["unmatched_references"] = sorted(want["unmatched_references"])
        got["unmatched_references"] = sorted(got["unmatched_references"])
        if got != want:
            err(f"{fn}: identity re-derived from the mail {got} ({basis}) != gold {want}")

        # ---- coverage
        cov["lang"][g["language"]] += 1
        cov["primary"][g["primary_intent"]] += 1
        for x in g["intents"]:
            cov["intent"][x] += 1
        for x in g["risk_flags"]:
            cov["flag"][x] += 1
        cov["queue"][g["queue"]] += 1
        cov["action"][g["action"]] += 1
        cov["status"][st] += 1
        cov["basis"][f"{st} by {basis}"] += 1
        if idn["unmatched_references"]:
            cov["basis"][f"{st} with unmatched reference"] += 1
        if len(g["intents"]) >= 2:
            cov["format"]["two or more intents"] += 1
        rawhead = raw.split(b"\r\n\r\n", 1)[0].decode("ascii", "replace")
        for enc in re.findall(r"=\?([A-Za-z0-9-]+)\?([BQbq])\?", rawhead.split("\r\nSubject:", 1)[1].split("\r\n")[0]
                              if "\r\nSubject:" in rawhead else ""):
            cov["format"][f"RFC 2047 subject {enc[1].upper()} {enc[0].upper()}"] += 1
        cov["format"]["RFC 2047 subject (any)"] += int(bool(re.search(r"\r\nSubject: =\?", rawhead)))
        if re.search(r"filename\*=", raw.decode("latin-1")):
            cov["format"]["RFC 2231 attachment name"] += 1
        if re.search(r'filename="=\?', raw.decode("latin-1")):
            cov["format"]["RFC 2047 encoded attachment name"] += 1
        for k in ("cte:quoted-printable", "cte:base64", "charset:iso-8859-1"):
            if feat[k]:
                cov["format"][{"cte:quoted-printable": "quoted-printable body", "cte:base64": "base64 body",
                               "charset:iso-8859-1": "ISO-8859-1 body"}[k]] += 1
        if feat["html-only"]:
            cov["format"]["HTML-only"] += 1
        if feat["multipart/alternative"]:
            cov["format"]["multipart/alternative"] += 1
        if feat["multipart/report"]:
            cov["format"]["delivery status notification (multipart/report)"] += 1
        if feat["attachment-only"]:
            cov["format"]["attachment-only (empty body)"] += 1
        if names:
            cov["format"]["with attachments"] += 1
        if (msg.get("Auto-Submitted") or "").lower().startswith("auto-replied") and g["primary_intent"] == "AUTO_REPLY":
            cov["format"]["out-of-office / auto-reply with Auto-Submitted: auto-replied"] += 1
        if quoted.strip():
            cov["format"]["reply with quoted text"] += 1
        if used_quoted:
            cov["format"]["reply: only reference is in the quoted text"] += 1
        if new_refs and q_refs and {r for _, r in new_refs}.isdisjoint({r for _, r in q_refs}):
            cov["format"]["reply: new text and quoted text name different references"] += 1
        if forwarded.strip():
            cov["format"]["forward (forwarded text counts as new)"] += 1
        for n in names:
            low = n.lower()
            for ext in (".pdf.exe", ".exe", ".js", ".docm", ".xlsm"):
                if low.endswith(ext):
                    cov["format"][f"malicious attachment {ext}"] += 1
                    break
            if find_refs(n):
                cov["format"]["reference in attachment file name"] += 1
        if g["primary_intent"] == "SPAM" and re.search(r"https?://", body):
            cov["format"]["spam / phishing with link"] += 1
        if g["queue"] == "REVIEW_CLASSIFICATION":
            cov["format"]["intent genuinely unclear"] += 1
        # written variants of references (section 2)
        alltext = subject + "\n" + body + "\n" + "\n".join(names)
        variants = {
            "policy 'KF 2048 1234' (spaced groups)": r"\b(KF|HR|WG|PH|LV|KV|RS|RE) \d{4} \d{4}\b",
            "policy 'kf-20481234' (lower case)": r"\b(kf|hr|wg|ph|lv|kv|rs|re)-\d{8}\b",
            "policy 'KF20481234' (compact)": r"\b(KF|HR|WG|PH|LV|KV|RS|RE)\d{8}\b",
            "policy 'KF 20481234'": r"\b(KF|HR|WG|PH|LV|KV|RS|RE) \d{8}\b",
            "'Vertragsnummer KF-...'": r"Vertragsnummer:? (KF|HR|WG|PH|LV|KV|RS|RE)-\d{8}",
            "'policy no. ...'": r"policy no\. ",
            "claim 'SC 2026 004512' (spaces)": r"\bSC \d{4} \d{6}\b",
            "claim 'SC2026004512' (compact)": r"\bSC\d{10}\b",
            "'Schaden-Nr. SC-...'": r"Schaden-Nr\. SC-\d{4}-\d{6}",
            "'Kundennummer 1002345'": r"Kundennummer:? \d{7}\b",
            "customer 'CU-1002345'": r"\bCU-\d{7}\b",
        }
        for k, rx in variants.items():
            if re.search(rx, alltext):
                cov["variant"][k] += 1
        if st == "PROBABLE" and basis == "sender address" and sender.lower() != sender:
            cov["basis"]["PROBABLE by sender address in different letter case"] += 1
        if st == "PROBABLE" and basis == "sender address" and any(
                ";" in C[cid]["email"] and sender.lower() == e for e in C[cid]["email"].split(";")[1:]):
            cov["basis"]["PROBABLE by a customer's second address"] += 1

    for mid, n in msgids.items():
        if n > 1:
            err(f"Message-ID {mid} used {n} times")

    # ---------------------------------------------------------------- minimums
    total = len(gold)
    need = [("mails", total, 160)]
    need += [(f"primary intent {x}", cov["primary"][x], 3) for x in INTENTS]
    need += [(f"flag {x}", cov["flag"][x], 2) for x in FLAGS]
    need += [(f"rule {r}", cov["rule"][r], 3) for r in range(1, 9)]
    need += [(f"identity {s}", cov["status"][s], 5) for s in STATUSES]
    need += [(f"identity {b}", cov["basis"][b], 2) for b in (
        "CONFIRMED by claim number", "CONFIRMED by policy number", "CONFIRMED by customer number",
        "PROBABLE by sender address", "PROBABLE by name + date of birth or postal code",
        "AMBIGUOUS by shared sender address", "AMBIGUOUS by references to two customers",
        "NOT_FOUND with unmatched reference")]
    need += [(f"format {k}", cov["format"][k], 2) for k in (
        "RFC 2047 subject B UTF-8", "RFC 2047 subject Q UTF-8", "RFC 2047 subject Q ISO-8859-1",
        "quoted-printable body", "base64 body", "HTML-only", "multipart/alternative", "attachment-only (empty body)",
        "out-of-office / auto-reply with Auto-Submitted: auto-replied",
        "delivery status notification (multipart/report)", "reply: only reference is in the quoted text",
        "reply: new text and quoted text name different references", "forward (forwarded text counts as new)",
        "two or more intents", "intent genuinely unclear", "spam / phishing with link", "RFC 2231 attachment name",
        "reference in attachment file name", "ISO-8859-1 body")]
    need += [(f"format {k}", cov["format"][k], 1) for k in (
        "RFC 2047 subject B ISO-8859-1", "RFC 2047 encoded attachment name", "malicious attachment .exe", "malicious attachment .js",
        "malicious attachment .docm", "malicious attachment .pdf.exe",
        "unparseable: no header section", "unparseable: broken MIME")]
    need += [(f"variant {k}", cov["variant"][k], 1) for k in (
        "policy 'KF 2048 1234' (spaced groups)", "policy 'kf-20481234' (lower case)", "policy 'KF20481234' (compact)",
        "policy 'KF 20481234'", "'Vertragsnummer KF-...'", "'policy no. ...'", "claim 'SC 2026 004512' (spaces)",
        "claim 'SC2026004512' (compact)", "'Schaden-Nr. SC-...'", "'Kundennummer 1002345'", "customer 'CU-1002345'")]
    need += [("language de", cov["lang"]["de"], int(total * 0.4)), ("language en", cov["lang"]["en"], int(total * 0.4))]
    for name, have, minimum in need:
        if have < minimum:
            err(f"coverage: {name} = {have}, needs >= {minimum}")

    # ---------------------------------------------------------------- report
    if not quiet:
        def table(title, counter, order=None):
            print(f"\n{title}")
            for k in (order or sorted(counter, key=str)):
                print(f"  {str(k):<72} {counter[k]:>4}")
        print(f"mails: {total}   de: {cov['lang']['de']}   en: {cov['lang']['en']}")
        print(f"identity data: {len(C)} customers, {len(P)} policies, {len(K)} claims")
        for k, v in shape.items():
            print(f"  {k:<72} {v:>4}")
        table("primary intent", cov["primary"], INTENTS)
        print(f"  {'(unparseable, no intent)':<72} {cov['format']['unparseable: no header section'] + cov['format']['unparseable: broken MIME']:>4}")
        table("intent among the intents", cov["intent"], INTENTS)
        table("risk flag", cov["flag"], FLAGS)
        table("routing rule (first match)", cov["rule"], list(range(1, 9)))
        table("queue", cov["queue"], [q for q in QUEUES if cov["queue"][q]])
        table("action", cov["action"], ACTIONS)
        table("identity status", cov["status"], STATUSES)
        table("identity basis (re-derived)", cov["basis"])
        table("formats and threads", cov["format"])
        table("written reference variants (section 2)", cov["variant"])
    if errors:
        print(f"\nFAILED: {len(errors)} problem(s)")
        for e in errors:
            print("  - " + e)
        return 1
    print(f"\nOK: {len(gold)} gold entries consistent with {len(files)} mails, the identity CSVs and CONTRACT-V1")
    return 0


if __name__ == "__main__":
    sys.exit(main())
