import io

import docx
import pytest

from correspondence_guard.errors import UnreadableDocument
from correspondence_guard.sources.letters import read_letter
from correspondence_guard.sources.signature import split_signature


def read(path):
    return read_letter(path.read_bytes(), path.name, path.name)


@pytest.mark.shared
def test_pp_signature_names_the_councillor(letter_path):
    doc = read(letter_path("L05"))
    assert doc.kind == "letter" and doc.sender is None
    assert doc.signature.per_pro is True
    assert doc.signature.lines[:2] == ("Cllr Margaret Holloway", "Leader of the Council")
    assert not any("Carter" in line for line in doc.signature.lines)


@pytest.mark.shared
def test_cc_line_is_not_in_the_signature_but_in_cc(letter_path):
    doc = read(letter_path("L06"))
    assert doc.signature.lines == ("Rebecca Ashworth", "Chief Executive", "rebecca.ashworth@ashbournevale.gov.uk")
    assert [p.name for p in doc.cc] == ["Cllr Tom Bramley"]


def test_docx_header_and_footer_are_marks(tmp_path):
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "OFFICIAL-SENSITIVE"
    document.sections[0].footer.paragraphs[0].text = "Not for circulation"
    document.add_paragraph("Dear Mr Smith,")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Ref"
    table.cell(0, 1).text = "ENF/1"
    document.add_paragraph("Yours sincerely,")
    document.add_paragraph("Jo Bloggs")
    buffer = io.BytesIO()
    document.save(buffer)
    doc = read_letter(buffer.getvalue(), "l.docx", "l.docx")
    assert doc.marks == ("OFFICIAL-SENSITIVE", "Not for circulation")
    assert doc.own_text.index("Dear Mr Smith") < doc.own_text.index("Ref | ENF/1") < doc.own_text.index("Jo Bloggs")
    assert doc.signature.lines == ("Jo Bloggs",)


@pytest.mark.parametrize("name,data", [("x.docx", b"PK\x03\x04broken"), ("x.pdf", b"%PDF-1.4\nnot really")])
def test_corrupt_documents_are_unreadable(name, data):
    with pytest.raises(UnreadableDocument):
        read_letter(data, name, name)


def test_cp1252_text_letter():
    doc = read_letter("Dear Sir,\n\nThe fee is \u00a345.\n\nYours faithfully,\nJ. Smith\n".encode("cp1252"), "l.txt", "l.txt")
    assert "£45" in doc.own_text
    assert doc.signature.valediction == "Yours faithfully"


@pytest.mark.parametrize(
    "text,body,valediction,lines",
    [
        ("Body.\n\nThanks,\nNadia", "Body.", "Thanks", ("Nadia",)),
        ("Body.\n\nGraham\n\nCllr Graham Whitlock\nCheadleford North Ward | Chair, Planning Committee", "Body.", "",
         ("Graham", "Cllr Graham Whitlock", "Cheadleford North Ward | Chair, Planning Committee")),
        ("Body.\n\nKind Regards\nJo\n-- \nJo Bloggs\nPlanning", "Body.", "Kind Regards", ("Jo", "Jo Bloggs", "Planning")),
        ("Body.\n-- \nJo Bloggs\nPlanning Officer", "Body.", "", ("Jo Bloggs", "Planning Officer")),
        # a sign-off with nothing above it, and a disclaimer below it that is neither
        ("Best wishes\nSam\n\nThis email and any attachments are confidential.", "", "Best wishes", ("Sam",)),
    ],
)
def test_signatures(text, body, valediction, lines):
    before, signature = split_signature(text)
    assert before == body
    assert signature.valediction == valediction
    assert signature.lines == lines


def test_body_paragraph_after_thanks_is_not_a_signature():
    text = "Thanks.\nI have looked at the application again and the council will refuse it at committee next week, as before.\n\nI hope that helps you understand."
    assert split_signature(text)[1] is None
