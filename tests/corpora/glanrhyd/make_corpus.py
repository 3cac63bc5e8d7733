#!/usr/bin/env python3
"""Rebuild the Glanrhyd Town Council (Cyngor Tref Glanrhyd) labelled correspondence corpus.

A fictional Welsh town council: a Town Clerk who is the main officer, an Assistant Clerk who
is not in the register, eight councillors (most on personal gmail/hotmail/outlook accounts),
and two council mail domains, one English and one Welsh. Every person, address, case and
telephone number is invented (numbers are in Ofcom's drama ranges: 029 2018 0xxx, 07700 900xxx).

    . /work/main/.venv/bin/activate                 # python-docx and PyYAML
    python make_corpus.py            # rebuild everything, then check it
    python make_corpus.py --check    # only check what is on disk

It writes, beside itself: messages/*.eml, letters/*.txt|*.docx, policy.yaml, labels.yaml and
README.md. Generation is deterministic (fixed dates, ids, MIME boundaries, zip timestamps).
"""

import argparse
import base64
import collections
import datetime as dt
import hashlib
import html
import io
import re
import shutil
import sys
import textwrap
import zipfile
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path


HERE = Path(__file__).resolve().parent
COUNCIL = "Glanrhyd Town Council"
DOMAINS = ["glanrhydtowncouncil.gov.uk", "cyngortrefglanrhyd.cymru"]
DOMAIN = DOMAINS[0]
OFFICE_ADDRESS = ["Neuadd y Dref / Town Hall", "Stryd y Bont", "Glanrhyd", "SA99 4GR"]
OFFICE_PHONE = "029 2018 0400"

# key: (name, [emails; the first is the party of a councillor-obligation finding], [titles])
COUNCILLORS = {
    "pritchard": ("Eirlys Pritchard",
                  ["cllr.pritchard@glanrhydtowncouncil.gov.uk", "eirlys.pritchard@hotmail.co.uk"],
                  ["Mayor", "Maer"]),
    "rjones": ("Rhodri Jones", ["rhodri.jones.glanrhyd@gmail.com"], ["Deputy Mayor", "Dirprwy Faer"]),
    "gjones": ("Gwenllian Jones", ["gwenjones.bryn@hotmail.com"], []),
    "evans": ("Huw Evans", ["cllr.evans@glanrhydtowncouncil.gov.uk", "huwevans.penlan@gmail.com"],
              ["Chair of Planning Committee"]),
    "price": ("Delyth Price", ["delyth.price@outlook.com"], []),
    "reesthomas": ("Marc Rees-Thomas", ["marc.reesthomas@gmail.com"],
                   ["Chair of Finance and General Purposes Committee"]),
    "howells": ("Sioned Howells", ["cllr.howells@glanrhydtowncouncil.gov.uk"], []),
    "bowen": ("Owain Bowen", ["owainbowen67@hotmail.co.uk"], []),
}

# key: (name, title, [emails])
OFFICERS = {
    "morgan": ("Carys Morgan", "Town Clerk",
               ["clerk@glanrhydtowncouncil.gov.uk", "clerc@cyngortrefglanrhyd.cymru",
                "carys.morgan@glanrhydtowncouncil.gov.uk"]),
    "beynon": ("Gareth Beynon", "Responsible Financial Officer", ["rfo@glanrhydtowncouncil.gov.uk"]),
}

# Officers at the council's domains who are not in the register (officers by domain).
UNLISTED = {
    "lloyd": ("Ffion Lloyd", "ffion.lloyd@glanrhydtowncouncil.gov.uk"),
}
UNLISTED_OFFICERS = {a for _n, a in UNLISTED.values()}

LISTS = []

THIRD = {
    "gthomas": ("Gwyn Thomas", "gwyn.thomas@maesglas.gov.uk"),             # county planning officer
    "ehcounty": ("Rhian Watkins", "rhian.watkins@maesglas.gov.uk"),         # county EHO
    "wyn": ("Bethan Wyn", "bethan@droversarms-glanrhyd.co.uk"),            # licensee
    "pugh": ("Alun Pugh", "alunpugh.llys@gmail.com"),                      # TPO complainant
    "meinir": ("Meinir Davies", "meinir.davies55@hotmail.com"),
    "dyffryn": ("Dyffryn Grounds Ltd", "office@dyffryngrounds.co.uk"),
    "chwarae": ("Iwan Hughes", "iwan@chwarae-play.co.uk"),
    "rowlands": ("Dafydd Rowlands", "dafydd.rowlands@btinternet.com"),
    "rfc": ("Geraint Probert", "secretary@glanrhydrfc.co.uk"),
    "auditor": ("Cymru Audit Services", "audit@cymruaudit-services.co.uk"),
    "parry": ("Mair Parry", "mairparry.heol@gmail.com"),
    "caffi": ("Lowri Bevan", "helo@caffi-glan.co.uk"),
    "vaughan": ("Tomos Vaughan", "tomos.vaughan@yahoo.co.uk"),
    "fychan": ("Elin Fychan", "elin.fychan@glanrhydherald.co.uk"),
}


def C(key, i=0, display=None):
    name, emails, _t = COUNCILLORS[key]
    return (display if display is not None else name, emails[i])


def O(key, i=0, display=None):
    name, _title, emails = OFFICERS[key]
    return (display if display is not None else name, emails[i])


def U(key, display=None):
    name, a = UNLISTED[key]
    return (display if display is not None else name, a)


def T(key, display=None):
    name, a = THIRD[key]
    return (display if display is not None else name, a)


def first(key):
    return COUNCILLORS[key][1][0]


def addr(p):
    return p[1]


def fmt(p):
    return f"{p[0]} <{p[1]}>" if p[0] else p[1]

# --------------------------------------------------------------------------
# Deterministic helpers
# --------------------------------------------------------------------------

def h(seed, n=16):
    return hashlib.sha256(seed.encode()).hexdigest()[:n]


def hb(seed, n=22):
    return base64.b64encode(hashlib.sha256(seed.encode()).digest())[:n].decode()


BST = dt.timezone(dt.timedelta(hours=1))
GMT = dt.timezone.utc


def when(y, mo, d, hh, mi, ss=0):
    """A UK local time, with the right offset for BST (last Sunday in March to last in October)."""
    def last_sunday(month):
        x = dt.date(y, month, 31)
        return x - dt.timedelta(days=(x.weekday() + 1) % 7)
    day = dt.date(y, mo, d)
    tz = BST if last_sunday(3) <= day < last_sunday(10) else GMT
    return dt.datetime(y, mo, d, hh, mi, ss, tzinfo=tz)


def rfcdate(t):
    s = format_datetime(t)
    return s.replace("-0000", "+0000")


def sent_line(t):
    """Outlook UK 'Sent:' form: 12 March 2025 09:14"""
    return f"{t.day:02d} {t:%B %Y %H:%M}"


def long_sent(t):
    """Outlook desktop: Wednesday, March 12, 2025 9:14 AM (US-style, as many UK installs show)."""
    hr = t.hour % 12 or 12
    return f"{t:%A}, {t:%B} {t.day}, {t.year} {hr}:{t:%M} {'AM' if t.hour < 12 else 'PM'}"


def thunderbird_date(t):
    """Thunderbird forward header: Mon, 3 Mar 2025 10:14:22 +0000"""
    return format_datetime(t).replace("-0000", "+0000")


def iphone_date(t):
    """Apple Mail forward header: 3 March 2025 at 10:14:22 GMT"""
    return f"{t.day} {t:%B %Y} at {t:%H:%M:%S} {'BST' if t.utcoffset() else 'GMT'}"


def gmail_reply_attr(t, p):
    """Gmail reply attribution: On Mon, 3 Mar 2025 at 10:14, Name <addr> wrote:"""
    return f"On {t:%a}, {t.day} {t:%b %Y} at {t:%H:%M}, {p[0]} <{p[1]}> wrote:"


def gmail_date(t):
    return f"{t:%a}, {t.day} {t:%b %Y} at {t:%H:%M}"


def msgid(style, seed, domain=None):
    if style in ("outlook", "outlook-plain"):
        box = f"LO{2 + int(h(seed, 2), 16) % 3}P265MB{1000 + int(h(seed + 'b', 4), 16) % 9000}"
        return f"<{box}{h(seed, 24).upper()}@{box}.GBRP265.PROD.OUTLOOK.COM>"
    if style == "outlookcom":
        box = f"DB{int(h(seed, 2), 16) % 9 + 1}PR0{int(h(seed, 1), 16) % 9 + 1}MB{7000 + int(h(seed + 'c', 4), 16) % 2000}"
        return f"<{box}{h(seed, 24).upper()}@{box}.eurprd0{int(h(seed, 1), 16) % 9 + 1}.prod.outlook.com>"
    if style == "gmail":
        return f"<CA{hb(seed, 2)}+{hb(seed + 'x', 40).replace('/', '_')}@mail.gmail.com>"
    if style == "iphone":
        u = h(seed, 32).upper()
        return f"<{u[:8]}-{u[8:12]}-{u[12:16]}-{u[16:20]}-{u[20:32]}@{domain or DOMAIN}>"
    if style == "thunderbird":
        u = h(seed, 32)
        return f"<{u[:8]}-{u[8:12]}-{u[12:16]}-{u[16:20]}-{u[20:32]}@{domain or DOMAIN}>"
    if style == "bt":
        return f"<{int(h(seed, 8), 16)}.{int(h(seed + 'y', 6), 16)}.1.{int(h(seed, 3), 16)}@btinternet.com>"
    raise ValueError(style)


def fold_raw(name, value, width=78):
    """Fold a raw ASCII header value at spaces, as Outlook and Gmail do."""
    words = value.split(" ")
    lines, cur = [], name + ":"
    for w in words:
        if len(cur) + 1 + len(w) > width and cur.strip() != name + ":":
            lines.append(cur)
            cur = " " + w
        else:
            cur = cur + " " + w
    lines.append(cur)
    return "\n".join(lines)[len(name) + 2:]


def wrap(text, width=74):
    """Hard-wrap long lines the way a plain-text mail client does; keep short lines and blanks."""
    out = []
    for line in text.split("\n"):
        if len(line) <= width:
            out.append(line)
        else:
            out.extend(textwrap.wrap(line, width=width, break_long_words=False, break_on_hyphens=False))
    return "\n".join(out)


def quote(text, prefix="> "):
    lines = []
    for line in wrap(text, 72).split("\n"):
        lines.append((prefix + line).rstrip() if line else prefix.rstrip())
    return "\n".join(lines)


def dedent(s):
    return textwrap.dedent(s).strip("\n")


# --------------------------------------------------------------------------
# Earlier messages inside a message (forwards, Outlook replies)
# --------------------------------------------------------------------------

