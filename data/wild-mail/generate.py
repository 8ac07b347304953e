#!/usr/bin/env python3
"""Writes the wild-mail corpus: small, deliberately malformed real-world-style mails.

Run from anywhere: python3 data/wild-mail/generate.py. Output is deterministic (no clock, no randomness), so
re-running it changes no committed file. README.md lists what each file exercises; WildMailTest asserts
the expected outcome per file. Addresses use example domains only.
"""
import base64
import binascii
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
CRLF = b"\r\n"


def lines(*ls):
    """Lines (str or bytes) joined with CRLF and a final CRLF; str lines are UTF-8."""
    return CRLF.join(l if isinstance(l, bytes) else l.encode("utf-8") for l in ls) + CRLF


def b64(data, width=76):
    s = base64.b64encode(data).decode("ascii")
    return CRLF.join(s[i:i + width].encode("ascii") for i in range(0, len(s), width))


def ew(charset, text_bytes):
    """One RFC 2047 B encoded word."""
    return "=?%s?B?%s?=" % (charset, base64.b64encode(text_bytes).decode("ascii"))


HEAD = ["From: Max Mustermann <max@example.com>", "To: schaden@versicherung.example",
        "Date: Mon, 6 Apr 2026 09:00:00 +0200"]

MAILS = {}

# --- charsets -----------------------------------------------------------------------------------
jp_subject = "保険金請求について"
jp_body = "お世話になっております。車の事故について保険金を請求します。証券番号 KF-20481234"
MAILS["01-iso-2022-jp.eml"] = lines(
    *HEAD, "Message-ID: <wild-01@example.com>",
    "Subject: " + ew("ISO-2022-JP", jp_subject.encode("iso2022_jp")),
    "MIME-Version: 1.0", "Content-Type: text/plain; charset=ISO-2022-JP", "Content-Transfer-Encoding: 7bit",
    "") + jp_body.encode("iso2022_jp") + CRLF

MAILS["02-shift-jis.eml"] = lines(
    *HEAD, "Message-ID: <wild-02@example.com>",
    "Subject: " + ew("Shift_JIS", jp_subject.encode("shift_jis")),
    "MIME-Version: 1.0", "Content-Type: text/plain; charset=Shift_JIS", "Content-Transfer-Encoding: 8bit",
    "") + jp_body.encode("shift_jis") + CRLF

utf7_subject = "Schäden am Dach"
MAILS["03-utf-7.eml"] = lines(
    *HEAD, "Message-ID: <wild-03@example.com>",
    "Subject: =?UTF-7?Q?" + utf7_subject.encode("utf-7").decode("ascii").replace(" ", "_") + "?=",
    "MIME-Version: 1.0", "Content-Type: text/plain; charset=UTF-7", "",
    "Sehr geehrte Damen und Herren, der Sturm hat Sch\u00e4den am Dach verursacht. Gr\u00fc\u00dfe".encode("utf-7"))

MAILS["04-mislabeled-ascii-utf8.eml"] = lines(
    *HEAD, "Message-ID: <wild-04@example.com>", "Subject: Kündigung", "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=us-ascii", "Content-Transfer-Encoding: 7bit", "",
    "Hiermit kündige ich meine Hausratversicherung zum nächstmöglichen Termin.")

MAILS["05-mislabeled-ascii-latin1.eml"] = lines(
    *HEAD, "Message-ID: <wild-05@example.com>", "Subject: Adressänderung".encode("latin-1"), "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=us-ascii", "",
    "Meine neue Anschrift: Gartenstraße 5, 12345 Münster.".encode("latin-1"))

MAILS["06-mislabeled-utf8-latin1.eml"] = lines(
    *HEAD, "Message-ID: <wild-06@example.com>", "Subject: Rückfrage", "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", "",
    "Ich habe eine Rückfrage zu meiner Prämie.".encode("latin-1"))

# --- RFC 2047 -----------------------------------------------------------------------------------
split = "Schäden am Dach".encode("utf-8")  # 'ä' is C3 A4: the words split between the two bytes
cut = split.index(b"\xc3") + 1
MAILS["07-encoded-word-split-multibyte.eml"] = lines(
    *HEAD, "Message-ID: <wild-07@example.com>",
    "Subject: " + ew("UTF-8", split[:cut]),
    " " + ew("UTF-8", split[cut:]),
    "", "Der Text ist unauffällig.")

MAILS["08-encoded-word-broken.eml"] = lines(
    *HEAD, "Message-ID: <wild-08@example.com>",
    "Subject: Schaden =?UTF-8?B?!!!not-base64***?= Nummer =?x-unknown-cs?Q?KF-20481234?= =?UTF-8?Q?offen",
    "", "Bitte um Rückruf.")

