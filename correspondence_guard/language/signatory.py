"""Over whose name does a letter or email go out?

BTC008 7.2 speaks of correspondence that goes out "over the name of a Councillor". That is
decided by the sign-off: the first person named under the valediction ("Cllr Jane Smith",
"Councillor Smith", the councillor's full name, a first name from their own account); a
"pp" signature still goes out over the name under it. Mail from a councillor's own address
that is not signed by anyone else goes out over theirs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Correspondence
from ..policy import Councillor, Register
from .names import councillors_named, first_name_of
from .text import fold


@dataclass(frozen=True)
class Signatory:
    councillors: tuple[Councillor, ...]
    evidence: str
    where: str


def _names_an_officer(line: str, register: Register) -> bool:
    folded = fold(line)
    return any(o.name and fold(o.name) in folded for o in register.officers)


_OFFICER_TITLE = re.compile(
    r"\b(officer|manager|director|head of|chief executive|clerk|solicitor|team leader|surveyor|planner|lawyer)\b", re.I
)


def signed_by_officer(doc: Correspondence, register: Register) -> bool:
    """Whether a sign-off is an officer's: a named officer, a council address or a post title.

    A forwarded header or a memo may give no sender address; the signature still says who
    wrote it. A sign-off that names a councillor is never an officer's.
    """
    signed = " ".join(doc.signature.lines) if doc.signature else ""
    if not signed or councillors_named(signed, register, titles=False):
        return False
    return (
        _names_an_officer(signed, register)
        or any(register.is_officer(word.strip("<>(),;")) for word in signed.split() if "@" in word)
        or bool(_OFFICER_TITLE.search(signed))
    )


def _looks_like_a_name(line: str) -> bool:
    words = line.replace(",", " ").split()
    return 1 < len(words) <= 4 and all(w[:1].isupper() for w in words) and not re.search(r"\d|@", line)


def _from_signature(doc: Correspondence, register: Register, sender: Councillor | None) -> Signatory | None:
    lines = doc.signature.lines if doc.signature else ()
    for line in lines[:6]:
        if _names_an_officer(line, register):
            return Signatory((), line, "signature")
        named = councillors_named(line, register, titles=False) if len(line.split()) <= 8 else ()
        if sender in named:
            named = (sender,)
        if named:
            return Signatory(tuple(named), line, "signature")
        single = fold(line.strip(" ,.-"))
        if sender and single and single == first_name_of(sender):
            return Signatory((sender,), line, "signature")
        if _looks_like_a_name(line) and not sender:
            return Signatory((), line, "signature")
    return None


def signatory(doc: Correspondence, register: Register) -> Signatory:
    """The councillors (usually one) over whose name this correspondence goes, if any."""
    sender = register.councillor(doc.sender.address) if doc.sender and doc.sender.address else None
    signed = _from_signature(doc, register, sender)
    if signed is not None:
        return signed
    if sender is not None:
        where = "signature" if doc.signature else "From header (unsigned)"
        evidence = doc.signature.text if doc.signature else str(doc.sender)
        return Signatory((sender,), evidence, where)
    return Signatory((), "", "")


def body_without_signature(doc: Correspondence) -> str:
    """The author's own text above the sign-off."""
    text = doc.own_text
    if doc.signature and doc.signature.valediction:
        cut = text.rfind(doc.signature.valediction)
        if cut > 0:
            return text[:cut]
    return text