class Earlier:
    """A message carried inside another one, rendered as a client would."""

    def __init__(self, style, frm, sent, to, subject, text, cc=(), inner=None):
        self.style, self.frm, self.sent, self.to, self.cc = style, frm, sent, list(to), list(cc)
        self.subject, self.text = subject, expand(dedent(text))
        self.inner = inner            # an Earlier this one itself forwards (a forward of a forward)
        if inner is not None:
            self.text += "\n\n" + inner.plain()

    def header_pairs(self):
        to = "; ".join(fmt(p) for p in self.to)
        cc = "; ".join(fmt(p) for p in self.cc)
        if self.style == "gmail":
            pairs = [("From", f"{self.frm[0]} <{self.frm[1]}>"), ("Date", gmail_date(self.sent)),
                     ("Subject", self.subject), ("To", ", ".join(fmt(p) for p in self.to))]
            if self.cc:
                pairs.append(("Cc", ", ".join(fmt(p) for p in self.cc)))
            return pairs
        if self.style == "thunderbird":
            pairs = [("Subject", self.subject), ("Date", thunderbird_date(self.sent)),
                     ("From", fmt(self.frm)), ("To", ", ".join(fmt(p) for p in self.to))]
            if self.cc:
                pairs.append(("CC", ", ".join(fmt(p) for p in self.cc)))
            return pairs
        if self.style == "iphone":
            pairs = [("From", fmt(self.frm)), ("Date", iphone_date(self.sent)),
                     ("To", ", ".join(fmt(p) for p in self.to))]
            if self.cc:
                pairs.append(("Cc", ", ".join(fmt(p) for p in self.cc)))
            return pairs + [("Subject", self.subject)]
        if self.style == "bt":
            pairs = [("From", fmt(self.frm)), ("To", to)]
            if self.cc:
                pairs.append(("Cc", cc))
            return pairs + [("Sent", f"{self.sent:%A}, {self.sent.day} {self.sent:%B %Y %H:%M}"),
                            ("Subject", self.subject)]
        sent = long_sent(self.sent) if self.style == "original" else sent_line(self.sent)
        pairs = [("From", fmt(self.frm)), ("Sent", sent), ("To", to)]
        if self.cc:
            pairs.append(("Cc", cc))
        return pairs + [("Subject", self.subject)]

    def plain(self):
        if self.style == "iphone":
            hdr = "\n".join(f"{k}: {v}" for k, v in self.header_pairs())
            return "Begin forwarded message:\n\n" + quote(hdr + "\n\n" + self.text)
        if self.style == "thunderbird":
            hdr = "\n".join(f"{k}: \t{v}" for k, v in self.header_pairs())
            return "-------- Forwarded Message --------\n" + hdr + "\n\n\n" + wrap(self.text)
        lead = {"outlook": "________________________________",
                "outlook-bare": "",
                "original": "-----Original Message-----",
                "gmail": "---------- Forwarded message ---------",
                "bt": "----- Original Message -----"}[self.style]
        hdr = "\n".join(f"{k}: {v}" for k, v in self.header_pairs())
        body = self.text if self.style in ("outlook", "outlook-bare") else wrap(self.text)
        return (lead + "\n" if lead else "") + hdr + "\n\n" + body

    def outlook_html(self):
        e = esc
        items = "<br>\n".join(f"<b>{k}:</b> {e(v)}" for k, v in self.header_pairs())
        return ('<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">\n'
                f'<p class="MsoNormal"><span lang="EN-US" style="font-size:11.0pt;font-family:&quot;Calibri&quot;,sans-serif">'
                f'{items}<o:p></o:p></span></p>\n</div>\n<p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n'
                + outlook_paras(self.text))

    def gmail_html(self):
        e = esc
        parts = []
        for k, v in self.header_pairs():
            if k == "From":
                parts.append(f'From: <strong class="gmail_sendername" dir="auto">{e(self.frm[0])}</strong> '
                             f'<span dir="auto">&lt;{e(self.frm[1])}&gt;</span>')
            else:
                parts.append(f"{k}: {e(v)}")
        body = "".join(f"<div>{e(l) if l else '<br>'}</div>" for l in self.text.split("\n"))
        return ('<div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">'
                '---------- Forwarded message ---------<br>' + "<br>".join(parts) + '<br></div><br><br>'
                f'<div dir="ltr">{body}</div></div>')


def esc(text):
    """Escape text for an HTML text node the way mail clients do (quotes left alone)."""
    return html.escape(text, quote=False)


OUTLOOK_HEAD = """<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="Generator" content="Microsoft Word 15 (filtered medium)">
<style><!--
/* Font Definitions */
@font-face
	{font-family:"Cambria Math";
	panose-1:2 4 5 3 5 4 6 3 2 4;}
@font-face
	{font-family:Aptos;}
/* Style Definitions */
p.MsoNormal, li.MsoNormal, div.MsoNormal
	{margin:0cm;
	font-size:12.0pt;
	font-family:"Aptos",sans-serif;
	mso-ligatures:standardcontextual;
	mso-fareast-language:EN-US;}
a:link, span.MsoHyperlink
	{mso-style-priority:99;
	color:#467886;
	text-decoration:underline;}
span.EmailStyle19
	{mso-style-type:personal-compose;
	font-family:"Aptos",sans-serif;
	color:windowtext;}
.MsoChpDefault
	{mso-style-type:export-only;
	font-size:10.0pt;
	mso-ligatures:none;
	mso-fareast-language:EN-US;}
@page WordSection1
	{size:612.0pt 792.0pt;
	margin:72.0pt 72.0pt 72.0pt 72.0pt;}
div.WordSection1
	{page:WordSection1;}
--></style><!--[if gte mso 9]><xml>
<o:shapedefaults v:ext="edit" spidmax="1026" />
</xml><![endif]--><!--[if gte mso 9]><xml>
<o:shapelayout v:ext="edit">
<o:idmap v:ext="edit" data="1" />
</o:shapelayout></xml><![endif]-->
</head>
<body lang="EN-GB" link="#467886" vlink="#96607D" style="word-wrap:break-word">
<div class="WordSection1">
"""


def outlook_paras(text):
    out = []
    for line in text.split("\n"):
        if not line.strip():
            out.append('<p class="MsoNormal"><o:p>&nbsp;</o:p></p>')
        elif line.strip().isupper() and len(line.strip()) > 6:
            out.append(f'<p class="MsoNormal"><b><span style="color:#C00000">{esc(line)}</span></b><o:p></o:p></p>')
        else:
            out.append(f'<p class="MsoNormal">{esc(line)}<o:p></o:p></p>')
    return "\n".join(out) + "\n"


def outlook_html(own, earlier=None):
    body = OUTLOOK_HEAD + outlook_paras(own)
    if earlier is not None:
        body += '<p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n' + earlier.outlook_html()
    return body + "</div>\n</body>\n</html>\n"


def gmail_html(own, earlier=None):
    e = esc
    body = "".join(f"<div>{e(l) if l else '<br>'}</div>" for l in own.split("\n"))
    out = f'<div dir="ltr">{body}'
    if earlier is not None:
        out += "<br>" + earlier.gmail_html()
    return out + "</div>\n"


def outlookcom_html(own):
    e = esc
    lines = "".join(
        '<div class="elementToProof" style="font-family: Aptos, Aptos_EmbeddedFont, Aptos_MSFontService, Calibri, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);">'
        f"{e(l) if l else '<br>'}</div>" for l in own.split("\n"))
    return ('<html><head>\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
            '<style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style>\n'
            f'</head>\n<body dir="ltr">\n{lines}\n</body>\n</html>\n')


# --------------------------------------------------------------------------
# Attachments: .docx letters, .pdf letters
# --------------------------------------------------------------------------

class Letter:
    """One council letter; rendered to .txt, .docx or .pdf."""

    def __init__(self, *, letterhead, marking=None, to_lines, date, refs=(), salutation, heading=None,
                 body, valediction, signature, after=(), sent_by=None, sig_align="left",
                 page_header=None, page_footer=None):
        self.letterhead = list(letterhead)
        self.marking = marking
        self.to_lines = list(to_lines)
        self.date = date
        self.refs = list(refs)
        self.salutation = salutation
        self.heading = heading
        self.body = [dedent(p) for p in body]
        self.valediction = valediction
        self.signature = list(signature)
        self.after = list(after)
        self.sig_align = sig_align
        self.page_header, self.page_footer = page_header, page_footer

    def txt(self):
        L = []
        w = 78
        for line in self.letterhead:
            L.append(line.rjust(w) if line else "")
        L.append("")
        if self.marking:
            L += [self.marking, ""]
        L += self.to_lines + [""]
        for r in self.refs:
            L.append(r)
        L.append(self.date)
        L += ["", self.salutation, ""]
        if self.heading:
            L += [self.heading.upper(), ""]
        for p in self.body:
            L += [wrap(p, w), ""]
        if self.sig_align == "right":
            col = w - max(len(x) for x in [self.valediction, *self.signature])
            L += [" " * col + self.valediction, "", ""]
            L += [" " * col + x for x in self.signature]
        else:
            L += [self.valediction, "", ""]
            L += self.signature
        if self.after:
            L += [""] + self.after
        return "\n".join(L).rstrip() + "\n"

    def docx(self, core_title="Letter"):
        import docx
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt, RGBColor
        d = docx.Document()
        st = d.styles["Normal"]
        st.font.name = "Arial"
        st.font.size = Pt(11)
        for i, line in enumerate(self.letterhead):
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            r = p.add_run(line)
            if i == 0:
                r.bold = True
                r.font.size = Pt(14)
                r.font.color.rgb = RGBColor(0x1F, 0x4E, 0x3D)
            p.paragraph_format.space_after = Pt(0)
        d.add_paragraph()
        if self.marking:
            p = d.add_paragraph()
            r = p.add_run(self.marking)
            r.bold = True
        for line in self.to_lines:
            p = d.add_paragraph(line)
            p.paragraph_format.space_after = Pt(0)
        d.add_paragraph()
        for r_ in self.refs:
            p = d.add_paragraph(r_)
            p.paragraph_format.space_after = Pt(0)
        d.add_paragraph(self.date)
        d.add_paragraph(self.salutation)
        if self.heading:
            p = d.add_paragraph()
            p.add_run(self.heading).bold = True
        for para in self.body:
            d.add_paragraph(para)
        d.add_paragraph(self.valediction)
        d.add_paragraph()
        for line in self.signature:
            p = d.add_paragraph(line)
            p.paragraph_format.space_after = Pt(0)
        if self.after:
            d.add_paragraph()
            for line in self.after:
                p = d.add_paragraph(line)
                p.paragraph_format.space_after = Pt(0)
        sec = d.sections[0]
        for text, part in ((self.page_header, sec.header), (self.page_footer, sec.footer)):
            if text:
                p = part.paragraphs[0]
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                r = p.add_run(text)
                r.bold = True
                r.font.size = Pt(9)
        cp = d.core_properties
        cp.author = COUNCIL
        cp.last_modified_by = COUNCIL
        cp.title = core_title
        fixed = dt.datetime(2025, 1, 1, 9, 0, 0)
        cp.created = fixed
        cp.modified = fixed
        cp.revision = 1
        buf = io.BytesIO()
        d.save(buf)
        return fixed_zip(buf.getvalue())