# --- RFC 2231 -----------------------------------------------------------------------------------
pdf = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
MAILS["09-rfc2231-parameters.eml"] = lines(
    *HEAD, "Message-ID: <wild-09@example.com>", "Subject: Unterlagen", "MIME-Version: 1.0",
    "Content-Type: multipart/mixed; boundary=\"b9\"", "",
    "--b9", "Content-Type: text/plain; charset=utf-8", "", "Anbei die Unterlagen.",
    "--b9",
    "Content-Type: application/pdf; name*=iso-8859-1'de'Kostenvoranschlag%20K%FCche.pdf",
    "Content-Disposition: attachment;",
    " filename*0*=utf-8''Schadensmeldung%20K%C3%BC;",
    " filename*1*=che%20;",
    " filename*2=\"2026.pdf\"",
    "Content-Transfer-Encoding: base64", "",
    b64(pdf),
    "--b9--")

# --- MIME structure -----------------------------------------------------------------------------
MAILS["10-boundary-never-closed.eml"] = lines(
    *HEAD, "Message-ID: <wild-10@example.com>", "Subject: Glasbruch", "MIME-Version: 1.0",
    "Content-Type: multipart/mixed; boundary=\"b10\"", "",
    "--b10", "Content-Type: text/plain; charset=utf-8", "",
    "Die Scheibe meines Autos ist gebrochen. Vertrag KF-20481234.", "",
    "--b10", "Content-Type: application/octet-stream; name=\"foto.bin\"", "Content-Transfer-Encoding: base64", "",
    b64(b"\x00\x01\x02" * 20))

MAILS["11-boundary-mismatch.eml"] = lines(
    *HEAD, "Message-ID: <wild-11@example.com>", "Subject: Wasserschaden", "MIME-Version: 1.0",
    "Content-Type: multipart/mixed; boundary=\"declared-but-never-used\"", "",
    "--other-boundary", "Content-Type: text/plain; charset=utf-8", "",
    "In meiner Wohnung ist ein Wasserschaden entstanden.",
    "--other-boundary--")

MAILS["12-multipart-without-boundary.eml"] = lines(
    *HEAD, "Message-ID: <wild-12@example.com>", "Subject: Frage", "MIME-Version: 1.0",
    "Content-Type: multipart/alternative", "",
    "Ich habe eine Frage zu meinem Vertrag.")

MAILS["13-missing-content-type.eml"] = lines(
    *HEAD, "Message-ID: <wild-13@example.com>", "Subject: Ohne Typ", "",
    "Grüße aus Köln, mein Fahrrad wurde gestohlen.")

inner = lines("From: Erika <erika@example.org>", "To: max@example.com", "Subject: Innerste Nachricht",
              "Date: Sun, 5 Apr 2026 08:00:00 +0200", "", "Der Unfall war am Montag an der Ampel.")
for level in range(5, 0, -1):
    inner = lines("From: level%d@example.org" % level, "Subject: Fwd level %d" % level, "MIME-Version: 1.0",
                  "Content-Type: multipart/mixed; boundary=\"n%d\"" % level, "",
                  "--n%d" % level, "Content-Type: text/plain", "", "Weiterleitung Ebene %d" % level,
                  "--n%d" % level, "Content-Type: message/rfc822", "") + inner + lines("--n%d--" % level)
MAILS["14-nested-rfc822-deep.eml"] = lines(*HEAD, "Message-ID: <wild-14@example.com>") + inner

tnef = struct.pack("<IH", 0x223E9F78, 0x0001) + b"\x01\x06\x90\x08\x00\x04\x00\x00\x00" + b"\x00" * 40
MAILS["15-tnef-winmail.eml"] = lines(
    *HEAD, "Message-ID: <wild-15@example.com>", "Subject: Schadenmeldung aus Outlook", "MIME-Version: 1.0",
    "Content-Type: multipart/mixed; boundary=\"b15\"", "",
    "--b15", "Content-Type: text/plain; charset=us-ascii", "", "Siehe Anhang.",
    "--b15", "Content-Type: application/ms-tnef; name=\"winmail.dat\"",
    "Content-Disposition: attachment; filename=\"winmail.dat\"", "Content-Transfer-Encoding: base64", "",
    b64(tnef), "--b15--")


def uuencode(data):
    out = []
    for i in range(0, len(data), 45):
        out.append(binascii.b2a_uu(data[i:i + 45]).rstrip(b"\n"))
    out.append(b"`")
    return out


MAILS["16-uuencode.eml"] = lines(
    *HEAD, "Message-ID: <wild-16@example.com>", "Subject: Rechnung", "",
    "Anbei die Rechnung der Werkstatt.", "",
    b"begin 644 rechnung.pdf", *uuencode(pdf), b"end", "",
    "Mit freundlichen Gruessen")

MAILS["17-raw-8bit-headers.eml"] = lines(
    "From: Jürgen Müller <juergen@example.com>", "To: schaden@versicherung.example",
    b"Subject: Sch\xe4den an der Garage (Gr\xfc\xdfe)", "Message-ID: <wild-17@example.com>",
    "Content-Type: text/plain; charset=utf-8", "", "Die Garage ist beschädigt.")

