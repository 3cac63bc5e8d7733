"""Rule ``confidential-regulatory-disclosure``: confidential officer advice to councillors reaches a third party."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterator

from ..language.markings import could_be_marked, markings, without_disclaimers
from ..language.names import councillors_named
from ..language.signatory import body_without_signature, signatory, signed_by_officer
from ..language.subjects import subject_of
from ..language.text import fold
from ..model import Correspondence, Evidence, Relation
from ..policy import Policy, Register
from . import Breach, rule
from .parties import address_of, everyone

_REPLY = re.compile(r"^\s*(?:(?:re|aw|sv)\s*(?:\[\d+\])?\s*:\s*)+", re.I)
_GREETING_TO_MEMBERS = ("dear councillor", "dear cllr", "dear members", "dear member", "members of the", "dear chair", "members,", "councillors,")


def could_disclose(outline: Correspondence, policy: Policy) -> bool:
    """Only a message that reaches a third party and holds the words of some marking can
    disclose an officer's marked correspondence."""
    register = policy.register
    return (any(register.is_third_party(r.address) for r in everyone(outline, register))
            and could_be_marked(outline.every_word, policy))


@rule(
    "confidential-regulatory-disclosure",
    severity="error",
    clause="BTC008 7.3",
    remedy=(
        "Do not send or copy an officer's confidential correspondence on a regulatory matter to a "
        "complainant or other third party. Remove the third party and the confidential material; ask the "
        "officer what can be shared and let the Council reply to the complainant."
    ),
    screen=could_disclose,
)
def confidential_regulatory_disclosure(doc: Correspondence, policy: Policy) -> Iterator[Breach]:
    """Officers' confidential correspondence to councillors on regulatory matters stays with them.

    Fires when a message goes to a third party (To, Cc, Bcc or an envelope recipient) and it is,
    or forwards, quotes or attaches, correspondence from an officer to councillors that is itself
    marked confidential (CONFIDENTIAL, Private & Confidential, a trailing "- Confidential" in the
    subject, OFFICIAL-SENSITIVE, NOT FOR PUBLICATION, Not for circulation, a Sensitivity: Private
    or classification-label header, the page header or footer of a document it attaches) and
    concerns a regulatory matter (planning, building control, enforcement, licensing,
    environmental health, trading standards, environmental crime), read without its sign-off
    and disclaimer. Not flagged: circulation among councillors and officers only; a disclaimer,
    OFFICIAL alone or Sensitivity: Personal; a marking only on a councillor's covering note;
    confidential mail on staffing, budgets or the council's own property and contracts (hall
    hire, licences to occupy, leases); mail written by another council's staff; an officer's own
    correspondence with an applicant or complainant.
    """
    register = policy.register
    outsiders = [r for r in everyone(doc, register) if register.is_third_party(r.address)]
    if not outsiders:
        return
    for relation, piece, implied in _pieces(doc, register):
        if not _officer_to_councillors(piece, register, implied):
            continue
        documents = _attached_documents(piece)
        marked = markings(piece, policy) + tuple(m for d in documents for m in markings(d, policy))
        if not marked:
            continue
        matter = subject_of("\n".join([piece.subject, _matter_text(piece, policy), *(d.own_text for d in documents)]), policy)
        if not matter.regulatory:
            continue
        where = "this message" if relation is None else f"the {relation.value} correspondence"
        yield Breach(
            message=(
                f"{where.capitalize()} is an officer's confidential correspondence to councillors on a "
                f"regulatory matter ({', '.join(matter.topics)}), and it goes to "
                f"{', '.join(r.address for r in outsiders)}."
            ),
            parties=tuple(r.address for r in outsiders),
            evidence=(
                *(Evidence(m.text, f"{m.where} of {where}") for m in marked[:2]),
                Evidence(", ".join(matter.terms[:6]), f"regulatory terms in {where}"),
                *(Evidence(r.label, r.where) for r in outsiders),
            ),
        )
        return


