"""Shared machinery of the labelled correspondence corpora (glanrhyd, thornbury-fen, kingsmere).

Each corpus folder has a make_corpus.py that holds only what is its own: the council's register
(councillors, officers, unlisted officers, distribution lists, third parties, signatures), the
emails and letters, the hard-negative table and the README prose. It builds a Register from its
register data and a Corpus from that, and this module does the rest: client-faithful rendering
of emails (headers, HTML alternatives, forwards), letters as .txt, .docx and .pdf, policy.yaml,
labels.yaml, README.md, and the checks.

Nothing here reads per-council globals: the register and the collected documents are passed in.
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
import textwrap
import zipfile
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime

SC, OB, CF = "silent-copy", "councillor-obligation", "confidential-regulatory-disclosure"


# --------------------------------------------------------------------------
# The register of one council
# --------------------------------------------------------------------------

class Register:
    """One council's register and the people its correspondence is written between.

    councillors: key -> (name, [emails; the first is the party of a councillor-obligation
    finding], [titles]); officers: key -> (name, title, [emails]); unlisted: key -> (name, email)
    for officers at the council's domains who are not in the register; lists: distribution lists
    ({address, name, members}); third: key -> (name, email); sigs: key -> signature block.
    """

    def __init__(self, *, council, domains, office_address, office_phone, councillors, officers,
                 unlisted, lists, third, sigs):
        self.council = council
        self.domains = list(domains)
        self.domain = self.domains[0]
        self.office_address = list(office_address)
        self.office_phone = office_phone
        self.councillors = councillors
        self.officers = officers
        self.unlisted = unlisted
        self.unlisted_officers = {a for _n, a in unlisted.values()}
        self.lists = lists
        self.third = third
        self.sigs = sigs

    # people as (display name, address) pairs
    def C(self, key, i=0, display=None):
        name, emails, _t = self.councillors[key]
        return (display if display is not None else name, emails[i])

    def O(self, key, i=0, display=None):
        name, _title, emails = self.officers[key]
        return (display if display is not None else name, emails[i])

    def U(self, key, display=None):
        name, a = self.unlisted[key]
        return (display if display is not None else name, a)

    def T(self, key, display=None):
        name, a = self.third[key]
        return (display if display is not None else name, a)

    def Cl(self, key, i=0):
        """A councillor as 'Cllr Name' <address>."""
        return self.C(key, i, display=f"Cllr {self.councillors[key][0]}")

    def first(self, key):
        return self.councillors[key][1][0]

    def ob(self, key, sent_from=None):
        """councillor-obligation parties: the first register address, plus the sending address
        when it is another of the councillor's own addresses."""
        ps = [self.first(key)]
        if sent_from and sent_from != self.first(key):
            ps.append(sent_from)
        return (OB, ps)

    def expand(self, text):
        """Replace [[sig:key]] markers with the signature blocks."""
        return re.sub(r"\[\[sig:(\w+)\]\]", lambda m_: dedent(self.sigs[m_.group(1)]), text)

    def earlier(self, *args, **kwargs):
        """An Earlier block whose signature markers expand from this register."""
        return Earlier(*args, expand=self.expand, **kwargs)

    def council_letterhead(self, *extra):
        return [self.council, *extra, *self.office_address, f"Tel: {self.office_phone}", f"www.{self.domain}"]


    def register_maps(self):
        cllr = {}
        for key, (name, emails, _t) in self.councillors.items():
            for e in emails:
                cllr[e.lower()] = key
        off = {}
        for key, (_n, _t, emails) in self.officers.items():
            for e in emails:
                off[e.lower()] = key
        return cllr, off


    def list_members(self, address):
        """The first register addresses a distribution list reaches (None if not a list)."""
        for dl in self.lists:
            if dl["address"].lower() != address.lower():
                continue
            out = []
            for m_ in dl["members"]:
                if "@" in m_:
                    out.append(m_.lower())
                elif m_.lower() == "councillors":
                    out += [e[0].lower() for _n, e, _t in self.councillors.values()]
                else:
                    for n, e, *_ in list(self.councillors.values()) + [(o[0], o[2]) for o in self.officers.values()]:
                        if n.lower() == m_.lower():
                            out.append(e[0].lower())
            return out
        return None


    def note_names(self, own):
        """Councillor keys named by copy-note lines/phrases in the author's own text."""
        named = set()
        notes = []
        for rx in NOTE_RES:
            notes += re.findall(rx, own)
        # a title in full, or in short (its trailing qualifier dropped), covers every councillor
        # whose title starts with it; longest first, each span of the note used once
        phrases = {}
        for k, (_n, _e, ts) in self.councillors.items():
            for t in ts:
                short = re.sub(r"\s+(?:of|for)\s.*$", "", t)
                for ph in (t, short):
                    phrases.setdefault(ph, set()).update(
                        k2 for k2, (_n2, _e2, ts2) in self.councillors.items()
                        if any(t2.lower().startswith(ph.lower()) for t2 in ts2))
        for note in notes:
            rest = note
            for ph in sorted(phrases, key=len, reverse=True):
                mt = re.search(r"(?i)(?<![\w-])" + re.escape(ph) + r"\b", rest)
                if mt:
                    named |= phrases[ph]
                    rest = rest[:mt.start()] + " | " + rest[mt.end():]
            for key, (name, _e, _ts) in self.councillors.items():
                firstn, surname = name.split(" ", 1)
                for m_ in re.finditer(r"(?i)(?:(\w+)\.?\s+)?" + re.escape(surname) + r"\b", rest):
                    lead = m_.group(1)
                    if lead and lead.lower() not in ("cllr", "councillor") and not (
                            lead.lower() == firstn.lower() or (len(lead) == 1 and lead.lower() == firstn[0].lower())):
                        continue
                    named.add(key)
        return named


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
    """A Message-ID as the style's client writes it; iphone and thunderbird need the domain."""
    if style in ("iphone", "thunderbird") and not domain:
        raise ValueError(f"msgid: {style} needs a domain")
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
        return f"<{u[:8]}-{u[8:12]}-{u[12:16]}-{u[16:20]}-{u[20:32]}@{domain}>"
    if style == "thunderbird":
        u = h(seed, 32)
        return f"<{u[:8]}-{u[8:12]}-{u[12:16]}-{u[16:20]}-{u[20:32]}@{domain}>"
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
    """A message carried inside another one, rendered as a client would.

    expand: turns [[sig:key]] markers into signature blocks (Register.expand; Register.earlier
    passes it).
    """

    def __init__(self, style, frm, sent, to, subject, text, cc=(), inner=None, *, expand):
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

    def pdf(self, author, core_title="Letter"):
        """The letter as an A4 PDF (fpdf2, core Helvetica), page header and footer on every page."""
        from fpdf import FPDF
        letter = self

        class Page(FPDF):
            def header(self):
                if letter.page_header:
                    self.set_font("Helvetica", "B", 8)
                    self.cell(0, 5, latin(letter.page_header), align="C", new_x="LMARGIN", new_y="NEXT")
                    self.ln(3)

            def footer(self):
                if letter.page_footer:
                    self.set_y(-14)
                    self.set_font("Helvetica", "B", 8)
                    self.cell(0, 5, latin(letter.page_footer), align="C")

        pdf = Page(format="A4")
        pdf.set_creation_date(dt.datetime(2025, 1, 1, 9, 0, tzinfo=dt.timezone.utc))
        pdf.set_title(latin(core_title))
        pdf.set_author(latin(author))
        pdf.set_creator(latin(author))
        pdf.set_margins(22, 16, 22)
        pdf.set_auto_page_break(True, margin=24)
        pdf.add_page()
        plain = lambda texts: [(t, "", "L") for t in texts]
        blocks = [([(t, "B" if i == 0 else "", "R") for i, t in enumerate(self.letterhead)], 5),
                  ([(self.marking, "B", "L")] if self.marking else [], 3),
                  (plain(self.to_lines), 4), (plain([*self.refs, self.date]), 4),
                  (plain([self.salutation]), 3),
                  ([(self.heading, "B", "L")] if self.heading else [], 3),
                  *[(plain([p]), 3) for p in self.body],
                  (plain([self.valediction]), 10), (plain(self.signature), 4), (plain(self.after), 0)]
        for lines, gap in blocks:
            for text, style, align in lines:
                pdf.set_font("Helvetica", style, 10.5)
                pdf.multi_cell(0, 5, latin(text), align=align, new_x="LMARGIN", new_y="NEXT")
            if lines:
                pdf.ln(gap)
        return bytes(pdf.output())

    def docx(self, author, core_title="Letter"):
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
        cp.author = author
        cp.last_modified_by = author
        cp.title = core_title
        fixed = dt.datetime(2025, 1, 1, 9, 0, 0)
        cp.created = fixed
        cp.modified = fixed
        cp.revision = 1
        buf = io.BytesIO()
        d.save(buf)
        return fixed_zip(buf.getvalue())


