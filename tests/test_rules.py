"""Each rule on its positives and on every "Not flagged" case, written as correspondence files.

The files and what each must produce are in tests/fixtures/rules (made by make_fixtures.py).
They go through the real readers and the real engine.
"""

from pathlib import Path

import pytest
import yaml

from correspondence_guard import sources
from correspondence_guard.audit.units import read_unit
from correspondence_guard.engine import Checker
from correspondence_guard.model import Correspondence
from correspondence_guard.policy import load_policy

FIXTURES = Path(__file__).parent / "fixtures" / "rules"
CASES = yaml.safe_load((FIXTURES / "expect.yaml").read_text())["documents"]


@pytest.fixture(scope="module")
def checker():
    return Checker(load_policy(FIXTURES / "policy.yaml"))


@pytest.mark.parametrize("case", CASES, ids=[c["path"] for c in CASES])
def test_rule_case(case, checker):
    """Read as an audit reads, screened: a message no rule could fire on stays an outline."""
    path = str(FIXTURES / case["path"])
    (doc,) = read_unit((path, "file", path), screen=checker.could_fire)
    assert isinstance(doc, Correspondence), doc
    findings = checker.check(doc)
    got = {f.rule: set(f.parties) for f in findings}
    want = {e["rule"]: set(e["parties"]) for e in case["expect"]}
    assert got == want, f"{case['why']}\n" + "\n".join(f"{f.rule}: {f.message} {f.evidence}" for f in findings)


def test_every_finding_carries_clause_evidence_and_remedy(checker):
    for case in CASES:
        (doc,) = list(sources.read([str(FIXTURES / case["path"])]))
        for finding in checker.check(doc):
            assert finding.clause and finding.remedy and finding.message
            assert finding.evidence and all(e.text and e.where for e in finding.evidence)