MAILS["18-bounce-dsn.eml"] = lines(
    "From: Mail Delivery System <MAILER-DAEMON@mx.versicherung.example>", "To: schaden@versicherung.example",
    "Subject: Undelivered Mail Returned to Sender", "Message-ID: <wild-18@mx.versicherung.example>",
    "Auto-Submitted: auto-replied", "MIME-Version: 1.0",
    "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b18\"", "",
    "--b18", "Content-Type: text/plain; charset=us-ascii", "",
    "This is the mail system. Your message could not be delivered to one or more recipients.",
    "<gone@example.org>: host mx.example.org said: 550 5.1.1 User unknown",
    "--b18", "Content-Type: message/delivery-status", "",
    "Reporting-MTA: dns; mx.versicherung.example", "", "Final-Recipient: rfc822; gone@example.org",
    "Action: failed", "Status: 5.1.1",
    "--b18", "Content-Type: text/rfc822-headers", "",
    "From: schaden@versicherung.example", "To: gone@example.org", "Subject: Ihr Schaden",
    "--b18--")

MAILS["19-html-only.eml"] = lines(
    *HEAD, "Message-ID: <wild-19@example.com>", "Subject: Sturmschaden", "MIME-Version: 1.0",
    "Content-Type: text/html; charset=windows-1252", "Content-Transfer-Encoding: quoted-printable", "",
    "<html><head><style>p{color:red}</style><script>alert(1)</script></head>",
    "<body><p>Der Sturm hat das Dach besch=E4digt.</p><p>Vertrag KF-20481234</p></body></html>")

png = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") + b"\x00" * 20
MAILS["20-attachment-sniffed.eml"] = lines(
    *HEAD, "Message-ID: <wild-20@example.com>", "Subject: Foto", "MIME-Version: 1.0",
    "Content-Type: multipart/mixed; boundary=\"b20\"", "",
    "--b20", "Content-Type: text/plain", "", "Foto vom Schaden anbei.",
    "--b20", "Content-Type: application/octet-stream; name=\"foto.jpg\"", "Content-Transfer-Encoding: base64", "",
    b64(png), "--b20--")

# --- bombs and limits ---------------------------------------------------------------------------
MAILS["21-header-bomb.eml"] = lines(
    *HEAD, *["X-Filler-%d: %d" % (i, i) for i in range(1200)], "Subject: viele Header", "", "Text")

MAILS["22-part-bomb.eml"] = lines(
    *HEAD, "Subject: viele Teile", "Content-Type: multipart/mixed; boundary=b", "",
    *["--b\r\n\r\nx" for _ in range(600)], "--b--")

nest = ["Content-Type: multipart/mixed; boundary=d0", "", "--d0"]
for i in range(1, 40):
    nest += ["Content-Type: multipart/mixed; boundary=d%d" % i, "", "--d%d" % i]
MAILS["23-nesting-bomb-multipart.eml"] = lines(*HEAD, "Subject: tief", *nest, "", "Text")

msg = lines("From: a@example.org", "", "innen")
for i in range(40):
    msg = lines("From: a@example.org", "Content-Type: message/rfc822", "") + msg
MAILS["24-nesting-bomb-rfc822.eml"] = msg

MAILS["25-giant-body-line.eml"] = lines(
    *HEAD, "Message-ID: <wild-25@example.com>", "Subject: lange Zeile", "",
    "Schaden " + "x" * 120_000 + " Ende")

MAILS["26-giant-header.eml"] = lines(
    *HEAD, "Message-ID: <wild-26@example.com>", "Subject: " + "Schaden " * 10_000, "", "Text")

# --- byte-level damage --------------------------------------------------------------------------
MAILS["27-nul-bytes.eml"] = lines(
    *HEAD, "Message-ID: <wild-27@example.com>", b"Subject: Null\x00bytes", "",
    b"Mein Fahrrad\x00 wurde gestohlen.\x00\x00 Vertrag KF-20481234.")

MAILS["28-crlf-lf-mix.eml"] = (
    b"From: max@example.com\r\nTo: schaden@versicherung.example\nSubject: Zeilenenden\r\n"
    b"Message-ID: <wild-28@example.com>\n"
    b"Content-Type: multipart/alternative; boundary=\"b28\"\r\n\n"
    b"--b28\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
    b"Zeile eins\rZeile zwei\nZeile drei\r\n"
    b"--b28\r\nContent-Type: text/html\n\n<p>html</p>\n--b28--\n")

MAILS["29-truncated-base64.eml"] = lines(
    *HEAD, "Message-ID: <wild-29@example.com>", "Subject: abgeschnitten", "MIME-Version: 1.0",
    "Content-Type: multipart/mixed; boundary=\"b29\"", "",
    "--b29", "Content-Type: text/plain", "", "Anhang folgt.",
    "--b29", "Content-Type: application/pdf; name=\"a.pdf\"", "Content-Transfer-Encoding: base64", "") \
    + base64.b64encode(pdf)[:37]  # cut mid-quantum, no closing boundary: the file simply ends

MAILS["30-truncated-in-headers.eml"] = b"From: max@example.com\r\nTo: schaden@versicherung.example\r\nSubj"

MAILS["31-no-header-section.eml"] = b"\x89PNG\r\n\x1a\n" + bytes(range(256))

MAILS["32-empty.eml"] = b""


def main():
    for name, data in sorted(MAILS.items()):
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(data)
    print("wrote %d files to %s" % (len(MAILS), HERE))


if __name__ == "__main__":
    main()