def received(t, rcpt, *, frm, ip, seed, by="mx.google.com"):
    """A Received trace header (folded), as a delivering MTA writes it."""
    return (f"from {frm} ({frm}. [{ip}])\n        by {by} with ESMTPS id "
            f"{h(seed, 12)}.{h(seed + 'r', 4)}\n        for <{rcpt}>;\n        {rfcdate(t)}")


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


# --------------------------------------------------------------------------
# Building one email
# --------------------------------------------------------------------------

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


class Corpus:
    """The documents of one corpus as they are built: files (relative path -> bytes) and docs
    ([{path, kind, expect, why, meta}], the labels and what the checks need)."""

    def __init__(self, reg, here):
        self.reg = reg
        self.here = here
        self.docs = []
        self.files = {}

    def email(self, num, slug, *, expect, why, frm, to=(), cc=(), bcc=(), date, subject, own, style="outlook",
              earlier=None, quoted=None, html_alt=None, cte=None, attach=(), extra=(), raw=(),
              in_reply_to=False, crlf=None, unsigned=False, html_only=False, delivered=(), prepend=()):
        """Build, store and label one .eml.

        own: the author's own text (signature included). earlier: an Earlier block (forward or
        Outlook-style reply) rendered below it. quoted: (attribution line, text) for '>' quoting.
        """
        seed = f"{num:04d}-{slug}"
        own_text = self.reg.expand(dedent(own))
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
        self.files[path] = data
        self.docs.append(dict(path=path, kind="email", expect=expect, why=why,
                         meta=dict(own=own_text, frm=frm, to=list(to), cc=list(cc), bcc=list(bcc),
                                   earlier=earlier, unsigned=unsigned, delivered=list(delivered))))
        return m


    def inner_message(self, *, frm, to, cc=(), date, subject, text, seed, style="outlook", extra=()):
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
        m.set_raw("Message-ID", msgid(style, seed, domain=self.reg.domain))
        m["Accept-Language"] = "en-GB, en-US"
        for k, v in extra:
            m[k] = v
        m.set_content(self.reg.expand(dedent(text)) + "\n", cte="quoted-printable")
        m["Content-Language"] = "en-GB"
        return m


    def letter(self, num, slug, fmt_, lt, *, expect, why):
        path = f"letters/L{num:02d}-{slug}.{fmt_}"
        render = {"txt": lambda: lt.txt().encode("utf-8"),
                  "docx": lambda: lt.docx(self.reg.council, core_title=lt.heading or slug),
                  "pdf": lambda: lt.pdf(self.reg.council, core_title=lt.heading or slug)}[fmt_]
        self.files[path] = render()
        self.docs.append(dict(path=path, kind="letter", expect=expect, why=why, meta=dict(letter=lt)))


