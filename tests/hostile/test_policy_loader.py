"""Hostile policy files: each is refused with ``file: key: reason`` and exit 2 (75 in
``filter``), quickly and in little memory, never a traceback or accepted nonsense."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import pytest

from correspondence_guard.errors import PolicyError
from correspondence_guard.limits import Limits
from correspondence_guard.policy import load_policy

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "samples" / "mail" / "01-silent-bcc-enforcement-update.eml"
HEAD = "council: {name: Test Council, domains: [test.gov.uk]}\n"


def alias_bomb(under: str) -> str:
    lines = [HEAD, f"{under}:\n", '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"  {name}: &{name} [{', '.join(['*' + prev] * 9)}]\n")
    return "".join(lines)


CASES = {
    "alias bomb under lexicon": (alias_bomb("lexicon"), "", "expand to more than"),
    "alias bomb under gateway": (alias_bomb("gateway"), "", "expand to more than"),
    "alias bomb under rules": (alias_bomb("rules"), "", "expand to more than"),
    "10,000-deep nesting": ("council: " + "[" * 10000 + "]" * 10000 + "\n", "", "nested deeper than"),
    "a list where an address is expected": (
        HEAD + "councillors:\n  - name: A\n    emails: [[a@test.gov.uk]]\n", "councillors[0].emails[0]", "must be text"),
    "two addresses where one is expected": (
        HEAD + "distribution_lists:\n  - address: [a@test.gov.uk, b@test.gov.uk]\n    members: [councillors]\n",
        "distribution_lists[0].address", "one email address"),
    "a list as the notify address": (HEAD + "gateway:\n  notify: {address: [a@test.gov.uk]}\n", "gateway.notify.address", "must be text"),
    "NaN timeout": (HEAD + "gateway:\n  timeout_seconds: .nan\n", "gateway.timeout_seconds", "finite"),
    "infinite page limit": (HEAD + "limits:\n  pages: .inf\n", "limits.pages", "finite"),
    "huge max_message_bytes": (HEAD + "gateway:\n  max_message_bytes: 1.0e+300\n", "gateway.max_message_bytes", "at most"),
    "absurd memory limit": (HEAD + "limits:\n  memory_mb: 99999999\n", "limits.memory_mb", "between"),
    "zero character limit": (HEAD + "limits:\n  characters: 0\n", "limits.characters", "between"),
    "fractional page limit": (HEAD + "limits:\n  pages: 2.5\n", "limits.pages", "whole number"),
    "unknown limit": (HEAD + "limits:\n  megabytes: 5\n", "limits.megabytes", "not a limit"),
    "a number where phrases are expected": (HEAD + "lexicon:\n  regulatory: {planning: 5}\n", "lexicon.regulatory.planning", "list of phrases"),
    "a register written twice": (
        HEAD + "councillors:\n  - name: A\n    emails: [a@test.gov.uk]\ncouncillors:\n  - name: B\n    emails: [b@test.gov.uk]\n",
        "", "written twice (lines 2 and 5)"),
    "a key written twice inside a councillor": (
        HEAD + "councillors:\n  - name: A\n    name: B\n    emails: [a@test.gov.uk]\n", "", "written twice"),
}


@pytest.mark.parametrize("text, key, reason", CASES.values(), ids=CASES.keys())
def test_a_hostile_policy_is_refused_naming_the_file_and_key(tmp_path, text, key, reason):
    path = tmp_path / "policy.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PolicyError) as caught:
        load_policy(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: {key}: " if key else f"{path}: ")
    assert reason in message


def _run(*args, stdin=b""):
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    done = subprocess.run([sys.executable, "-m", "correspondence_guard.cli", *args], input=stdin,
                          capture_output=True, timeout=120, cwd=REPO)
    peak_kb = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return done, peak_kb


@pytest.mark.parametrize("under", ["lexicon", "gateway", "rules"])
def test_an_alias_bomb_is_one_line_and_exit_2_in_check_and_75_in_filter(tmp_path, under):
    path = tmp_path / "policy.yaml"
    path.write_text(alias_bomb(under), encoding="utf-8")
    done, peak_kb = _run("check", "--policy", str(path), str(SAMPLE))
    assert done.returncode == 2
    assert done.stderr.decode().strip().splitlines() == [
        f"correspondence-guard: error: {path}: anchors and aliases expand to more than 100000 values at line 1"]
    done, _ = _run("filter", "--policy", str(path), "--sender", "a@test.gov.uk", "--recipient", "b@test.gov.uk",
                   stdin=SAMPLE.read_bytes())
    assert done.returncode == 75 and done.stdout == b""
    assert peak_kb < 300 * 1024


def test_the_shipped_limits_are_the_documented_defaults():
    assert load_policy(None).limits == Limits()
