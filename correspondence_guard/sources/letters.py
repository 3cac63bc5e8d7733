"""Standalone letters: .txt, .docx and .pdf, as ``Correspondence`` of kind "letter".

A letter has no headers, so what rules need is read from its layout: page headers and
footers (where protective markings sit) go to ``marks``, the sign-off to ``signature``,
and "cc:"/"Copy to:" lines at its foot to ``cc``.
"""

from __future__ import annotations

import logging
import re

from ..model import Correspondence, Party
from .addresses import parse_address_text
from .bounds import cap_text
from .nesting import split_text
from .pdf import read_pdf
from .signature import split_signature
from .word import read_docx

logging.getLogger("pdfminer").setLevel(logging.ERROR)

_CC_LINE = re.compile(r"^\s*(?:cc|c\.c\.|copy\s+to|copies\s+to)\s*[:.]?\s+(?P<who>\S.*)$", re.IGNORECASE)
_FOOT_LINES = 20
_TITLES = re.compile(r"^(?:cllr|councillor|mr|mrs|ms|miss|dr|prof|sir|dame|rev)\b\.?", re.IGNORECASE)


def read_letter(data: bytes, filename: str, source: str) -> Correspondence:
    """Read a letter; the format is sniffed from the bytes, then from the file name."""
    name = filename.lower()
    defects: list[str] = []
    if data[:4] == b"PK\x03\x04" or name.endswith(".docx"):
        text, marks = read_docx(data, defects)
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

