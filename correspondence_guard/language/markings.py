"""Protective markings: CONFIDENTIAL and its kin, where a marking stands.

BTC008 7.3 protects officers' correspondence "if marked confidential". A marking is a
label put on the correspondence: a header (``Sensitivity``, a classification label such as
``msip_labels``), the subject, a line of its own in the text, or a page header or footer.
The word used in passing ("I can't share confidential details") or inside an email
disclaimer is not a marking, so a text line counts only when it begins with the marking
and stands as a label: short, in capitals, or followed by a separator; or when a label
names it ("Classification: OFFICIAL-SENSITIVE"). A subject is marked at its start
("CONFIDENTIAL - Mill Lane") or its end ("Mill Lane - Confidential"). A line or page footer
in a paragraph that reads as a disclaimer ("intended solely for the addressee") is never a
marking, whatever words it begins with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import Correspondence
from ..policy import Policy
from .text import fold

_REPLY_PREFIX = re.compile(r"^\s*((re|fw|fwd|aw|wg|tr)\s*(\[\d+\])?\s*:\s*)+", re.I)
_DECORATION = " \t*_=#~<>[](){}|.:-–—"
_CONTINUATION = re.compile(r"(for|to|until|not|and|unless|beyond|outside|except|other\s+than|without|before|prior\s+to)\b")
_LABEL_NAME = re.compile(r"_name\s*=\s*([^;]+)", re.I)


@dataclass(frozen=True)
class Marking:
    text: str
    where: str


def _phrase_pattern(policy: Policy) -> re.Pattern:
    phrases = sorted({fold(p) for p in policy.words("markings")}, key=len, reverse=True)
    if not phrases:
        return re.compile(r"(?!x)x")
    body = "|".join(r"\s*[-–—&/:]?\s*".join(map(re.escape, re.split(r"[\s\-&/]+", p))).replace(r"and", r"(?:and|&)") for p in phrases)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")


def _label_line(line: str, pattern: re.Pattern, labels: re.Pattern | None = None) -> bool:
    stripped = line.strip(_DECORATION)
    if labels is not None:
        named = labels.match(fold(stripped))
        if named and pattern.fullmatch(fold(stripped[named.end():]).strip(_DECORATION)):
            return True
    if not stripped:
        return False
    folded = fold(stripped)
    match = pattern.match(folded)
    if not match:
        return False
    rest = stripped[match.end() :].strip()
    said = stripped[: match.end()]
    return not rest or said.isupper() or rest[0] in "-–—:(/[,;|" or bool(_CONTINUATION.match(fold(rest)))


_TAG = re.compile(r"^\s*\[[^\]]{1,30}\]\s*")


def _subject_marked(subject: str, pattern: re.Pattern) -> bool:
    """A marking at the subject's start, behind "RE:"/"FW:" or a mail system's "[External]"
    tag, in capitals or brackets anywhere, or after a separator at its end."""
    subject = _REPLY_PREFIX.sub("", subject)
    untagged = _REPLY_PREFIX.sub("", _TAG.sub("", subject))
    if _label_line(subject, pattern) or _label_line(untagged, pattern):
        return True
    folded = fold(subject).rstrip(" .)]")
    for match in pattern.finditer(fold(subject)):
        said = subject[match.start() : match.end()]
        before = subject[: match.start()].rstrip()
        if said.isupper() or before[-1:] in ("[", "("):
            return True
        if match.end() == len(folded) and before[-1:] in ("-", "–", "—", ":", "|", "/", ","):
            return True
    return False


def _compile_any(phrases) -> re.Pattern:
    body = "|".join(r"\s+".join(map(re.escape, fold(p).split())) for p in phrases if p.strip())
    return re.compile(rf"(?:{body})" if body else r"(?!x)x")


@dataclass(frozen=True)
class _Disclaimer:
    """An email disclaimer's words: one strong cue ("in error") or two weak ones
    ("intended solely", "addressee") make a paragraph a disclaimer; a briefing's own
    "intended only for members" alone does not."""

    strong: re.Pattern
    weak: re.Pattern

    @classmethod
    def of(cls, policy: Policy) -> "_Disclaimer":
        return cls(_compile_any(policy.words("disclaimer_cues")), _compile_any(policy.words("disclaimer_weak_cues")))

    def reads_as(self, text: str) -> bool:
        folded = fold(text)
        return bool(self.strong.search(folded)) or len(set(self.weak.findall(folded))) >= 2


def _disclaimer_lines(text: str, disclaimer: _Disclaimer) -> set[int]:
    """Numbers (from 1) of the lines of disclaimer paragraphs, with a one-line heading
    ("CONFIDENTIAL") that stands alone just above one."""
    paragraphs: list[list[int]] = [[]]
    lines = text.splitlines()
    for number, line in enumerate(lines, start=1):
        if line.strip():
            paragraphs[-1].append(number)
        elif paragraphs[-1]:
            paragraphs.append([])
    found: set[int] = set()
    for index, paragraph in enumerate(paragraphs):
        if paragraph and disclaimer.reads_as(" ".join(lines[n - 1] for n in paragraph)):
            found.update(paragraph)
            if index and len(paragraphs[index - 1]) == 1:
                found.update(paragraphs[index - 1])
    return found


def _segments(mark: str) -> list[str]:
    """A page header or footer cut into its parts: lines, table cells, tab or wide-space stops."""
    return [part for part in re.split(r"\n|\t|\s*\|\s*|\s{3,}", mark) if part.strip()]


def _token(value: str) -> str:
    return re.sub(r"[\s_-]+", "-", fold(value).strip())


def _header_markings(doc: Correspondence, policy: Policy, pattern: re.Pattern) -> list[Marking]:
    found = []
    sensitivity = {fold(v) for v in policy.words("sensitivity_values")}
    label_headers = {fold(h) for h in policy.words("label_headers")}
    for name, value in doc.headers:
        key = fold(name)
        if key == "sensitivity" and _token(value) in {_token(v) for v in sensitivity}:
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
    labels = re.compile(rf"(?:{_compile_any(policy.words('marking_labels')).pattern})\s*[:\-–]\s*")
    disclaimer = _Disclaimer.of(policy)
    found = _header_markings(doc, policy, pattern)
    if doc.subject and _subject_marked(doc.subject, pattern):
        found.append(Marking(doc.subject.strip(), "subject"))
    disclaimers = _disclaimer_lines(doc.own_text, disclaimer)
    for number, line in enumerate(doc.own_text.splitlines(), start=1):
        if number not in disclaimers and _label_line(line, pattern, labels):
            found.append(Marking(line.strip(), f"text, line {number}"))
    for mark in doc.marks:
        if not disclaimer.reads_as(mark) and any(_label_line(part, pattern, labels) for part in _segments(mark)):
            found.append(Marking(mark.strip(), "page header or footer"))
    return tuple(found)


@lru_cache(maxsize=16)
def _marking_words(phrases: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The words of each marking phrase, and the name of the ``Sensitivity`` header: every
    marking :func:`markings` finds holds all the words of one of them. (A word holding
    "and" is left out: the pattern also reads "and" as "&".)"""
    words = {("sensitivity",)}
    for phrase in phrases:
        parts = tuple(w for w in re.split(r"[\s\-&/]+", fold(phrase)) if w and "and" not in w)
        if parts:
            words.add(parts)
    return tuple(sorted(words))


def could_be_marked(text: str, policy: Policy) -> bool:
    """A necessary condition for :func:`markings` to find a marking on anything ``text``
    holds (subjects, header lines, texts, page marks): every word of some marking, anywhere.

    "Confidential" in a disclaimer passes this test; only the full reading tells a marking
    from a passing use of the word."""
    folded = fold(text)
    return any(all(word in folded for word in phrase) for phrase in _marking_words(policy.words("markings")))


def without_disclaimers(text: str, policy: Policy) -> str:
    """The text with the paragraphs that read as an email disclaimer removed."""
    dropped = _disclaimer_lines(text, _Disclaimer.of(policy))
    return "\n".join(line for number, line in enumerate(text.splitlines(), start=1) if number not in dropped)
