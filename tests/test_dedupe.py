"""One message found in several mailboxes is reported once, with every place it was found."""

from __future__ import annotations

import dataclasses

from correspondence_guard.audit.dedupe import Deduplicator, dedupe_key, merge
from correspondence_guard.model import Finding
from correspondence_guard.audit import audit, audit_serial
from correspondence_guard.report import AuditReport, DocumentResult
from correspondence_guard.testing import email, policy, register


def message(mid: str | None, bcc: str = "", text: str = "Dear Cllr Able,\n\nThe hedge is cut.\n\nRegards\nJo Officer") -> bytes:
    head = "From: Jo Officer <jo@council.gov.uk>\nTo: Cllr Able <able@council.gov.uk>\nSubject: Hedge\n"
    head += "Date: Tue, 04 Jun 2024 09:00:00 +0100\n"
    if mid:
        head += f"Message-ID: <{mid}>\n"
    if bcc:
        head += f"Bcc: {bcc}\n"
    return (head + "\n" + text + "\n").encode()


def test_key_is_the_message_id_else_a_content_hash():
    a = email("jo@council.gov.uk", to=["able@council.gov.uk"], text="Hello")
    b = dataclasses.replace(a, bcc=(), source="other.eml")
    assert dedupe_key(dataclasses.replace(a, message_id="<X@Y>")) == "mid:x@y"
    assert dedupe_key(a) == dedupe_key(b)
    assert dedupe_key(a) != dedupe_key(dataclasses.replace(a, own_text="Goodbye"))


def test_copies_in_several_mailboxes_are_reported_once(tmp_path):
    for box in ("jo", "able", "baker"):
        (tmp_path / box).mkdir()
    (tmp_path / "jo" / "sent.eml").write_bytes(message("m1@council.gov.uk", bcc="Cllr Baker <baker@council.gov.uk>"))
    (tmp_path / "able" / "inbox.eml").write_bytes(message("m1@council.gov.uk"))
    (tmp_path / "baker" / "inbox.eml").write_bytes(message("m1@council.gov.uk"))
    (tmp_path / "baker" / "other.eml").write_bytes(message("m2@council.gov.uk", text="Something else"))
    reg = register(councillors=[("Alan Able", ["able@council.gov.uk"]), ("Beth Baker", ["baker@council.gov.uk"])])
    report = audit([str(tmp_path)], policy(reg), workers=2, progress=False)
    assert [d.source for d in report.documents] == [str(tmp_path / "able" / "inbox.eml"), str(tmp_path / "baker" / "other.eml")]
    first = report.documents[0]
    assert first.also_found_in == (str(tmp_path / "baker" / "inbox.eml"), str(tmp_path / "jo" / "sent.eml"))
    # only the sender's copy keeps the Bcc: its finding is kept on the one entry
    assert [f.rule for f in first.findings] == ["silent-copy"]
    serial = audit_serial([str(tmp_path)], policy(reg))
    assert serial.documents == report.documents


def test_messages_without_message_id_dedupe_by_content(tmp_path):
    (tmp_path / "a.eml").write_bytes(message(None))
    (tmp_path / "b.eml").write_bytes(message(None))
    (tmp_path / "c.eml").write_bytes(message(None, text="A different letter"))
    report = audit([str(tmp_path)], policy(), workers=1, progress=False)
    assert [(d.source, d.also_found_in) for d in report.documents] == [
        (str(tmp_path / "a.eml"), (str(tmp_path / "b.eml"),)),
        (str(tmp_path / "c.eml"), ()),
    ]


def test_dedupe_can_be_turned_off(tmp_path):
    (tmp_path / "a.eml").write_bytes(message("same@x"))
    (tmp_path / "b.eml").write_bytes(message("same@x"))
    report = audit([str(tmp_path)], policy(), workers=1, progress=False, dedupe=False)
    assert len(report.documents) == 2


def test_merge_keeps_each_finding_once():
    finding = Finding("silent-copy", "error", "7.1", "m", ("b@x",), (), "r")
    other = Finding("councillor-obligation", "error", "7.2", "n", ("a@x",), (), "r")
    first = DocumentResult("a", "email", "<m>", "s", "f", "d", (finding,))
    second = DocumentResult("b", "email", "<m>", "s", "f", "d", (finding, other))
    merged = merge(first, second)
    assert merged.findings == (finding, other)
    assert merged.also_found_in == ("b",)
    report = AuditReport(policy_source="", council="")
    folder = Deduplicator(report)
    assert folder.add(first, "k") is True
    assert folder.add(second, "k") is False
    assert report.documents == [merged] and folder.duplicates == 1


def test_streaming_keeps_the_index_on_disk_and_reports_only_new_findings():
    from correspondence_guard.audit.dedupe import StreamingDeduplicator

    found = Finding("silent-copy", "error", "BTC008 7.1", "m", ("baker@council.gov.uk",), (), "r")
    other = Finding("councillor-obligation", "error", "BTC008 7.2", "n", ("able@council.gov.uk",), (), "r")
    first = DocumentResult("jo/sent.eml", "email", "m1", "Hedge", "Jo", "", (found,))
    copy = dataclasses.replace(first, source="baker/inbox.eml", findings=(found, other))
    again = dataclasses.replace(first, source="able/inbox.eml", findings=(found, other))
    written = []
    stream = StreamingDeduplicator(AuditReport(policy_source="p", council="c"), written.append)
    assert stream.add(first, "mid:m1") is True
    assert stream.add(copy, "mid:m1") is False
    assert stream.add(again, "mid:m1") is False
    assert [w.source for w in written] == ["jo/sent.eml", "baker/inbox.eml", "able/inbox.eml"]
    assert written[1].duplicate_of == "jo/sent.eml" and written[1].findings == (other,)
    assert written[2].findings == () and stream.duplicates == 2
