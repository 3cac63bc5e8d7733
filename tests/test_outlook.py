"""Outlook .msg and .pst: recipients (Bcc from the recipient table), folder paths, damage."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from correspondence_guard.errors import UnreadableDocument, UsageError
from correspondence_guard.model import Unreadable
from correspondence_guard.sources.outlook_msg import read_msg
from correspondence_guard.sources.outlook_pst import iter_pst

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "outlook"))
from pst_bcc import damage_message, make_bcc_pst  # noqa: E402

PUBLIC = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "public"
if not PUBLIC.is_dir():
    PUBLIC = Path("/work/shared/corpus/public")
MSG_BCC = PUBLIC / "aquasync-ruby-msg/test/qwerty_3.msg"
MSG_IN_MSG = PUBLIC / "HiraokaHyperTools-msgreader/test/msgInMsg.msg"
MSG_SENT = PUBLIC / "TeamMsgExtractor-msg-extractor/example-msg-files/unicode.msg"
TEST_PST = PUBLIC / "alephdata-ingest-file/tests/fixtures/testPST.pst"
DIST_LIST_PST = PUBLIC / "rjohnsondev-java-libpst/src/test/resources/dist-list.pst"
PST_HEADER_ONLY = PUBLIC / "libyal-libpff/tests/data/file_header.1"

pytestmark = pytest.mark.skipif(not PUBLIC.is_dir(), reason="the shared public corpus is not here")
pypff = pytest.importorskip("pypff")

FOLDER = "Début du fichier de données Outlook"


def addresses(parties):
    return [p.address for p in parties]


# --------------------------------------------------------------------------- .msg


def test_msg_reads_bcc_from_the_recipient_table():
    doc = read_msg(str(MSG_BCC), "qwerty_3.msg")
    assert addresses(doc.bcc) == ["charles.lowe@freehills.com"]
    assert addresses(doc.cc) == ["johnno@nowhere.com"]
    assert doc.bcc[0].name == "Lowe, Charles"
    assert doc.message_id == "<CEB3518C2FA4D743BF752C106451B19E14944E@sydexmail1.freehills.com.au>"
    assert doc.source == "qwerty_3.msg"


def test_msg_bcc_comes_from_rows_marked_bcc_not_from_a_header(monkeypatch):
    """Even with every header string blanked, the MAPI_BCC row is still read as Bcc."""
    import extract_msg.msg_classes.message_base as base

    monkeypatch.setattr(base.MessageBase, "bcc", property(lambda self: None), raising=False)
    doc = read_msg(str(MSG_BCC), "qwerty_3.msg")
    assert addresses(doc.bcc) == ["charles.lowe@freehills.com"]


def test_msg_sender_subject_date_and_body():
    doc = read_msg(str(MSG_SENT), "unicode.msg")
    assert doc.sender.address == "brizhou@gmail.com"
    assert addresses(doc.to) == ["brianzhou@me.com"]
    assert doc.subject == "Test for TIF files"
    assert doc.date.startswith("2013-11-18T08:26:24")


def test_msg_embedded_message_becomes_nested_correspondence():
    doc = read_msg(str(MSG_IN_MSG), "msgInMsg.msg")
    attached = [n for n in doc.nested if n.relation.value == "attached"]
    assert attached, doc.defects
    assert attached[0].correspondence.kind == "email"


def test_corrupt_msg_is_unreadable(tmp_path):
    broken = tmp_path / "broken.msg"
    broken.write_bytes(MSG_BCC.read_bytes()[:3000])
    with pytest.raises(UnreadableDocument) as caught:
        read_msg(str(broken), "broken.msg")
    assert "msg" in caught.value.message.lower()


# --------------------------------------------------------------------------- .pst


def test_pst_streams_every_message_with_its_folder_path():
    docs = list(iter_pst(str(TEST_PST), "export.pst"))
    assert [d.source for d in docs] == [f"export.pst:/{FOLDER}/#{i}" for i in range(1, 7)]
    first = docs[1]
    assert first.sender.address == "oldcanine@yahoo.com"
    assert addresses(first.to) == ["kottmann@gmail.com", "users@opennlp.apache.org"]
    assert first.bcc == ()
    assert first.message_id.startswith("<1393363252.28814.")
    assert docs[5].to[0].address == "hong-thai.nguyen@polyspot.com"  # SMTP, not the EX address


def test_pst_reads_bcc_from_the_recipient_table(tmp_path):
    """A real Outlook store with one recipient row marked MAPI_BCC (PR_RECIPIENT_TYPE 3)."""
    pst = tmp_path / "sent.pst"
    assert make_bcc_pst(str(TEST_PST), str(pst)) == 1
    docs = {d.source: d for d in iter_pst(str(pst), "sent.pst")}
    doc = docs[f"sent.pst:/{FOLDER}/#2"]
    assert addresses(doc.to) == ["kottmann@gmail.com"]
    assert addresses(doc.bcc) == ["users@opennlp.apache.org"]
    assert all(d.bcc == () for s, d in docs.items() if s != doc.source)


def test_pst_bcc_reaches_the_silent_copy_rule(tmp_path):
    from correspondence_guard.parallel import audit_parallel
    from correspondence_guard.testing import policy, register

    pst = tmp_path / "sent.pst"
    make_bcc_pst(str(TEST_PST), str(pst))
    reg = register(
        councillors=[("Jorn Kottmann", ["kottmann@gmail.com"]), ("Users List", ["users@opennlp.apache.org"])],
        domains=["yahoo.com"],
    )
    report = audit_parallel([str(pst)], policy(reg), workers=1, progress=False)
    flagged = [d for d in report.documents if any(f.rule == "silent-copy" for f in d.findings)]
    assert [d.source for d in flagged] == [f"{pst}:/{FOLDER}/#2"]
    (finding,) = [f for f in flagged[0].findings if f.rule == "silent-copy"]
    assert finding.parties == ("users@opennlp.apache.org",)


def test_damaged_pst_message_is_unreadable_and_the_rest_is_read(tmp_path):
    pst = tmp_path / "damaged.pst"
    assert damage_message(str(TEST_PST), str(pst), "init tokenizer") >= 1
    items = list(iter_pst(str(pst), "damaged.pst"))
    assert len(items) == 6
    broken = [i for i in items if isinstance(i, Unreadable)]
    assert [b.source for b in broken] == [f"damaged.pst:/{FOLDER}/#2"]
    assert "damaged PST message" in broken[0].error
    assert "Feature Generators" in items[2].subject


def test_damaged_pst_in_parallel_audit(tmp_path):
    from correspondence_guard.parallel import audit_parallel
    from correspondence_guard.testing import policy

    pst = tmp_path / "damaged.pst"
    damage_message(str(TEST_PST), str(pst), "init tokenizer")
    report = audit_parallel([str(pst)], policy(), workers=2, progress=False)
    assert len(report.documents) == 5
    assert [e.source for e in report.errors] == [f"{pst}:/{FOLDER}/#2"]


def test_non_mail_items_in_a_pst_are_listed_with_a_reason():
    items = list(iter_pst(str(DIST_LIST_PST), "dist-list.pst"))
    reasons = {i.source: i.error for i in items if isinstance(i, Unreadable)}
    assert reasons["dist-list.pst:/Top of Personal Folders/Contacts/#2"] == "not a message: an Outlook IPM.Contact item"


def test_pst_that_cannot_be_opened_is_a_usage_error(tmp_path):
    pst = tmp_path / "export.pst"
    shutil.copyfile(PST_HEADER_ONLY, pst)
    with pytest.raises(UsageError) as caught:
        list(iter_pst(str(pst), "export.pst"))
    assert caught.value.exit_code == 2
    assert "export.pst" in str(caught.value) and "cannot open" in str(caught.value)


def test_unopenable_pst_named_on_the_command_line_stops_the_parallel_audit(tmp_path):
    from correspondence_guard.parallel import audit_parallel
    from correspondence_guard.testing import policy

    pst = tmp_path / "export.pst"
    shutil.copyfile(PST_HEADER_ONLY, pst)
    with pytest.raises(UsageError):
        audit_parallel([str(pst)], policy(), workers=1, progress=False)


def test_unopenable_pst_inside_a_folder_is_listed_and_the_audit_goes_on(tmp_path):
    from correspondence_guard.parallel import audit_parallel
    from correspondence_guard.testing import policy

    folder = tmp_path / "export"
    folder.mkdir()
    shutil.copyfile(PST_HEADER_ONLY, folder / "broken.pst")
    shutil.copyfile(MSG_BCC, folder / "qwerty.msg")
    report = audit_parallel([str(folder)], policy(), workers=1, progress=False)
    assert [d.source for d in report.documents] == [str(folder / "qwerty.msg")]
    assert [e.source for e in report.errors] == [str(folder / "broken.pst")]
    assert "cannot open the PST file" in report.errors[0].error
