"""Every file of an audited folder is accounted for, in every format: documents, their
other copies (``also_found_in``), error entries and skipped files with the reason; and a
file name that is not UTF-8 or holds terminal escapes is shown escaped, never raw."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from email.message import EmailMessage
from pathlib import Path

import pytest

CLI = next((str(p) for p in (Path(sys.executable).parent / "correspondence-guard",) if p.exists()),
           shutil.which("correspondence-guard"))
POLICY = """\
council: {name: Test Borough Council, domains: [testborough.gov.uk]}
councillors:
  - {name: Ann Able, emails: [ann.able@testborough.gov.uk]}
  - {name: Ben Baker, emails: [ben.baker@testborough.gov.uk]}
"""


def message(bcc: str = "") -> bytes:
    msg = EmailMessage()
    msg["From"] = "Olly Officer <olly@testborough.gov.uk>"
    msg["To"] = "Cllr Ann Able <ann.able@testborough.gov.uk>"
    if bcc:
        msg["Bcc"] = bcc
    msg["Subject"] = "Hedge at 4 Mill Lane"
    msg["Date"] = "Thu, 06 Mar 2025 10:14:00 +0000"
    msg["Message-ID"] = "<hedge-1@testborough.gov.uk>"
    msg.set_content("Dear Cllr Able,\n\nThe hedge will be cut on Monday.\n\nOlly Officer\nStreet Scene")
    return bytes(msg)


@pytest.fixture
def export(tmp_path) -> Path:
    """Two mailboxes holding one message (the sender's copy keeps a silent Bcc), a
    licence, an index, an image, an empty .eml and a name that is not UTF-8."""
    root = tmp_path / "export"
    (root / "sent").mkdir(parents=True)
    (root / "inbox").mkdir()
    (root / "sent" / "1.eml").write_bytes(message(bcc="ben.baker@testborough.gov.uk"))
    (root / "inbox" / "1.eml").write_bytes(message())
    (root / "LICENSE").write_text("Permission is hereby granted, free of charge, to any person\n")
    (root / "INDEX.tsv").write_text("path\tsize\nsent/1.eml\t400\n")
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(200))
    (root / "inbox" / "empty.eml").write_bytes(b"")
    with open(os.fsencode(root / "inbox") + b"/bad\xff\x1b[31mname.eml", "wb") as out:
        out.write(b"")
    (tmp_path / "policy.yaml").write_text(POLICY)
    return root


def audit(export: Path, fmt: str) -> subprocess.CompletedProcess:
    return subprocess.run([CLI, "audit", str(export), "--policy", str(export.parent / "policy.yaml"),
                           "--format", fmt, "--workers", "1"], capture_output=True, timeout=300)


def test_json_accounts_for_every_file(export):
    done = audit(export, "json")
    assert done.returncode == 1  # the silent copy
    report = json.loads(done.stdout.decode("utf-8"))
    [doc] = report["documents"]
    assert doc["source"] == str(export / "inbox" / "1.eml")
    assert doc["also_found_in"] == [str(export / "sent" / "1.eml")]
    assert [f["rule"] for f in doc["findings"]] == ["silent-copy"]  # the sender's copy's Bcc is kept
    assert {e["source"]: e["kind"] for e in report["errors"]} == {
        str(export / "inbox") + "/bad\\xff\\x1b[31mname.eml": "unreadable",
        str(export / "inbox" / "empty.eml"): "unreadable",
    }
    assert {Path(s["source"]).name: s["reason"] for s in report["skipped"]} == {
        "LICENSE": "licence, notice or read-me file",
        "INDEX.tsv": "spreadsheet or data table",
        "photo.jpg": "image",
    }
    summary = report["summary"]
    assert {k: summary[k] for k in ("files", "documents", "duplicates", "errors", "unreadable", "internal_errors", "skipped")} == {
        "files": 4, "documents": 1, "duplicates": 1, "errors": 2, "unreadable": 2, "internal_errors": 0, "skipped": 3}
    assert summary["skipped_by_reason"] == {"image": 1, "licence, notice or read-me file": 1, "spreadsheet or data table": 1}


def test_jsonl_streams_the_same_accounting(export):
    done = audit(export, "jsonl")
    lines = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    types = [line["type"] for line in lines]
    assert sorted(types) == ["document", "duplicate", "error", "error", "skipped", "skipped", "skipped", "summary"]
    [duplicate] = [line for line in lines if line["type"] == "duplicate"]
    assert duplicate["duplicate_of"] == str(export / "inbox" / "1.eml")
    summary = lines[-1]["summary"]
    assert (summary["files"], summary["documents"], summary["duplicates"], summary["skipped"]) == (4, 1, 1, 3)


def test_csv_carries_also_found_in(export):
    rows = list(csv.DictReader(io.StringIO(audit(export, "csv").stdout.decode("utf-8"))))
    assert [(r["source"], r["rule"], r["also_found_in"]) for r in rows] == [
        (str(export / "inbox" / "1.eml"), "silent-copy", str(export / "sent" / "1.eml"))]


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "csv", "html"])
def test_a_hostile_file_name_is_escaped_everywhere(export, fmt):
    done = audit(export, fmt)
    assert done.returncode == 1
    done.stdout.decode("utf-8")  # valid UTF-8: no raw byte of the name
    done.stderr.decode("utf-8")
    assert b"\x1b" not in done.stdout and b"\x1b" not in done.stderr
    assert b"\xff" not in done.stdout and b"\xff" not in done.stderr
    assert "cannot read " + str(export / "inbox") + "/bad\\xff\\x1b[31mname.eml: empty file" in done.stderr.decode()
