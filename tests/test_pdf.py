"""PDF letters: PDFium's text is pdfminer's, its marks include the footer, the limits hold."""

from __future__ import annotations

import email
import zlib
from pathlib import Path

import pytest

from correspondence_guard.limits import LimitExceeded, Limits
from correspondence_guard.limits import applied as limits_applied
from correspondence_guard.sources.pdf import _pdfium_pages, _pdfminer_pages, check_streams, read_pdf
from correspondence_guard.testing import pdf_letter

ROOT = Path(__file__).resolve().parent
SHARED = ROOT.parents[1] / "shared" / "corpus"


def _corpus_pdfs():
    found = sorted(ROOT.glob("corpora/*/letters/*.pdf")) + sorted(SHARED.glob("*/letters/*.pdf"))
    pdfs = [(path.name, path.read_bytes()) for path in found]
    for path in sorted(SHARED.glob("*/messages/*.eml")):
        for part in email.message_from_bytes(path.read_bytes()).walk():
            if (part.get_filename() or "").lower().endswith(".pdf"):
                pdfs.append((f"{path.name}: {part.get_filename()}", part.get_payload(decode=True)))
    return pdfs


def _lines(pages) -> list[set[str]]:
    return [{" ".join(line.text.split()) for line in lines} for _, lines, _ in pages if lines]


@pytest.mark.shared
def test_pdfium_reads_the_same_lines_as_pdfminer_on_every_corpus_letter():
    pdfs = _corpus_pdfs()
    assert len(pdfs) >= 10
    for name, data in pdfs:
        fast, count = _pdfium_pages(data, 50)
        slow, slow_count = _pdfminer_pages(data, 50)
        assert count == slow_count and _lines(fast) == _lines(slow), name


def test_a_marking_in_the_footer_above_the_address_and_page_number_is_a_mark():
    body = ["Castlebridge Council", "Planning Enforcement", "", "Dear Councillor,"] + ["The notice was served."] * 50
    footer = ["", "", "", "", "", "", "", "", "", "", "Not for onward transmission", "Town Hall, Corporation Street", "Page 1"]
    text, marks = read_pdf(pdf_letter("\n".join(body + footer)), [])
    assert marks[:2] == ("Castlebridge Council", "Planning Enforcement")
    assert "Not for onward transmission" in marks and "Page 1" in marks
    assert "The notice was served." not in marks
    assert text.splitlines()[:2] == ["Castlebridge Council", "Planning Enforcement"]


def test_a_flate_stream_past_member_bytes_is_refused_before_pdfium_sees_it():
    bomb = zlib.compress(b" " * (2 * 1024 * 1024))
    head = b"1 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(bomb)
    data = b"%PDF-1.4\n" + head + bomb + b"\nendstream\nendobj\n"
    with limits_applied(Limits(member_bytes=1024 * 1024)):
        with pytest.raises(LimitExceeded):
            check_streams(data)
    with limits_applied(Limits(member_bytes=4 * 1024 * 1024)):
        check_streams(data)


def test_pages_past_the_limit_are_not_read_and_say_so():
    page = _two_pages()
    defects: list[str] = []
    with limits_applied(Limits(pages=1)):
        text, _ = read_pdf(page, defects)
    assert text == "Planning committee minutes" and any("pages" in d for d in defects)


def test_a_pdf_pdfium_cannot_open_falls_back_to_pdfminer_and_its_reason():
    from correspondence_guard.errors import UnreadableDocument

    with pytest.raises(UnreadableDocument, match="not a readable PDF"):
        read_pdf(b"%PDF-1.4 not really", [])


def _two_pages() -> bytes:
    """A PDF of two pages (the second a copy of the first), built by rewriting the page tree."""
    one = pdf_letter("Planning committee minutes")
    return one.replace(b"/Kids [3 0 R] /Count 1", b"/Kids [3 0 R 3 0 R] /Count 2")
