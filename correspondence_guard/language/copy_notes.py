"""Copy notes: the protocol's "cc Councillor x" that makes a blind copy open.

BTC008 7.1 asks that where Bcc is used the email says so, "with a note such as 'cc
Councillor x'". The rulings take any phrase of the author's own text that tells the reader a
named councillor received this message: "cc", "bcc", "Copy to", "Copy:", "Copied to:" (also
as a row of a header table, where the name may stand on the next line), "copied in", "is
copied in", "I am copying Cllr X", in any case. Only the councillors a note names are covered.

A promise to tell someone later ("I will copy this to Cllr X tomorrow", "I'll brief Cllr X
separately") says the councillor has not received it: it is not a note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..policy import Councillor, Register
from .names import councillors_named

_NOTE = re.compile(
    r"(?im)(?:^|(?<=[\s(\[;,.:-]))"
    r"(?P<verb>b?c\.?c\.?'?d?|cop(?:y|ies)(?=\s*:)|copy(?:ing)?(?:\s+(?:this|these|it))?\s+(?:to|in)|copies\s+to|"
    r"(?:have|has|i've|we've|am|are|i'm|we're|'ve|'m)\s+(?:also\s+)?(?:blind[- ]?)?cop(?:ied|ying)(?:\s+(?:this|it|you))?(?:\s+(?:to|in))?|"
    r"(?:have|has|i've|we've|am|are|i'm|we're|'ve|'m)\s+(?:also\s+)?(?:sent|sending|shared|sharing|included|including)"
    r"(?:\s+(?:this|it|a\s+copy))?(?:\s+(?:to|with))?|also\s+(?:sent|going)\s+to|"
    r"(?:blind[- ]?)?copied\s+(?:to|in)|blind[- ]?cop(?:y|ies)(?:\s+to)?|a\s+copy\s+(?:\w+\s+){0,4}?(?:to|for))"
    r"(?![\w])[ \t]*:?[ \t]*(?P<names>[^\n]{0,200})"
)

# The note in the passive: "Cllr Price is copied for information", "Cllrs Jones and Evans are cc'd".
_PASSIVE_NOTE = re.compile(
    r"(?im)(?P<names>(?:cllrs?\.?|councillors?)\s[^\n.;]{0,120}?)\s+(?:is|are|has\s+been|have\s+been)\s+(?:also\s+)?"
    r"(?:blind[- ]?)?(?:copied|cc'?d|cced|bcc'?d|in\s+copy)(?![\w])"
)

_PROMISE = re.compile(r"(?i)\b(?:will|shall|'ll|going\s+to|intend\s+to|plan\s+to|aim\s+to)\s+(?:\w+\s+){0,2}$")
_LATER = re.compile(r"(?i)\b(?:later|separately|in\s+due\s+course|tomorrow|next\s+week|when\s+\w+|once\s+\w+)\b")
_NEXT_LINE = re.compile(r"\n[ \t]*(?:\n[ \t]*)*(?P<names>[^\n]{1,200})")


@dataclass(frozen=True)
class CopyNote:
    text: str
    covers: tuple[Councillor, ...]


_LIST_VERB = re.compile(r"(?i)^(?:b?c\.?c|cop(?:y|ies)\b|copied\s+to)")
_CLAUSE_END = re.compile(r"(?i)[.;!?]|\b(?:because|as|so|about|regarding|but|which|who|since|while)\b")


def _names(match: re.Match, text: str) -> str:
    """The names a note gives: on its own line, or on the next one after a bare "Copied to:".

    A list note ("cc", "Copy to:") names everyone after it on the line; a note in prose ("I have
    sent this to Cllr Evans as ward member") names only up to the end of its clause, so that a
    councillor named later in the sentence is not taken as copied.
    """
    names = match.group("names")
    verb = match.groupdict().get("verb")
    if verb is not None and not _LIST_VERB.match(verb):
        names = _CLAUSE_END.split(names, maxsplit=1)[0]
    if names.strip():
        return names
    following = _NEXT_LINE.match(text, match.end())
    return following.group("names") if following else ""


def _promised(match: re.Match, text: str) -> bool:
    line_start = text.rfind("\n", 0, match.start()) + 1
    return bool(_PROMISE.search(text[line_start : match.start()])) or bool(_LATER.search(match.group(0)))


def copy_notes(text: str, register: Register) -> tuple[CopyNote, ...]:
    """The copy notes in a piece of the author's own text, each with whom it names."""
    text = text.replace("’", "'")
    notes = []
    for match in [*_NOTE.finditer(text), *_PASSIVE_NOTE.finditer(text)]:
        if _promised(match, text):
            continue
        names = _names(match, text)
        covers = councillors_named(names, register, lower_case=True)
        if covers or names.strip():
            notes.append(CopyNote(text=match.group(0).strip(), covers=covers))
    return tuple(notes)


def covered(text: str, register: Register) -> set[Councillor]:
    return {c for note in copy_notes(text, register) for c in note.covers}