def fixed_zip(data):
    """Rewrite a zip (docx) with fixed timestamps so rebuilds are byte-identical."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


def council_letterhead(*extra):
    return [COUNCIL, *extra, *OFFICE_ADDRESS, f"Tel: {OFFICE_PHONE}", f"www.{DOMAIN}"]


# --------------------------------------------------------------------------
# Building one email
# --------------------------------------------------------------------------

DOCS = []          # [{path, kind, expect, why, meta}]
FILES = {}         # relative path -> bytes

SC, OB, CF = "silent-copy", "councillor-obligation", "confidential-regulatory-disclosure"


def addrlist(people):
    return [Address(p[0], addr_spec=p[1]) for p in people]


def boundary_for(style, seed, i):
    if style in ("outlook", "outlook-plain", "outlookcom"):
        return f"_{i:03d}_{h(seed, 28).upper()}_"
    if style == "gmail":
        return "0000000000" + h(seed + str(i), 16)
    if style == "iphone":
        return f"Apple-Mail-{h(seed + str(i), 8).upper()}-{h(seed, 4).upper()}"
    return f"------------{h(seed + str(i), 24)}"


def email(num, slug, *, expect, why, frm, to=(), cc=(), bcc=(), date, subject, own, style="outlook",
          earlier=None, quoted=None, html_alt=None, cte=None, attach=(), extra=(), raw=(),
          in_reply_to=False, crlf=None, unsigned=False, html_only=False, delivered=(), prepend=()):
    """Build, store and label one .eml.

    own: the author's own text (signature included). earlier: an Earlier block (forward or
    Outlook-style reply) rendered below it. quoted: (attribution line, text) for '>' quoting.
    """
    seed = f"{num:04d}-{slug}"
    own_text = expand(dedent(own))
    if style in ("outlook", "outlookcom"):
        plain = own_text
    else:
        plain = wrap(own_text)
    if earlier is not None:
        plain += "\n\n" + earlier.plain()
    if quoted is not None:
        attribution, qtext = quoted
        plain += "\n\n" + wrap(attribution, 76) + "\n" + quote(dedent(qtext))
    plain += "\n"

    m = EmailMessage()
    for k, v in prepend:          # trace headers of a delivered copy, above the originator's
        m.set_raw(k, v)
    raw = dict(raw)
    if "From" in raw:
        m.set_raw("From", raw.pop("From"))
    else:
        m["From"] = addrlist([frm])
    if "To" in raw:
        m.set_raw("To", raw.pop("To"))
    elif to:
        m["To"] = addrlist(to)
    if cc:
        m["Cc"] = addrlist(cc)
    if bcc:
        m["Bcc"] = addrlist(bcc)
    if subject.isascii():
        m.set_raw("Subject", fold_raw("Subject", subject))
    else:
        m["Subject"] = subject
    if style in ("outlook", "outlook-plain"):
        topic = re.sub(r"^(RE|FW|Fwd|Re|Fw):\s*", "", subject)
        if topic.isascii():
            m.set_raw("Thread-Topic", fold_raw("Thread-Topic", topic))
        else:
            m["Thread-Topic"] = topic
        m.set_raw("Thread-Index", hb(seed, 30) + "==")
    m["Date"] = rfcdate(date)
    m.set_raw("Message-ID", msgid(style if style != "outlook-plain" else "outlook", seed,
                                  domain=frm[1].split("@")[1]))
    if in_reply_to:
        parent = msgid("gmail" if style in ("iphone", "thunderbird", "bt") else "outlook", seed + "-parent")
        m.set_raw("References", parent)
        m.set_raw("In-Reply-To", parent)
    if style in ("outlook", "outlook-plain"):
        m["Accept-Language"] = "en-GB, en-US"
        m["X-MS-Has-Attach"] = "yes" if attach else ""
        m["X-MS-TNEF-Correlator"] = ""
    elif style == "iphone":
        m["X-Mailer"] = "iPhone Mail (22E252)"
    elif style == "thunderbird":
        m["User-Agent"] = "Mozilla Thunderbird"
    elif style == "bt":
        m["X-Mailer"] = "BT Email Web Client"
    for k, v in extra:
        m[k] = v
    for k, v in raw.items():
        m.set_raw(k, fold_raw(k, v))

    if html_alt is None:
        html_alt = style in ("outlook", "gmail", "outlookcom")
    if cte is None:
        cte = "quoted-printable" if (html_alt or not plain.isascii()) else "7bit"
    if html_only:
        m.set_content(outlook_html(own_text, earlier), subtype="html", cte="quoted-printable")
        html_alt = False
    else:
        m.set_content(plain, cte=cte)
    if html_alt:
        if style == "gmail":
            hpart = gmail_html(own_text, earlier)
        elif style == "outlookcom":
            hpart = outlookcom_html(own_text)
        else:
            hpart = outlook_html(own_text, earlier)
        m.add_alternative(hpart, subtype="html", cte="quoted-printable")
    for a in attach:
        if a[0] == "message":
            _k, inner, fname = a
            m.add_attachment(inner, filename=fname, cte="7bit")
        else:
            data, maintype, subtype, fname = a
            if maintype == "text":
                m.add_attachment(data.decode("utf-8"), subtype=subtype, filename=fname,
                                 cte="quoted-printable" if not data.isascii() else "7bit",
                                 params={"method": "REQUEST"} if subtype == "calendar" else None)
            else:
                m.add_attachment(data, maintype=maintype, subtype=subtype, filename=fname)
    if style in ("outlook", "outlook-plain", "thunderbird"):
        m["Content-Language"] = "en-GB"
    # tidy: no MIME-Version inside parts, deterministic boundaries
    i = 0
    parts = list(m.walk())
    enclosed = {id(p.get_payload(0)) for p in parts if p.get_content_type() == "message/rfc822"}
    for part in parts:
        if part is not m and id(part) not in enclosed and "MIME-Version" in part:
            del part["MIME-Version"]
        if part.get_content_maintype() == "multipart":
            part.set_boundary(boundary_for(style, seed, i))
            i += 1
    if crlf is None:
        crlf = style in ("outlook", "outlook-plain", "outlookcom")
    pol = policy.default.clone(refold_source="none", linesep="\r\n" if crlf else "\n", max_line_length=78)
    data = m.as_bytes(policy=pol)
    path = f"messages/{num:04d}-{slug}.eml"
    FILES[path] = data
    DOCS.append(dict(path=path, kind="email", expect=expect, why=why,
                     meta=dict(own=own_text, frm=frm, to=list(to), cc=list(cc), bcc=list(bcc),
                               earlier=earlier, unsigned=unsigned, delivered=list(delivered))))
    return m


def inner_message(*, frm, to, cc=(), date, subject, text, seed, style="outlook", extra=()):
    """A message to attach as message/rfc822 (an 'attached original')."""
    m = EmailMessage()
    m["From"] = addrlist([frm])
    m["To"] = addrlist(to)
    if cc:
        m["Cc"] = addrlist(cc)
    m.set_raw("Subject", fold_raw("Subject", subject))
    m.set_raw("Thread-Topic", fold_raw("Thread-Topic", subject))
    m.set_raw("Thread-Index", hb(seed, 30) + "==")
    m["Date"] = rfcdate(date)
    m.set_raw("Message-ID", msgid(style, seed))
    m["Accept-Language"] = "en-GB, en-US"
    for k, v in extra:
        m[k] = v
    m.set_content(expand(dedent(text)) + "\n", cte="quoted-printable")
    m["Content-Language"] = "en-GB"
    return m


def letter(num, slug, fmt_, lt, *, expect, why):
    path = f"letters/L{num:02d}-{slug}.{fmt_}"
    FILES[path] = lt.txt().encode("utf-8") if fmt_ == "txt" else lt.docx(core_title=lt.heading or slug)
    DOCS.append(dict(path=path, kind="letter", expect=expect, why=why, meta=dict(letter=lt)))


def sc(*people):
    return (SC, [p[1] if isinstance(p, tuple) else p for p in people])


def ob(key, sent_from=None):
    """councillor-obligation parties: the first register address, plus the sending address
    when it is another of the councillor's own addresses."""
    ps = [first(key)]
    if sent_from and sent_from != first(key):
        ps.append(sent_from)
    return (OB, ps)


def cf(*people):
    return (CF, [p[1] if isinstance(p, tuple) else p for p in people])




# --------------------------------------------------------------------------
# Signature blocks
# --------------------------------------------------------------------------

SIG = {
    "morgan": """
        Carys Morgan
        Clerc y Dref / Town Clerk
        Cyngor Tref Glanrhyd / Glanrhyd Town Council
        Neuadd y Dref, Stryd y Bont, Glanrhyd SA99 4GR
        029 2018 0400 | clerk@glanrhydtowncouncil.gov.uk
        Croesewir gohebiaeth yn Gymraeg / Correspondence in Welsh is welcomed""",
    "lloyd": """
        Ffion Lloyd
        Clerc Cynorthwyol / Assistant Clerk
        Cyngor Tref Glanrhyd / Glanrhyd Town Council
        029 2018 0401""",
}

NOTICE = ("Mae'r e-bost hwn ac unrhyw atodiadau yn gyfrinachol. / This e-mail and any files transmitted "
          "with it are confidential and intended solely for the use of the addressee. If you have "
          "received it in error please notify the sender and delete it.")


def sig(key):
    return f"[[sig:{key}]]"


def expand(text):
    return re.sub(r"\[\[sig:(\w+)\]\]", lambda m_: dedent(SIG[m_.group(1)]), text)


def received(t, by="mx.google.com", frm="mail-am6eur05on2123.outbound.protection.outlook.com",
             ip="192.0.2.71", seed="x"):
    """A Received trace header (folded), as a delivering MTA writes it."""
    return (f"from {frm} ({frm}. [{ip}])\n        by {by} with ESMTPS id "
            f"{h(seed, 12)}.{h(seed + 'r', 4)}\n        for <{{rcpt}}>;\n        {rfcdate(t)}")


def memo_docx(lt):
    return lt.docx(core_title=lt.heading or "Memorandum")


ALL = ["pritchard", "rjones", "gjones", "evans", "price", "reesthomas", "howells", "bowen"]


