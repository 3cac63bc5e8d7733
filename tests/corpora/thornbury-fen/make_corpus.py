#!/usr/bin/env python3
"""Rebuild the Thornbury Fen Council labelled correspondence corpus.

A fictional large English unitary council: fourteen councillors, two council mail domains
(thornburyfen.gov.uk and tfcouncil.org.uk), only three officers named in the register (the
rest are officers because they write from a council domain), and distribution lists, one of
which reaches every councillor. Every person, address, case and telephone number is invented
(numbers are in Ofcom's drama ranges: 01632 960xxx, 07700 900xxx).

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
COUNCIL = "Thornbury Fen Council"
DOMAINS = ["thornburyfen.gov.uk", "tfcouncil.org.uk"]
DOMAIN = DOMAINS[0]
OFFICE_ADDRESS = ["Fen House", "Market Place", "Thornbury Fen", "PE99 2TF"]
OFFICE_PHONE = "01632 960100"

# key: (name, [emails; the first is the party of a councillor-obligation finding], [titles])
COUNCILLORS = {
    "fairbrother": ("Andrew Fairbrother",
                    ["andrew.fairbrother@thornburyfen.gov.uk", "cllr.fairbrother@tfcouncil.org.uk",
                     "a.fairbrother1959@gmail.com"], ["Leader of the Council"]),
    "okafor": ("Grace Okafor", ["grace.okafor@thornburyfen.gov.uk"],
               ["Deputy Leader of the Council", "Cabinet Member for Housing"]),
    "whitmore": ("Simon Whitmore", ["simon.whitmore@thornburyfen.gov.uk", "simonwhitmore.fen@outlook.com"],
                 ["Cabinet Member for Environment and Waste"]),
    "haldane": ("Rosalind Haldane", ["rosalind.haldane@thornburyfen.gov.uk"],
                ["Chair of the Licensing and Regulatory Committee"]),
    "patel": ("Vikram Patel", ["vikram.patel@thornburyfen.gov.uk", "vpatel.thornbury@gmail.com"], []),
    "cashby": ("Claire Ashby", ["claire.ashby@thornburyfen.gov.uk"], []),
    "mashby": ("Martin Ashby", ["martin.ashby@thornburyfen.gov.uk", "m.ashby62@btinternet.com"], []),
    "kowalski": ("Ewa Kowalski", ["ewa.kowalski@thornburyfen.gov.uk"], []),
    "greenhalgh": ("Tobias Greenhalgh", ["tobias.greenhalgh@thornburyfen.gov.uk"], ["Chair of Planning Committee"]),
    "nuttall": ("Sandra Nuttall", ["sandra.nuttall@tfcouncil.org.uk"], []),
    "obrien": ("Declan O'Brien", ["declan.obrien@thornburyfen.gov.uk", "declanobrien.ward@hotmail.com"], []),
    "fisher": ("Harriet Fisher", ["harriet.fisher@thornburyfen.gov.uk"], ["Chair of the Council"]),
    "mensah": ("Kwame Mensah", ["kwame.mensah@thornburyfen.gov.uk"], ["Cabinet Member for Communities"]),
    "reddy": ("Pauline Reddy", ["pauline.reddy@thornburyfen.gov.uk"], []),
}

# key: (name, title, [emails])
OFFICERS = {
    "corrigan": ("Helena Corrigan", "Chief Executive",
                 ["helena.corrigan@thornburyfen.gov.uk", "chief.executive@thornburyfen.gov.uk"]),
    "sandhu": ("Raj Sandhu", "Director of Law and Governance (Monitoring Officer)",
               ["raj.sandhu@thornburyfen.gov.uk", "monitoring.officer@tfcouncil.org.uk"]),
    "lowry": ("Beth Lowry", "Democratic Services Manager",
              ["beth.lowry@thornburyfen.gov.uk", "democratic.services@thornburyfen.gov.uk"]),
}

# Officers at the council's domains who are not in the register (officers by domain).
UNLISTED = {
    "tennant": ("Mark Tennant", "mark.tennant@tfcouncil.org.uk"),
    "shah": ("Priti Shah", "priti.shah@tfcouncil.org.uk"),
    "barraclough": ("Lee Barraclough", "lee.barraclough@thornburyfen.gov.uk"),
    "ormerod": ("Neil Ormerod", "neil.ormerod@thornburyfen.gov.uk"),
    "kemp": ("Joanna Kemp", "food.safety@tfcouncil.org.uk"),
    "hale": ("Dominic Hale", "licensing.team@tfcouncil.org.uk"),
    "waste": ("Waste Services", "waste.services@tfcouncil.org.uk"),
}
UNLISTED_OFFICERS = {a for _n, a in UNLISTED.values()}

LISTS = [
    {"address": "members@thornburyfen.gov.uk", "name": "All Members", "members": ["councillors"]},
    {"address": "regulatory-managers@tfcouncil.org.uk", "name": "Regulatory Services Managers",
     "members": ["priti.shah@tfcouncil.org.uk", "lee.barraclough@thornburyfen.gov.uk",
                 "neil.ormerod@thornburyfen.gov.uk", "Raj Sandhu"]},
    {"address": "planning-committee@thornburyfen.gov.uk", "name": "Planning Committee",
     "members": ["Tobias Greenhalgh", "Vikram Patel", "Claire Ashby", "Sandra Nuttall", "Declan O'Brien"]},
]

THIRD = {
    "hollis": ("Janet Hollis", "janet.hollis@btinternet.com"),
    "doyle": ("Kieran Doyle", "kieran.doyle94@gmail.com"),
    "prescott": ("Amy Prescott", "amy.prescott@fenchronicle.co.uk"),
    "moretti": ("Luca Moretti", "luca@morettis-kitchen.co.uk"),
    "bright": ("Owen Bright", "owen.bright@southfenland.gov.uk"),
    "marshra": ("Marsh Lane Residents' Association", "secretary@marshlane-ra.org.uk"),
    "fenroad": ("FenRoad Surfacing Ltd - Contracts", "contracts@fenroad-surfacing.co.uk"),
    "parish": ("Thornbury St Mary Parish Council - Clerk", "clerk@thornburystmary-pc.gov.uk"),
    "kelly": ("Shauna Kelly", "shauna.kelly@outlook.com"),
    "raines": ("Tom Raines", "tom.raines@tf-unison.org.uk"),
    "fowler": ("Derek Fowler", "derek.fowler@talktalk.net"),
    "nair": ("Priya Nair", "priya.nair.fen@gmail.com"),
    "stokes": ("Gary Stokes", "gary@theploughinn-fen.co.uk"),
    "tigers": ("Fen Tigers Youth FC", "secretary@fentigersyfc.org.uk"),
    "burrows": ("Alan Burrows", "alan.burrows@gmail.com"),
}


def C(key, i=0, display=None):
    name, emails, _t = COUNCILLORS[key]
    return (display if display is not None else name, emails[i])


def Cl(key, i=0):
    return C(key, i, display=f"Cllr {COUNCILLORS[key][0]}")


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
    "corrigan": """
        Helena Corrigan
        Chief Executive
        Thornbury Fen Council | Fen House | Market Place | Thornbury Fen PE99 2TF""",
    "sandhu": """
        Raj Sandhu
        Director of Law and Governance and Monitoring Officer
        Thornbury Fen Council
        01632 960120""",
    "lowry": """
        Beth Lowry
        Democratic Services Manager
        Thornbury Fen Council
        01632 960131 | democratic.services@thornburyfen.gov.uk""",
    "tennant": """
        Mark Tennant
        Director of Place
        Thornbury Fen Council
        Mobile 07700 900611""",
    "shah": """
        Priti Shah MRTPI
        Senior Planning Enforcement Officer
        Place Directorate | Thornbury Fen Council
        01632 960274""",
    "barraclough": """
        Lee Barraclough
        Private Sector Housing Officer (HMO Licensing)
        Thornbury Fen Council
        01632 960388""",
    "ormerod": """
        Neil Ormerod
        Environmental Crime Officer
        Neighbourhood Enforcement Team | Thornbury Fen Council
        01632 960452""",
    "kemp": """
        Joanna Kemp
        Food Safety Officer
        Environmental Health | Thornbury Fen Council
        01632 960417""",
    "hale": """
        Dominic Hale
        Licensing Officer
        Thornbury Fen Council
        01632 960366 | licensing.team@tfcouncil.org.uk""",
    "waste": """
        Waste Services
        Thornbury Fen Council
        01632 960500""",
}

NOTICE = ("Thornbury Fen Council: this email and any attachments are confidential and intended only "
          "for the addressee. If you have received it in error please tell the sender and delete it.")


def sig(key):
    return f"[[sig:{key}]]"


def expand(text):
    return re.sub(r"\[\[sig:(\w+)\]\]", lambda m_: dedent(SIG[m_.group(1)]), text)


def received(t, rcpt, by="mx.google.com", frm="mail-lo4gbr01on2104.outbound.protection.outlook.com",
             ip="192.0.2.114", seed="x"):
    return (f"from {frm} ({frm}. [{ip}])\n        by {by} with ESMTPS id "
            f"{h(seed, 12)}.{h(seed + 'r', 4)}\n        for <{rcpt}>;\n        {rfcdate(t)}")


def build_emails():
    # ---------------------------------------------------------------- 0001
    t = when(2025, 9, 17, 17, 48, 2)
    email(1, "fenside-depot-future", style="outlook",
          expect=[sc(*[first(k) for k in COUNCILLORS if k != "patel"])],
          why="The Director of Place replies to Cllr Patel and blind-copies the All Members list, so every other councillor gets a silent copy.",
          frm=U("tennant"), to=[Cl("patel")],
          bcc=[("All Members", "members@thornburyfen.gov.uk")],
          date=t, subject="RE: Fenside depot - what happens to the site?", in_reply_to=True,
          own=f"""
            Vikram,

            Thanks for your email. No decision has been taken on the Fenside depot. The options appraisal looks at three routes: keeping the depot and modernising it, moving the fleet to the Hawthorn Road site and selling Fenside for housing, or a shared depot with South Fenland. It will go to Cabinet in November with the officer recommendation.

            I know the staff at Fenside are anxious, and I am meeting the unions next week. I would be grateful if members could avoid speculating in public about which option is preferred until the report is published.

            Regards

            {sig('tennant')}
            """)

    # ---------------------------------------------------------------- 0002
    t = when(2025, 6, 4, 11, 19, 37)
    email(2, "cuckoo-drove-hardstanding", style="outlook", html_only=True,
          expect=[sc(C("obrien", 1))],
          why="An HTML-only Outlook email from an enforcement officer to Cllr Greenhalgh blind-copies Cllr O'Brien's hotmail address with no copy note.",
          frm=U("shah"), to=[Cl("greenhalgh")],
          bcc=[C("obrien", 1, display="Declan O'Brien")],
          date=t, subject="Cuckoo Drove - unauthorised hardstanding (ENF/25/0212)",
          own=f"""
            Dear Cllr Greenhalgh,

            You asked for an update on the land at Cuckoo Drove. I visited on 2 June: about 1,800 square metres of the field has been covered in road planings and there are now four touring caravans and a storage container on it.

            I have served a Planning Contravention Notice on the registered owner and have asked the Council's legal team whether a temporary stop notice is justified, given the risk of further caravans arriving before the bank holiday.

            I will update you again once I have the owner's response.

            Kind regards

            {sig('shah')}
            """)

    # ---------------------------------------------------------------- 0003
    t = when(2025, 5, 21, 10, 4, 12)
    email(3, "hartley-street-hmo-inspection", style="outlook",
          expect=[], why="Cllr Okafor is blind-copied, and the officer's note names her by her register title, 'cc Cabinet Member for Housing'.",
          frm=U("barraclough"), to=[Cl("kowalski")],
          bcc=[C("okafor", display="Cllr Grace Okafor")],
          date=t, subject="Licensed HMO inspections - Hartley Street",
          own=f"""
            Dear Cllr Kowalski,

            Following your question at the ward walkabout: all six licensed HMOs on Hartley Street were inspected between March and May. Four were compliant. Two had missing fire doors and have been given 28 days to fit them, with re-inspections booked for mid-June.

            As the Housing portfolio has asked to see the results of this round of inspections, I have shared this with the Cabinet Member.

            cc Cabinet Member for Housing

            Regards

            {sig('barraclough')}
            """)

    # ---------------------------------------------------------------- 0004
    t = when(2025, 7, 1, 14, 36, 55)
    email(4, "sluice-lane-fly-tipping-camera", style="outlook",
          expect=[sc(C("mashby"))],
          why="Cllr Martin Ashby is blind-copied, but the note 'cc Cllr C. Ashby' names Claire Ashby only.",
          frm=U("ormerod"), to=[Cl("reddy")],
          bcc=[C("mashby", display="Cllr Martin Ashby")],
          date=t, subject="Sluice Lane - deployable camera",
          own=f"""
            Dear Cllr Reddy,

            The deployable CCTV camera went up at the Sluice Lane lay-by on Friday and has already recorded one van tipping builders' waste on Sunday evening. The registration has gone to the DVLA and I will be writing to the keeper under caution.

            The camera will stay for six weeks and then move to Black Drove.

            cc Cllr C. Ashby

            Regards

            {sig('ormerod')}
            """)

    # ---------------------------------------------------------------- 0005
    t = when(2025, 3, 26, 9, 15, 48)
    email(5, "market-square-a-boards", style="outlook",
          expect=[], why="The only Bcc recipients are officers: a distribution list of regulatory managers and the Monitoring Officer.",
          frm=U("shah"), to=[Cl("mensah")],
          bcc=[("Regulatory Services Managers", "regulatory-managers@tfcouncil.org.uk"),
               O("sandhu", 1, display="Monitoring Officer")],
          date=t, subject="A-boards and advertisement consent, Market Square",
          own=f"""
            Dear Cllr Mensah,

            A-boards on the highway do not normally need advertisement consent, but they do need the highway authority's permission, and the Market Square boards have been put out without it. Rather than enforce straight away I suggest a letter to all the traders setting out the rules, with a month's grace. I'm happy to draft it for you to see first.

            Kind regards

            {sig('shah')}
            """)

    # ---------------------------------------------------------------- 0006
    t = when(2025, 4, 14, 21, 8, 3)
    email(6, "garden-waste-charges-question", style="outlook",
          expect=[], why="A councillor, not an officer, blind-copies another councillor, and his email only asks questions.",
          frm=Cl("whitmore"), to=[U("tennant")],
          bcc=[Cl("fisher")],
          date=t, subject="Garden waste subscriptions - numbers",
          own="""
            Mark,

            Before the scrutiny session on the 24th, could you tell me how many households have renewed their garden waste subscription so far this year compared with last? And do we know how many have cancelled since the price went up to £52?

            Thanks,
            Simon

            Cllr Simon Whitmore
            Cabinet Member for Environment and Waste
            """)

    # ---------------------------------------------------------------- 0007
    t = when(2025, 2, 27, 8, 12, 19)
    email(7, "ward-budget-forward-to-leader", style="outlook",
          expect=[sc(C("fairbrother"))],
          why="The Chief Executive forwards Cllr Nuttall's email to her to the Leader without Cllr Nuttall among the recipients.",
          frm=O("corrigan"), to=[Cl("fairbrother")],
          date=t, subject="FW: Ward budgets - proposal to pool them",
          own=f"""
            Andrew,

            For your information ahead of Group. I think Sandra's idea has merit but it would need a change to the scheme of delegation.

            Helena

            {sig('corrigan')}
            """,
          earlier=Earlier("outlook", Cl("nuttall"), when(2025, 2, 26, 19, 55), [O("corrigan")],
                          "Ward budgets - proposal to pool them", """
            Helena,

            Several of us in the rural wards would like to pool our ward budgets to pay for a community transport minibus. Is that allowed under the current scheme, and who would need to agree it?

            Sandra
            """))

    # ---------------------------------------------------------------- 0008
    t = when(2025, 10, 2, 15, 30, 40)
    email(8, "youth-centre-opening-hours-forward", style="outlook",
          expect=[], why="Democratic Services forwards Cllr Kowalski's email to Cllr Mensah with Cllr Kowalski visibly in Cc.",
          frm=O("lowry"), to=[Cl("mensah")], cc=[Cl("kowalski")],
          date=t, subject="FW: Youth centre opening hours",
          own=f"""
            Cllr Mensah,

            Cllr Kowalski's question below is really one for your portfolio, so I am passing it to you, with Cllr Kowalski copied.

            Kind regards

            {sig('lowry')}
            """,
          earlier=Earlier("outlook", Cl("kowalski"), when(2025, 10, 2, 9, 41), [O("lowry", 1)],
                          "Youth centre opening hours", """
            Beth,

            Is there any chance of the Marsh Lane youth centre opening on Saturday afternoons again? Who decides?

            Ewa
            """))

    # ---------------------------------------------------------------- 0009
    t = when(2025, 8, 6, 13, 22, 31)
    rc = received(when(2025, 8, 6, 13, 22, 35), C("patel", 1)[1], seed="tf0009")
    email(9, "wherry-road-shopfront-delivered", style="outlook",
          expect=[], why="This delivered copy went to Cllr Patel's own gmail (his council mail is forwarded there); he is the visible recipient, so no other councillor received it.",
          frm=U("shah"), to=[Cl("patel")],
          date=t, subject="Wherry Road - unauthorised shopfront and roller shutter",
          prepend=[("Delivered-To", C("patel", 1)[1]), ("Received", rc),
                   ("X-Original-To", C("patel")[1])],
          delivered=[C("patel", 1)[1]],
          own=f"""
            Dear Cllr Patel,

            The new shopfront and external roller shutter at 31 Wherry Road were installed without planning permission. The owner's agent has been in touch and a retrospective application is promised within 28 days; if it arrives I will let you know so that you can comment.

            Kind regards

            {sig('shah')}
            """)

    # ---------------------------------------------------------------- 0010
    t = when(2025, 11, 12, 16, 5, 9)
    email(10, "taxi-rank-market-place-consultation", style="outlook",
          expect=[sc(C("whitmore", 1))],
          why="Two councillors are blind-copied; the note names only Cllr Harriet Fisher, so Cllr Whitmore's personal-address copy is silent.",
          frm=U("hale"), to=[Cl("haldane")],
          bcc=[Cl("fisher"), C("whitmore", 1, display="Simon Whitmore")],
          date=t, subject="Hackney carriage rank, Market Place - consultation",
          own=f"""
            Dear Cllr Haldane,

            The consultation on moving the Market Place taxi rank to Bridge Street closed on Friday. We received 41 responses: 29 from the trade, almost all against, and 12 from residents and businesses, mostly in favour. I will summarise them for the Licensing and Regulatory Committee on 2 December.

            cc Cllr Harriet Fisher

            Regards

            {sig('hale')}
            """)

    # ---------------------------------------------------------------- 0011
    t = when(2025, 7, 3, 10, 40, 26)
    email(11, "black-drove-fly-tipping-reply", style="outlook",
          expect=[], why="The officer's reply goes only to a complainant; the ward councillor is blind-copied but no councillor is a visible recipient.",
          frm=U("ormerod"), to=[T("hollis")],
          bcc=[Cl("reddy")],
          date=t, subject="RE: Fly-tipping at Black Drove - our ref EC/25/1187", in_reply_to=True,
          own=f"""
            Dear Mrs Hollis,

            Thank you for reporting the tipped kitchen units at Black Drove. The waste was cleared on Tuesday. I searched it before clearance and found paperwork with a name and address, which I am following up.

            Regards

            {sig('ormerod')}
            """)

    # ---------------------------------------------------------------- 0012
    t = when(2025, 9, 9, 12, 1, 44)
    email(12, "marsh-lane-flats-damp", style="outlook",
          expect=[], why="Cllr Reddy is blind-copied, and the officer's text says 'I have copied this to Councillor Reddy'.",
          frm=U("barraclough"), to=[Cl("obrien")],
          bcc=[Cl("reddy")],
          date=t, subject="Damp and mould - Marsh Lane flats",
          own=f"""
            Dear Cllr O'Brien,

            I inspected the three flats at 2-6 Marsh Lane on Thursday. Flat 4 has a category 1 damp and mould hazard under the Housing Health and Safety Rating System; the other two have lesser hazards. I will be serving an improvement notice on the landlord for flat 4 and writing to him about the others.

            Because the block sits on the boundary of her ward, I have copied this to Councillor Reddy.

            Regards

            {sig('barraclough')}
            """)

    # ---------------------------------------------------------------- 0013
    t = when(2025, 1, 21, 18, 33, 0)
    email(13, "temporary-accommodation-costs", style="outlook",
          expect=[ob("okafor")],
          why="Signed by the Cabinet Member, the email tells a tenant the Council will pay for her temporary accommodation and storage.",
          frm=Cl("okafor"), to=[T("kelly")],
          date=t, subject="Your flat at Fenview Court",
          own="""
            Dear Ms Kelly,

            I was very sorry to hear about the ceiling collapse at your flat and relieved that nobody was hurt.

            I can confirm the authority will cover the cost of your stay at the Fen Lodge Hotel until the repairs are finished, and will also pay for your furniture to go into storage in the meantime. Please keep your receipts for meals and travel and send them to me.

            Yours sincerely,

            Cllr Grace Okafor
            Deputy Leader and Cabinet Member for Housing
            """)

    # ---------------------------------------------------------------- 0014
    t = when(2025, 5, 30, 7, 2, 18)
    email(14, "market-place-car-park-resurfacing", style="outlookcom",
          expect=[ob("whitmore", C("whitmore", 1)[1])],
          why="From his personal outlook address and over his Cabinet title, Cllr Whitmore gives a contractor approval to start the resurfacing.",
          frm=C("whitmore", 1, display="Simon Whitmore"), to=[T("fenroad")],
          date=t, subject="RE: Market Place car park - resurfacing programme", in_reply_to=True,
          own="""
            Thanks for the revised programme.

            You have my approval to go ahead with the resurfacing of the Market Place car park from Monday 9 June, working in two halves so that half the spaces stay open. Send the invoice to Fen House as usual.

            Simon Whitmore
            Cabinet Member for Environment and Waste
            Thornbury Fen Council
            """)

    # ---------------------------------------------------------------- 0015
    t = when(2025, 2, 18, 16, 44, 52)
    email(15, "st-mary-verge-reinstatement", style="outlook",
          expect=[ob("fairbrother", C("fairbrother", 1)[1])],
          why="Sent from the Leader's second council address and signed by him, it reports terms he has agreed with a contractor and commits the Council to the cost.",
          frm=C("fairbrother", 1, display="Cllr Andrew Fairbrother"), to=[T("parish")],
          date=t, subject="Verges on Church Lane, Thornbury St Mary",
          own="""
            Dear Mrs Rowe,

            Thank you for the photographs of the verges on Church Lane after the drainage works.

            I've agreed with the contractor that they will return on 3 March to reinstate the verges and reseed them, and the Council will meet the cost so that the parish is not out of pocket. They will also replace the two bollards by the lychgate.

            Best wishes,

            Andrew Fairbrother
            Leader of the Council
            """)

    # ---------------------------------------------------------------- 0016
    t = when(2025, 10, 21, 9, 3, 27)
    email(16, "plough-inn-review-withdraw", style="outlook",
          expect=[ob("haldane")],
          why="The Committee chair tells the licensing team to withdraw the Council's review application and commits the Council to not pursuing it.",
          frm=Cl("haldane"), to=[U("hale")],
          date=t, subject="The Plough Inn - review application",
          own="""
            Dominic,

            I met Mr Stokes and the residents at the Plough on Saturday and I am satisfied that the new door supervisor arrangements have dealt with the problems.

            Please withdraw the Council's application for a review of the Plough's premises licence today and let Mr Stokes know that the Council will not be pursuing the matter further.

            Rosalind Haldane
            Chair of the Licensing and Regulatory Committee
            """)

    # ---------------------------------------------------------------- 0017
    t = when(2025, 8, 12, 22, 47, 5)
    email(17, "wherry-road-alley-mattresses", style="gmail",
          expect=[ob("patel", C("patel", 1)[1])],
          why="An unsigned email from Cllr Patel's personal gmail commits the Council to clearing the waste by Friday free of charge.",
          frm=C("patel", 1, display="Vikram Patel"), to=[T("fowler")],
          date=t, subject="Re: Alley behind Wherry Road", in_reply_to=True, unsigned=True,
          own="""
            Mr Fowler, the council will clear the mattresses and the fridge from the alley behind Wherry Road by Friday and there will be no charge to any of the residents. I've seen the photos and it is not acceptable.
            """,
          quoted=(gmail_reply_attr(when(2025, 8, 12, 19, 5), T("fowler")), """
            Cllr Patel, three mattresses and a fridge have been dumped in the alley behind us since last week. The council website says a bulky collection costs £35. Why should we pay to clear someone else's rubbish?

            Derek Fowler
            """))

    # ---------------------------------------------------------------- 0018
    t = when(2025, 11, 27, 11, 15, 38)
    email(18, "community-hubs-cabinet-decision", style="outlook",
          expect=[], why="The councillor reports a decision Cabinet has already taken and adds only her own plans.",
          frm=Cl("mensah"), to=[T("marshra")],
          date=t, subject="Marsh Lane community hub",
          own="""
            Dear Mrs Wainwright,

            I promised to let the Association know the outcome. Cabinet agreed on Tuesday to keep the Marsh Lane community hub open five days a week until at least March 2027, and to move the library service into the hub building next summer.

            I will come to your January meeting to answer questions if that would help.

            Kind regards,

            Cllr Kwame Mensah
            Cabinet Member for Communities
            """)

    # ---------------------------------------------------------------- 0019
    t = when(2025, 12, 3, 19, 50, 12)
    email(19, "marsh-lane-street-lights", style="outlook",
          expect=[], why="The Council's intention is attributed to its officers; the councillor promises only to keep chasing.",
          frm=Cl("kowalski"), to=[T("nair")],
          date=t, subject="Street lights on Marsh Lane",
          own="""
            Dear Ms Nair,

            Thank you for letting me know about the lights. Officers in the street lighting team have told me that the Council will replace the three failed columns on Marsh Lane within the next fortnight, once the new cable is in.

            I'll keep chasing and will let you know if that date slips.

            Best wishes,

            Ewa Kowalski
            Councillor, Marsh Lane ward
            """)

    # ---------------------------------------------------------------- 0020
    t = when(2025, 6, 16, 8, 40, 59)
    email(20, "full-council-agenda-item-request", style="outlook",
          expect=[], why="The Chair of the Council asks Democratic Services for an agenda item and a room: everyday requests, not instructions.",
          frm=Cl("fisher"), to=[O("lowry")],
          date=t, subject="Full Council 10 July - agenda item and room",
          own="""
            Beth,

            Please could you add an item to the Full Council agenda on 10 July for the presentation to the retiring honorary aldermen, and book the Committee Room for a pre-meeting with the group leaders at 6pm?

            Thank you,

            Harriet

            Cllr Harriet Fisher
            Chair of the Council
            """)

    # ---------------------------------------------------------------- 0021
    t = when(2025, 3, 10, 17, 12, 3)
    email(21, "sycamore-close-tree-root-claim", style="outlook",
          expect=[], why="The Leader refuses the claim on the Council's behalf ('the Council cannot accept liability'); a refusal creates no obligation.",
          frm=Cl("fairbrother"), to=[T("burrows")],
          date=t, subject="Your claim - 7 Sycamore Close",
          own="""
            Dear Mr Burrows,

            Thank you for writing to me about the cracks in your driveway.

            I have read the insurer's report. The roots under your drive come from the tree in your neighbour's garden, not from the Council's street tree, and so I'm afraid the Council cannot accept liability, and I am not able to agree to a payment.

            If you have further evidence, you can ask for the claim to be looked at again through the insurers.

            Yours sincerely,

            Cllr Andrew Fairbrother
            Leader of the Council
            """)

    # ---------------------------------------------------------------- 0022
    t = when(2025, 8, 20, 12, 25, 47)
    email(22, "st-marys-school-footway", style="outlook",
          expect=[], why="The only commitment is quoted, in quotation marks, from an officer's letter; the councillor herself promises nothing for the Council.",
          frm=Cl("cashby"), to=[T("nair")],
          date=t, subject="Footway outside St Mary's school",
          own="""
            Dear Ms Nair,

            I raised the broken paving outside St Mary's with the highways department. The Head of Highways wrote to me yesterday: "We will repair the footway outside St Mary's school before the start of term." I'll walk past on 1 September to check it has been done.

            Regards,

            Claire Ashby
            Councillor, Thornbury Central
            """)

    # ---------------------------------------------------------------- 0023
    t = when(2025, 4, 2, 10, 52, 26)
    email(23, "southfen-quarry-extension-representation", style="outlook",
          expect=[], why="A councillor's representation to a neighbouring council asks it to refuse an application and to hold a hearing; it creates no obligation.",
          frm=Cl("greenhalgh"), to=[T("bright")],
          date=t, subject="SF/25/0144 - extension of Fen Edge quarry",
          own="""
            Dear Mr Bright,

            I am writing as Chair of Thornbury Fen's Planning Committee about South Fenland's application SF/25/0144 for the extension of Fen Edge quarry.

            The haul route runs through three of our villages on roads that were never built for forty HGV movements a day. In my view the application should be refused unless the lorries are routed via the A1199, and I would urge you to bring it to your Planning Committee rather than decide it under delegated powers. I would be glad to speak at the meeting.

            Yours sincerely,

            Cllr Tobias Greenhalgh
            Chair of Planning Committee, Thornbury Fen Council
            """)

    # ---------------------------------------------------------------- 0024
    hmo = Earlier("outlook", U("barraclough"), when(2025, 4, 29, 14, 7), [Cl("kowalski")],
                  "[CONFIDENTIAL] HMO licence application - 14 Wherry Road", f"""
            Dear Cllr Kowalski,

            You asked about 14 Wherry Road. The landlord applied for an HMO licence in February for seven occupiers. When I inspected on 24 April there were nine people living there, two of them in an unconverted loft with no fire escape. I am minded to refuse the licence and will be considering a prosecution for operating an overcrowded HMO.

            The landlord has not yet been told, so please do not share this with the tenants until I have written to him.

            Regards

            {sig('barraclough')}
            """)
    email(24, "wherry-road-hmo-to-tenant", style="outlook",
          expect=[cf(T("doyle"))],
          why="Cllr Kowalski forwards an HMO licensing officer's email to her, tagged [CONFIDENTIAL] in its subject, to a tenant of the property.",
          frm=Cl("kowalski"), to=[T("doyle")],
          date=when(2025, 4, 29, 20, 31, 9), subject="FW: [CONFIDENTIAL] HMO licence application - 14 Wherry Road",
          own="""
            Kieran,

            This is where things are. Please keep it between us for now.

            Ewa
            """,
          earlier=hmo)

    # ---------------------------------------------------------------- 0025
    tip = Earlier("bt", U("ormerod"), when(2025, 9, 24, 9, 10), [Cl("mashby"), Cl("reddy")],
                  "Strictly Private & Confidential - Sluice Lane fly-tipping prosecution", f"""
            STRICTLY PRIVATE & CONFIDENTIAL

            Dear Councillors,

            I can now tell you that the Council's legal team has authorised a prosecution of the keeper of the van caught on camera tipping at Sluice Lane in July. The first hearing at Fen Magistrates' Court is on 14 October. The defendant has not yet been served with the summons, so please do not discuss the case with anyone until it has been.

            Regards

            {sig('ormerod')}
            """)
    mid = Earlier("gmail", C("mashby", 1, display="Martin Ashby"), when(2025, 9, 24, 18, 2),
                  [C("patel", 1, display="Vikram Patel")],
                  "Fw: Strictly Private & Confidential - Sluice Lane fly-tipping prosecution", """
            Vikram - FYI, as it affects your side of the drove too. Martin
            """, inner=tip)
    email(25, "sluice-lane-prosecution-to-press", style="gmail",
          expect=[cf(T("prescott"))],
          why="A forward of a forward: Cllr Patel sends a reporter the Environmental Crime Officer's 'Strictly Private & Confidential' email to ward councillors about a fly-tipping prosecution.",
          frm=C("patel", 1, display="Vikram Patel"), to=[T("prescott")],
          date=when(2025, 9, 25, 7, 41, 33), subject="Fwd: Fw: Strictly Private & Confidential - Sluice Lane fly-tipping prosecution",
          own="""
            Amy,

            You asked whether anything was happening about Sluice Lane. See below.

            Vikram
            """,
          earlier=mid)

    # ---------------------------------------------------------------- 0026
    food = Earlier("iphone", U("kemp"), when(2025, 10, 8, 15, 26, 40), [Cl("mensah")],
                   "OFFICIAL-SENSITIVE: PERSONAL - food hygiene inspection, Moretti's Kitchen", f"""
            OFFICIAL-SENSITIVE: PERSONAL

            Dear Cllr Mensah,

            You asked about Moretti's Kitchen on Bridge Street after the complaints on social media. I inspected on 6 October. There was evidence of mice in the dry store and the walk-in chiller was running at 11C. The business has been given a food hygiene rating of 0 and I have served a hygiene improvement notice; a hygiene emergency prohibition was considered but was not needed as the owner closed voluntarily for a deep clean.

            The rating will not be published for 21 days, while the owner can appeal.

            {sig('kemp')}
            """)
    email(26, "morettis-kitchen-inspection-forward", style="iphone", cte="quoted-printable",
          expect=[cf(T("moretti"))],
          why="Cllr Mensah forwards, from his phone, the Food Safety Officer's 'OFFICIAL-SENSITIVE: PERSONAL' email to him about a food hygiene inspection to the business owner.",
          frm=Cl("mensah"), to=[T("moretti")],
          date=when(2025, 10, 8, 21, 4, 2), subject="Fwd: OFFICIAL-SENSITIVE: PERSONAL - food hygiene inspection, Moretti's Kitchen",
          own="""
            Luca, as we discussed.

            Kwame

            Sent from my iPhone
            """,
          earlier=food)

    # ---------------------------------------------------------------- 0027
    appeal = Earlier("outlook", U("shah"), when(2025, 11, 4, 10, 2), [Cl("greenhalgh")],
                     "Cuckoo Drove enforcement appeal - NOT FOR ONWARD TRANSMISSION", f"""
            NOT FOR ONWARD TRANSMISSION

            Dear Cllr Greenhalgh,

            The owner of the Cuckoo Drove land has appealed against the enforcement notice on ground (a), so the Inspector will consider whether planning permission should be granted for the caravans. Our evidence on the five-year supply of traveller pitches is weak, and counsel's view is that there is a real risk the Inspector grants a temporary permission.

            I would be grateful if you kept this assessment to yourself.

            {sig('shah')}
            """)
    email(27, "cuckoo-drove-appeal-to-south-fenland", style="outlook",
          expect=[cf(T("bright"))],
          why="The Monitoring Officer forwards an enforcement officer's 'NOT FOR ONWARD TRANSMISSION' email to the Chair of Planning to an officer of a neighbouring council.",
          frm=O("sandhu"), to=[T("bright")],
          date=when(2025, 11, 5, 12, 40, 17), subject="FW: Cuckoo Drove enforcement appeal - NOT FOR ONWARD TRANSMISSION",
          own=f"""
            Owen,

            As discussed, this is our current assessment of the Cuckoo Drove appeal. It may be relevant to your own pitch assessment.

            Raj

            {sig('sandhu')}
            """,
          earlier=appeal)

    # ---------------------------------------------------------------- 0028
    inner = inner_message(frm=U("barraclough"), to=[Cl("obrien")], date=when(2025, 9, 10, 9, 31),
                          subject="Marsh Lane flats - improvement notice", seed="tf0028-inner",
                          extra=[("Sensitivity", "Private")], text=f"""
            Dear Cllr O'Brien,

            Further to my email yesterday, I have now served an improvement notice under the Housing Act 2004 on the landlord of 4 Marsh Lane in respect of the damp and mould hazard. He has 14 days to start the works and 10 weeks to finish them. He has a history of appealing notices to the Tribunal, and I expect him to do so again.

            Regards

            {sig('barraclough')}
            """)
    email(28, "marsh-lane-improvement-notice-to-ra", style="outlookcom",
          expect=[cf(T("marshra"))],
          why="Cllr O'Brien attaches a housing officer's email to him, marked by its 'Sensitivity: Private' header, to an email to a residents' association.",
          frm=C("obrien", 1, display="Declan O'Brien"), to=[T("marshra")],
          date=when(2025, 9, 10, 19, 12, 50), subject="Marsh Lane flats",
          own="""
            Hi Sue,

            The officer's update on the flats is attached. Residents of the other flats may want to know.

            Declan
            """,
          attach=[("message", inner, "Marsh Lane flats - improvement notice.eml")])

    # ---------------------------------------------------------------- 0029
    email(29, "black-drove-update-to-complainant", style="outlook",
          expect=[], why="The officer's enforcement email forwarded to the complainant is not marked; 'confidential' appears only in passing and in the disclaimer.",
          frm=Cl("reddy"), to=[T("hollis")],
          date=when(2025, 7, 10, 16, 2, 45), subject="FW: Black Drove fly-tipping",
          own="""
            Dear Mrs Hollis,

            Here is the latest from the enforcement officer. I hope this reassures you that it is being taken seriously.

            Pauline Reddy
            """,
          earlier=Earlier("outlook", U("ormerod"), when(2025, 7, 10, 11, 30), [Cl("reddy")],
                          "Black Drove fly-tipping", f"""
            Dear Cllr Reddy,

            I can't go into confidential details of the investigation, but I can say that the paperwork found in the kitchen units has led us to a named individual, who has been invited to an interview under caution.

            Regards

            {sig('ormerod')}

            {NOTICE}
            """))

    # ---------------------------------------------------------------- 0030
    email(30, "waste-savings-to-union", style="outlook",
          expect=[], why="The forwarded [CONFIDENTIAL] email is about budget savings and posts, not a regulatory matter.",
          frm=C("obrien", 1, display="Declan O'Brien"), to=[T("raines")],
          date=when(2025, 10, 14, 20, 18, 4), subject="FW: [CONFIDENTIAL] Waste and street cleansing - savings options 2026/27",
          own="""
            Tom,

            You'll want to see this before Thursday.

            Declan
            """,
          earlier=Earlier("outlook", O("corrigan"), when(2025, 10, 14, 12, 5), [Cl("obrien"), Cl("whitmore")],
                          "[CONFIDENTIAL] Waste and street cleansing - savings options 2026/27", f"""
            Declan, Simon,

            Ahead of the budget workshop, the savings options for waste and street cleansing are: moving to three-weekly residual collections (£1.1m), closing the Fenside depot (£420k), and reducing street cleansing crews from nine to seven (£310k, with the loss of 14 posts). None of these has been discussed with the unions yet.

            {sig('corrigan')}
            """))

    # ---------------------------------------------------------------- 0031
    email(31, "cuckoo-drove-appeal-members-only", style="outlook",
          expect=[], why="A 'Strictly Private & Confidential' enforcement email is forwarded only to another councillor's personal address and an officer: no third party.",
          frm=Cl("greenhalgh"), to=[C("obrien", 1, display="Declan O'Brien")], cc=[U("tennant")],
          date=when(2025, 6, 5, 18, 20, 11), subject="FW: Strictly Private & Confidential - Cuckoo Drove stop notice",
          own="""
            Declan, Mark,

            As the land is on the edge of Declan's ward, I thought you should both see Priti's advice below before the Committee briefing.

            Tobias
            """,
          earlier=Earlier("outlook", U("shah"), when(2025, 6, 5, 15, 12), [Cl("greenhalgh")],
                          "Strictly Private & Confidential - Cuckoo Drove stop notice", f"""
            STRICTLY PRIVATE & CONFIDENTIAL

            Dear Cllr Greenhalgh,

            Legal have advised that a temporary stop notice is justified at Cuckoo Drove and it will be served tomorrow morning. Please do not mention it to anyone until it has been served.

            {sig('shah')}
            """))

    # ---------------------------------------------------------------- 0032
    email(32, "plough-inn-noise-cover-note", style="outlook",
          expect=[], why="Only the councillor's own covering note says 'In confidence'; the licensing officer's forwarded email to her is not marked.",
          frm=Cl("nuttall"), to=[T("stokes")],
          date=when(2025, 10, 9, 9, 55, 30), subject="FW: The Plough - noise complaints",
          own="""
            Gary,

            In confidence: please keep this between us. The officer's update is below.

            Sandra Nuttall
            """,
          earlier=Earlier("outlook", U("hale"), when(2025, 10, 8, 16, 20), [C("nuttall", display="Cllr Sandra Nuttall")],
                          "The Plough - noise complaints", f"""
            Dear Cllr Nuttall,

            We have had four complaints about music and customers in the Plough's beer garden since August. I will be visiting on a Saturday evening this month and will decide after that whether a review of the licence is needed.

            {sig('hale')}
            """))

    # ---------------------------------------------------------------- 0033
    email(33, "planning-committee-agenda-8-october", style="outlook",
          expect=[], why="Routine agenda sent openly to the Planning Committee list, copied to an officer.",
          frm=O("lowry", 1, display="Democratic Services"),
          to=[("Planning Committee", "planning-committee@thornburyfen.gov.uk")], cc=[U("tennant")],
          date=when(2025, 9, 30, 9, 0, 5), subject="Planning Committee - 8 October 2025 - agenda",
          own=f"""
            Dear Committee Members,

            The agenda and reports for the Planning Committee on Wednesday 8 October at 6.30pm in the Council Chamber, Fen House, are now published. The site visit to Cuckoo Drove leaves Fen House at 2pm.

            Kind regards

            {sig('lowry')}
            """)

    # ---------------------------------------------------------------- 0034
    email(34, "missed-bin-collection-reply", style="outlook",
          expect=[], why="An ordinary reply from Waste Services to a resident.",
          frm=U("waste"), to=[T("fowler")],
          date=when(2025, 6, 11, 14, 8, 22), subject="RE: Missed collection - 22 Wherry Road", in_reply_to=True,
          own=f"""
            Dear Mr Fowler,

            Sorry that your recycling was missed on Monday. The crew will return for it tomorrow; please leave the bin out.

            {sig('waste')}
            """)

    # ---------------------------------------------------------------- 0035
    email(35, "tigers-presentation-evening", style="outlook",
          expect=[], why="The Chair of the Council accepts an invitation for herself; nothing is committed for the Council.",
          frm=Cl("fisher"), to=[T("tigers")],
          date=when(2025, 4, 22, 10, 30, 0), subject="RE: Presentation evening - 17 May", in_reply_to=True,
          own="""
            Dear Mrs Cole,

            Thank you for the invitation. I would be delighted to present the trophies on 17 May.

            With best wishes,

            Cllr Harriet Fisher
            Chair of Thornbury Fen Council
            """)

    # ---------------------------------------------------------------- 0036
    email(36, "selective-licensing-question", style="outlook",
          expect=[], why="A councillor asks an officer for information.",
          frm=Cl("kowalski"), to=[U("barraclough")],
          date=when(2025, 5, 2, 11, 11, 11), subject="Selective licensing - question",
          own="""
            Lee,

            Could you tell me how many privately rented homes there are in Marsh Lane ward, and whether it would meet the criteria for a selective licensing scheme?

            Thanks,
            Ewa
            """)

    # ---------------------------------------------------------------- 0037
    email(37, "housing-board-diary", style="outlook",
          expect=[], why="Routine diary arrangement with both councillors visible.",
          frm=O("corrigan"), to=[Cl("okafor")], cc=[Cl("fairbrother")],
          date=when(2025, 1, 8, 8, 45, 19), subject="Housing Improvement Board - 22 January",
          own=f"""
            Grace,

            The Housing Improvement Board meets on 22 January at 10am. Andrew is copied as he hopes to join for the first item.

            {sig('corrigan')}
            """)


def build_letters():
    # ---------------------------------------------------------------- L01
    letter(1, "fen-valley-housing-hawthorn-road", "txt", Letter(
        letterhead=council_letterhead("Office of the Leader of the Council"),
        to_lines=["Ms Joanne Pike", "Chief Executive", "Fen Valley Housing Association", "4 Riverside Court",
                  "Thornbury Fen", "PE99 6RC"],
        date="6 March 2025",
        salutation="Dear Ms Pike,",
        heading="Hawthorn Road - affordable homes",
        body=["""
            Thank you for meeting me and the Cabinet Member for Housing last week to discuss your proposals for 24 affordable homes at Hawthorn Road.""",
              """
            I am pleased to confirm that the Council will contribute £40,000 from its commuted sums towards the scheme and will grant your contractor a licence to use the adjoining council car park as a site compound free of charge for the duration of the works.""",
              """
            Our officers will be in touch to draw up the funding agreement."""],
        valediction="Yours sincerely,",
        signature=["p.p. Beth Lowry", "", "Cllr Andrew Fairbrother", "Leader of the Council",
                   "andrew.fairbrother@thornburyfen.gov.uk"]),
        expect=[ob("fairbrother")],
        why="Signed p.p. by an officer, the letter goes out over the Leader's name and commits the Council to a £40,000 contribution and a free licence.")

    # ---------------------------------------------------------------- L02
    letter(2, "st-mary-drainage-works-parish", "docx", Letter(
        letterhead=council_letterhead("Place Directorate"),
        to_lines=["Mrs Linda Rowe", "Clerk to Thornbury St Mary Parish Council", "The Old School",
                  "Church Lane", "Thornbury St Mary", "PE99 8SM"],
        date="14 January 2025", refs=["Our ref: PL/HW/25/004"],
        salutation="Dear Mrs Rowe,",
        heading="Church Lane drainage works",
        body=["""
            Thank you for the Parish Council's letter about the flooding on Church Lane.""",
              """
            I can confirm that the Council will replace the collapsed culvert under Church Lane between 10 and 21 February, with the road closed during working hours. We will reinstate the verges afterwards and will deliver letters to every household on the lane a week before work starts."""],
        valediction="Yours sincerely,",
        signature=["Mark Tennant", "Director of Place", "mark.tennant@tfcouncil.org.uk"],
        after=["Copy:", "Cllr Simon Whitmore, Cabinet Member for Environment and Waste",
               "Cllr Pauline Reddy, ward councillor", "Highways Area Manager (North)"]),
        expect=[],
        why="The Council's commitments are signed by the Director of Place; the councillors appear only in the 'Copy:' list.")

    # ---------------------------------------------------------------- L03
    letter(3, "secretary-of-state-community-diagnostic-centre", "txt", Letter(
        letterhead=council_letterhead("Office of the Leader of the Council"),
        to_lines=["The Secretary of State for Health and Social Care", "39 Victoria Street", "London",
                  "SW1H 0EU"],
        date="28 April 2025",
        salutation="Dear Secretary of State,",
        heading="A community diagnostic centre for Thornbury Fen",
        body=["""
            I am writing on behalf of Thornbury Fen Council to support the integrated care board's bid for a community diagnostic centre in Thornbury Fen.""",
              """
            Our residents travel an average of 38 miles for scans that could be done locally, and the district's waiting times are among the longest in the region.""",
              """
            To make the scheme deliverable, the Council will provide the former magistrates' court site at nil cost and will underwrite the centre's running costs for its first two years. I would be grateful for the opportunity to discuss the bid with you."""],
        valediction="Yours sincerely,",
        signature=["Cllr Andrew Fairbrother", "Leader of Thornbury Fen Council"]),
        expect=[ob("fairbrother")],
        why="A representation to a Secretary of State may bear the Leader's name, but this one commits the Council to providing a site and underwriting running costs.")

    # ---------------------------------------------------------------- L04
    letter(4, "minister-hmo-licence-fees", "docx", Letter(
        letterhead=council_letterhead("Cabinet Member for Housing"),
        to_lines=["Minister for Housing and Local Government",
                  "Ministry of Housing, Communities and Local Government", "2 Marsham Street", "London", "SW1P 4DF"],
        date="12 June 2025",
        salutation="Dear Minister,",
        heading="HMO licence fees and enforcement",
        body=["""
            I am writing about the rules on HMO licence fees, which prevent councils such as ours from recovering the full cost of enforcement against rogue landlords through the fee.""",
              """
            I urge the Government to allow fees to include the costs of enforcement, and to raise the maximum civil penalty for operating an unlicensed HMO. I would welcome a meeting with your officials to explain the position in Thornbury Fen."""],
        valediction="Yours sincerely,",
        signature=["Cllr Grace Okafor", "Deputy Leader and Cabinet Member for Housing"]),
        expect=[],
        why="A representation to a Minister over a councillor's name that urges the Government to act and creates no obligation.")

    # ---------------------------------------------------------------- L05
    letter(5, "sluice-lane-interview-under-caution", "docx", Letter(
        letterhead=council_letterhead("Neighbourhood Enforcement Team"),
        marking="STRICTLY PRIVATE & CONFIDENTIAL - ADDRESSEE ONLY",
        to_lines=["Mr R. Tully", "17 Drove End", "March Fen", "PE99 3DE"],
        date="15 July 2025", refs=["Our ref: EC/25/1190"],
        salutation="Dear Mr Tully,",
        heading="Environmental Protection Act 1990, section 33 - waste deposited at Sluice Lane",
        body=["""
            On 29 June 2025 a van registered to you was recorded depositing builders' waste at the Sluice Lane lay-by, Thornbury Fen.""",
              """
            I invite you to attend an interview under caution at Fen House on 29 July 2025 at 10am. You may bring a solicitor. Please ring me on 01632 960452 to confirm that you will attend."""],
        valediction="Yours sincerely,",
        signature=["Neil Ormerod", "Environmental Crime Officer"],
        page_footer="STRICTLY PRIVATE & CONFIDENTIAL"),
        expect=[],
        why="An officer's own marked letter to a suspected offender; it was never officer-to-councillor correspondence.")

    # ---------------------------------------------------------------- L06
    letter(6, "fen-tigers-pitch-bid-support", "txt", Letter(
        letterhead=["Cllr Declan O'Brien", "Member for Marsh Lane", "Thornbury Fen Council", "declan.obrien@thornburyfen.gov.uk"],
        to_lines=["The Grants Panel", "Football Foundation", "By email"],
        date="19 February 2025",
        salutation="Dear Panel,",
        heading="Fen Tigers Youth FC - 3G pitch application",
        body=["""
            I am writing to support Fen Tigers Youth FC's application for a 3G pitch at Marsh Lane recreation ground.""",
              """
            The club runs 22 teams and turns nobody away. I have watched it grow for ten years and I believe the pitch would make a real difference to young people in one of the most deprived wards in the county. I will gladly meet the panel on site."""],
        valediction="Yours faithfully,",
        signature=["Cllr Declan O'Brien"]),
        expect=[],
        why="A councillor's own letter of support that commits the Council to nothing.")


