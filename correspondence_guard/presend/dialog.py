"""The few plain-English lines a sender sees in Outlook's "Don't send / Send anyway" dialog.

Smart Alerts shows at most 500 characters, so each finding is one sentence of what is
wrong, the protocol clause, and the fix; a silent copy's fix names the copy note to add.
"""

from __future__ import annotations

from ..model import Correspondence, Finding
from ..policy import Policy
from .fix import copy_note, hidden_councillors

LIMIT = 500


def verdict(findings: tuple[Finding, ...], block_on: str) -> str:
    """``block`` for a finding at or above ``block_on`` not overridden, ``warn`` for others, else ``send``."""
    open_findings = [f for f in findings if f.override is None]
    if any(f.severity == "error" or block_on == "warning" for f in open_findings):
        return "block"
    return "warn" if open_findings else "send"


def fix_sentence(doc: Correspondence, finding: Finding, policy: Policy) -> str:
    hidden = hidden_councillors(doc, finding, policy)
    if hidden:
        notes = " and ".join(f"\u201c{copy_note(policy, a)}\u201d" for a in hidden)
        return f"Move them to Cc, or add {notes} to the message."
    return _first_sentence(finding.remedy)


def summary(doc: Correspondence, findings: tuple[Finding, ...], policy: Policy, markdown: bool = False) -> str:
    """One line per open finding (message, clause, fix), within Smart Alerts' limit."""
    open_findings = [f for f in findings if f.override is None]
    if not open_findings:
        return "No problems found."
    lines = []
    for finding in open_findings:
        message, fix = finding.message, fix_sentence(doc, finding, policy)
        if markdown:
            lines.append(f"{_escape(message)} **Protocol {_escape(finding.clause)}.** To fix: {_escape(fix)}")
        else:
            lines.append(f"{message} Protocol {finding.clause}. To fix: {fix}")
    text = ("\n\n" if markdown else "\n").join(lines)
    if len(text) > LIMIT:
        text = text[: LIMIT - 1].rstrip() + "\u2026"
    return text


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    end = text.find(". ")
    return text[: end + 1] if end >= 0 else text


def _escape(text: str) -> str:
    """Text shown literally in Smart Alerts' markdown (names come from the draft)."""
    return "".join("\\" + c if c in "\\`*_[]()#<>!|~" else c for c in text)
