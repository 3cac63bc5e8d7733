"""Outlook .msg files, read with extract-msg alone: recipients (Bcc from the recipient
table), sender, date, body, embedded messages, damage.

Every file is written here, a real compound file built by ``fixtures/outlook/msg_file.py``,
so these tests need neither libpff nor the shared corpus.
"""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

from correspondence_guard.errors import UnreadableDocument
from correspondence_guard.model import Relation
from correspondence_guard.sources.outlook_msg import read_msg

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "outlook"))
from msg_file import MAPI_BCC, MAPI_CC, MAPI_TO, Message, Recipient, msg_bytes, write_msg  # noqa: E402

SENT = datetime(2025, 3, 6, 10, 14, tzinfo=timezone.utc)
NOTICE = Message(
    sender="nadia.karim@council.gov.uk", sender_name="Nadia Karim", subject="Notice served",
    body="Dear Cllr Holloway,\n\nThe enforcement notice was served today.\n\nNadia Karim\nEnforcement Officer",
    recipients=[Recipient(MAPI_TO, "m.holloway@council.gov.uk", "Cllr Margaret Holloway")],
    sent=datetime(2025, 3, 1, 9, 0, tzinfo=timezone.utc), message_id="<notice@council.gov.uk>",
)
SENT_COPY = Message(
    sender="derek.pennington@council.gov.uk", sender_name="Derek Pennington", subject="Enforcement update",
    body="Dear Cllr Holloway,\n\nThe notice was served this morning.\n\nRegards\nDerek Pennington\nPlanning Enforcement",
    recipients=[
        Recipient(MAPI_TO, "m.holloway@council.gov.uk", "Cllr Margaret Holloway"),
        Recipient(MAPI_CC, "planning@council.gov.uk", "Planning"),
        Recipient(MAPI_BCC, "j.smith@council.gov.uk", "Smith, John"),
    ],
    sent=SENT, message_id="<update@council.gov.uk>",
)


def addresses(parties):
    return [p.address for p in parties]


@pytest.fixture
def sent_copy(tmp_path) -> Path:
    path = tmp_path / "sent.msg"
    write_msg(path, SENT_COPY)
    return path


def test_msg_reads_to_cc_and_bcc_from_the_recipient_table(sent_copy):
    doc = read_msg(str(sent_copy), "sent.msg")
    assert addresses(doc.to) == ["m.holloway@council.gov.uk"]
    assert addresses(doc.cc) == ["planning@council.gov.uk"]
    assert addresses(doc.bcc) == ["j.smith@council.gov.uk"]
    assert doc.bcc[0].name == "Smith, John"
    assert doc.message_id == "<update@council.gov.uk>"
    assert doc.source == "sent.msg"


def test_msg_bcc_comes_from_rows_marked_bcc_not_from_a_header(sent_copy, monkeypatch):
    """Even with every header string blanked, the MAPI_BCC row is still read as Bcc."""
    import extract_msg.msg_classes.message_base as base

    for name in ("to", "cc", "bcc"):
        monkeypatch.setattr(base.MessageBase, name, property(lambda self: None), raising=False)
    doc = read_msg(str(sent_copy), "sent.msg")
    assert addresses(doc.bcc) == ["j.smith@council.gov.uk"]
    assert addresses(doc.to) == ["m.holloway@council.gov.uk"]


def test_msg_sender_subject_date_and_body(sent_copy):
    doc = read_msg(str(sent_copy), "sent.msg")
    assert doc.sender.address == "derek.pennington@council.gov.uk" and doc.sender.name == "Derek Pennington"
    assert doc.subject == "Enforcement update"
    assert doc.date == "2025-03-06T10:14:00+00:00"
    assert doc.own_text.startswith("Dear Cllr Holloway,\n\nThe notice was served this morning.")
    assert doc.signature.lines[0] == "Derek Pennington"


def test_msg_embedded_message_becomes_nested_correspondence(tmp_path):
    path = tmp_path / "forward.msg"
    write_msg(path, Message(
        sender="derek.pennington@council.gov.uk", subject="FW: Notice served", body="For your information.",
        recipients=[Recipient(MAPI_TO, "p.grant@council.gov.uk")], sent=SENT, embedded=[NOTICE],
    ))
    doc = read_msg(str(path), "forward.msg")
    [inner] = [n.correspondence for n in doc.nested if n.relation is Relation.ATTACHED]
    assert inner.kind == "email"
    assert inner.sender.address == "nadia.karim@council.gov.uk"
    assert addresses(inner.to) == ["m.holloway@council.gov.uk"]
    assert "enforcement notice was served" in inner.own_text


def test_corrupt_msg_is_unreadable(tmp_path):
    broken = tmp_path / "broken.msg"
    broken.write_bytes(msg_bytes(SENT_COPY)[:3000])
    with pytest.raises(UnreadableDocument) as caught:
        read_msg(str(broken), "broken.msg")
    assert "msg" in caught.value.message.lower()


def test_msg_bcc_reaches_the_silent_copy_rule(tmp_path):
    from correspondence_guard.audit import audit
    from correspondence_guard.testing import policy, register

    write_msg(tmp_path / "sent.msg", SENT_COPY)
    reg = register(
        councillors=[("Margaret Holloway", ["m.holloway@council.gov.uk"]), ("John Smith", ["j.smith@council.gov.uk"])],
        domains=["council.gov.uk"],
    )
    report = audit([str(tmp_path)], policy(reg), workers=1, progress=False)
    [doc] = report.documents
    assert [(f.rule, f.parties) for f in doc.findings] == [("silent-copy", ("j.smith@council.gov.uk",))]


def test_running_out_of_memory_is_the_workers_limit_not_an_unreadable_msg(sent_copy, monkeypatch):
    import extract_msg

    from correspondence_guard.audit.units import read_unit

    def out_of_memory(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(extract_msg, "openMsg", out_of_memory)
    (entry,) = read_unit((str(sent_copy), "file", str(sent_copy)))
    assert entry.out_of_memory, entry