def build_emails():
    # ---------------------------------------------------------------- 0001
    t = when(2025, 4, 3, 14, 12, 5)
    email(1, "maes-y-ffynnon-allotment-troughs", style="outlook-plain", html_alt=False,
          expect=[sc(C("pritchard", 1))],
          why="The Clerk answers Cllr Howells and blind-copies the Mayor's hotmail address without any copy note.",
          frm=O("morgan"), to=[C("howells", display="Cllr Sioned Howells")],
          bcc=[C("pritchard", 1, display="Eirlys Pritchard")],
          date=t, subject="RE: Maes y Ffynnon allotments - water troughs", in_reply_to=True,
          own=f"""
            Sioned,

            Thanks for chasing this. Two of the four troughs at Maes y Ffynnon are cracked beyond repair; the other two only need new ball valves, which Gareth can order this week from the budget we already have for allotment repairs.

            For the cracked ones I have asked Dyffryn Grounds for a price, and I'll bring it to Finance and General Purposes on the 22nd as it is over my spending limit. The tenants' association has offered to help carry the new troughs down from the gate, which will save on labour.

            I'll let the plot holders know by letter once we have a date.

            Diolch,

            {sig('morgan')}
            """)

    # ---------------------------------------------------------------- 0002
    t = when(2025, 10, 14, 9, 47, 30)
    email(2, "christmas-lights-electrical-testing", style="outlook",
          expect=[], why="The Deputy Mayor is blind-copied, and the Clerk's text carries the note 'Copied to: Cllr R Jones (Deputy Mayor)'.",
          frm=O("morgan"), to=[C("bowen", display="Cllr Owain Bowen")],
          bcc=[C("rjones", display="Rhodri Jones")],
          date=t, subject="Christmas lights - electrical testing of the lamp-post brackets",
          own=f"""
            Owain,

            You asked at the last meeting whether the brackets on Stryd Fawr had been tested since the new lamp posts went in. They haven't: the county's street lighting team say the brackets belong to us, so the testing is our responsibility. I have a quotation from the electrician who did the Town Hall rewiring and will put it to members at Full Council.

            Switch-on is provisionally booked for Friday 28 November, subject to the testing being complete.

            Copied to: Cllr R Jones (Deputy Mayor)

            Cofion,

            {sig('morgan')}
            """)

    # ---------------------------------------------------------------- 0003
    t = when(2025, 5, 7, 11, 20, 44)
    email(3, "heol-y-capel-bus-shelter", style="outlook",
          expect=[sc(C("gjones"))],
          why="Both Joneses are blind-copied but the note 'cc Cllr R. Jones' covers only Rhodri, so Cllr Gwenllian Jones's copy is silent.",
          frm=O("morgan"), to=[C("price", display="Cllr Delyth Price")],
          bcc=[C("rjones", display="Cllr Rhodri Jones"), C("gjones", display="Cllr Gwenllian Jones")],
          date=t, subject="Bus shelter, Heol y Capel - ownership",
          own=f"""
            Delyth,

            I have finally had an answer from the county's passenger transport section about the shelter opposite the chapel on Heol y Capel. It is one of ours: it was transferred to the Town Council in 2009 along with the shelters on the Prom, so the broken panel and the graffiti are for us to deal with rather than the county.

            I will get a price for a replacement polycarbonate panel and add the shelter to the annual inspection list so it is not missed again.

            cc Cllr R. Jones

            Diolch,

            {sig('morgan')}
            """)

    # ---------------------------------------------------------------- 0004
    t = when(2025, 9, 29, 16, 2, 18)
    email(4, "remembrance-parade-road-closure", style="outlook",
          expect=[], why="Both Joneses are blind-copied and the bare-surname note 'cc Cllr Jones' covers each of them.",
          frm=O("morgan"), to=[C("evans", display="Cllr Huw Evans")],
          bcc=[C("rjones", display="Rhodri Jones"), C("gjones", display="Gwenllian Jones")],
          date=t, subject="Sul y Cofio / Remembrance Sunday - temporary road closure",
          own=f"""
            Huw,

            The county has approved the temporary traffic regulation order for the Remembrance Sunday parade: Stryd y Bont and Stryd Fawr will be closed from 10.15 to 11.45 on 9 November. We still need six marshals with hi-vis jackets, and the British Legion branch has asked whether members could lay the Council's wreath at 11.00.

            The parade passes through both Jones wards, so I have let them know as well.

            cc Cllr Jones

            Cofion,

            {sig('morgan')}
            """)

    # ---------------------------------------------------------------- 0005
    t = when(2025, 4, 4, 12, 31, 9)
    email(5, "planning-consultations-week-14", style="outlook",
          expect=[], why="Cllr Evans is blind-copied at his gmail address and the Clerk's note 'cc. Councillor Evans' names him.",
          frm=O("morgan"), to=[C("howells", display="Cllr Sioned Howells")],
          bcc=[C("evans", 1, display="Huw Evans")],
          date=t, subject="Planning consultations received - week 14",
          own=f"""
            Sioned,

            As you asked, here are the applications the county sent us this week for your ward:

            25/0298/HH  2 Bryn Teg - single-storey rear extension
            25/0302/LBC  Capel Bethel - replacement windows (listed building consent)
            25/0307/FUL  Land at Penlan Uchaf - agricultural building

            Comments need to reach me by 18 April so they can go to the Planning Committee on the 22nd.

            cc. Councillor Evans

            {sig('morgan')}
            """)

    # ---------------------------------------------------------------- 0006
    t = when(2025, 6, 24, 10, 8, 51)
    email(6, "civic-sunday-arrangements", style="outlook",
          expect=[], why="Cllr Price is blind-copied and the Clerk's text says 'Cllr Price is copied for information'.",
          frm=O("morgan"), to=[C("pritchard", display="Mayor - Cllr Eirlys Pritchard")],
          bcc=[C("price", display="Delyth Price")],
          date=t, subject="Sul Dinesig / Civic Sunday - 13 July",
          own=f"""
            Annwyl Faer / Dear Mayor,

            Capel Seion have confirmed that they would be pleased to host Civic Sunday on 13 July at 10.30. The minister has asked for the readings by 6 July and whether you would like a Welsh or English hymn to close. The procession will form up at the Town Hall at 10.00; the chain will be ready in my office from Friday.

            The chapel is in Cllr Price's ward and she has offered to help with the refreshments. Cllr Price is copied for information.

            Cofion,

            {sig('morgan')}
            """)

    # ---------------------------------------------------------------- 0007
    t = when(2025, 2, 11, 15, 44, 27)
    email(7, "twinning-visit-coach-hire", style="outlook",
          expect=[sc(C("pritchard"))],
          why="The Mayor and the Deputy Mayor are both blind-copied; the note 'cc Deputy Mayor' covers only the Deputy Mayor.",
          frm=U("lloyd"), to=[C("reesthomas", display="Cllr Marc Rees-Thomas")],
          bcc=[C("pritchard", display="Cllr Eirlys Pritchard"), C("rjones", display="Cllr Rhodri Jones")],
          date=t, subject="Twinning visit to Plouzévet - coach hire quotations",
          own=f"""
            Marc,

            Three coach companies have quoted for the twinning trip to Plouzévet in May (Glanrhyd to Portsmouth, the overnight ferry, and travel in Brittany):

            Teithiau Teifi  £6,950
            Coastline Coaches  £7,420
            Bws Bach  £6,400 (no toilet on the coach)

            The twinning association pays for the trip, but as it is in the Council's name the booking would need to be approved at F&GP. Would you like it on the agenda for the 25th?

            cc Deputy Mayor

            Diolch,

            {sig('lloyd')}
            """)

    # ---------------------------------------------------------------- 0008
    t = when(2025, 4, 8, 10, 2, 11)
    rc = received(when(2025, 4, 8, 10, 2, 14), seed="0008").replace("{rcpt}", C("evans", 1)[1])
    email(8, "parc-y-dre-tree-works-request", style="outlook",
          expect=[sc(C("evans", 1))],
          why="This delivered copy went to Cllr Evans's gmail (Delivered-To), which is in neither To nor Cc, and the Clerk's text has no copy note.",
          frm=O("morgan"), to=[C("howells", display="Cllr Sioned Howells")],
          date=t, subject="Parc y Dre - Friends group's request for tree works",
          prepend=[("Delivered-To", C("evans", 1)[1]), ("Received", rc)],
          delivered=[C("evans", 1)[1]],
          own=f"""
            Sioned,

            The Friends of Parc y Dre have asked us to crown-lift the three limes by the bandstand so that the new benches get more light, and to take out the self-seeded sycamores along the stream.

            The limes are within the conservation area, so six weeks' notice has to be given to the county before any work is done. I'll ask our arborist to prepare the notice. The sycamores are under the size that needs notice and can be done in the autumn with the rest of the park maintenance.

            Could you let the Friends know? I know you're seeing them on Saturday.

            Diolch,

            {sig('morgan')}
            """)

    # ---------------------------------------------------------------- 0009
    t = when(2025, 3, 18, 8, 55, 40)
    email(9, "prom-dog-fouling", style="thunderbird",
          expect=[sc(C("pritchard"))],
          why="The Clerk forwards Cllr Gwenllian Jones's email to her on to the Mayor without Cllr Jones among the recipients.",
          frm=O("morgan", 1, display="Carys Morgan"), to=[C("pritchard", display="Cllr Eirlys Pritchard")],
          date=t, subject="Fwd: Baw cŵn ar y Prom / Dog fouling on the Prom",
          own="""
            Eirlys,

            See below from Gwenllian. I don't think a PSPO is something we can do ourselves (it would be the county's order), but it might be worth you raising it at the liaison meeting on the 27th. Could we have a word before then?

            Carys
            """,
          earlier=Earlier("thunderbird", C("gjones", display="Gwenllian Jones"), when(2025, 3, 17, 21, 12, 3),
                          [O("morgan")], "Baw cŵn ar y Prom / Dog fouling on the Prom", """
            Carys,

            The Prom is getting worse again. I counted eleven lots between the lifeboat station and the shelter this morning, and two of the bins have been missing since the storm. Could the Town Council ask for a Public Spaces Protection Order, or at least get the bins put back? I've had a dozen people stop me about it this week.

            Gwen
            """))

    # ---------------------------------------------------------------- 0010
    t = when(2025, 6, 2, 13, 26, 0)
    email(10, "heol-y-felin-overgrown-hedge", style="outlook",
          expect=[], why="The Clerk forwards a resident's complaint to the ward councillor; it is not correspondence between an officer and another councillor.",
          frm=O("morgan"), to=[C("bowen", display="Cllr Owain Bowen")],
          date=t, subject="FW: Overgrown hedge - Heol y Felin",
          own=f"""
            Owain,

            Forwarding this from a resident in your ward. The hedge is on private land, so it is a matter for the county's highways team rather than us, and I have told Mrs Parry that. I thought you would want to know in case she contacts you.

            {sig('morgan')}
            """,
          earlier=Earlier("outlook", T("parry"), when(2025, 6, 1, 18, 4), [O("morgan")],
                          "Overgrown hedge - Heol y Felin", """
            Dear Clerk,

            The hedge outside Bryn Celyn on Heol y Felin now covers half the pavement and I have to walk in the road with my pushchair. Who is responsible for cutting it?

            Mair Parry
            """))

    # ---------------------------------------------------------------- 0011
    t = when(2025, 5, 12, 20, 41, 16)
    email(11, "gwyl-insurance-question", style="outlookcom",
          expect=[], why="The Mayor, not an officer, blind-copies the Deputy Mayor, and her email only asks questions and for an agenda item.",
          frm=C("pritchard", 1, display="Eirlys Pritchard"), to=[O("morgan")],
          bcc=[C("rjones", display="Rhodri Jones")],
          date=t, subject="Gŵyl Glanrhyd - insurance",
          own="""
            Carys,

            Quick question before the Gŵyl committee meets on Thursday. Does our public liability insurance cover the Gŵyl when the committee runs it on the Town Council's field, or do they need their own policy? And is the bouncy castle man's own insurance enough?

            Could we also have an item on the next Full Council agenda about whether we carry on hosting it on the field next year?

            Diolch,
            Eirlys
            """)

    # ---------------------------------------------------------------- 0012
    t = when(2025, 4, 16, 19, 5, 22)
    email(12, "parc-y-dre-toddler-play-area", style="gmail",
          expect=[ob("reesthomas")],
          why="Over his name as committee chair, Cllr Rees-Thomas accepts the supplier's quote, tells it to order the equipment and commits the Council to a payment.",
          frm=C("reesthomas", display="Marc Rees-Thomas"), to=[T("chwarae")],
          date=t, subject="Re: Revised quotation - toddler play area, Parc y Dre", in_reply_to=True,
          own="""
            Hi Iwan,

            Thanks for coming back so quickly with the revised layout. The committee liked the wooden version much better than the steel one.

            I'm happy to accept your quote of £14,250 plus VAT for the toddler area at Parc y Dre. Please go ahead and order the equipment so that installation can start on 2 June, and invoice the Town Council for half now; the balance will follow once the post-installation inspection is done.

            Marc Rees-Thomas
            Chair of Finance and General Purposes Committee
            Glanrhyd Town Council
            07700 900418
            """)

    # ---------------------------------------------------------------- 0013
    t = when(2025, 3, 3, 12, 37, 8)
    email(13, "war-memorial-bench", style="gmail",
          expect=[ob("rjones")],
          why="From his personal gmail and signed only 'Rhodri', the Deputy Mayor tells a resident the Council will install a bench and pay for a plaque.",
          frm=C("rjones", display="Rhodri Jones"), to=[T("rowlands")],
          date=t, subject="Re: Bench by the war memorial", in_reply_to=True,
          own="""
            Dafydd,

            Thanks for this, and I'm sorry to hear about your father. I've had a word, and we'll get a new bench in by the war memorial before the end of April; the council will pay for the brass plaque with his name on it too. Just let me know the wording you would like.

            Rhodri
            """,
          quoted=(gmail_reply_attr(when(2025, 3, 3, 10, 14), T("rowlands")), """
            Rhodri,

            The old bench by the memorial has finally rotted through. Dad sat on it every morning for thirty years. Would the council consider replacing it, and could the family pay for a small plaque?

            Dafydd Rowlands
            """))

    # ---------------------------------------------------------------- 0014
    t = when(2025, 7, 9, 8, 14, 55)
    email(14, "bryn-road-boundary-wall", style="iphone", cte="quoted-printable",
          expect=[ob("bowen")],
          why="An unsigned email from Cllr Bowen's personal hotmail commits the Council to repairing a resident's wall at no cost to him.",
          frm=C("bowen", display="Owain Bowen"), to=[T("vaughan")],
          date=t, subject="Re: Wall knocked down on Bryn Road", in_reply_to=True, unsigned=True,
          own="""
            Saw the wall on my way past this morning. That was the contractor's tractor, no question, you can see the paint on the stones.

            We'll sort the repair at no cost to you. The stonemason Dyffryn use will be round next week to rebuild it.

            Sent from my iPhone
            """,
          quoted=("On 8 Jul 2025, at 21:40, Tomos Vaughan <tomos.vaughan@yahoo.co.uk> wrote:", """
            Owain, the tractor cutting the verge on Bryn Road reversed into my front wall this afternoon and about two metres of it has come down. Who do I speak to?

            Tomos
            """))

    # ---------------------------------------------------------------- 0015
    t = when(2025, 4, 25, 7, 49, 31)
    email(15, "heol-y-felin-hedge-cutting-stop", style="gmail",
          expect=[ob("evans", C("evans", 1)[1])],
          why="From his gmail and signed as Chair of Planning, Cllr Evans tells the Clerk to stop the contractor's works and commits the Council to paying its standing charge.",
          frm=C("evans", 1, display="Huw Evans"), to=[O("morgan")],
          date=t, subject="Hedge cutting on Heol y Felin - stop",
          own="""
            Carys,

            Please tell Dyffryn Grounds to stop the hedge cutting along Heol y Felin straight away. There are at least two blackbird nests in the stretch by the chapel and it should never have been booked for April. They're to come back in September, and the council will pay their standing charge for the lost days so there's no argument about it.

            Huw

            Cllr Huw Evans
            Chair of Planning Committee
            """)

    # ---------------------------------------------------------------- 0016
    t = when(2025, 2, 20, 18, 30, 2)
    email(16, "rfc-floodlights-grant-request", style="gmail",
          expect=[], why="Cllr Rees-Thomas refuses the club's request ('we are not in a position to fund') and offers only his own help.",
          frm=C("reesthomas", display="Marc Rees-Thomas"), to=[T("rfc")],
          date=t, subject="Floodlights - grant application", in_reply_to=True,
          own="""
            Dear Geraint,

            Thank you for coming to the Finance and General Purposes Committee on Tuesday and for setting out the club's plans so clearly.

            I'm sorry to say that we are not in a position to fund the floodlight upgrade from this year's community grants budget: the whole budget is £6,000 and the floodlights alone would take more than three times that.

            The Maesglas Community Sports Fund opens again in June and the floodlights look like a good fit for it. If it helps, I'd be glad to write a personal letter of support and to look over the application before it goes in.

            Best wishes,

            Marc Rees-Thomas
            Chair of Finance and General Purposes Committee
            """)

    # ---------------------------------------------------------------- 0017
    t = when(2025, 3, 12, 11, 3, 47)
    email(17, "maes-y-llan-replacement-oak", style="outlook",
          expect=[], why="The Mayor reports what Full Council has already resolved, attributes the next step to the Clerk and promises only her own attendance.",
          frm=C("pritchard", display="Cllr Eirlys Pritchard"), to=[T("parry")],
          date=t, subject="The old oak on Maes y Llan",
          own="""
            Annwyl Mrs Parry,

            Thank you for your letter about the oak on Maes y Llan, and for the photographs of it from the 1950s, which several members had not seen.

            Full Council resolved at its meeting on 10 March to plant a replacement oak on the same spot this coming November, grown from an acorn of the old tree if the nursery can manage it. The Clerk will write to you with the date of the planting once it is fixed.

            I would be delighted to join you there on the day.

            Cofion cynnes / Kind regards,

            Cllr Eirlys Pritchard
            Maer Glanrhyd / Mayor of Glanrhyd
            """)

    # ---------------------------------------------------------------- 0018
    t = when(2025, 5, 15, 17, 22, 38)
    email(18, "tanyrallt-swings-good-news", style="outlook",
          expect=[], why="The commitment to replace the swings is the Clerk's and appears only in the forwarded email, which is neither marked nor regulatory.",
          frm=C("gjones", display="Gwenllian Jones"), to=[T("meinir")],
          date=t, subject="FW: Cae Chwarae Tanyrallt - swings",
          own="""
            Meinir,

            Good news below from the Clerk about the swings.

            Gwen
            """,
          earlier=Earlier("outlook", O("morgan"), when(2025, 5, 15, 15, 2), [C("gjones", display="Cllr Gwenllian Jones")],
                          "Cae Chwarae Tanyrallt - swings", f"""
            Gwenllian,

            The inspector's report on Tanyrallt came in today. The two cradle swings failed on the chains and the top bar; everything else passed. The Council will replace the swings by the end of May and we will reopen the gate as soon as the new ones have been signed off.

            {sig('morgan')}
            """))

    # ---------------------------------------------------------------- 0019
    t = when(2025, 3, 5, 9, 26, 50)
    email(19, "penlan-uchaf-agricultural-building-objection", style="gmail",
          expect=[], why="A representation to the county planning authority: it reports the committee's resolution, states the councillor's own view and asks the county to act.",
          frm=C("evans", display="Cllr Huw Evans"), to=[T("gthomas")],
          date=t, subject="Re: 25/0307/FUL - Land at Penlan Uchaf - Town Council consultation", in_reply_to=True,
          own="""
            Dear Mr Thomas,

            Thank you for consulting the Town Council on 25/0307/FUL.

            The Planning Committee considered the application on 3 March and resolved to object, on the grounds that the building's size is out of proportion to the holding and that the access onto the B4390 has poor visibility to the north.

            Speaking as the ward member, I would ask that the application is decided by your Planning Committee rather than under delegated powers, and that members visit the site before they decide. I would be glad to show the Committee the access.

            Yn gywir / Yours sincerely,

            Cllr Huw Evans
            Cadeirydd y Pwyllgor Cynllunio / Chair of Planning Committee
            Cyngor Tref Glanrhyd / Glanrhyd Town Council
            """,
          quoted=(gmail_reply_attr(when(2025, 2, 10, 14, 2), T("gthomas")), """
            Dear Clerk and Members,

            The County Council has received the application below and would welcome the Town Council's observations within 21 days.

            25/0307/FUL - Erection of agricultural building (36m x 18m) and new access - Land at Penlan Uchaf, Glanrhyd

            Gwyn Thomas
            Swyddog Cynllunio / Planning Officer
            Cyngor Sir Maesglas
            """))

    # ---------------------------------------------------------------- 0020
    drovers = Earlier("iphone", O("morgan"), when(2025, 6, 10, 16, 40, 12),
                      [C("pritchard", display="Cllr Eirlys Pritchard"), C("bowen", display="Cllr Owain Bowen"),
                       C("gjones", display="Cllr Gwenllian Jones")],
                      "IN CONFIDENCE - Drovers Arms premises licence variation", f"""
            IN CONFIDENCE - FOR MEMBERS ONLY

            Dear Councillors,

            As you know, the Drovers Arms has applied to the county to vary its premises licence: later hours (to 1am on Fridays and Saturdays) and live music in the rear yard. The county's licensing officer has told me, informally, that the police are likely to make a representation about the yard, and that two residents of Lôn Isaf have already objected.

            If the Town Council wishes to comment, our response must reach the county by 27 June. I will put the application on the Planning Committee agenda for the 23rd.

            Please keep this to yourselves for now: the police representation has not been lodged yet.

            {sig('morgan')}
            """)
    email(20, "drovers-arms-variation-forward", style="iphone",
          expect=[cf(T("wyn"))],
          why="Cllr Bowen forwards the Clerk's 'IN CONFIDENCE' email to members about a premises licence variation to the licensee herself.",
          frm=C("bowen", display="Owain Bowen"), to=[T("wyn")],
          date=when(2025, 6, 10, 22, 3, 40), subject="Fwd: IN CONFIDENCE - Drovers Arms premises licence variation",
          own="""
            Bethan, see below. Worth knowing before the hearing.

            Owain

            Sent from my iPhone
            """,
          earlier=drovers)

    # ---------------------------------------------------------------- 0021
    tpo = Letter(
        letterhead=["Cyngor Tref Glanrhyd / Glanrhyd Town Council", "Memorandum"],
        to_lines=["To: All Members of the Council", "From: Carys Morgan, Town Clerk"],
        date="22 April 2025", refs=["Ref: TPO 14/2019"],
        salutation="Members,",
        heading="Suspected breach of Tree Preservation Order TPO 14/2019 - Llys Awel, Ffordd yr Orsaf",
        body=["""
            Several of you have been contacted about the felling of two of the protected beech trees in the garden of Llys Awel last week. I reported it to the county's tree officer on 17 April.""",
              """
            The tree officer visited on 19 April. Both trees had been felled to ground level and the stumps ground out. No application for consent was made. The owner told the officer that the contractor had advised him the order had lapsed, which is not the case.""",
              """
            The county is considering whether to prosecute under section 210 of the Town and Country Planning Act 1990 and will in any case require replacement planting. Please do not discuss the owner's explanation or the prospect of a prosecution with residents while the county's investigation is under way."""],
        valediction="Carys Morgan",
        signature=["Clerc y Dref / Town Clerk"],
        page_footer="CONFIDENTIAL")
    email(21, "llys-awel-tpo-briefing-note", style="outlook",
          expect=[cf(T("pugh"))],
          why="Cllr Gwenllian Jones attaches the Clerk's briefing note to members on a TPO breach, marked CONFIDENTIAL in its page footer, to an email to the neighbour who complained.",
          frm=C("gjones", display="Gwenllian Jones"), to=[T("pugh")],
          date=when(2025, 4, 24, 20, 11, 6), subject="Llys Awel trees",
          own="""
            Alun,

            Here is the note the Clerk sent round to us about the beech trees. As you'll see, the county's tree officer has been out and is taking it seriously.

            Gwen
            """,
          attach=[(memo_docx(tpo), "application", "vnd.openxmlformats-officedocument.wordprocessingml.document",
                   "Briefing note - Llys Awel TPO.docx")])

    # ---------------------------------------------------------------- 0022
    rfc_noise = Earlier("outlook", O("morgan"), when(2025, 8, 18, 12, 15),
                        [C("pritchard", display="Cllr Eirlys Pritchard"), C("price", display="Cllr Delyth Price")],
                        "PREIFAT A CHYFRINACHOL / PRIVATE AND CONFIDENTIAL - amplified music, Glanrhyd RFC", f"""
            PREIFAT A CHYFRINACHOL / PRIVATE AND CONFIDENTIAL

            Eirlys, Delyth,

            Further to the complaints about amplified music from the rugby club's marquee events, the county's environmental health team has now installed recording equipment at two houses on Heol y Cae. The club holds a premises licence with a condition that amplified music in the marquee stops at 11pm; the recordings suggest it has run past midnight on at least three Saturdays.

            The club's secretary does not yet know that the recordings have been made, and the complainants have asked that their names are not given out. Please do not raise this with the club.

            {sig('morgan')}
            """)
    email(22, "rfc-marquee-noise-to-county", style="outlook",
          expect=[cf(T("ehcounty"))],
          why="The Assistant Clerk forwards the Clerk's 'Private and Confidential' email to two councillors about noise and licence conditions to an officer of another council.",
          frm=U("lloyd"), to=[T("ehcounty")],
          date=when(2025, 8, 19, 9, 30, 14), subject="FW: PREIFAT A CHYFRINACHOL / PRIVATE AND CONFIDENTIAL - amplified music, Glanrhyd RFC",
          own=f"""
            Rhian,

            As requested on the phone, here is the background Carys sent to the ward members last night.

            {sig('lloyd')}
            """,
          earlier=rfc_noise)

    # ---------------------------------------------------------------- 0023
    t = when(2025, 5, 20, 21, 5, 33)
    email(23, "bryn-teg-tree-works-application", style="outlookcom",
          expect=[], why="The Clerk's email forwarded to a resident is about a planning matter but is not marked; 'confidential' appears only in its disclaimer.",
          frm=C("price", display="Delyth Price"), to=[T("parry")],
          date=t, subject="FW: Tree works application - 4 Bryn Teg",
          html_alt=False,
          own="""
            Mair,

            Forwarding the Clerk's reply, as promised.

            Delyth
            """,
          earlier=Earlier("outlook", O("morgan"), when(2025, 5, 20, 16, 44), [C("price", display="Cllr Delyth Price")],
                          "Tree works application - 4 Bryn Teg", f"""
            Delyth,

            The application to fell the ash at 4 Bryn Teg (25/0331/TCA) is a conservation area notification, not a full planning application, so the county has six weeks to decide whether to make a Tree Preservation Order. The Town Council has been consulted and the Planning Committee will look at it on 3 June. Anyone can send comments to the county's tree officer before 12 June.

            {sig('morgan')}

            {NOTICE}
            """))

    # ---------------------------------------------------------------- 0024
    t = when(2025, 1, 14, 22, 18, 9)
    email(24, "precept-overspend-to-press", style="gmail",
          expect=[], why="The forwarded 'STRICTLY CONFIDENTIAL' email to councillors is about the budget and precept, not a regulatory matter.",
          frm=C("reesthomas", display="Marc Rees-Thomas"), to=[T("fychan")],
          date=t, subject="Fwd: STRICTLY CONFIDENTIAL - 2025/26 precept and reserves",
          own="""
            Elin,

            Background for your piece on the precept, not for attribution.

            Marc
            """,
          earlier=Earlier("gmail", O("morgan"), when(2025, 1, 14, 15, 30),
                          [C("reesthomas", display="Cllr Marc Rees-Thomas"), C("pritchard", display="Cllr Eirlys Pritchard")],
                          "STRICTLY CONFIDENTIAL - 2025/26 precept and reserves", f"""
            STRICTLY CONFIDENTIAL

            Marc, Eirlys,

            Gareth's year-end projection shows the Town Hall roof overspend at £31,000, which would take general reserves below the three months' expenditure our auditor recommends. To rebuild them over two years the precept would need to rise by about 11 per cent, rather than the 4 per cent in the draft budget.

            Gareth and I would like to talk this through with you both before the papers go out for F&GP on the 21st.

            {sig('morgan')}
            """))

    # ---------------------------------------------------------------- 0025
    email(25, "drovers-arms-members-discussion", style="outlookcom", html_alt=False,
          expect=[], why="The Mayor forwards the Clerk's 'IN CONFIDENCE' licensing email only to another councillor's gmail and the Assistant Clerk: no third party.",
          frm=C("pritchard", 1, display="Eirlys Pritchard"), to=[C("evans", 1, display="Huw Evans"), U("lloyd")],
          date=when(2025, 6, 11, 8, 2, 57), subject="FW: IN CONFIDENCE - Drovers Arms premises licence variation",
          own="""
            Huw, Ffion,

            See Carys's note below. Huw, as it will come to Planning on the 23rd, could we have a word beforehand about how we handle it? Ffion, could you put the county's plans of the yard in the pack?

            Eirlys
            """,
          earlier=Earlier("outlook", drovers.frm, drovers.sent, drovers.to, drovers.subject, drovers.text))

    # ---------------------------------------------------------------- 0026
    t = when(2025, 4, 7, 9, 0, 12)
    email(26, "full-council-agenda-14-april", style="outlook",
          expect=[], why="Routine bilingual agenda sent openly to all councillors.",
          frm=O("morgan"), to=[C(k, display=f"Cllr {COUNCILLORS[k][0]}") for k in ALL],
          date=t, subject="Cyfarfod Llawn y Cyngor / Full Council - 14 April 2025",
          own=f"""
            Annwyl Gynghorwyr / Dear Councillors,

            You are summoned to the meeting of the Full Council in the Council Chamber, Neuadd y Dref, on Monday 14 April 2025 at 7pm.

            1. Ymddiheuriadau / Apologies
            2. Datgan buddiant / Declarations of interest
            3. Cofnodion / Minutes of 10 March 2025
            4. Adroddiad y Maer / Mayor's report
            5. Cyllid / Finance: payments schedule and budget monitoring
            6. Maes y Ffynnon allotments: water troughs
            7. Gohebiaeth / Correspondence

            Cofion,

            {sig('morgan')}
            """)

    # ---------------------------------------------------------------- 0027
    email(27, "f-and-gp-minutes-request", style="outlook",
          expect=[], why="A councillor asks the Clerk for papers and a date: an everyday request.",
          frm=C("howells", display="Cllr Sioned Howells"), to=[O("morgan")],
          date=when(2025, 4, 9, 13, 40, 21), subject="Draft minutes - F&GP",
          own="""
            Carys,

            Could you send me the draft minutes of the last F&GP meeting when you have them? I also can't find the date of the next one in my diary; is it the 22nd or the 29th?

            Diolch,
            Sioned

            Cllr Sioned Howells
            """)

    # ---------------------------------------------------------------- 0028
    email(28, "grass-cutting-schedule", style="outlook",
          expect=[], why="The Clerk, an officer, confirms the contract schedule with the Council's contractor.",
          frm=O("morgan"), to=[T("dyffryn")],
          date=when(2025, 3, 24, 10, 17, 44), subject="Grass cutting schedule 2025",
          own=f"""
            Good morning,

            Thank you for the draft schedule. I can confirm the Town Council is happy with fortnightly cuts of the parks and verges from 7 April, with the cemetery on the Thursday before each bank holiday as last year. Please invoice monthly as before.

            {sig('morgan')}
            """)

    # ---------------------------------------------------------------- 0029
    email(29, "allotment-waiting-list", style="outlook",
          expect=[], why="The Clerk's ordinary reply to a resident about the allotment waiting list.",
          frm=O("morgan"), to=[T("vaughan")],
          date=when(2025, 2, 6, 11, 51, 3), subject="RE: Allotment waiting list", in_reply_to=True,
          own=f"""
            Dear Mr Vaughan,

            Thank you for your email. I have added you to the waiting list for Maes y Ffynnon; you are currently eighth. Plots usually come free in the autumn when tenancies are renewed, and I will write to you then.

            Yn gywir / Yours sincerely,

            {sig('morgan')}
            """)

    # ---------------------------------------------------------------- 0030
    email(30, "litter-pick-thanks", style="gmail",
          expect=[], why="A councillor's own thanks to a volunteer; nothing is committed or copied.",
          frm=C("price", display="Delyth Price"), to=[T("caffi")],
          date=when(2025, 4, 28, 18, 6, 30), subject="Thank you - Saturday's litter pick",
          own="""
            Lowri,

            Just a note to say thank you for the tea and bara brith on Saturday, and for lending the café as a base. Twenty-three bags off the beach and the Prom is a record. I hope you'll let us do it again in the autumn.

            Cofion,
            Delyth
            """)