def sc(*people):
    return (SC, [p[1] if isinstance(p, tuple) else p for p in people])


def cf(*people):
    return (CF, [p[1] if isinstance(p, tuple) else p for p in people])


def sig(key):
    return f"[[sig:{key}]]"


# --------------------------------------------------------------------------
# policy.yaml, labels.yaml, README.md
# --------------------------------------------------------------------------

def q(s):
    """A YAML double-quoted scalar (JSON string syntax is valid YAML)."""
    import json
    return json.dumps(s, ensure_ascii=False)


def ylist(xs):
    return "[" + ", ".join(q(x) if any(c in x for c in ":#,'\"[]{}") else x for x in xs) + "]"


def policy_yaml(reg):
    L = [f"# Register of the fictional {reg.council}, in the register format of",
         "# protocol-rules.md. A councillor's first address is the one labels.yaml names as the",
         "# party of a councillor-obligation finding.",
         "council:",
         f"  name: {reg.council}",
         f"  domains: {ylist(reg.domains)}",
         "councillors:"]
    for name, emails, titles in reg.councillors.values():
        L.append(f"  - name: {q(name) if chr(39) in name else name}")
        L.append(f"    emails: {ylist(emails)}")
        if titles:
            L.append(f"    titles: {ylist(titles)}")
    L.append("officers:")
    for name, title, emails in reg.officers.values():
        L += [f"  - name: {name}", f"    title: {title}", f"    emails: {ylist(emails)}"]
    if reg.lists:
        L.append("distribution_lists:")
        for dl in reg.lists:
            L += [f"  - address: {dl['address']}", f"    name: {dl['name']}",
                  f"    members: {ylist(dl['members'])}"]
    return "\n".join(L) + "\n"


