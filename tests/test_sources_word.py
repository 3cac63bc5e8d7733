"""The .docx reader reads what Word shows, from the parts the words are in."""

import io
import zipfile

import docx
import pytest

from correspondence_guard.errors import UnreadableDocument
from correspondence_guard.limits import LimitExceeded, Limits, applied
from correspondence_guard.sources.letters import read_letter

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _saved(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _with_body(body_xml: str, replace: dict[str, bytes] | None = None) -> bytes:
    """A real Word package (python-docx's) whose body is ``body_xml`` and whose members
    named in ``replace`` hold other bytes."""
    original = _saved(docx.Document())
    replace = dict(replace or {})
    replace.setdefault("word/document.xml", f"<w:document {W}><w:body>{body_xml}</w:body></w:document>".encode())
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(original)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, replace.get(info.filename, source.read(info)))
    return out.getvalue()


def _text(data: bytes) -> str:
    return read_letter(data, "letter.docx", "letter.docx").own_text


def test_tracked_changes_read_as_accepted():
    body = ('<w:p><w:r><w:t xml:space="preserve">The Council </w:t></w:r>'
            '<w:del><w:r><w:delText>may</w:delText></w:r></w:del>'
            '<w:ins><w:r><w:t>will</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> pay.</w:t></w:r></w:p>')
    assert _text(_with_body(body)) == "The Council will pay."


def test_content_controls_hyperlinks_tabs_and_breaks_are_read():
    body = ('<w:sdt><w:sdtContent><w:p><w:r><w:t>Dear Mr Ahmed,</w:t></w:r></w:p></w:sdtContent></w:sdt>'
            '<w:p><w:hyperlink><w:r><w:t>See the plan</w:t></w:r></w:hyperlink><w:r><w:tab/><w:t>Ref</w:t>'
            '<w:br/><w:t>ENF/1</w:t></w:r></w:p>')
    assert _text(_with_body(body)) == "Dear Mr Ahmed,\nSee the plan\tRef\nENF/1"


def test_text_box_text_is_not_read_twice():
    box = '<w:txbxContent><w:p><w:r><w:t>Box</w:t></w:r></w:p></w:txbxContent>'
    body = f'<w:p><w:r><w:t>Body</w:t><w:pict>{box}</w:pict></w:r></w:p>'
    assert _text(_with_body(body)) == "Body"


def test_parts_without_the_letters_words_are_never_parsed():
    """Word's style sheets are not read: damage there does not make the letter unreadable."""
    data = _with_body('<w:p><w:r><w:t>Dear Councillor,</w:t></w:r></w:p>', {"word/styles.xml": b"<not xml"})
    assert _text(data) == "Dear Councillor,"


def test_headers_of_every_section_are_marks_once_each():
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "CONFIDENTIAL"
    document.add_paragraph("Page one.")
    second = document.add_section()
    second.header.is_linked_to_previous = False
    second.header.paragraphs[0].text = "NOT FOR PUBLICATION"
    second.different_first_page_header_footer = True
    second.first_page_footer.paragraphs[0].text = "CONFIDENTIAL"
    document.add_paragraph("Page two.")
    doc = read_letter(_saved(document), "l.docx", "l.docx")
    assert doc.marks == ("CONFIDENTIAL", "NOT FOR PUBLICATION")
    assert doc.own_text.split() == ["Page", "one.", "Page", "two."]


def test_damaged_body_xml_is_unreadable_with_a_one_line_reason():
    data = _with_body("", {"word/document.xml": b"<w:document><w:body><w:p>\n<"})
    with pytest.raises(UnreadableDocument) as raised:
        _text(data)
    assert raised.value.message.startswith("not a readable Word document: ") and "\n" not in raised.value.message


def test_a_member_is_inflated_only_within_the_limit():
    big = f'<w:p><w:r><w:t>{"x" * 400_000}</w:t></w:r></w:p>'
    with applied(Limits(member_bytes=100_000)), pytest.raises(LimitExceeded) as raised:
        _text(_with_body(big))
    assert raised.value.limit == "member_bytes"


def _raise_memory_error(*args, **kwargs):
    raise MemoryError


@pytest.mark.parametrize("letter", ["letter.docx", "letter.pdf"])
def test_running_out_of_memory_is_the_workers_limit_not_a_damaged_letter(tmp_path, monkeypatch, letter):
    """In a letter or a letter attached to an email: never "not a readable Word document"."""
    import pdfminer.high_level
    import pypdfium2

    from correspondence_guard import testing
    from correspondence_guard.audit.units import read_unit
    from correspondence_guard.sources import word

    data = _saved(docx.Document()) if letter.endswith(".docx") else testing.pdf_letter("Dear Sir,\nYours")
    mail = testing.mime("a@council.gov.uk", ["b@example.com"], "Letter", "Attached.", attachments=[(letter, data)])
    (tmp_path / letter).write_bytes(data)
    (tmp_path / "mail.eml").write_bytes(bytes(mail))
    monkeypatch.setattr(word, "_main_part", _raise_memory_error)
    monkeypatch.setattr(pypdfium2, "PdfDocument", _raise_memory_error)
    monkeypatch.setattr(pdfminer.high_level, "extract_text", _raise_memory_error)
    for name in (letter, "mail.eml"):
        path = str(tmp_path / name)
        (entry,) = read_unit((path, "file", path))
        assert entry.out_of_memory, entry
