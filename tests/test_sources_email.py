import base64
import quopri

import pytest

from correspondence_guard.errors import UnreadableDocument
from correspondence_guard.model import Envelope, Relation
from correspondence_guard.sources.email import Attachment, build_email, parse_message


def parse(path):
    return parse_message(path.read_bytes(), path.name)


@pytest.mark.shared
def test_outlook_forward_nests_the_councillors_message(message_path):
    doc = parse(message_path("0021"))
    assert doc.sender.address == "rebecca.ashworth@ashbournevale.gov.uk"
    [inner] = doc.nested
    assert inner.relation is Relation.FORWARDED
    assert inner.correspondence.sender.address == "alastair.fenwick-drummond@ashbournevale.gov.uk"
    assert [p.address for p in inner.correspondence.to] == ["rebecca.ashworth@ashbournevale.gov.uk"]
    assert "Several of my colleagues" not in doc.own_text
    assert doc.signature.lines[-1] == "Ashbourne Vale District Council"


@pytest.mark.shared
def test_attached_rfc822_message_is_parsed(message_path):
    doc = parse(message_path("0029"))
    attached = [n for n in doc.nested if n.relation is Relation.ATTACHED]
    assert len(attached) == 1
    assert attached[0].correspondence.sender.address == "nadia.karim@ashbournevale.gov.uk"
    assert attached[0].correspondence.kind == "email"


@pytest.mark.shared
def test_attached_pdf_letter_has_marks(message_path):
    doc = parse(message_path("0044"))
    [letter] = [n.correspondence for n in doc.nested if n.relation is Relation.ATTACHED]
    assert letter.kind == "letter"
    assert letter.marks
    assert letter.signature is not None


@pytest.mark.shared
def test_gmail_forward_keeps_its_to_list_and_decoded_sender(message_path):
    doc = parse(message_path("0005"))
    assert doc.sender.name == "Siân Prydderch"
    [inner] = doc.nested
    assert inner.relation is Relation.FORWARDED
    assert [p.address for p in inner.correspondence.to] == [
        "sian.prydderch@ashbournevale.gov.uk",
        "nadia.karim@ashbournevale.gov.uk",
    ]
    assert inner.correspondence.own_text.startswith("PRIVATE AND CONFIDENTIAL")


@pytest.mark.shared
def test_quoted_copy_note_is_not_own_text(message_path):
    doc = parse(message_path("0017"))
    assert "cc Cllr Holloway" not in doc.own_text
    [inner] = doc.nested
    assert inner.relation is Relation.QUOTED
    assert inner.correspondence.sender.address == "derek.pennington@ashbournevale.gov.uk"
    assert "cc Cllr Holloway" in inner.correspondence.own_text


@pytest.mark.shared
def test_original_message_reply_in_fw_is_forwarded(message_path):
    doc = parse(message_path("0025"))
    assert doc.nested[0].relation is Relation.FORWARDED
    assert doc.nested[0].correspondence.date == "2025-03-11T12:18:00"


@pytest.mark.shared
def test_on_wrote_reply_is_quoted(message_path):
    doc = parse(message_path("0003"))
    assert doc.nested[0].relation is Relation.QUOTED
    assert doc.nested[0].correspondence.sender.address == "gwen.ellery@btinternet.com"
    assert ">" not in doc.own_text


@pytest.mark.shared
def test_every_corpus_message_parses_without_defects(message_path):
    messages = sorted(message_path("0001").parent.glob("*.eml"))
    assert len(messages) >= 40  # the corpus is there: this test cannot pass having read nothing
    for path in messages:
        doc = parse(path)
        assert doc.sender is not None and doc.sender.address, path.name
        assert doc.defects == (), (path.name, doc.defects)


