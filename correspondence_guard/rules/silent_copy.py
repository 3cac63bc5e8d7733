"""Rule ``silent-copy``: an officer copies a councillor's correspondence to another councillor silently."""

from __future__ import annotations

import re
from typing import Iterator

from ..language.copy_notes import covered
from ..model import Correspondence, Evidence, Relation
from ..policy import Policy
from . import Breach, rule
from .parties import address_of, everyone, hidden, visible

# "FW:", "Fwd:", "TR:", "WG:", also behind a mail system's tag ("[EXTERNAL] FW: ...").
_FORWARD_SUBJECT = re.compile(r"^\s*(?:\[[^\]]{1,30}\]\s*)*(fw|fwd|tr|wg)\s*:", re.I)


def could_copy_silently(outline: Correspondence, policy: Policy) -> bool:
    """Only an officer's message that reaches a councillor (openly, hidden or forwarded to
    them) can copy a councillor's correspondence to one."""
    register = policy.register
    sender = outline.sender.address if outline.sender else ""
    return register.is_officer(sender) and any(register.is_councillor(r.address) for r in everyone(outline, register))


@rule(
    "silent-copy",
    severity="error",
    clause="BTC008 7.1; Bolsover 8(1)",
    remedy=(
        "Copy the other councillor openly (To or Cc), or say so in the message with a note such as "
        "'cc Councillor <name>'. When forwarding a councillor's correspondence to another councillor, "
        "include the first councillor among the recipients so that they know."
    ),
    screen=could_copy_silently,
)
def silent_copy(doc: Correspondence, policy: Policy) -> Iterator[Breach]:
    """An officer must not copy correspondence with a councillor to another councillor silently.

    Fires when an officer writes to a councillor (To or Cc) and another councillor receives the
    message hidden (Bcc; an envelope recipient at the gateway; the Delivered-To of a delivered
    copy) while the officer's own text carries no copy note naming them ("cc Cllr Smith",
    "Copy to Councillor J. Smith", "cc Vice-Chair", "(Cllr Smith is copied in)"; a note in the
    HTML part alone counts, a promise to brief someone later does not). Also fires when an
    officer forwards correspondence between an officer and councillor A to councillor B (at
    any of B's addresses, a personal one included) without A among the visible recipients:
    a forwarded block (Outlook, Gmail), an attached message, or a FW/Fwd subject over a quoted
    thread; a copy note does not cure it. Not flagged: councillors in Cc, Bcc to officers or
    third parties, a councillor's own Bcc, the same councillor at another address, a Bcc with
    a matching note, a reply that merely quotes the thread.
    """
    register = policy.register
    if not doc.sender or not register.is_officer(doc.sender.address):
        return
    shown = visible(doc, register)
    shown_councillors = {register.councillor(r.address) for r in shown} - {None}
    if shown_councillors:
        yield from _blind_copies(doc, policy, shown_councillors)
    yield from _silent_forwards(doc, policy, shown_councillors)


def _blind_copies(doc: Correspondence, policy: Policy, shown_councillors) -> Iterator[Breach]:
    register = policy.register
    noted = covered(doc.own_text, register)
    silent = [
        r
        for r in hidden(doc, register)
        if (c := register.councillor(r.address)) and c not in shown_councillors and c not in noted
    ]
    if not silent:
        return
    names = ", ".join(register.councillor(r.address).name for r in silent)
    open_names = ", ".join(sorted(c.name for c in shown_councillors))
    yield Breach(
        message=(
            f"An officer's message to {open_names} was copied without notice to {names}; "
            "the message has no copy note naming them."
        ),
        parties=tuple(r.address for r in silent),
        evidence=tuple(Evidence(r.label, r.where) for r in silent),
    )


def _silent_forwards(doc: Correspondence, policy: Policy, shown_councillors) -> Iterator[Breach]:
    register = policy.register
    is_forward = bool(_FORWARD_SUBJECT.match(doc.subject))
    for inner in doc.nested:
        if inner.relation is Relation.QUOTED and not is_forward:
            continue
        for piece, reader in _exchanges(inner.correspondence, doc.sender):
            councillor = _councillor_in_officer_correspondence(piece, register, reader)
            if councillor is None or councillor in shown_councillors:
                continue
            others = [r for r in visible(doc, register) + hidden(doc, register)
                      if (c := register.councillor(r.address)) and c != councillor]
            if not others:
                continue
            yield Breach(
                message=(
                    f"An officer forwarded correspondence between an officer and {councillor.name} to "
                    f"{', '.join(register.councillor(r.address).name for r in others)} without "
                    f"{councillor.name} among the recipients."
                ),
                parties=tuple(r.address for r in others),
                evidence=(
                    Evidence(f"From: {piece.sender}; To: {', '.join(map(str, piece.to))}", f"{inner.relation.value} message"),
                    *(Evidence(r.label, r.where) for r in others),
                ),
            )
            return


def _exchanges(piece: Correspondence, carrier_sender):
    """Each piece of a forwarded thread with the party who read it when it names no recipient.

    A message quoted under "On 2 May, Jane Smith wrote:" shows only its sender; it was sent
    to the person who then replied or forwarded it, the sender of the piece that carries it.
    """
    yield piece, carrier_sender
    for inner in piece.nested:
        yield from _exchanges(inner.correspondence, piece.sender)


def _councillor_in_officer_correspondence(piece: Correspondence, register, reader=None):
    """The councillor in an exchange between an officer and a councillor, if it is one."""
    sender = address_of(piece.sender, register)
    if not sender:
        return None
    shown = piece.to + piece.cc or ((reader,) if reader else ())
    recipients = [a for a in (address_of(p, register) for p in shown) if a]
    if register.is_officer(sender):
        return next((register.councillor(a) for a in recipients if register.is_councillor(a)), None)
    councillor = register.councillor(sender)
    if councillor and any(register.is_officer(a) for a in recipients):
        return councillor
    return None