def _pieces(doc: Correspondence, register: Register, implied: str = ""):
    """Each piece with its relation and, for a quoted reply, the carrier's sender as its reader.

    A quoted message in a reply was, unless its header says otherwise, sent to the person now
    replying; the attribution line ("On 3 May, Jo Bloggs wrote:") names only its sender. A
    quoted message without a header of its own had the thread's subject: a reply keeps it
    ("RE: CONFIDENTIAL - Mill Lane" quotes "CONFIDENTIAL - Mill Lane"). A
    document's page headers and footers mark everything printed in it, a memo included, except
    when the document is a councillor's own covering letter: the marking must be on the
    officer's correspondence itself.
    """
    yield None, doc, implied
    for inner in doc.nested:
        reader = doc.sender.address if inner.relation is Relation.QUOTED and doc.sender else ""
        piece = inner.correspondence
        if inner.relation is Relation.QUOTED and not piece.subject and _REPLY.match(doc.subject):
            piece = replace(piece, subject=_REPLY.sub("", doc.subject))
        if doc.kind == "letter" and doc.marks and not _covering_letter(doc, register):
            piece = replace(piece, marks=piece.marks + doc.marks)
        for relation, nested, implied_reader in _pieces(piece, register, reader):
            yield relation or inner.relation, nested, implied_reader


def _covering_letter(doc: Correspondence, register: Register) -> bool:
    """Whether a letter goes out over a councillor's name (so its marks are the councillor's)."""
    return bool(signatory(doc, register).councillors)


def _attached_documents(piece: Correspondence) -> tuple[Correspondence, ...]:
    """The documents (letters, briefing notes) a message attaches: their page headers and
    footers mark the message that carries them, and their text is part of its subject."""
    return tuple(n.correspondence for n in piece.nested if n.relation is Relation.ATTACHED and n.correspondence.kind == "letter")


def _matter_text(piece: Correspondence, policy: Policy) -> str:
    """What the correspondence says, without its sign-off and disclaimer.

    A job title under the name ("Licensing Manager") and a disclaimer's legal boilerplate
    say who wrote it and how, not what it is about.
    """
    text = body_without_signature(piece)
    if piece.signature and not piece.signature.valediction and piece.signature.lines:
        lines = text.rstrip().splitlines()
        tail = [line.strip() for line in lines[-len(piece.signature.lines):]]
        if tail == [line.strip() for line in piece.signature.lines]:
            text = "\n".join(lines[: -len(piece.signature.lines)])
    return without_disclaimers(text, policy)


def _officer_to_councillors(piece: Correspondence, register: Register, implied: str = "") -> bool:
    """Whether a piece is correspondence from an officer to one or more councillors.

    It is addressed to them: a councillor in To (or, with no To, in Cc or Bcc). An officer's
    reply to a complainant with the ward councillor copied is the officer's correspondence
    with the complainant, which the clause does not cover.
    """
    sender = address_of(piece.sender, register)
    if sender and not register.is_officer(sender):
        return False
    if not sender and (not signed_by_officer(piece, register) or _signed_for_another_body(piece, register)):
        return False
    addressed = [_role(p, register) for p in piece.to]
    copied = [_role(p, register) for p in piece.cc + piece.bcc]
    for roles in (addressed, copied):
        if any(roles):
            return "councillor" in roles
    return register.is_councillor(implied) or _addressed_to_members(piece, register)


_NAMED_COUNCIL = re.compile(r"((?:[A-Z][\w'’&-]*\s+){1,5})Council\b")
_GENERIC = {"parish", "town", "district", "borough", "county", "city", "community", "metropolitan", "the", "and", "unitary"}


def _signed_for_another_body(piece: Correspondence, register: Register) -> bool:
    """Whether a sign-off names another council ("Clerk to Hallow Parish Council").

    Staff of other councils are third parties as authors too: a forwarded header that shows
    no address leaves the signature to say which council the writer works for.
    """
    ours = set(fold(register.council).split())
    signed = " ".join(piece.signature.lines) if piece.signature else ""
    for named in _NAMED_COUNCIL.finditer(signed):
        words = [w for w in fold(named.group(1)).split() if w not in _GENERIC]
        if words and ours and not any(w in ours for w in words):
            return True
    return False


_MEMBERS = re.compile(r"\b(?:members|councillors|cllrs?|committee)\b", re.I)


def _role(party, register: Register) -> str:
    """'councillor', 'other', or '' when a party cannot be placed.

    A name without an address ("All Members of the Council", "Planning Committee") in a
    memo or forwarded header still says who it went to.
    """
    address = address_of(party, register)
    if address:
        return "councillor" if register.is_councillor(address) else "other"
    if party.name and _MEMBERS.search(party.name):
        return "councillor"
    return ""


def _addressed_to_members(piece: Correspondence, register: Register) -> bool:
    opening = fold(body_without_signature(piece))
    head = opening[: opening.find("dear") + 120] if "dear" in opening else opening[:600]
    return any(g in head for g in _GREETING_TO_MEMBERS) or bool(councillors_named(head, register, titles=False))
