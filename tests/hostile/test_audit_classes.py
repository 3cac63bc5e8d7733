"""Each class of hostile input of issue 9, audited for real (``correspondence-guard audit``
in a subprocess, its workers included): the document carries a defect, or is an error
entry, naming the limit it reached; nothing is silently clean; the whole process tree
stays under 300 MB. Sizes show each bound (the input is well past the limit) and keep a
run to a few seconds. No assertion is about speed: a limit that was not enforced shows
up as a missing defect or a blown memory bound, not a slow test."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

import hostile_inputs as hostile
from measure import run_measured

REPO = Path(__file__).resolve().parents[2]
PLUGIN = REPO / "tests" / "gateway" / "plugin"
TREE_LIMIT = 300 * 1024 * 1024
POLICY = """\
council: {name: Test Council, domains: [test.gov.uk]}
councillors: [{name: Brian Baker, emails: [brian.baker@test.gov.uk]}]
limits: {%s}
"""

# class: (input, limits for the test policy, where the limit shows, the limit named)
CLASSES = {
    "docx bomb": (lambda: hostile.docx_bomb(64), "", "error", "over limits.member_bytes (16777216)"),
    "docx bomb declaring a small size": (lambda: hostile.lying_docx(64), "", "error",
                                         "not a readable Word document: word/document.xml does not inflate to the 1000 bytes"),
    "pdf stream bomb": (lambda: hostile.pdf_bomb(64), "", "error", "over limits.member_bytes (16777216)"),
    "pdf of many pages": (lambda: hostile.pdf_pages(300), "pages: 50", "defect", "over limits.pages (50)"),
    "docx table": (lambda: hostile.docx_table(400, 60), "characters: 20000", "defect", "over limits.characters (20000)"),
    "unclosed html": (lambda: hostile.html_unclosed(40000), "characters: 100000", "defect", "over limits.characters (100000)"),
    "unclosed html comments": (lambda: hostile.html_unclosed(40000, "<!--"), "characters: 100000", "defect",
                               "over limits.characters (100000)"),
    "rfc 2047 subject": (lambda: hostile.rfc2047_subject(50000), "", "defect", "over limits.header_bytes (65536)"),
    "100,000 addresses": (lambda: hostile.many_addresses(100000), "", "defect", "over limits.addresses (1000)"),
    "big message": (lambda: hostile.big_message(12), "message_bytes: 4194304", "defect", "over limits.message_bytes (4194304)"),
    "deep multipart": (lambda: hostile.deep_multipart(1000), "", "defect", "over limits.mime_depth (20)"),
    "many parts": (lambda: hostile.many_parts(5000), "", "defect", "over limits.mime_parts (1000)"),
    "big attachment": (lambda: hostile.attachment_email("plan.pdf", b"%PDF-1.4 " * 300000), "attachment_bytes: 1048576",
                       "defect", "over limits.attachment_bytes (1048576)"),
    "memory": (lambda: hostile.big_message(30), "message_bytes: 26214400, memory_mb: 160", "error",
               "over limits.memory_mb (160)"),
}


def audit(tmp_path, name: str, data: bytes, limits: str, *extra: str, env=None):
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / name).write_bytes(data)
    (folder / "normal.eml").write_bytes(hostile.normal_message()[1].replace(b"<hostile@", b"<normal@"))
    policy = tmp_path / "policy.yaml"
    policy.write_text(POLICY % limits, encoding="utf-8")
    done, peak, _ = run_measured([sys.executable, "-m", "correspondence_guard.cli", "audit", str(folder), "--policy",
                                  str(policy), "--format", "json", "--workers", "1", *extra], cwd=REPO, env=env)
    assert done.returncode == 0, done.stderr.decode()
    return json.loads(done.stdout), peak, str(folder / name)


@pytest.mark.parametrize("make, limits, where, named", CLASSES.values(), ids=CLASSES.keys())
def test_each_class_is_bounded_and_names_its_limit(tmp_path, make, limits, where, named):
    name, data = make()
    report, peak, source = audit(tmp_path, name, data, limits)
    if where == "error":
        (error,) = [e["error"] for e in report["errors"] if e["source"] == source]
        assert error.startswith(named), error
        assert all(d["source"] != source for d in report["documents"])
    else:
        (document,) = [d for d in report["documents"] if d["source"] == source]
        assert any(defect.startswith(named) for defect in document["defects"]), document.get("defects")
    assert any(d["source"].endswith("normal.eml") for d in report["documents"])  # the audit went on
    assert peak < TREE_LIMIT, f"peak RSS of the process tree {peak / 2**20:.0f} MB"


def test_a_nul_byte_is_an_error_entry_not_a_clean_document(tmp_path):
    name, data = hostile.nul_in_header()
    report, _, source = audit(tmp_path, name, data, "")
    assert [e["source"] for e in report["errors"]] == [source]


def test_a_document_past_the_time_limit_is_stopped_and_the_audit_goes_on(tmp_path):
    """A rule that sleeps (the gateway tests' fault plug-in) stands for any parser that
    runs too long: its worker is killed at limits.seconds and replaced."""
    import os

    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(PLUGIN), str(REPO)]))
    _, raw = hostile.normal_message()
    slow = raw.replace(b"Subject: Play area repairs", b"Subject: [fault:sleep=60] Play area")
    report, peak, source = audit(tmp_path, "slow.eml", slow, "seconds: 2", env=env)
    assert [(e["source"], e["error"].split(":")[0]) for e in report["errors"]] == [(source, "over limits.seconds (2)")]
    assert any(d["source"].endswith("normal.eml") for d in report["documents"])


def test_text_reports_say_which_documents_were_read_only_up_to_a_limit(tmp_path):
    name, data = hostile.deep_multipart(100)
    path = tmp_path / name
    path.write_bytes(data)
    policy = tmp_path / "policy.yaml"
    policy.write_text(POLICY % "", encoding="utf-8")
    for command in (["audit", str(path), "--workers", "1"], ["audit", str(path), "--format", "html"], ["check", str(path)]):
        done, _, _ = run_measured([sys.executable, "-m", "correspondence_guard.cli", *command, "--policy", str(policy)],
                                  cwd=REPO)
        out = done.stdout.decode()
        assert "over limits.mime_depth (20)" in out, out
        assert "No problems found." not in out


def test_a_large_attachment_no_reader_would_read_is_no_limit_reached(tmp_path):
    """A 2 MB photo past attachment_bytes of 1 MB is not read in any case: no defect."""
    name, data = hostile.attachment_email("site-photo.jpg", b"\xff\xd8\xff" + b"\x00" * 2 * 1024 * 1024, "image/jpeg")
    report, _, source = audit(tmp_path, name, data, "attachment_bytes: 1048576")
    (document,) = [d for d in report["documents"] if d["source"] == source]
    assert not document.get("defects")


@pytest.mark.parametrize("case", ["memory", "seconds"])
def test_limits_hold_for_each_document_on_a_dask_worker(tmp_path, case):
    """On a Dask cluster each document is still read in a watched process: one that runs
    out of memory or time is an error entry naming the limit, and the audit goes on."""
    import os

    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(PLUGIN), str(REPO)]))
    if case == "memory":
        name, data = hostile.big_message(30)
        limits, named = "message_bytes: 26214400, memory_mb: 160", "over limits.memory_mb (160)"
    else:
        name, raw = hostile.normal_message()
        name, data = "slow.eml", raw.replace(b"Subject: Play area repairs", b"Subject: [fault:sleep=60] Play area")
        limits, named = "seconds: 2", "over limits.seconds (2)"
    report, _, source = audit(tmp_path, name, data, limits, "--scheduler", "local:1", env=env)
    assert [(e["source"], e["error"].split(":")[0]) for e in report["errors"]] == [(source, named)]
    assert any(d["source"].endswith("normal.eml") for d in report["documents"])
