"""Over whose name does a letter or email go out?

BTC008 7.2 speaks of correspondence that goes out "over the name of a Councillor". That is
decided by the sign-off: the first person named under the valediction ("Cllr Jane Smith",
"Councillor Smith", the councillor's full name, a first name or initials from their own
account or under their letterhead); a "pp" signature for a councillor goes out over that
councillor's name. Mail from a councillor's own address that is not signed by anyone else
goes out over theirs; signed by a caseworker or officer, it is not. A councillor who signs
as a club's secretary or a school's governor speaks for that body (``capacity``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..model import Correspondence, Relation
from ..policy import Councillor, Register
from .names import councillors_named as _councillors_named, first_name_of
from .text import fold


# Sign-off lines repeat from message to message (a councillor signs every email the same way).
councillors_named = lru_cache(maxsize=4096)(_councillors_named)


@dataclass(frozen=True)
class Signatory:
    councillors: tuple[Councillor, ...]
    evidence: str
    where: str
    capacity: str = ""


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


_NOT_A_NAME = re.compile(
    r"\b(?:ward|division|council|councillor|cllr|member|leader|mayor|chair|cabinet|committee|party|group|labour|conservative|"
    r"liberal|democrats?|green|independent|reform|street|road|lane|house|hall|office|team|services?|department|county|borough|district)\b",
    re.I,
)


def _looks_like_a_name(line: str) -> bool:
    words = line.replace(",", " ").split()
    return (
        1 < len(words) <= 4 and all(w[:1].isupper() for w in words)
        and not re.search(r"\d|@", line) and not _NOT_A_NAME.search(line)
    )


def _initials(councillor: Councillor) -> set[str]:
    parts = [p for p in fold(councillor.name).replace("-", " ").split() if p.isalpha()]
    return {"".join(p[0] for p in parts), parts[0][0] + parts[-1][0]} if len(parts) > 1 else set()


def _own_sign_off(line: str, councillor: Councillor) -> bool:
    """A first name, initials or a short form of their name ("Jane", "JS", "J.S.", "Steve
    Haworth" for Stephen Haworth: same surname, same initial): they signed it themselves.
    "Mary Haworth" from Stephen's account is someone else."""
    single = fold(line.strip(" ,.-"))
    letters = re.sub(r"[\s.]", "", single)
    surname = fold(councillor.name).split()[-1] if councillor.name.split() else ""
    return bool(single) and (
        single == first_name_of(councillor)
        or (len(letters) <= 3 and letters in _initials(councillor) and re.fullmatch(r"(?:[a-z]\.?\s?){2,3}", single) is not None)
        or (_looks_like_a_name(line) and surname in single.split()[1:] and single[:1] == first_name_of(councillor)[:1])
    )


def _per_pro(doc: Correspondence, register: Register, owner: Councillor | None) -> Signatory:
    """A pp signature goes out over the councillor it is signed for, whichever way round the
    writer put the names ("J. Hirst / pp Cllr Haworth" or "pp L. Carter / Cllr Holloway");
    pp for an officer, or for nobody the register knows, is an officer's letter."""
    signature = doc.signature
    for line in (signature.per_pro_name, *signature.lines[:4]):
        named = councillors_named(line, register, titles=False) if line and len(line.split()) <= 8 else ()
        if named:
            narrowed = (owner,) if owner in named else tuple(named)
            return Signatory(narrowed, f"pp {signature.per_pro_name}".strip() if line == signature.per_pro_name else line, "signature (pp)")
    return Signatory((), f"pp {signature.per_pro_name}".strip(), "signature (pp)")


def _from_signature(doc: Correspondence, register: Register, owner: Councillor | None) -> Signatory | None:
    if doc.signature and doc.signature.per_pro:
        return _per_pro(doc, register, owner)
    lines = doc.signature.lines if doc.signature else ()
    for index, line in enumerate(lines[:6]):
        if _names_an_officer(line, register):
            return Signatory((), line, "signature")
        named = councillors_named(line, register, titles=False) if len(line.split()) <= 8 else ()
        if owner in named:
            named = (owner,)
        if named:
            return Signatory(tuple(named), line, "signature")
        if owner and _own_sign_off(line, owner):
            return Signatory((owner,), line, "signature")
        if index == 0 and _looks_like_a_name(line):
            return Signatory((), line, "signature")
    return None


_LETTERHEAD = re.compile(r"\boffice\s+of\s+(?:the\s+)?(?:councillor|cllr\.?|leader|mayor|chair|deputy|cabinet)\b", re.I)


def _letterhead(doc: Correspondence, register: Register) -> Councillor | None:
    """The councillor of a letterhead such as "From the Office of Councillor Jane Smith", at
    the head of the text or in a page header of the letter."""
    head = [line for line in doc.own_text.splitlines() if line.strip()][:12]
    for line in [*head, *(line for mark in doc.marks for line in mark.splitlines())]:
        if _LETTERHEAD.search(line):
            named = councillors_named(line, register)
            if len(named) == 1:
                return named[0]
    return None


_ROLE = r"(?:hon\.?\s+)?(?:secretary|treasurer|(?:vice-)?chair(?:man|woman|person)?|president|vice-president|captain|trustees?|directors?|governors?|clerk|co-?ordinator|organiser|manager)"
_BODY = (
    r"(?:club|school|academy|college|association|society|trust|charity|church|chapel|pcc|federation|league|guild|institute|"
    r"scouts|guides|brigade|band|choir|foundation|cic|ltd|limited|friends\s+of|governors|bank|centre|hub|forum|network|hospice|festival|co-?operative)"
)
# "Chair of Trustees", "Chair of the Governors": the board names the body (a charity, a school).
_BOARD_ROLE = r"(?:(?:vice-)?chair(?:man|woman|person)?|secretary|treasurer|clerk)\s+(?:of|to)\s+(?:the\s+)?(?:board\s+of\s+)?(?:trustees|governors|directors)"
_CAPACITY = re.compile(rf"\b{_ROLE}\b[^\n]{{0,60}}?\b{_BODY}\b|\b{_BODY}\b[^\n]{{0,40}}?\b{_ROLE}\b|\bschool\s+governor\b|\b{_BOARD_ROLE}\b", re.I)
_CAPACITY_IN_TEXT = re.compile(
    rf"\b(?:writing|write|speaking)\s+(?:to\s+you\s+)?(?:as|in\s+my\s+capacity\s+as)\s+(?:the\s+)?"
    rf"(?:{_ROLE}\s+(?:of|at|for|to)\s+[^.;\n]{{0,60}}?\b{_BODY}\b|{_BOARD_ROLE}\b)",
    re.I,
)


def other_capacity(doc: Correspondence) -> str:
    """The body a councillor signs for when they sign in another capacity (a club secretary, a
    school governor): its "we" is that body, not the Council. Empty when they sign as councillor."""
    for line in doc.signature.lines if doc.signature else ():
        if _CAPACITY.search(line) and "council" not in fold(line):
            return line
    found = _CAPACITY_IN_TEXT.search(doc.own_text[:600])
    return found.group(0) if found and "council" not in fold(found.group(0)) else ""


def signatory(doc: Correspondence, register: Register) -> Signatory:
    """The councillors (usually one) over whose name this correspondence goes, if any.

    The sign-off decides: a councillor named in it (narrowed to the sender when two share a
    surname), or the first name or initials of the councillor whose account or letterhead it
    is; a pp line for a councillor. A first line that names someone else (a caseworker, an
    officer) makes it theirs, even from a councillor's account. Unsigned mail from a
    councillor's address, personal ones included, goes out over that councillor's name.
    """
    sender = register.councillor(doc.sender.address) if doc.sender and doc.sender.address else None
    owner = sender or _letterhead(doc, register)
    signed = _from_signature(doc, register, owner)
    if signed is None and sender is not None:
        where = "signature" if doc.signature else "From header (unsigned)"
        evidence = doc.signature.text if doc.signature else str(doc.sender)
        signed = Signatory((sender,), evidence, where)
    if signed is None:
        return Signatory((), "", "")
    return replace(signed, capacity=other_capacity(doc)) if signed.councillors else signed


_ANNOTATION = re.compile(
    r"[\[(<]{1,2}\s*(?P<who>[A-Za-z]{2,3})\s*[:\-–]\s*(?P<text>[^\]\)>\n]{2,300}?)\s*[\])>]{1,2}"
    r"|^\s*(?P<line_who>[A-Z]{2,3})\s*[:>\-–]\s+(?P<line_text>.{2,300})$",
    re.MULTILINE,
)


def inline_answers(doc: Correspondence, councillor: Councillor) -> str:
    """Answers the councillor typed into the message they reply to ("[TB: yes, go ahead]",
    a line "TB: agreed"), tagged with their initials: their own text, though it sits
    inside the quoted message."""
    mine = _initials(councillor)
    found = []
    for nested in doc.nested:
        if nested.relation is not Relation.QUOTED:
            continue
        for match in _ANNOTATION.finditer(nested.correspondence.own_text):
            who, text = (match.group("who"), match.group("text")) if match.group("who") else (match.group("line_who"), match.group("line_text"))
            if fold(who) in mine:
                found.append(text.strip().rstrip(".") + ".")
    return "\n\n".join(found)


def body_without_signature(doc: Correspondence) -> str:
    """The author's own text without the sign-off block.

    Text after the block stays: the readers append there any line that only an alternative
    (HTML) part of the message holds, and that is the author's own text too.
    """
    text = doc.own_text
    if doc.signature and doc.signature.valediction:
        cut = text.rfind(doc.signature.valediction)
        if cut > 0:
            end = cut + len(doc.signature.valediction)
            for line in doc.signature.lines:
                found = text.find(line, end)
                end = found + len(line) if found >= 0 else end
            return text[:cut] + text[end:]
    return text
