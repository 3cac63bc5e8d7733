"""Rule ``councillor-obligation``: an obligation or instruction goes out over a councillor's name."""

from __future__ import annotations

from typing import Iterator

from ..language.names import could_name_a_councillor
from ..language.obligation import obligations
from ..language.signatory import body_without_signature, inline_answers, signatory
from ..model import Correspondence, Evidence, Relation
from ..policy import Policy
from . import Breach, rule


def could_go_out_over_a_councillor(outline: Correspondence, policy: Policy) -> bool:
    """Only mail from a councillor's address, or naming a councillor somewhere (a sign-off,
    a pp line, a letterhead, an attached letter), can go out over a councillor's name."""
    register = policy.register
    sender = outline.sender.address if outline.sender else ""
    return register.is_councillor(sender) or could_name_a_councillor(outline.every_word, register)


@rule(
    "councillor-obligation",
    severity="error",
    clause="BTC008 7.2; Bolsover 8(2); Part E Code 3 2.8-2.9",
    remedy=(
        "A councillor may not commit the Council or instruct anyone on its behalf. Ask the responsible "
        "officer to send the commitment or instruction over an officer's name, or rewrite it as your own "
        "view or a request to officers."
    ),
    screen=could_go_out_over_a_councillor,
)
def councillor_obligation(doc: Correspondence, policy: Policy) -> Iterator[Breach]:
    """Letters and emails that bind the Council must not go out over a councillor's name.

    Fires when the correspondence goes out over a councillor's name (its sign-off names a
    councillor, a "pp" signature for one, or it comes from a councillor's address signed by them
    or not signed at all) and the author's own text commits the Council ("the Council will pay",
    "we will collect it", "the Council accepts liability", "the Council will not oppose your
    application if..."), agrees terms or a settlement, accepts a
    quotation, or instructs a contractor, officer or anyone else to act for the Council ("please
    serve the notice", "I am instructing you to"). Attached letters are checked as letters.
    Not flagged: a councillor's own views, questions, promises of their own action, reports of
    what the Council has resolved, refusals, representations urging a Minister or another body,
    obligations in quoted or forwarded text (but answers the councillor typed into the quoted
    message under their initials, "[JS: yes, go ahead]", are theirs), and letters signed by
    officers. A councillor who
    signs in another capacity (a club's secretary, a school governor, a charity's chair of
    trustees) binds that body with "we",
    "I accept" or "please start": only a sentence that names the Council as bound counts then.
    """
    pieces = [doc] + [n.correspondence for n in doc.nested if n.relation is Relation.ATTACHED and n.correspondence.kind == "letter"]
    for piece in pieces:
        signed = signatory(piece, policy.register)
        if not signed.councillors:
            continue
        own = "\n\n".join([body_without_signature(piece), *(inline_answers(piece, c) for c in signed.councillors)])
        found = obligations(own, policy)
        if signed.capacity:
            found = tuple(o for o in found if o.speaker == "council")
        if not found:
            continue
        parties: list[str] = []
        for councillor in signed.councillors:
            parties.append(councillor.first_address)
            if doc.sender and doc.sender.address in councillor.emails:
                parties.append(doc.sender.address)
        where = "" if piece is doc else f" in attached letter {piece.name or piece.source}"
        names = " and ".join(c.name for c in signed.councillors)
        yield Breach(
            message=f"Over {names}'s name, the text{where} {_what(found)} on behalf of the Council.",
            parties=tuple(dict.fromkeys(p for p in parties if p)),
            evidence=(
                Evidence(signed.evidence.strip(), signed.where + where),
                *(Evidence(o.sentence, f"{o.where}{where}") for o in found[:3]),
            ),
        )
        return


def _what(found) -> str:
    kinds = {o.kind for o in found}
    if kinds == {"instruction"}:
        return "gives an instruction"
    if kinds == {"commitment"}:
        return "creates an obligation"
    return "creates an obligation and gives an instruction"
