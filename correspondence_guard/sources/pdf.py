"""The text of a PDF letter, page by page, with the lines at each page's edges as marks.

PDFium (pypdfium2) reads the text about five times faster than pdfminer and gives its lines
in the order they stand on the page. pdfminer is kept where it does better: a PDF that
PDFium cannot open (pdfminer is more forgiving, and names what is wrong), or one where
PDFium finds no text at all.

Limits: PDFium inflates streams in C with no bound, so every Flate stream is first
inflated here within ``limits.member_bytes`` (a stream past it is refused, as pdfminer's
bounded ``zlib`` refuses it); only ``limits.pages`` pages are read.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from ..errors import UnreadableDocument, one_line
from ..limits import LimitExceeded, limit_defect
from ..limits import current as current_limits
from .bounds import bound_pdfminer, bounded_inflate

#: A page's header and footer: its first and last lines, and any line in the band at the
#: foot of the page where a footer stands (a marking there is often over an address and
#: a page number).
_MARK_LINES = 2
_FOOT_BAND = 0.06
#: A gap between lines wider than this many line heights starts a new paragraph.
_PARAGRAPH_GAP = 0.8
_STREAM = re.compile(rb"(?<!end)stream\r?\n")
_FLATE = re.compile(rb"/(?:FlateDecode|Fl)\b")


@dataclass(frozen=True)
class Line:
    top: float
    bottom: float
    text: str


def read_pdf(data: bytes, defects: list[str]) -> tuple[str, tuple[str, ...]]:
    """(text of the pages read, marks). Raises UnreadableDocument or LimitExceeded."""
    check_streams(data)
    most = current_limits().pages
    try:
        pages, count = _pdfium_pages(data, most)
    except Exception:
        pages, count = None, 0
    if pages is None or not any(lines for _, lines, _ in pages):
        pages, count = _pdfminer_pages(data, most)
    if count > most:
        defects.append(limit_defect("pages", most, f"only the first {most} pages read"))
    marks: list[str] = []
    texts = []
    for text, lines, height in pages:
        if not lines:
            continue
        texts.append(text)
        for line in _edges(lines, height):
            if line.text not in marks:
                marks.append(line.text)
    return "\n\n".join(texts), tuple(marks)


def _paragraphs(lines: list[Line]) -> str:
    """The page's lines, with a blank line where the gap above a line is wider than a line."""
    out: list[str] = []
    for before, line in zip([None, *lines], lines):
        if before is not None and line.top - before.bottom > (line.bottom - line.top) * _PARAGRAPH_GAP:
            out.append("")
        out.append(line.text)
    return "\n".join(out)


def _edges(lines: list[Line], height: float | None) -> list[Line]:
    edges = [*lines[:_MARK_LINES], *lines[-_MARK_LINES:]]
    if height:
        edges += [line for line in lines if line.bottom >= height * (1 - _FOOT_BAND)]
    return sorted(set(edges), key=lines.index)


def check_streams(data: bytes) -> None:
    """Refuse a PDF with a Flate stream that inflates past ``limits.member_bytes``."""
    view = memoryview(data)
    for match in _STREAM.finditer(data):
        head = data[max(0, match.start() - 512): match.start()]
        layers = len(_FLATE.findall(head[head.rfind(b"<<"):]))
        chunk = view[match.end():]
        for _ in range(layers):  # each Flate layer of the stream, within the limit
            try:
                chunk = bounded_inflate(chunk)
            except LimitExceeded:
                raise
            except Exception:  # not Flate after all: PDFium or pdfminer will say so
                break


def _pdfium_pages(data: bytes, most: int) -> tuple[list[tuple[str, list[Line], float]], int]:
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        count = len(document)
        pages = []
        for index in range(min(count, most)):
            page = document[index]
            lines = _pdfium_lines(page)
            pages.append((_paragraphs(lines), lines, page.get_height()))
        return pages, count
    finally:
        document.close()


def _pdfium_lines(page) -> list[Line]:
    """The page's text runs gathered into lines (runs sharing a middle height), top to bottom."""
    textpage = page.get_textpage()
    height = page.get_height()
    rows: list[list] = []  # [top, bottom, [(left, text)]], in PDF space (y grows upwards)
    for index in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(index)
        text = " ".join(textpage.get_text_bounded(left, bottom, right, top).split())
        if not text:
            continue
        middle = (top + bottom) / 2
        row = next((row for row in rows if row[1] <= middle <= row[0]), None)
        if row is None:
            rows.append([top, bottom, [(left, text)]])
        else:
            row[2].append((left, text))
    rows.sort(key=lambda row: -row[0])
    return [Line(top=height - top, bottom=height - bottom, text=" ".join(t for _, t in sorted(runs)))
            for top, bottom, runs in rows]


def _pdfminer_pages(data: bytes, most: int) -> tuple[list[tuple[str, list[Line], None]], int]:
    try:
        from pdfminer.high_level import extract_text

        bound_pdfminer()
        text = extract_text(io.BytesIO(data), maxpages=most + 1)
    except (LimitExceeded, MemoryError):
        raise
    except Exception as exc:
        raise UnreadableDocument(f"not a readable PDF: {one_line(exc)}") from None
    read = text.split("\f")
    count = len(read) - 1  # every page read ends with a form feed
    pages = []
    for page in read[:most]:
        lines = [Line(0, 0, line.strip()) for line in page.splitlines() if line.strip()]
        pages.append((page.strip("\n"), lines, None))
    return pages, count
