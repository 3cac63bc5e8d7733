"""The command line, run in-process through ``main`` (the console script's entry).

The rules are replaced by small stand-ins (monkeypatched ``cli.load_rules``) so these
tests pin the CLI's behaviour (exit statuses, formats, errors, parties) whatever the real
rules find; the real rules are tested on their own.
"""

from __future__ import annotations

import json
import subprocess
import sys
from email.message import EmailMessage
from pathlib import Path

import pytest

from correspondence_guard import __version__, cli
from correspondence_guard.model import Evidence
from correspondence_guard.rules import Breach, RuleSpec

ROOT = Path(__file__).resolve().parent.parent
REGISTER = """\
council:
  name: Test Borough Council
  domains: [testborough.gov.uk]
councillors:
  - name: Ann Able
    emails: [ann.able@testborough.gov.uk]
officers:
  - name: Olly Officer
    emails: [olly@testborough.gov.uk]
"""


def _word_rule(word):
    def check(doc, policy):
        """Flags a document whose own text holds a marker word."""
        if word in doc.own_text:
            yield Breach(message=f"{word} found", parties=("x@example.org",), evidence=(Evidence(word, "body"),))
    return check


def _parties_rule(doc, policy):
    """Reports the document's sender and recipients as its parties."""
    if "PARTIES" in doc.own_text:
        addresses = [doc.sender.address] if doc.sender else []
        addresses += [p.address for p in doc.all_recipients]
        yield Breach(message="parties", parties=tuple(addresses), evidence=())


RULES = {
    "test-error": RuleSpec("test-error", "error", "T 1", "Take ERRORWORD out.", _word_rule("ERRORWORD")),
    "test-warning": RuleSpec("test-warning", "warning", "T 2", "Take WARNWORD out.", _word_rule("WARNWORD")),
    "test-parties": RuleSpec("test-parties", "error", "T 3", "None.", _parties_rule),
}


@pytest.fixture(autouse=True)
def stand_in_rules(monkeypatch):
    monkeypatch.setattr(cli, "load_rules", lambda: dict(RULES))


@pytest.fixture
def policy(tmp_path):
    path = tmp_path / "policy.yaml"
    path.write_text(REGISTER, encoding="utf-8")
    return str(path)


def eml(folder: Path, name: str, body: str, subject: str = "Update", **headers) -> Path:
    msg = EmailMessage()
    msg["From"] = headers.get("sender", "Olly Officer <olly@testborough.gov.uk>")
    msg["To"] = headers.get("to", "Ann Able <ann.able@testborough.gov.uk>")
    msg["Subject"] = subject
    msg["Date"] = "Thu, 06 Mar 2025 10:14:00 +0000"
    msg["Message-ID"] = f"<{name}@testborough.gov.uk>"
    msg.set_content(body)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(bytes(msg))
    return path


def run(capsys, *args):
    status = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return status, out, err


def test_clean_audit_exits_0(tmp_path, policy, capsys):
    eml(tmp_path / "mail", "a.eml", "Dear Cllr Able, the hedge is cut.")
    status, out, err = run(capsys, "audit", tmp_path / "mail", "--policy", policy)
    assert status == 0
    assert "1 documents read, 0 findings" in out
    assert err == ""


def test_an_error_finding_exits_1_unless_fail_on_never(tmp_path, policy, capsys):
    eml(tmp_path / "mail", "a.eml", "This has ERRORWORD in it.")
    assert run(capsys, "audit", tmp_path / "mail", "--policy", policy)[0] == 1
    assert run(capsys, "audit", tmp_path / "mail", "--policy", policy, "--fail-on", "never")[0] == 0
    assert run(capsys, "audit", tmp_path / "mail", "--policy", policy, "--fail-on", "warning")[0] == 1


def test_a_warning_fails_only_with_fail_on_warning(tmp_path, policy, capsys):
    eml(tmp_path / "mail", "a.eml", "This has WARNWORD in it.")
    assert run(capsys, "audit", tmp_path / "mail", "--policy", policy)[0] == 0
    assert run(capsys, "audit", tmp_path / "mail", "--policy", policy, "--fail-on", "warning")[0] == 1


def test_rule_option_limits_the_rules_and_rejects_unknown_ids(tmp_path, policy, capsys):
    eml(tmp_path / "mail", "a.eml", "ERRORWORD and WARNWORD")
    status, out, _ = run(capsys, "audit", tmp_path / "mail", "--policy", policy, "--rule", "test-warning", "--format", "json")
    assert status == 0
    assert json.loads(out)["summary"]["by_rule"] == {"test-warning": 1}
    status, out, err = run(capsys, "audit", tmp_path / "mail", "--policy", policy, "--rule", "no-such-rule")
    assert status == 2 and out == ""
    assert err.startswith("correspondence-guard: error: unknown rule no-such-rule") and err.count("\n") == 1