def build_letters():
    # ---------------------------------------------------------------- L01
    letter(1, "parc-y-dre-storm-damaged-beech", "txt", Letter(
        letterhead=council_letterhead("Swyddfa'r Maer / Office of the Mayor"),
        to_lines=["Mr Steffan Rhys", "Dyffryn Grounds Ltd", "Uned 4, Ystad Ddiwydiannol Cwm Glas",
                  "Glanrhyd", "SA99 7DT"],
        date="2 May 2025", refs=["Your ref: DG/118"],
        salutation="Dear Mr Rhys,",
        heading="Parc y Dre - removal of the storm-damaged beech and replanting",
        body=["""
            Thank you for meeting me in Parc y Dre last Tuesday and for your quotation of 28 April.""",
              """
            I am writing to confirm the Town Council's acceptance of your quotation of £3,860 plus VAT for felling the storm-damaged beech by the bandstand, grinding out the stump, and planting two heavy-standard replacements. Consider this your authority to proceed. The work must be finished before the Gŵyl on 21 June, and the bandstand lawn is to be left level and seeded.""",
              """
            Please let the Clerk know the dates you will be on site so that the Friends of Parc y Dre can be told."""],
        valediction="Yn gywir / Yours sincerely,",
        signature=["Cllr Eirlys Pritchard", "Maer Glanrhyd / Mayor of Glanrhyd"],
        sig_align="right"),
        expect=[ob("pritchard")],
        why="Over the Mayor's name, the letter accepts a contractor's quotation and authorises it to proceed with the work.")

    # ---------------------------------------------------------------- L02
    letter(2, "capel-seion-noticeboard", "docx", Letter(
        letterhead=council_letterhead(),
        to_lines=["Mrs Glenys Harries", "Ysgrifennydd / Secretary", "Capel Seion", "Stryd Fawr", "Glanrhyd",
                  "SA99 4GT"],
        date="15 July 2025",
        salutation="Annwyl Mrs Harries / Dear Mrs Harries,",
        heading="Civic Sunday and the chapel noticeboard",
        body=["""
            The Mayor has asked me to thank you and the members of Capel Seion for hosting Civic Sunday, and for the welcome the Council received.""",
              """
            She also asked me to confirm that the Town Council will meet the cost of replacing the chapel's roadside noticeboard, which was damaged by the council's hedge-cutting contractor in June. Please obtain a quotation and send it to me; the Council will pay the supplier directly.""",
              """
            With thanks again,"""],
        valediction="Yn gywir / Yours sincerely,",
        signature=["Carys Morgan", "Clerc y Dref / Town Clerk", "clerk@glanrhydtowncouncil.gov.uk"]),
        expect=[],
        why="The Council's commitment is made and signed by the Town Clerk; the Mayor is only mentioned.")

    # ---------------------------------------------------------------- L03
    letter(3, "minister-t29-bus-service", "txt", Letter(
        letterhead=council_letterhead("Swyddfa'r Maer / Office of the Mayor"),
        to_lines=["Cabinet Secretary for Transport and North-West Wales", "Welsh Government",
                  "Parc Cathays", "Cardiff", "CF99 1ZZ"],
        date="18 February 2025",
        salutation="Dear Cabinet Secretary,",
        heading="The T29 bus service and the proposed Glanrhyd rail halt",
        body=["""
            I am writing as Mayor of Glanrhyd about the withdrawal of the evening journeys on the T29 bus service, which since January has left the town without public transport after 6.40pm.""",
              """
            More than 900 residents have signed the petition that accompanies this letter. Many of them work shifts at the hospital in Caerfyrddin or study at the college and now depend on lifts or taxis they cannot afford.""",
              """
            I urge the Welsh Government to restore funding for the evening journeys in the next round of the bus network grant, and to include the reopening of the Glanrhyd halt in the next review of the rail programme. I would welcome the opportunity to meet you or your officials in Glanrhyd to discuss both."""],
        valediction="Yn gywir / Yours sincerely,",
        signature=["Cllr Eirlys Pritchard", "Maer Glanrhyd / Mayor of Glanrhyd"],
        sig_align="right"),
        expect=[],
        why="A representation to a Minister over the Mayor's name that urges the Government to act but commits the Council to nothing.")

    # ---------------------------------------------------------------- L04
    letter(4, "gwyl-glanrhyd-support", "docx", Letter(
        letterhead=council_letterhead("Dirprwy Faer / Deputy Mayor"),
        to_lines=["Ms Catrin Lewis", "Cadeirydd / Chair, Pwyllgor Gŵyl Glanrhyd", "12 Heol y Cae", "Glanrhyd",
                  "SA99 4HP"],
        date="20 March 2025",
        salutation="Annwyl Catrin,",
        heading="Gŵyl Glanrhyd 2025",
        body=["""
            Thank you for your letter about this year's Gŵyl, and congratulations on last year's record attendance.""",
              """
            I am delighted to confirm that the Town Council will pay for the marquee hire and the first-aid cover for this year's Gŵyl, up to £1,800 in total, and will let your committee use the Town Hall free of charge for its meetings between now and June. Please send the invoices to the Clerk marked for my attention.""",
              """
            I look forward to seeing you on the field on 21 June."""],
        valediction="Cofion / Best wishes,",
        signature=["Cllr Rhodri Jones", "Dirprwy Faer / Deputy Mayor", "rhodri.jones.glanrhyd@gmail.com"]),
        expect=[ob("rjones")],
        why="Signed by the Deputy Mayor, the letter commits the Council to paying for marquee hire and first aid and to free use of the Town Hall.")

    # ---------------------------------------------------------------- L05
    letter(5, "caffi-r-parc-food-hygiene-members", "docx", Letter(
        letterhead=["Cyngor Tref Glanrhyd / Glanrhyd Town Council", "Memorandum"],
        to_lines=["To: All Members of the Council", "From: Carys Morgan, Town Clerk"],
        date="9 September 2025", refs=["Ref: CLK/25/61"],
        salutation="Members,",
        heading="Caffi'r Parc - food hygiene inspection",
        body=["""
            As the Council lets the kiosk in Parc y Dre to the operator of Caffi'r Parc, the county's food safety team has told me, as landlord, the outcome of its inspection on 2 September.""",
              """
            The kiosk has been given a food hygiene rating of 1 (major improvement necessary), mainly because the hot-water supply to the hand-wash basin is inadequate, which is the Council's responsibility under the lease. The operator has been served with a hygiene improvement notice for the other matters.""",
              """
            I will bring a report on the hot-water supply to F&GP. Until the rating is published, please treat this note as confidential to members."""],
        valediction="Carys Morgan",
        signature=["Clerc y Dref / Town Clerk"],
        page_footer="CONFIDENTIAL"),
        expect=[],
        why="A CONFIDENTIAL memo from the Clerk to members on a food hygiene inspection, addressed only to councillors; no third party receives it.")

    # ---------------------------------------------------------------- L06
    letter(6, "friends-of-parc-y-dre-lottery-bid", "txt", Letter(
        letterhead=["Cllr Sioned Howells", "Ward Councillor, Glanrhyd North", "cllr.howells@glanrhydtowncouncil.gov.uk"],
        to_lines=["Grants Officer", "National Lottery Heritage Fund (Wales)", "By email"],
        date="3 June 2025",
        salutation="Dear Sir or Madam,",
        heading="Friends of Parc y Dre - application to restore the bandstand",
        body=["""
            I am writing in support of the Friends of Parc y Dre's application to restore the 1911 bandstand.""",
              """
            In my view the bandstand is the heart of the park and of the town's summer. I have seen the Friends' volunteers at work every month for three years, and I have every confidence in their ability to deliver the project.""",
              """
            I would be glad to meet your assessors on site and to speak to the project at any interview."""],
        valediction="Yours faithfully,",
        signature=["Cllr Sioned Howells"]),
        expect=[],
        why="A councillor's letter of support states her own views and offers her own help; it commits the Council to nothing.")