def _mime(body: bytes, cte: str, charset: str = "utf-8", ctype: str = "text/plain") -> bytes:
    head = (
        "From: Officer <officer@council.gov.uk>\r\nTo: Cllr A <a@council.gov.uk>\r\n"
        "Bcc: =?utf-8?q?Cllr_B=C3=A9?= <B@Council.gov.uk>\r\nDelivered-To: c@council.gov.uk\r\n"
        f"Subject: test\r\nDate: Tue, 04 Feb 2025 08:03:16 +0000\r\nMIME-Version: 1.0\r\n"
        f"Content-Type: {ctype}; charset=\"{charset}\"\r\nContent-Transfer-Encoding: {cte}\r\n\r\n"
    )
    return head.encode() + body


def test_quoted_printable_body_and_encoded_bcc():
    doc = parse_message(_mime(quopri.encodestring("Caf\u00e9 closed.\n".encode()), "quoted-printable"), "qp.eml")
    assert doc.own_text == "Café closed."
    assert doc.bcc[0].address == "b@council.gov.uk"
    assert doc.bcc[0].name == "Cllr Bé"
    assert doc.envelope.delivered_to == ("c@council.gov.uk",)
    assert doc.date == "2025-02-04T08:03:16+00:00"


def test_base64_body():
    doc = parse_message(_mime(base64.encodebytes("Ffordd \u0175 ar gau.".encode()), "base64"), "b64.eml")
    assert doc.own_text == "Ffordd ŵ ar gau."


def test_unknown_charset_falls_back_with_a_defect():
    doc = parse_message(_mime("Caf\u00e9".encode("cp1252"), "8bit", charset="x-fakescii"), "cs.eml")
    assert doc.own_text == "Café"
    assert any("unknown charset" in d for d in doc.defects)


def test_html_only_message_becomes_text():
    html = b"<html><head><style>p{x:1}</style><script>bad()</script></head><body><p>Dear Cllr,</p><p>Noise &amp; odour.<br>Thanks,<br>Nadia</p></body></html>"
    doc = parse_message(_mime(html, "8bit", ctype="text/html"), "h.eml")
    assert "Noise & odour." in doc.own_text
    assert "bad()" not in doc.own_text and "x:1" not in doc.own_text
    assert doc.signature.lines == ("Nadia",)


def test_envelope_passed_in_is_merged():
    doc = parse_message(_mime(b"Hi", "7bit"), "e.eml", envelope=Envelope(recipients=("x@y.com",), delivered_to=("d@y.com",)))
    assert doc.envelope.recipients == ("x@y.com",)
    assert doc.envelope.delivered_to == ("d@y.com", "c@council.gov.uk")


@pytest.mark.parametrize("raw", [b"", b"\x00\x01\x02binary" * 20, b"just some words\nwith no headers\n"])
def test_not_an_email_is_unreadable(raw):
    with pytest.raises(UnreadableDocument):
        parse_message(raw, "x")


def test_build_email_records_an_unreadable_attachment():
    doc = build_email(
        source="s", sender=None, to=(), cc=(), bcc=(), subject="FW: x", date="", message_id="", headers=(),
        text="See attached.",
        attachments=[Attachment("broken.pdf", "application/pdf", b"%PDF-1.4 garbage"), Attachment("pic.png", "image/png", b"x")],
    )
    assert doc.nested == ()
    assert len(doc.defects) == 1 and doc.defects[0].startswith("attachment 'broken.pdf':")


def test_an_eight_bit_content_disposition_is_read_not_an_error():
    """With raw 8-bit bytes in a header the standard library gives a Header object, not a
    str; the reader once failed on it ("'Header' object has no attribute 'split'")."""
    raw = (
        b"From: Officer <officer@council.gov.uk>\r\nTo: a@council.gov.uk\r\nSubject: plans\r\n"
        b"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=XX\r\n\r\n"
        b"--XX\r\nContent-Type: text/plain\r\n\r\nPlans attached.\r\n"
        b"--XX\r\nContent-Type: application/octet-stream\r\n"
        b"Content-Disposition: attachment; filename=\"caf\xe9 plan.bin\"\r\n\r\nxyz\r\n--XX--\r\n"
    )
    doc = parse_message(raw, "8bit.eml")
    assert doc.own_text == "Plans attached."
    assert doc.sender.address == "officer@council.gov.uk"