def test_json_lists_every_document_and_every_enabled_rule(tmp_path, policy, capsys):
    eml(tmp_path / "mail", "a.eml", "ERRORWORD")
    eml(tmp_path / "mail", "b.eml", "nothing here")
    status, out, _ = run(capsys, "audit", tmp_path / "mail", "--policy", policy, "--format", "json")
    data = json.loads(out)
    assert status == 1
    assert data["schema"] == "correspondence-guard/report/v1"
    assert data["tool"] == {"name": "correspondence-guard", "version": __version__}
    assert data["policy"] == {"source": policy, "council": "Test Borough Council"}
    assert data["summary"] == {"documents": 2, "findings": 1, "errors": 0, "partial": False,
                               "by_rule": {"test-error": 1, "test-warning": 0, "test-parties": 0},
                               "files": 2, "duplicates": 0, "unreadable": 0, "internal_errors": 0,
                               "skipped": 0, "skipped_by_reason": {}}
    by_source = {Path(d["source"]).name: d for d in data["documents"]}
    assert by_source["a.eml"]["findings"][0]["rule"] == "test-error"
    assert by_source["a.eml"]["kind"] == "email" and by_source["a.eml"]["subject"] == "Update"
    assert by_source["b.eml"]["findings"] == []


def test_a_rule_disabled_in_the_policy_is_not_run_or_counted(tmp_path, policy, capsys):
    Path(policy).write_text(REGISTER + "rules:\n  test-error: {enabled: false}\n", encoding="utf-8")
    eml(tmp_path / "mail", "a.eml", "ERRORWORD")
    status, out, _ = run(capsys, "audit", tmp_path / "mail", "--policy", policy, "--format", "json")
    assert status == 0 and "test-error" not in json.loads(out)["summary"]["by_rule"]


@pytest.mark.parametrize("fmt, start", [("html", "<!DOCTYPE html>"), ("csv", "source,date,from"), ("json", "{"), ("text", "")])
def test_output_goes_to_the_named_file(tmp_path, policy, capsys, fmt, start):
    eml(tmp_path / "mail", "a.eml", "ERRORWORD")
    target = tmp_path / f"report.{fmt}"
    status, out, _ = run(capsys, "audit", tmp_path / "mail", "--policy", policy, "--format", fmt, "--output", target)
    assert status == 1 and out == ""
    assert target.read_text(encoding="utf-8").startswith(start)


def test_unreadable_document_is_listed_and_the_rest_reported(tmp_path, policy, capsys):
    eml(tmp_path / "docs", "good.eml", "ERRORWORD")
    (tmp_path / "docs" / "broken.docx").write_bytes(b"PK\x03\x04 this is not really a docx")
    status, out, err = run(capsys, "audit", tmp_path / "docs", "--policy", policy, "--format", "json")
    data = json.loads(out)
    assert status == 1
    assert [Path(d["source"]).name for d in data["documents"]] == ["good.eml"]
    assert [Path(e["source"]).name for e in data["errors"]] == ["broken.docx"]
    assert data["errors"][0]["error"] and "\n" not in data["errors"][0]["error"]
    assert data["summary"]["errors"] == 1
    notices = [line for line in err.splitlines() if "cannot read" in line]
    assert len(notices) == 1 and notices[0].startswith("correspondence-guard: cannot read ")
    assert "broken.docx" in notices[0]


def test_without_policy_the_defaults_are_used_with_a_warning(tmp_path, capsys):
    eml(tmp_path / "mail", "a.eml", "hello")
    status, out, err = run(capsys, "audit", tmp_path / "mail", "--format", "json")
    assert status == 0
    assert json.loads(out)["policy"]["source"] == "<default>"
    assert "warning" in err and "register is empty" in err and "councillor" in err


def test_a_missing_path_is_a_usage_error(tmp_path, policy, capsys):
    status, out, err = run(capsys, "audit", tmp_path / "nope", "--policy", policy)
    assert status == 2 and out == ""
    assert err.startswith("correspondence-guard: error: ") and "nope" in err and err.count("\n") == 1


