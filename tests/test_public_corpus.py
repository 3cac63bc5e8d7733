"""The real, messy public corpus: the audit accounts for every file, and no reader bug
passes for a damaged file."""

import json
import re
from pathlib import Path

import pytest

from correspondence_guard import cli

PUBLIC = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "public"
#: Readable messages with 8-bit or encoded headers that once failed with
#: "AttributeError: 'Header' object has no attribute 'split'".
EIGHT_BIT_HEADERS = [
    "SpamScope-mail-parser/tests/mails/mail_test_1",
    "jhillyerd-enmime/testdata/mail/mime-bad-8bit-filename.raw",
    "mailgun-flanker/tests/fixtures/messages/russian-attachment-yahoo.eml",
    "mikel-mail/spec/fixtures/emails/attachment_emails/attachment_nonascii_filename.eml",
]
EXCEPTION_NAME = re.compile(r"\b[A-Z]\w*(?:Error|Exception)\b")


def _file_of(source: str) -> str:
    """The file a source names: mbox messages add "#N", PST items add ":/folder/..."."""
    source = source.split("#", 1)[0] if ".pst:" not in source else source
    head, sep, _ = source.partition(".pst:")
    return head + ".pst" if sep else source


@pytest.mark.shared
def test_the_audit_accounts_for_every_file(capsys):
    status = cli.main(["audit", str(PUBLIC), "--format", "json", "--workers", "2"])
    report = json.loads(capsys.readouterr().out)
    assert status == 0
    on_disk = {str(p) for p in PUBLIC.rglob("*") if p.is_file()}
    assert len(on_disk) > 1052  # the 1,052 data files, their licences and the index
    documents = {_file_of(d["source"]) for d in report["documents"]}
    copies = {_file_of(s) for d in report["documents"] for s in d["also_found_in"]}
    errors = {_file_of(e["source"]) for e in report["errors"]}
    skipped = {s["source"] for s in report["skipped"]}
    assert on_disk == documents | copies | errors | skipped
    summary = report["summary"]
    assert summary["files"] + summary["skipped"] == len(on_disk)
    assert summary["documents"] == len(report["documents"])
    assert summary["duplicates"] == sum(len(d["also_found_in"]) for d in report["documents"])
    assert summary["internal_errors"] == 0 and summary["unreadable"] == len(report["errors"])
    assert not [e for e in report["errors"] if EXCEPTION_NAME.search(e["error"])]
    assert summary["skipped_by_reason"]["licence, notice or read-me file"] >= 30
    assert str(PUBLIC / "INDEX.tsv") in skipped
    assert {str(PUBLIC / name) for name in EIGHT_BIT_HEADERS} <= documents | copies
