"""Standalone letters: .txt, .docx and .pdf, as ``Correspondence`` of kind "letter".

A letter has no headers, so what rules need is read from its layout: page headers and
footers (where protective markings sit) go to ``marks``, the sign-off to ``signature``,
and "cc:"/"Copy to:" lines at its foot to ``cc``.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile

from ..errors import UnreadableDocument
from ..limits import LimitExceeded, limit_defect
from ..limits import current as current_limits
from ..model import Correspondence, Party
from .addresses import parse_address_text
from .bounds import cap_text, check_zip
from .nesting import split_text
from .pdf import read_pdf
from .signature import split_signature

logging.getLogger("pdfminer").setLevel(logging.ERROR)

_CC_LINE = re.compile(r"^\s*(?:cc|c\.c\.|copy\s+to|copies\s+to)\s*[:.]?\s+(?P<who>\S.*)$", re.IGNORECASE)
_FOOT_LINES = 20
_TITLES = re.compile(r"^(?:cllr|councillor|mr|mrs|ms|miss|dr|prof|sir|dame|rev)\b\.?", re.IGNORECASE)


def read_letter(data: bytes, filename: str, source: str) -> Correspondence:
    """Read a letter; the format is sniffed from the bytes, then from the file name."""
    name = filename.lower()
    defects: list[str] = []
    if data[:4] == b"PK\x03\x04" or name.endswith(".docx"):
        text, marks = _docx(data, defects)
    elif data.lstrip()[:5] == b"%PDF-" or name.endswith(".pdf"):
        text, marks = read_pdf(data, defects)
    else:
        text, marks = _plain(data), ()
    text = cap_text(text, "text", defects)
    own, nested = split_text(text, source=source)
    return Correspondence(
        kind="letter",
        source=source,
        cc=_foot_cc(own),
        own_text=own,
        signature=split_signature(own)[1],
        marks=marks,
        nested=nested,
        name=filename,
        defects=tuple(defects),
    )


def _plain(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding).replace("\r\n", "\n")
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1").replace("\r\n", "\n")


def _docx(data: bytes, defects: list[str]) -> tuple[str, tuple[str, ...]]:
    """Body paragraphs and tables in document order; section headers/footers as marks.

    Every zip member is checked against ``limits.member_bytes`` before python-docx
    inflates it; the body is read up to ``limits.characters``.
    """
    try:
        check_zip(data)
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
    except LimitExceeded:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise UnreadableDocument(f"not a readable Word document: {_reason(exc)}") from None
    except Exception as exc:
        raise UnreadableDocument(f"not a readable Word document: {_reason(exc)}") from None
    lines: list[str] = []
    most, read = current_limits().characters, 0
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        new = [Paragraph(child, document).text] if tag == "p" else _table_lines(Table(child, document)) if tag == "tbl" else []
        lines.extend(new)
        read += sum(len(line) + 1 for line in new)
        if read > most:
            defects.append(limit_defect("characters", most, "the rest of the document was not read"))
            break
    marks: list[str] = []
    for section in document.sections:
        for part in _header_footers(section):
            text = "\n".join(p.text for p in part.paragraphs).strip()
            for table in part.tables:
                text = "\n".join(filter(None, [text, *_table_lines(table)]))
            if text and text not in marks:
                marks.append(text)
    return "\n".join(lines), tuple(marks)


def _header_footers(section):
    """The headers and footers a section defines itself (linked ones repeat another's)."""
    parts = [section.header, section.footer, section.first_page_header, section.first_page_footer,
             section.even_page_header, section.even_page_footer]
    return [part for part in parts if part in (section.header, section.footer) or not part.is_linked_to_previous]


def _table_lines(table, budget: int | None = None) -> list[str]:
    """One line per row, its cells' texts joined by " | ", until ``budget`` characters.

    Read from the XML (the text runs of each ``w:tc`` of each ``w:tr``) rather than
    python-docx's ``row.cells``, which lays out the whole table's grid again for every
    row: a table of 2,000 rows took 54 s. A merged cell is written once, as in the document.
    """
    from docx.oxml.ns import qn

    budget = current_limits().characters if budget is None else budget
    text_tags = {qn("w:t"): None, qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n"}
    lines = []
    for row in table._tbl.iterchildren(qn("w:tr")):
        cells: list[str] = []
        seen: set[str] = set()
        for cell in row.iterchildren(qn("w:tc")):
            paragraphs = cell.iterchildren(qn("w:p"))
            text = "\n".join(
                "".join((node.text or "") if text_tags[node.tag] is None else text_tags[node.tag]
                        for node in p.iter(*text_tags))
                for p in paragraphs
            )
            if text not in seen:
                seen.add(text)
                cells.append(text)
        lines.append(" | ".join(cells))
        budget -= len(lines[-1]) + 1
        if budget < 0:
            break
    return lines


def _foot_cc(text: str) -> tuple[Party, ...]:
    """Parties on "cc:"/"Copy to:" lines among the last lines of a letter.

    Descriptions after a name ("Cllr Tom Bramley, Ward Member for Lowbridge") are
    dropped: a piece without an address is kept only when it reads as a person's name.
    """
    found: list[Party] = []
    for line in text.splitlines()[-_FOOT_LINES:]:
        match = _CC_LINE.match(line)
        if not match:
            continue
        for party in parse_address_text(match.group("who")):
            if party.address or _looks_like_name(party.name):
                found.append(party)
    return tuple(found)


def _looks_like_name(text: str) -> bool:
    words = text.split()
    if not words or len(words) > 5:
        return False
    if _TITLES.match(text):
        return True
    return all(word[:1].isupper() for word in words)


def _reason(exc: BaseException) -> str:
    message = " ".join(str(exc).split()) or type(exc).__name__
    return message[:120]