@pytest.mark.parametrize("text, key", [
    ("council: {name: [x\n", None),
    ("councillors:\n  - emails: [a@b.gov.uk]\n", "councillors[0].name"),
    ("councillors:\n  - name: A\n    emails: {a: b}\n", "councillors[0].emails"),
])
def test_a_broken_policy_exits_2_with_one_line_naming_file_and_key(tmp_path, capsys, text, key):
    eml(tmp_path / "mail", "a.eml", "hello")
    bad = tmp_path / "bad-policy.yaml"
    bad.write_text(text, encoding="utf-8")
    for command in (["audit", tmp_path / "mail"], ["check", tmp_path / "mail" / "a.eml"]):
        status, out, err = run(capsys, *command, "--policy", bad)
        assert status == 2 and out == ""
        assert err.count("\n") == 1
        assert err.startswith(f"correspondence-guard: error: {bad}")
        if key:
            assert f"{bad}: {key}: " in err


def test_check_a_letter_with_parties_from_the_command_line(tmp_path, policy, capsys):
    letter = tmp_path / "draft.txt"
    letter.write_text("Dear Mr Jones,\n\nPARTIES\n\nYours sincerely,\n\nAnn Able\n", encoding="utf-8")
    status, out, err = run(capsys, "check", letter, "--policy", policy, "--format", "json",
                           "--from", "Ann Able <ann.able@testborough.gov.uk>",
                           "--to", "jones@example.org", "--cc", "olly@testborough.gov.uk",
                           "--bcc", "a@example.org", "--bcc", "B <b@example.org>")
    assert status == 1, err
    (doc,) = json.loads(out)["documents"]
    assert doc["kind"] == "letter"
    assert doc["from"] == "Ann Able <ann.able@testborough.gov.uk>"
    assert doc["findings"][0]["parties"] == [
        "ann.able@testborough.gov.uk", "jones@example.org", "olly@testborough.gov.uk", "a@example.org", "b@example.org",
    ]


def test_check_replaces_an_emails_own_recipients(tmp_path, policy, capsys):
    path = eml(tmp_path, "draft.eml", "PARTIES", to="someone@example.org")
    status, out, _ = run(capsys, "check", path, "--policy", policy, "--format", "json", "--to", "new@example.org")
    (doc,) = json.loads(out)["documents"]
    assert doc["findings"][0]["parties"] == ["olly@testborough.gov.uk", "new@example.org"]


def test_check_speaks_to_the_sender(tmp_path, policy, capsys):
    clean = eml(tmp_path, "clean.eml", "All fine.", subject="Hedge")
    status, out, _ = run(capsys, "check", clean, "--policy", policy)
    assert status == 0 and "No problems found" in out
    dirty = eml(tmp_path, "dirty.eml", "Please note ERRORWORD here.", subject="Hedge")
    status, out, _ = run(capsys, "check", dirty, "--policy", policy)
    assert status == 1
    assert "1 problem to fix before sending" in out
    assert 'The words (body): "ERRORWORD"' in out and "Do this instead: Take ERRORWORD out." in out


def test_check_rejects_a_bad_address_and_an_unreadable_file(tmp_path, policy, capsys):
    letter = tmp_path / "draft.txt"
    letter.write_text("Dear Sir,\n\nText.\n", encoding="utf-8")
    status, _, err = run(capsys, "check", letter, "--policy", policy, "--to", "not an address")
    assert status == 2 and "--to" in err and err.count("\n") == 1
    broken = tmp_path / "draft.docx"
    broken.write_bytes(b"PK\x03\x04 a zip header and nothing else")
    status, _, err = run(capsys, "check", broken, "--policy", policy)
    assert status == 2 and err.startswith("correspondence-guard: error: cannot check") and err.count("\n") == 1


def test_rules_lists_id_severity_clause_and_summary(capsys):
    status, out, _ = run(capsys, "rules")
    assert status == 0
    assert "test-error\terror\tT 1\tFlags a document whose own text holds a marker word." in out.splitlines()


def test_version(capsys):
    status, out, _ = run(capsys, "--version")
    assert status == 0 and __version__ in out


def test_the_console_script_reports_a_broken_policy_in_one_line(tmp_path):
    """Through the installed entry point, as a person would run it."""
    bad = tmp_path / "policy.yaml"
    bad.write_text("councillors:\n  - emails: [a@b.gov.uk]\n", encoding="utf-8")
    script = Path(sys.executable).with_name("correspondence-guard")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "correspondence_guard.cli"]
    done = subprocess.run([*command, "audit", str(tmp_path), "--policy", str(bad)], capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stderr == f"correspondence-guard: error: {bad}: councillors[0].name: is required\n"
    assert done.stdout == ""
