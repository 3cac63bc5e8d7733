"""The labelled corpora, audited end to end through the command line.

Every label must be met (rule and exactly its parties) and nothing else flagged. Ashbourne Vale is the
shared corpus; tests/corpora holds corpora written independently of the rules, in other
councils' styles, as a check that the rules generalise.
"""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPORA = [ROOT.parent / "shared" / "corpus" / "ashbourne-vale", *sorted(p.parent for p in (ROOT / "tests" / "corpora").glob("*/labels.yaml"))]
# The console script of the environment running the tests, whether or not it is on PATH.
CLI = next(
    (str(p) for p in (Path(sys.executable).parent / "correspondence-guard",) if p.exists()),
    shutil.which("correspondence-guard"),
)


def _audit(corpus: Path, tmp_path: Path) -> dict:
    labels = yaml.safe_load((corpus / "labels.yaml").read_text())["documents"]
    tops = sorted({d["path"].split("/")[0] for d in labels})
    out = tmp_path / "report.json"
    run = subprocess.run(
        [CLI, "audit", *tops, "--policy", "policy.yaml", "--format", "json", "--output", str(out)],
        cwd=corpus, capture_output=True, text=True, timeout=600,
    )
    assert run.returncode in (0, 1), run.stderr
    return labels, json.loads(out.read_text())


@pytest.mark.parametrize("corpus", CORPORA, ids=[c.name for c in CORPORA])
def test_labelled_corpus(corpus, tmp_path):
    assert CLI, "correspondence-guard is not installed"
    labels, report = _audit(corpus, tmp_path)
    found = {d["source"]: d["findings"] for d in report["documents"]}
    assert not report["errors"]
    wrong = []
    for label in labels:
        assert label["path"] in found, f"{label['path']} is not in the report"
        got = {}
        for f in found[label["path"]]:
            got.setdefault(f["rule"], set()).update(p.lower() for p in f["parties"])
        want = {e["rule"]: {p.lower() for p in e.get("parties") or []} for e in label["expect"] or []}
        if set(got) != set(want) or any(want[r] and want[r] != got[r] for r in want):  # exact parties
            wrong.append(f"{label['path']}: want {want} got {got} ({label['why']})")
    assert not wrong, "\n".join(wrong)
