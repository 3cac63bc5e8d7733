"""A fault of the checker is never a clean result nor an "unreadable" document.

A rule plug-in that raises is installed in a real, separate process the way any plug-in
is (a distribution with an entry point under ``correspondence_guard.rules``); the audit
and ``check`` then exit 3 whatever ``--fail-on`` says, list an ``internal-error`` entry
naming the exception type for each document not checked, and say nothing is clean.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from email.message import EmailMessage
from pathlib import Path

import pytest

from correspondence_guard.model import INTERNAL_ERROR, UNREADABLE
from correspondence_guard.audit import audit
from correspondence_guard.testing import policy as make_policy
from correspondence_guard.testing import rule_plugin

CLI = next((str(p) for p in (Path(sys.executable).parent / "correspondence-guard",) if p.exists()),
           shutil.which("correspondence-guard"))

PLUGIN = '''
from correspondence_guard.rules import rule


@rule("always-fails", severity="warning", clause="T 9", remedy="None.")
def always_fails(doc, policy):
    """A broken plug-in: raises on every document."""
    raise ValueError("the plug-in is broken")
'''


@pytest.fixture
def plugin_env(tmp_path):
    """An environment in which the broken rule is installed as a plug-in."""
    return rule_plugin(tmp_path, "broken-rule", PLUGIN)


def mail(folder: Path, name: str, text: str) -> Path:
    msg = EmailMessage()
    msg["From"] = "Olly Officer <olly@council.gov.uk>"
    msg["To"] = "resident@example.org"
    msg["Subject"] = f"About {name}"
    msg["Message-ID"] = f"<{name}@council.gov.uk>"
    msg.set_content(text)
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_bytes(bytes(msg))
    return path


def run(env, *args):
    return subprocess.run([CLI, *map(str, args)], env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_rule_that_raises_makes_the_audit_exit_3(tmp_path, plugin_env, workers):
    for n in range(40):  # more than one batch, so two workers really use the pool
        mail(tmp_path / "mail", f"{n:02d}.eml", "Dear resident, the bins go out on Tuesday.")
    listed = run(plugin_env, "rules")
    assert "always-fails" in listed.stdout  # installed as a plug-in, not monkeypatched
    done = run(plugin_env, "audit", tmp_path / "mail", "--format", "json", "--fail-on", "never", "--workers", workers)
    assert done.returncode == 3, done.stderr
    report = json.loads(done.stdout)
    assert report["documents"] == []
    assert len(report["errors"]) == 40
    entry = report["errors"][0]
    assert entry["kind"] == INTERNAL_ERROR and entry["exception"] == "ValueError"
    assert entry["error"].startswith("not checked: internal error in rule always-fails (ValueError: the plug-in is broken)")
    assert report["summary"]["internal_errors"] == 40 and report["summary"]["unreadable"] == 0
    assert "40 documents were not checked because of internal errors (exit status 3)" in done.stderr
    text = run(plugin_env, "audit", tmp_path / "mail", "--fail-on", "never", "--workers", workers)
    assert text.returncode == 3
    assert text.stdout.startswith("INCOMPLETE AUDIT: 40 documents were not checked")
    assert "NOT CHECKED (an internal error of the checker; exit status 3):" in text.stdout
    assert "40 NOT CHECKED (internal errors)" in text.stdout.splitlines()[-1]


def test_a_rule_that_raises_makes_check_exit_3(tmp_path, plugin_env):
    draft = mail(tmp_path, "draft.eml", "Dear resident, the bins go out on Tuesday.")
    done = run(plugin_env, "check", draft, "--fail-on", "never")
    assert done.returncode == 3
    assert "No problems found" not in done.stdout
    assert "NOT CHECKED (internal error of the checker)" in done.stdout
    as_json = json.loads(run(plugin_env, "check", draft, "--format", "json").stdout)
    assert [e["kind"] for e in as_json["errors"]] == [INTERNAL_ERROR]


def test_a_reader_that_raises_is_an_internal_error_not_unreadable(tmp_path, monkeypatch):
    mail(tmp_path / "mail", "a.eml", "Dear resident.")
    (tmp_path / "mail" / "empty.eml").write_bytes(b"")

    def broken(data, source, *args, **kwargs):
        raise KeyError("a bug in the reader")

    import correspondence_guard.sources as sources

    monkeypatch.setattr(sources, "parse_message", broken)
    report = audit([str(tmp_path / "mail")], make_policy(), workers=1, progress=False)
    kinds = {Path(e.source).name: (e.kind, e.exception) for e in report.errors}
    assert kinds == {"a.eml": (INTERNAL_ERROR, "KeyError"), "empty.eml": (UNREADABLE, "")}
    assert report.summary()["internal_errors"] == 1 and report.summary()["unreadable"] == 1


def test_a_rule_that_raises_makes_check_fix_exit_3_and_write_nothing(tmp_path, plugin_env):
    draft = mail(tmp_path, "draft.eml", "Dear resident, the bins go out on Tuesday.")
    fixed = tmp_path / "fixed.eml"
    done = run(plugin_env, "check", draft, "--fix", "--output", fixed, "--fail-on", "never")
    assert done.returncode == 3, done.stderr
    assert not fixed.exists()  # no "fixed" copy of a draft that was never checked
    assert "NOT CHECKED (internal error of the checker): not checked: internal error in rule always-fails (ValueError" in done.stdout
    assert "Wrote" not in done.stdout and "Nothing changed" not in done.stdout
    assert "(exit status 3)" in done.stderr