HARD = {
    "messages/0002": [SC], "messages/0004": [SC], "messages/0005": [SC], "messages/0006": [SC],
    "messages/0010": [SC], "messages/0011": [SC, OB],
    "messages/0016": [OB], "messages/0017": [OB], "messages/0018": [OB, CF], "messages/0019": [OB],
    "messages/0023": [CF], "messages/0024": [CF], "messages/0025": [CF],
    "letters/L02": [OB], "letters/L03": [OB], "letters/L05": [CF], "letters/L06": [OB],
}

README_INTRO = """
Fictional correspondence of a fictional Welsh town council (Cyngor Tref Glanrhyd), written to test
a checker of the correspondence clauses of Member/Officer protocols
(`/work/shared/protocol-rules.md`). It is small in the way community and town councils are: the
Town Clerk is the main officer (an Assistant Clerk who writes from a council address is not in the
register), most councillors use personal gmail, hotmail or outlook accounts, titles are "Mayor",
"Deputy Mayor" and committee chairs, and many sign-offs are bilingual ("Yn gywir / Yours
sincerely", "Cofion"). Every person, address, case and telephone number is invented (numbers are in
Ofcom's drama ranges).
"""

README_FEATURES = """Outlook (plain and HTML), Outlook.com, Gmail (including "On ..., Name <addr> wrote:" replies),
  Thunderbird ("-------- Forwarded Message --------") and iPhone ("Begin forwarded message:")
  layouts; copy notes in several forms ("Copied to: Cllr R Jones (Deputy Mayor)", "cc. Councillor
  Evans", "Cllr Price is copied for information", "cc Deputy Mayor"); two councillors who share a
  surname; a delivered copy; a .docx briefing note whose only marking is its page footer."""


