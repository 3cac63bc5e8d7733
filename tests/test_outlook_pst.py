"""Outlook .pst (libpff): recipients (Bcc from the recipient table), folder paths, damage.

Most stores here are real Outlook files from the shared public corpus (``shared``
marker); the ``.msg`` tests, which need neither libpff nor the corpus, are in
``test_outlook_msg.py``."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import pypff  # noqa: F401  (libpff-python is a test dependency: missing, these tests fail)

from correspondence_guard.errors import UsageError
from correspondence_guard.model import Unreadable
from correspondence_guard.sources.outlook_pst import iter_pst

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "outlook"))
from msg_file import MAPI_BCC, MAPI_TO, Message, Recipient, write_msg  # noqa: E402
from pst_bcc import damage_message, make_bcc_pst  # noqa: E402

PUBLIC = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "public"
TEST_PST = PUBLIC / "alephdata-ingest-file/tests/fixtures/testPST.pst"
DIST_LIST_PST = PUBLIC / "rjohnsondev-java-libpst/src/test/resources/dist-list.pst"
#: A PST's signature and nothing of a store after it: sniffed as .pst, refused by libpff.
PST_HEADER_ONLY = b"!BDN" + b"\x00" * 508
shared = pytest.mark.shared

FOLDER = "Début du fichier de données Outlook"


def addresses(parties):
    return [p.address for p in parties]


# --------------------------------------------------------------------------- .pst


@shared
def test_pst_streams_every_message_with_its_folder_path():
    docs = list(iter_pst(str(TEST_PST), "export.pst"))
    assert [d.source for d in docs] == [f"export.pst:/{FOLDER}/#{i}" for i in range(1, 7)]
    first = docs[1]
    assert first.sender.address == "oldcanine@yahoo.com"
    assert addresses(first.to) == ["kottmann@gmail.com", "users@opennlp.apache.org"]
    assert first.bcc == ()
    assert first.message_id.startswith("<1393363252.28814.")
    assert docs[5].to[0].address == "hong-thai.nguyen@polyspot.com"  # SMTP, not the EX address


@shared
def test_pst_reads_bcc_from_the_recipient_table(tmp_path):
    """A real Outlook store with one recipient row marked MAPI_BCC (PR_RECIPIENT_TYPE 3)."""
    pst = tmp_path / "sent.pst"
    assert make_bcc_pst(str(TEST_PST), str(pst)) == 1
    docs = {d.source: d for d in iter_pst(str(pst), "sent.pst")}
    doc = docs[f"sent.pst:/{FOLDER}/#2"]
    assert addresses(doc.to) == ["kottmann@gmail.com"]
    assert addresses(doc.bcc) == ["users@opennlp.apache.org"]
    assert all(d.bcc == () for s, d in docs.items() if s != doc.source)


@shared
def test_pst_bcc_reaches_the_silent_copy_rule(tmp_path):
    from correspondence_guard.audit import audit
    from correspondence_guard.testing import policy, register

    pst = tmp_path / "sent.pst"
    make_bcc_pst(str(TEST_PST), str(pst))
    reg = register(
        councillors=[("Jorn Kottmann", ["kottmann@gmail.com"]), ("Users List", ["users@opennlp.apache.org"])],
        domains=["yahoo.com"],
    )
    report = audit([str(pst)], policy(reg), workers=1, progress=False)
    flagged = [d for d in report.documents if any(f.rule == "silent-copy" for f in d.findings)]
    assert [d.source for d in flagged] == [f"{pst}:/{FOLDER}/#2"]
    (finding,) = [f for f in flagged[0].findings if f.rule == "silent-copy"]
    assert finding.parties == ("users@opennlp.apache.org",)


@shared
def test_damaged_pst_message_is_unreadable_and_the_rest_is_read(tmp_path):
    pst = tmp_path / "damaged.pst"
    assert damage_message(str(TEST_PST), str(pst), "init tokenizer") >= 1
    items = list(iter_pst(str(pst), "damaged.pst"))
    assert len(items) == 6
    broken = [i for i in items if isinstance(i, Unreadable)]
    assert [b.source for b in broken] == [f"damaged.pst:/{FOLDER}/#2"]
    assert "damaged PST message" in broken[0].error
    assert "Feature Generators" in items[2].subject


@shared
def test_damaged_pst_in_parallel_audit(tmp_path):
    from correspondence_guard.audit import audit
    from correspondence_guard.testing import policy

    pst = tmp_path / "damaged.pst"
    damage_message(str(TEST_PST), str(pst), "init tokenizer")
    report = audit([str(pst)], policy(), workers=2, progress=False)
    assert len(report.documents) == 5
    assert [e.source for e in report.errors] == [f"{pst}:/{FOLDER}/#2"]


@shared
def test_non_mail_items_in_a_pst_are_listed_with_a_reason():
    items = list(iter_pst(str(DIST_LIST_PST), "dist-list.pst"))
    reasons = {i.source: i.error for i in items if isinstance(i, Unreadable)}
    assert reasons["dist-list.pst:/Top of Personal Folders/Contacts/#2"] == "not a message: an Outlook IPM.Contact item"


def test_pst_that_cannot_be_opened_is_a_usage_error(tmp_path):
    pst = tmp_path / "export.pst"
    pst.write_bytes(PST_HEADER_ONLY)
    with pytest.raises(UsageError) as caught:
        list(iter_pst(str(pst), "export.pst"))
    assert caught.value.exit_code == 2
    assert "export.pst" in str(caught.value) and "cannot open" in str(caught.value)


def test_unopenable_pst_named_on_the_command_line_stops_the_parallel_audit(tmp_path):
    from correspondence_guard.audit import audit
    from correspondence_guard.testing import policy

    pst = tmp_path / "export.pst"
    pst.write_bytes(PST_HEADER_ONLY)
    with pytest.raises(UsageError):
        audit([str(pst)], policy(), workers=1, progress=False)


def test_unopenable_pst_inside_a_folder_is_listed_and_the_audit_goes_on(tmp_path):
    from correspondence_guard.audit import audit
    from correspondence_guard.testing import policy

    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "broken.pst").write_bytes(PST_HEADER_ONLY)
    write_msg(folder / "qwerty.msg", Message(sender="a@x.org", subject="Hello", body="Hello.",
                                             recipients=[Recipient(MAPI_TO, "b@x.org"), Recipient(MAPI_BCC, "c@x.org")]))
    report = audit([str(folder)], policy(), workers=1, progress=False)
    assert [d.source for d in report.documents] == [str(folder / "qwerty.msg")]
    assert [e.source for e in report.errors] == [str(folder / "broken.pst")]
    assert "cannot open the PST file" in report.errors[0].error