def labels_yaml(council, docs):
    L = [f"council: {council}", "documents:"]
    for d in sorted(docs, key=lambda d: d["path"]):
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


def hard_for(hard, path):
    return hard.get(path.split("-")[0], [])


def counts(docs, hard):
    pos = collections.Counter()
    neg = collections.Counter()
    for d in docs:
        for rule, _p in d["expect"]:
            pos[rule] += 1
        for rule in hard_for(hard, d["path"]):
            neg[rule] += 1
    hard_docs = sum(1 for d in docs if hard_for(hard, d["path"]))
    clean = sum(1 for d in docs if not d["expect"] and not hard_for(hard, d["path"]))
    return pos, neg, clean, hard_docs


def readme(reg, docs, hard, intro, features):
    pos, neg, clean, hard_docs = counts(docs, hard)
    n_mail = sum(1 for d in docs if d["kind"] == "email")
    n_let = len(docs) - n_mail
    two = [d["path"] for d in docs if len(d["expect"]) > 1]
    num = lambda p: p.split("/")[1].split("-")[0]
    hard_l = collections.defaultdict(list)
    posl = collections.defaultdict(list)
    for d in sorted(docs, key=lambda d: d["path"]):
        for rule in hard_for(hard, d["path"]):
            hard_l[rule].append(num(d["path"]))
        for rule, _p in d["expect"]:
            posl[rule].append(num(d["path"]))
    rows = "\n".join(f"| `{r}` | {pos[r]} ({', '.join(posl[r])}) | {neg[r]} ({', '.join(hard_l[r])}) |"
                     for r in (SC, OB, CF))
    two_s = f"{len(two)} carry two findings ({', '.join(num(p) for p in two)})." if two else ""
    return f"""# {reg.council}: labelled correspondence corpus

{intro.strip()}

- `policy.yaml`: the register ({len(reg.councillors)} councillors, {len(reg.officers)} named officers, \
{len(reg.domains)} mail domain{'s' if len(reg.domains) > 1 else ''}{', ' + str(len(reg.lists)) + ' distribution list' + ('s' if len(reg.lists) > 1 else '') if reg.lists else ''}), \
in the register format of `protocol-rules.md`.
- `messages/*.eml`: {n_mail} emails as they sit in a Sent Items or mailbox export (the sender's copy
  keeps its `Bcc` header; a delivered copy carries `Delivered-To`). {features.strip()}
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

{len(docs)} documents in all, {n_mail} emails and {n_let} letters (`L..` above). {hard_docs} are hard
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

    python3 ../../../../shared/tools/score_corpus.py correspondence-guard . --show
"""


# --------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------


EMAIL_RE = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


def docx_text(data):
    import docx
    d = docx.Document(io.BytesIO(data))
    parts = [p.text for p in d.paragraphs]
    for s_ in d.sections:
        parts += [p.text for p in s_.header.paragraphs] + [p.text for p in s_.footer.paragraphs]
    return "\n".join(parts)


def pdf_text(data):
    from pdfminer.high_level import extract_text
    return extract_text(io.BytesIO(data))


