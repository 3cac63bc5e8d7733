"""The shipped samples: every one readable, every one described, and (once the rules are
installed) each showing exactly the findings ``samples/labels.yaml`` says it shows."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from correspondence_guard import sources
from correspondence_guard.engine import Checker
from correspondence_guard.errors import GuardError
from correspondence_guard.model import Skipped, Unreadable
from correspondence_guard.policy import load_policy
from correspondence_guard.rules import load_rules

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
LABELS = yaml.safe_load((SAMPLES / "labels.yaml").read_text(encoding="utf-8"))
DOCUMENT_SUFFIXES = {".eml", ".txt", ".docx", ".pdf"}


def sample_files() -> set[str]:
    return {
        p.relative_to(SAMPLES).as_posix()
        for p in SAMPLES.rglob("*")
        if p.is_file() and p.suffix in DOCUMENT_SUFFIXES
    }


def test_every_sample_is_labelled_and_described():
    labelled = {d["path"] for d in LABELS["documents"]}
    assert labelled == sample_files()
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    for path in labelled:
        assert path in readme, path


def test_every_sample_is_read_as_a_document():
    items = list(sources.read([str(SAMPLES)]))
    unreadable = [i for i in items if isinstance(i, Unreadable)]
    assert unreadable == []
    skipped = {Path(i.source).relative_to(SAMPLES).as_posix(): i.reason for i in items if isinstance(i, Skipped)}
    assert skipped == {"README.md": "licence, notice or read-me file", "labels.yaml": "configuration or documentation",
                       "make_samples.py": "configuration or documentation", "policy.yaml": "configuration or documentation"}
    read = {Path(i.source).relative_to(SAMPLES).as_posix(): i for i in items if not isinstance(i, Skipped)}
    assert set(read) == sample_files()
    for label in LABELS["documents"]:
        assert read[label["path"]].kind == label["kind"], label["path"]


def test_samples_show_what_their_labels_say():
    try:
        rules = load_rules()
    except (ImportError, GuardError) as exc:
        pytest.skip(f"rules not installed yet: {exc}")
    report = Checker(load_policy(SAMPLES / "policy.yaml"), rules=rules).audit(sources.read([str(SAMPLES)]))
    got = {
        Path(doc.source).relative_to(SAMPLES).as_posix(): {f.rule: set(f.parties) for f in doc.findings}
        for doc in report.documents
    }
    wrong = []
    for label in LABELS["documents"]:
        want = {e["rule"]: set(e.get("parties") or ()) for e in label["expect"]}
        found = got.get(label["path"], {})
        if want != found:  # the same rules, each concerning exactly the same parties
            wrong.append(f"{label['path']}: want {want}, got {found}")
    assert not wrong, "\n".join(wrong)