# --------------------------------------------------------------------------
# policy.yaml, labels.yaml, README.md
# --------------------------------------------------------------------------

def q(s):
    """A YAML double-quoted scalar (JSON string syntax is valid YAML)."""
    import json
    return json.dumps(s, ensure_ascii=False)


def ylist(xs):
    return "[" + ", ".join(q(x) if any(c in x for c in ":#,'\"[]{}") else x for x in xs) + "]"


def policy_yaml():
    L = [f"# Register of the fictional {COUNCIL}, in the register format of",
         "# protocol-rules.md. A councillor's first address is the one labels.yaml names as the",
         "# party of a councillor-obligation finding.",
         "council:",
         f"  name: {COUNCIL}",
         f"  domains: {ylist(DOMAINS)}",
         "councillors:"]
    for name, emails, titles in COUNCILLORS.values():
        L.append(f"  - name: {q(name) if chr(39) in name else name}")
        L.append(f"    emails: {ylist(emails)}")
        if titles:
            L.append(f"    titles: {ylist(titles)}")
    L.append("officers:")
    for name, title, emails in OFFICERS.values():
        L += [f"  - name: {name}", f"    title: {title}", f"    emails: {ylist(emails)}"]
    if LISTS:
        L.append("distribution_lists:")
        for dl in LISTS:
            L += [f"  - address: {dl['address']}", f"    name: {dl['name']}",
                  f"    members: {ylist(dl['members'])}"]
    return "\n".join(L) + "\n"


def labels_yaml():
    L = [f"council: {COUNCIL}", "documents:"]
    for d in sorted(DOCS, key=lambda d: d["path"]):
        L.append(f"  - path: {d['path']}")
        L.append(f"    kind: {d['kind']}")
        if not d["expect"]:
            L.append("    expect: []")
        else:
            L.append("    expect:")
            for rule, parties in d["expect"]:
                L.append(f"      - rule: {rule}")
                L.append(f"        parties: [{', '.join(parties)}]")
        L.append(f"    why: {q(d['why'])}")
    return "\n".join(L) + "\n"


def hard_for(path):
    return HARD.get(path.split("-")[0], [])


def counts():
    pos = collections.Counter()
    neg = collections.Counter()
    for d in DOCS:
        for rule, _p in d["expect"]:
            pos[rule] += 1
        for rule in hard_for(d["path"]):
            neg[rule] += 1
    hard_docs = sum(1 for d in DOCS if hard_for(d["path"]))
    clean = sum(1 for d in DOCS if not d["expect"] and not hard_for(d["path"]))
    return pos, neg, clean, hard_docs


def readme():
    pos, neg, clean, hard_docs = counts()
    n_mail = sum(1 for d in DOCS if d["kind"] == "email")
    n_let = len(DOCS) - n_mail
    two = [d["path"] for d in DOCS if len(d["expect"]) > 1]
    num = lambda p: p.split("/")[1].split("-")[0]
    hard = collections.defaultdict(list)
    posl = collections.defaultdict(list)
    for d in sorted(DOCS, key=lambda d: d["path"]):
        for rule in hard_for(d["path"]):
            hard[rule].append(num(d["path"]))
        for rule, _p in d["expect"]:
            posl[rule].append(num(d["path"]))
    rows = "\n".join(f"| `{r}` | {pos[r]} ({', '.join(posl[r])}) | {neg[r]} ({', '.join(hard[r])}) |"
                     for r in (SC, OB, CF))
    two_s = f"{len(two)} carry two findings ({', '.join(num(p) for p in two)})." if two else ""
    return f"""# {COUNCIL}: labelled correspondence corpus

{README_INTRO.strip()}

- `policy.yaml`: the register ({len(COUNCILLORS)} councillors, {len(OFFICERS)} named officers, \
{len(DOMAINS)} mail domain{'s' if len(DOMAINS) > 1 else ''}{', ' + str(len(LISTS)) + ' distribution list' + ('s' if len(LISTS) > 1 else '') if LISTS else ''}), \
in the register format of `protocol-rules.md`.
- `messages/*.eml`: {n_mail} emails as they sit in a Sent Items or mailbox export (the sender's copy
  keeps its `Bcc` header; a delivered copy carries `Delivered-To`). {README_FEATURES.strip()}
- `letters/*.txt|*.docx`: {n_let} standalone letters, signed by officers or by councillors.
- `labels.yaml`: every document once, with the findings it must produce (`expect: []` when none).
- `make_corpus.py`: rebuilds everything deterministically, then checks it (every .eml parses with
  `email.policy.default` without defects, labels match the files, parties are in the message or
  the register, every council address is in the register or a known unlisted officer, the
  silent-copy labels agree with a mechanical reading of the rule). Run it with a virtualenv that
  has python-docx and PyYAML; `--check` only checks.

This corpus is held out: it was written from `protocol-rules.md` and the seed protocols only,
without reference to the checker's implementation.

## Counts

| rule | positives (documents) | hard negatives (documents) |
| --- | --- | --- |
{rows}

{len(DOCS)} documents in all, {n_mail} emails and {n_let} letters (`L..` above). {hard_docs} are hard
negatives for at least one rule and {clean} are ordinary clean correspondence. {two_s} A hard
negative is built to look like the rule's case while failing one of its conditions (usually an
entry of the rule's "Not flagged" list); it must produce no finding for that rule.

## How the labels work

Each entry has `path` (relative to this folder), `kind` (`email` or `letter`), `expect` (a list of
`rule` and `parties`; `[]` when nothing may be flagged) and `why` (one sentence). A document must
produce the listed rules and no others. The parties are:

- `silent-copy`: the hidden councillor address(es) exactly as they appear in `Bcc` or
  `Delivered-To` (a personal address if that is where the copy went; for a Bcc to a distribution
  list, the first register address of each councillor on the list who is not a visible
  recipient); for a silent forward, the councillor the correspondence was forwarded to.
- `councillor-obligation`: the councillor's **first** address in `policy.yaml`, plus the address
  the message was sent from when that is another of the same councillor's addresses.
- `confidential-regulatory-disclosure`: the third-party recipient(s) of the message.

Score a checker against these labels with

    python3 /work/shared/tools/score_corpus.py correspondence-guard . --show
"""


