"""Every labelled corpus, audited end to end through the command line.

Every label must be met exactly: the same rules, each concerning exactly the labelled
parties (an extra party is as wrong as a missing one), and nothing else flagged. The
shared corpora (``../shared/corpus/*/labels.yaml``) carry the ``shared`` marker;
``tests/corpora`` holds corpora written independently of the rules, in other councils'
styles, as a check that the rules generalise; ``samples/`` is the shipped demonstration.
"""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SHARED_CORPORA = ROOT.parent / "shared" / "corpus"
OWN = [ROOT / "samples", *sorted(p.parent for p in (ROOT / "tests" / "corpora").glob("*/labels.yaml"))]
SHARED = sorted(p.parent for p in SHARED_CORPORA.glob("*/labels.yaml"))
CORPORA = [pytest.param(c, id=c.name) for c in OWN] + [pytest.param(c, id=c.name, marks=pytest.mark.shared) for c in SHARED]
if not SHARED:  # a clone without ../shared: one marked placeholder, skipped with the reason
    CORPORA.append(pytest.param(SHARED_CORPORA / "ashbourne-vale", id="shared-corpora", marks=pytest.mark.shared))
# The console script of the environment running the tests, whether or not it is on PATH.
CLI = next(
    (str(p) for p in (Path(sys.executable).parent / "correspondence-guard",) if p.exists()),
    shutil.which("correspondence-guard"),
)


def _audit(corpus: Path, tmp_path: Path) -> tuple[list, dict]:
    labels = yaml.safe_load((corpus / "labels.yaml").read_text(encoding="utf-8"))["documents"]
    tops = sorted({d["path"].split("/")[0] for d in labels})
    out = tmp_path / "report.json"
    run = subprocess.run(
        [CLI, "audit", *tops, "--policy", "policy.yaml", "--format", "json", "--output", str(out)],
        cwd=corpus, capture_output=True, text=True, timeout=600,
    )
    assert run.returncode in (0, 1), run.stderr
    return labels, json.loads(out.read_text(encoding="utf-8"))


def wrong_labels(labels: list, report: dict) -> list[str]:
    """Each label not met exactly: "path: want {rule: parties} got {rule: parties}"."""
    found = {d["source"]: d["findings"] for d in report["documents"]}
    wrong = []
    for label in labels:
        if label["path"] not in found:
            wrong.append(f"{label['path']}: not in the report")
            continue
        got: dict[str, set] = {}
        for f in found[label["path"]]:
            got.setdefault(f["rule"], set()).update(p.lower() for p in f["parties"])
        want = {e["rule"]: {p.lower() for p in e.get("parties") or []} for e in label["expect"] or []}
        if got != want:
            wrong.append(f"{label['path']}: want {want} got {got} ({label.get('why', '')})")
    return wrong


@pytest.mark.parametrize("corpus", CORPORA)
def test_labelled_corpus(corpus, tmp_path):
    assert CLI, "correspondence-guard is not installed"
    labels, report = _audit(corpus, tmp_path)
    assert not report["errors"]
    assert report["summary"]["documents"] == len(labels)
    wrong = wrong_labels(labels, report)
    assert not wrong, "\n".join(wrong)


def test_an_extra_party_is_a_wrong_label():
    labels = [{"path": "a.eml", "expect": [{"rule": "silent-copy", "parties": ["b@x.org"]}], "why": ""}]
    report = {"documents": [{"source": "a.eml", "findings": [
        {"rule": "silent-copy", "parties": ["b@x.org", "c@x.org"]}]}]}
    [wrong] = wrong_labels(labels, report)
    assert wrong.startswith("a.eml: want") and "c@x.org" in wrong
    report["documents"][0]["findings"][0]["parties"] = ["B@x.org"]
    assert wrong_labels(labels, report) == []
