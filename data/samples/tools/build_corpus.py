#!/usr/bin/env python3
"""Regenerates data/samples (identity CSVs, mail/*.eml, gold.jsonl) from the hand-written
mail definitions in mails_*.py.  Deterministic; standard library only.

    python3 data/samples/tools/build_corpus.py
"""
import csv
import io
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
SAMPLES = os.path.dirname(HERE)

import corpus  # noqa: E402
import mails_de_1, mails_de_2, mails_de_3, mails_en_1, mails_en_2  # noqa: E402,F401


def write_csv(path, header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    w.writerows(rows)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())


def main():
    ident_dir = os.path.join(SAMPLES, "identity")
    mail_dir = os.path.join(SAMPLES, "mail")
    os.makedirs(ident_dir, exist_ok=True)
    os.makedirs(mail_dir, exist_ok=True)
    for f in os.listdir(mail_dir):
        if f.endswith(".eml"):
            os.remove(os.path.join(mail_dir, f))

    write_csv(os.path.join(ident_dir, "customers.csv"),
              ["customer_id", "full_name", "email", "phone", "date_of_birth", "postal_code"], corpus.CUSTOMERS)
    write_csv(os.path.join(ident_dir, "policies.csv"),
              ["policy_id", "customer_id", "product_line", "status", "start_date", "end_date"], corpus.POLICIES)
    write_csv(os.path.join(ident_dir, "claims.csv"),
              ["claim_id", "policy_id", "status", "loss_date"], corpus.CLAIMS)

    gold = []
    seen = set()
    for m in corpus.MAILS:
        assert m["file"] not in seen, m["file"]
        seen.add(m["file"])
        msgid, data = corpus.build(m)
        assert len(data) < 20000, (m["file"], len(data))
        with open(os.path.join(mail_dir, m["file"]), "wb") as f:
            f.write(data)
        g = m["gold"]
        rule, queue, action, needs_review = corpus.route(True, g["primary"], g["intents"], g["flags"], g["ident"], g["unclear"])
        assert queue == g["queue"], (m["file"], "hand queue", g["queue"], "contract 5 gives", queue, "rule", rule)
        gold.append({"file": m["file"], "message_id_header": msgid, "language": m["lang"],
                     "primary_intent": g["primary"], "intents": g["intents"], "risk_flags": g["flags"],
                     "queue": queue, "action": action, "needs_review": needs_review,
                     "identity": g["ident"], "notes": g["notes"]})
    for fname, lang, msgid, data, note in corpus.RAW:
        assert fname not in seen
        seen.add(fname)
        with open(os.path.join(mail_dir, fname), "wb") as f:
            f.write(data)
        ident = corpus.not_found()
        rule, queue, action, needs_review = corpus.route(False, None, [], [], ident, False)
        gold.append({"file": fname, "message_id_header": msgid, "language": lang, "primary_intent": None,
                     "intents": [], "risk_flags": [], "queue": queue, "action": action,
                     "needs_review": needs_review, "identity": ident, "notes": "unparseable: " + note})
    gold.sort(key=lambda r: r["file"])
    with open(os.path.join(SAMPLES, "gold.jsonl"), "w", encoding="utf-8", newline="\n") as f:
        for r in gold:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(gold)} mails, {len(corpus.CUSTOMERS)} customers, {len(corpus.POLICIES)} policies, "
          f"{len(corpus.CLAIMS)} claims")


if __name__ == "__main__":
    main()