HARD = {
    "messages/0003": [SC], "messages/0005": [SC], "messages/0006": [SC, OB], "messages/0008": [SC],
    "messages/0009": [SC], "messages/0011": [SC], "messages/0012": [SC],
    "messages/0018": [OB], "messages/0019": [OB], "messages/0020": [OB], "messages/0021": [OB],
    "messages/0022": [OB], "messages/0023": [OB],
    "messages/0029": [CF], "messages/0030": [CF], "messages/0031": [CF], "messages/0032": [CF],
    "letters/L02": [OB], "letters/L04": [OB], "letters/L05": [CF], "letters/L06": [OB],
}

README_INTRO = """
Fictional correspondence of a fictional large English unitary council, written to test a checker
of the correspondence clauses of Member/Officer protocols (`/work/shared/protocol-rules.md`). It is
large in the way unitary and county councils are: fourteen councillors (two of them share a
surname; one has three addresses on both council domains and gmail), two council mail domains
(`thornburyfen.gov.uk` and `tfcouncil.org.uk`), only three officers named in the register while
most correspondence comes from officers who are officers only because of their domain, and three
distribution lists in `policy.yaml` (`members@thornburyfen.gov.uk` reaches every councillor; a
Bcc to it is a Bcc to each councillor on it). Every person, address, case and telephone number is
invented (numbers are in Ofcom's drama ranges).
"""

README_FEATURES = """Outlook (plain, multipart and HTML-only), Outlook.com, Gmail
  (including "On ..., Name <addr> wrote:" replies), BT webmail and iPhone ("Begin forwarded
  message:") layouts; a forward of a forward; an attached original (message/rfc822) marked only by
  its `Sensitivity: Private` header; a `[CONFIDENTIAL]` subject tag; a delivered copy with
  `Delivered-To` and `X-Original-To`; a Bcc to a distribution list."""


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
