"""Protective markings: CONFIDENTIAL and its kin, where a marking stands.

BTC008 7.3 protects officers' correspondence "if marked confidential". A marking is a
label put on the correspondence: a header (``Sensitivity``, a classification label such as
``msip_labels``), the subject, a line of its own in the text, or a page header or footer.
The word used in passing ("I can't share confidential details") or inside an email
disclaimer is not a marking, so a text line counts only when it begins with the marking
and stands as a label: short, in capitals, or followed by a separator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Correspondence
from ..policy import Policy
from .text import fold

_REPLY_PREFIX = re.compile(r"^\s*((re|fw|fwd|aw|wg|tr)\s*(\[\d+\])?\s*:\s*)+", re.I)
_DECORATION = " \t*_=#~<>[](){}|.:-–—"
_CONTINUATION = re.compile(r"(for|to|until|not|and|unless)\b")
_LABEL_NAME = re.compile(r"_name\s*=\s*([^;]+)", re.I)


@dataclass(frozen=True)
class Marking:
    text: str
    where: str


def _phrase_pattern(policy: Policy) -> re.Pattern:
    phrases = sorted({fold(p) for p in policy.words("markings")}, key=len, reverse=True)
    if not phrases:
        return re.compile(r"(?!x)x")
    body = "|".join(r"\s*[-&/]?\s*".join(map(re.escape, re.split(r"[\s\-&/]+", p))).replace(r"and", r"(?:and|&)") for p in phrases)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")


def _label_line(line: str, pattern: re.Pattern) -> bool:
    stripped = line.strip(_DECORATION)
    if not stripped:
        return False
    folded = fold(stripped)
    match = pattern.match(folded)
    if not match:
        return False
    rest = stripped[match.end() :].strip()
    said = stripped[: match.end()]
    return not rest or said.isupper() or rest[0] in "-–—:(/[,;|" or bool(_CONTINUATION.match(fold(rest)))


def _subject_marked(subject: str, pattern: re.Pattern) -> bool:
    subject = _REPLY_PREFIX.sub("", subject)
    if _label_line(subject, pattern):
        return True
    for match in pattern.finditer(fold(subject)):
        said = subject[match.start() : match.end()]
        if said.isupper() or subject[max(0, match.start() - 1) : match.start()] in ("[", "("):
            return True
    return False


def _header_markings(doc: Correspondence, policy: Policy, pattern: re.Pattern) -> list[Marking]:
    found = []
    sensitivity = {fold(v) for v in policy.words("sensitivity_values")}
    label_headers = {fold(h) for h in policy.words("label_headers")}
    for name, value in doc.headers:
        key = fold(name)
        if key == "sensitivity" and fold(value).strip() in sensitivity:
            found.append(Marking(f"{name}: {value.strip()}", f"{name} header"))
        elif key in label_headers:
            labels = _LABEL_NAME.findall(value) or [value]
            for label in labels:
                if pattern.search(fold(label.strip())):
                    found.append(Marking(f"{name}: {label.strip()}", f"{name} header"))
                    break
    return found


def markings(doc: Correspondence, policy: Policy) -> tuple[Marking, ...]:
    """Every protective marking on this piece of correspondence (not on what it carries)."""
    pattern = _phrase_pattern(policy)
    found = _header_markings(doc, policy, pattern)
    if doc.subject and _subject_marked(doc.subject, pattern):
        found.append(Marking(doc.subject.strip(), "subject"))
    for number, line in enumerate(doc.own_text.splitlines(), start=1):
        if _label_line(line, pattern):
            found.append(Marking(line.strip(), f"text, line {number}"))
    for mark in doc.marks:
        if pattern.search(fold(mark)):
            found.append(Marking(mark.strip(), "page header or footer"))
    return tuple(found)
