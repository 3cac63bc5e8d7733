"""Copy notes: the protocol's "cc Councillor x" that makes a blind copy open.

BTC008 7.1 asks that where Bcc is used the email says so, "with a note such as 'cc
Councillor x'". A note is a phrase that announces a copy (cc, bcc, copy to, copied in...)
followed by whom; only the councillors it names are covered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..policy import Councillor, Register
from .names import councillors_named

_NOTE = re.compile(
    r"(?im)(?:^|(?<=[\s(\[;,.:-]))"
    r"(?P<verb>b?c\.?c\.?'?d?|copy(?:ing)?(?:\s+(?:this|these|it))?\s+(?:to|in)|"
    r"(?:have|has|i've|am|are|'ve)\s+(?:also\s+)?(?:blind[- ]?)?cop(?:ied|ying)(?:\s+(?:this|it|you))?(?:\s+(?:to|in))?|"
    r"(?:blind[- ]?)?copied\s+(?:to|in)|blind[- ]?cop(?:y|ies)(?:\s+to)?|a\s+copy\s+(?:\w+\s+){0,4}?(?:to|for))"
    r"(?![\w])\s*:?\s*(?P<names>[^\n]{0,200})"
)


# The note in the passive: "Cllr Price is copied for information", "Cllrs Jones and Evans are cc'd".
_PASSIVE_NOTE = re.compile(
    r"(?im)(?P<names>(?:cllrs?\.?|councillors?)\s[^\n.;]{0,120}?)\s+(?:is|are|has\s+been|have\s+been)\s+(?:also\s+)?"
    r"(?:blind[- ]?)?(?:copied|cc'?d|cced|bcc'?d|in\s+copy)(?![\w])"
)


@dataclass(frozen=True)
class CopyNote:
    text: str
    covers: tuple[Councillor, ...]


def copy_notes(text: str, register: Register) -> tuple[CopyNote, ...]:
    """The copy notes in a piece of the author's own text, each with whom it names."""
    notes = []
    for match in [*_NOTE.finditer(text), *_PASSIVE_NOTE.finditer(text)]:
        covers = councillors_named(match.group("names"), register)
        if covers or match.group("names").strip():
            notes.append(CopyNote(text=match.group(0).strip(), covers=covers))
    return tuple(notes)


def covered(text: str, register: Register) -> set[Councillor]:
    return {c for note in copy_notes(text, register) for c in note.covers}