def latin(text):
    """Text for a core PDF font: typographic dashes and quotes as Latin-1 has them."""
    table = {"\u2013": "-", "\u2014": "-", "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'}
    return "".join(table.get(c, c) for c in text).encode("latin-1", "replace").decode("latin-1")


NOTE_RES = [
    r"(?im)^\s*(?:cc|bcc|copy to|copied to|copy)\s*[.:]?\s*(.+)$",
    r"(?i)cop(?:ied|y)(?: this| this email)? to\s+((?:Cllr|Councillor)\.?\s+[^\n.,;]+)",
    r"(?i)((?:Cllr|Councillor)\.?\s+[A-Z][\w' -]+?)\s+(?:is|has been)\s+(?:b?cc'?d|copied)",
    r"(?i)\bcopying(?: in)?\s+((?:Cllr|Councillor)\.?\s+[^\n.,;]+)",
]


def check(corpus, hard, verbose=True):
    """Check the corpus on disk against the register and the labels; return the problems."""
    reg, here, docs = corpus.reg, corpus.here, corpus.docs
    import email as email_pkg
    import yaml
    problems = []
    cllr, off = reg.register_maps()

    def who(a):
        a = a.lower()
        if a in cllr:
            return "C"
        if a in off or any(a.endswith("@" + d) for d in reg.domains):
            return "O"
        return "T"

    on_disk = sorted(str(p.relative_to(here)) for sub in ("messages", "letters") for p in (here / sub).iterdir())
    labels = yaml.safe_load((here / "labels.yaml").read_text(encoding="utf-8"))
    pol = yaml.safe_load((here / "policy.yaml").read_text(encoding="utf-8"))
    if [c["emails"] for c in pol["councillors"]] != [v[1] for v in reg.councillors.values()]:
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
        data = (here / path).read_bytes()
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
                reach |= set(reg.list_members(r_) or [])
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
                if key is None or reg.councillors[key][1][0] != ps[0]:
                    problems.append(f"{path}: obligation party {ps[0]} is not a councillor's first address")
                elif cllr.get(frm) != key:
                    problems.append(f"{path}: obligation party {ps[0]} did not send the message")
                else:
                    want = [ps[0]] + ([frm] if frm != ps[0] else [])
                    if ps != want:
                        problems.append(f"{path}: obligation parties {ps}, expected {want}")
        elif path.endswith(".docx"):
            texts.append(docx_text(data))
        elif path.endswith(".pdf"):
            texts.append(pdf_text(data))
        else:
            texts.append(data.decode("utf-8"))
        blob = "\n".join(texts)
        if path.startswith("letters/"):
            for p in exp.get(OB, []):
                name = reg.councillors[cllr[p]][0]
                if name.split()[-1] not in blob:
                    problems.append(f"{path}: obligation party {p} / {name} not in the letter")
        for a in EMAIL_RE.findall(blob):
            if any(a.lower().endswith("@" + d) for d in reg.domains):
                council_addrs.add(a.lower())
    listed = {dl["address"].lower() for dl in reg.lists}
    for a in sorted(council_addrs):
        if a not in cllr and a not in off and a not in reg.unlisted_officers and a not in listed:
            problems.append(f"council address neither in policy.yaml nor a known unlisted officer: {a}")
    for mid, n in msgids.items():
        if n > 1:
            problems.append(f"Message-ID used {n} times: {mid}")

    # mechanical cross-check of silent-copy labels against the rule's conditions
    for d in docs:
        if d["kind"] != "email":
            continue
        meta = d["meta"]
        want = sorted(p for r, ps in d["expect"] if r == SC for p in ps)
        got = []
        if who(meta["frm"][1]) == "O":
            vis_addrs = [p[1].lower() for p in meta["to"] + meta["cc"]]
            vis_all = set(vis_addrs)
            for a in vis_addrs:
                vis_all |= set(reg.list_members(a) or [])
            visible = {cllr[a] for a in vis_all if a in cllr}
            if visible:
                noted = reg.note_names(meta["own"])
                hidden = []
                for p in meta["bcc"]:
                    mem = reg.list_members(p[1])
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
    for d in docs:
        if not d["why"].strip().endswith("."):
            problems.append(f"{d['path']}: why is not one sentence")

    if verbose:
        pos, neg, clean, hard_docs = counts(docs, hard)
        print(f"{len(on_disk)} documents; positives {dict(pos)}; hard negatives {dict(neg)}; "
              f"hard-negative documents {hard_docs}; clean {clean}")
    return problems


def build(corpus, build_emails, build_letters, hard, readme_intro, readme_features):
    """Rebuild the corpus beside its script: messages/, letters/, policy.yaml, labels.yaml, README.md."""
    reg, here = corpus.reg, corpus.here
    for sub in ("messages", "letters"):
        d = here / sub
        if d.exists():
            shutil.rmtree(d)
        d.mkdir()
    build_emails()
    build_letters()
    for path, data in corpus.files.items():
        (here / path).write_bytes(data)
    (here / "policy.yaml").write_text(policy_yaml(reg), encoding="utf-8")
    (here / "labels.yaml").write_text(labels_yaml(reg.council, corpus.docs), encoding="utf-8")
    (here / "README.md").write_text(readme(reg, corpus.docs, hard, readme_intro, readme_features),
                                    encoding="utf-8")


def main(corpus, *, description, build_emails, build_letters, hard, readme_intro, readme_features):
    """The command line of a make_corpus.py: rebuild and check, or (--check) only check."""
    ap = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="only check the corpus on disk")
    a = ap.parse_args()
    if a.check:
        build_emails()
        build_letters()   # metadata for the cross-checks; nothing is written
    else:
        build(corpus, build_emails, build_letters, hard, readme_intro, readme_features)
    problems = check(corpus, hard)
    for p in problems:
        print("PROBLEM:", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0