# --------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------

def register_maps():
    cllr = {}
    for key, (name, emails, _t) in COUNCILLORS.items():
        for e in emails:
            cllr[e.lower()] = key
    off = {}
    for key, (_n, _t, emails) in OFFICERS.items():
        for e in emails:
            off[e.lower()] = key
    return cllr, off


def list_members(address):
    """The first register addresses a distribution list reaches (None if not a list)."""
    for dl in LISTS:
        if dl["address"].lower() != address.lower():
            continue
        out = []
        for m_ in dl["members"]:
            if "@" in m_:
                out.append(m_.lower())
            elif m_.lower() == "councillors":
                out += [e[0].lower() for _n, e, _t in COUNCILLORS.values()]
            else:
                for n, e, *_ in list(COUNCILLORS.values()) + [(o[0], o[2]) for o in OFFICERS.values()]:
                    if n.lower() == m_.lower():
                        out.append(e[0].lower())
        return out
    return None


EMAIL_RE = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


def docx_text(data):
    import docx
    d = docx.Document(io.BytesIO(data))
    parts = [p.text for p in d.paragraphs]
    for s_ in d.sections:
        parts += [p.text for p in s_.header.paragraphs] + [p.text for p in s_.footer.paragraphs]
    return "\n".join(parts)


NOTE_RES = [
    r"(?im)^\s*(?:cc|bcc|copy to|copied to|copy)\s*[.:]?\s*(.+)$",
    r"(?i)cop(?:ied|y)(?: this| this email)? to\s+((?:Cllr|Councillor)\.?\s+[^\n.,;]+)",
    r"(?i)((?:Cllr|Councillor)\.?\s+[A-Z][\w' -]+?)\s+(?:is|has been)\s+(?:b?cc'?d|copied)",
]


def note_names(own):
    """Councillor keys named by copy-note lines/phrases in the author's own text."""
    named = set()
    notes = []
    for rx in NOTE_RES:
        notes += re.findall(rx, own)
    titles = sorted(((t, k) for k, (_n, _e, ts) in COUNCILLORS.items() for t in ts),
                    key=lambda x: -len(x[0]))
    for note in notes:
        rest = note
        for t, key in titles:                    # longest titles first, each span used once
            mt = re.search(r"(?i)\b" + re.escape(t) + r"\b", rest)
            if mt:
                named.add(key)
                rest = rest[:mt.start()] + " | " + rest[mt.end():]
        for key, (name, _e, _ts) in COUNCILLORS.items():
            firstn, surname = name.split(" ", 1)
            for m_ in re.finditer(r"(?:(\w+)\.?\s+)?" + re.escape(surname) + r"\b", rest):
                lead = m_.group(1)
                if lead and lead.lower() not in ("cllr", "councillor") and not (
                        lead.lower() == firstn.lower() or (len(lead) == 1 and lead.lower() == firstn[0].lower())):
                    continue
                named.add(key)
    return named


def check(verbose=True):
    import email as email_pkg
    import yaml
    problems = []
    cllr, off = register_maps()

    def who(a):
        a = a.lower()
        if a in cllr:
            return "C"
        if a in off or any(a.endswith("@" + d) for d in DOMAINS):
            return "O"
        return "T"

    on_disk = sorted(str(p.relative_to(HERE)) for sub in ("messages", "letters") for p in (HERE / sub).iterdir())
    labels = yaml.safe_load((HERE / "labels.yaml").read_text(encoding="utf-8"))
    pol = yaml.safe_load((HERE / "policy.yaml").read_text(encoding="utf-8"))
    if [c["emails"] for c in pol["councillors"]] != [v[1] for v in COUNCILLORS.values()]:
        problems.append("policy.yaml councillors do not round-trip")
    paths = [d["path"] for d in labels["documents"]]
    dup = [p for p, n in collections.Counter(paths).items() if n > 1]
    if dup:
        problems.append(f"labelled more than once: {dup}")
    if sorted(set(paths)) != on_disk:
        problems.append(f"labels/disk mismatch: only labelled {sorted(set(paths) - set(on_disk))}, "
                        f"only on disk {sorted(set(on_disk) - set(paths))}")
    by_path = {d["path"]: d for d in labels["documents"]}
    for d in labels["documents"]:
        if not d.get("why") or set(d) != {"path", "kind", "expect", "why"}:
            problems.append(f"{d['path']}: label entry malformed")

    msgids = collections.Counter()
    council_addrs = set()
    for path in on_disk:
        data = (HERE / path).read_bytes()
        texts = []
        lab = by_path.get(path, {})
        exp = {e["rule"]: [x.lower() for x in e.get("parties") or []] for e in lab.get("expect") or []}
        if path.endswith(".eml"):
            m = email_pkg.message_from_bytes(data, policy=policy.default)
            for part in m.walk():
                for dfx in part.defects:
                    problems.append(f"{path}: MIME defect {dfx!r}")
                for k, v in part.items():
                    for dfx in getattr(v, "defects", ()):
                        problems.append(f"{path}: header {k} defect {dfx!r}")
                    if k.lower() not in ("message-id", "references", "in-reply-to", "received"):
                        texts.append(f"{k}: {v}")
                    if k.lower() == "message-id":
                        msgids[str(v).strip()] += 1
                ctype = part.get_content_type()
                if ctype.startswith("text/"):
                    texts.append(part.get_content())
                elif ctype.endswith("wordprocessingml.document"):
                    texts.append(docx_text(part.get_content()))
            for k in ("From", "To", "Date", "Message-ID", "Subject", "MIME-Version"):
                if m[k] is None:
                    problems.append(f"{path}: no {k} header")
            rcpt = {a.addr_spec.lower() for k in ("To", "Cc", "Bcc") for hdr in (m.get_all(k) or [])
                    for a in hdr.addresses}
            rcpt |= {str(v).strip().lower() for v in (m.get_all("Delivered-To") or [])}
            reach = set(rcpt)
            for r_ in rcpt:
                reach |= set(list_members(r_) or [])
            frm = m["From"].addresses[0].addr_spec.lower()
            for rule in (SC, CF):
                for p in exp.get(rule, []):
                    if p not in reach:
                        problems.append(f"{path}: {rule} party {p} is not a recipient")
                    if rule == SC and who(p) != "C":
                        problems.append(f"{path}: silent-copy party {p} is not a councillor")
                    if rule == CF and who(p) != "T":
                        problems.append(f"{path}: disclosure party {p} is not a third party")
            if OB in exp:
                ps = exp[OB]
                key = cllr.get(ps[0])
                if key is None or COUNCILLORS[key][1][0] != ps[0]:
                    problems.append(f"{path}: obligation party {ps[0]} is not a councillor's first address")
                elif cllr.get(frm) != key:
                    problems.append(f"{path}: obligation party {ps[0]} did not send the message")
                else:
                    want = [ps[0]] + ([frm] if frm != ps[0] else [])
                    if ps != want:
                        problems.append(f"{path}: obligation parties {ps}, expected {want}")
        elif path.endswith(".docx"):
            texts.append(docx_text(data))
        else:
            texts.append(data.decode("utf-8"))
        blob = "\n".join(texts)
        if path.startswith("letters/"):
            for p in exp.get(OB, []):
                name = COUNCILLORS[cllr[p]][0]
                if name.split()[-1] not in blob:
                    problems.append(f"{path}: obligation party {p} / {name} not in the letter")
        for a in EMAIL_RE.findall(blob):
            if any(a.lower().endswith("@" + d) for d in DOMAINS):
                council_addrs.add(a.lower())
    listed = {dl["address"].lower() for dl in LISTS}
    for a in sorted(council_addrs):
        if a not in cllr and a not in off and a not in UNLISTED_OFFICERS and a not in listed:
            problems.append(f"council address neither in policy.yaml nor a known unlisted officer: {a}")
    for mid, n in msgids.items():
        if n > 1:
            problems.append(f"Message-ID used {n} times: {mid}")

    # mechanical cross-check of silent-copy labels against the rule's conditions
    for d in DOCS:
        if d["kind"] != "email":
            continue
        meta = d["meta"]
        want = sorted(p for r, ps in d["expect"] if r == SC for p in ps)
        got = []
        if who(meta["frm"][1]) == "O":
            vis_addrs = [p[1].lower() for p in meta["to"] + meta["cc"]]
            vis_all = set(vis_addrs)
            for a in vis_addrs:
                vis_all |= set(list_members(a) or [])
            visible = {cllr[a] for a in vis_all if a in cllr}
            if visible:
                noted = note_names(meta["own"])
                hidden = []
                for p in meta["bcc"]:
                    mem = list_members(p[1])
                    hidden += mem if mem is not None else [p[1].lower()]
                hidden += [a.lower() for a in meta["delivered"] if a.lower() not in vis_all]
                for a in hidden:
                    if a in cllr and cllr[a] not in visible and cllr[a] not in noted:
                        got.append(a)
            e = meta["earlier"]
            if e is not None:
                parties = [e.frm] + e.to + e.cc
                a_side = {cllr[p[1].lower()] for p in parties if who(p[1]) == "C"}
                o_side = any(who(p[1]) == "O" for p in parties)
                if a_side and o_side and not (a_side & visible):
                    got += [p[1].lower() for p in meta["to"] + meta["cc"] if who(p[1]) == "C"]
        if sorted(set(got)) != want:
            problems.append(f"{d['path']}: silent-copy cross-check computed {sorted(set(got))}, labelled {want}")
    for d in DOCS:
        if not d["why"].strip().endswith("."):
            problems.append(f"{d['path']}: why is not one sentence")

    if verbose:
        pos, neg, clean, hard_docs = counts()
        print(f"{len(on_disk)} documents; positives {dict(pos)}; hard negatives {dict(neg)}; "
              f"hard-negative documents {hard_docs}; clean {clean}")
    return problems


def build():
    for sub in ("messages", "letters"):
        d = HERE / sub
        if d.exists():
            shutil.rmtree(d)
        d.mkdir()
    build_emails()
    build_letters()
    for path, data in FILES.items():
        (HERE / path).write_bytes(data)
    (HERE / "policy.yaml").write_text(policy_yaml(), encoding="utf-8")
    (HERE / "labels.yaml").write_text(labels_yaml(), encoding="utf-8")
    (HERE / "README.md").write_text(readme(), encoding="utf-8")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="only check the corpus on disk")
    a = ap.parse_args()
    if a.check:
        build_emails()
        build_letters()   # metadata for the cross-checks; nothing is written
    else:
        build()
    problems = check()
    for p in problems:
        print("PROBLEM:", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
