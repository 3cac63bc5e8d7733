"""The protocol clauses a finding cites, quoted so that a report can show them.

Quotes are short and exact: each is the protocol's own words, taken from the texts in
``shared/seeds/`` (a test checks every part against them); `` … `` marks words left out.
A rule's ``clause`` names one or more clauses separated by ``;`` (for example
``"BTC008 7.2; Bolsover 8(2); Part E Code 3 2.8-2.9"``); :func:`quotes` resolves it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Clause:
    id: str
    protocol: str
    text: str


#: Omitted words inside a quote.
ELLIPSIS = " … "

_BTC008 = "Member/Officer Protocol BTC008 (a town council, 2020), 7. Correspondence"
_BOLSOVER = "Bolsover District Council, Protocol on Member/Officer Relations (2017), 8. Correspondence"
_PART_E = "Part E Code 3, Protocol on Member/Officer Relations (a borough council, 2023), 2.0 The role of members"

CLAUSES: dict[str, Clause] = {
    clause.id: clause
    for clause in (
        Clause("BTC008 7.1", _BTC008,
               "Correspondence between an individual Councillor and an Officer should not normally be copied "
               "(by the Officer) to any other Councillor." + ELLIPSIS +
               "it should be made clear on emails if another Councillor has received an e-mail by adding "
               "“cc Councillor x.”"),
        Clause("BTC008 7.2", _BTC008,
               "Letters or emails which, for example, create obligations or give instructions on behalf of the "
               "Council should never be sent out in the name of a Councillor."),
        Clause("BTC008 7.3", _BTC008,
               "Correspondence to individual Councillors from Officers concerning regulatory matters such as "
               "planning, enforcement, licensing and environmental health matters should not be sent or copied "
               "to complainants or other third parties if they are marked “confidential”."),
        Clause("Bolsover 8(1)", _BOLSOVER,
               "Correspondence between an individual Member and an Officer should not normally be copied "
               "(by the Officer) to any other Member." + ELLIPSIS +
               "In other words, a system of \"silent copies\" should not be employed."),
        Clause("Bolsover 8(2)", _BOLSOVER,
               "Letters which, for example, create obligations or give instructions on behalf of the Council "
               "should never be sent out over the name of a Member."),
        Clause("Part E Code 3 2.8", _PART_E,
               "Members are not authorised to instruct officers other than:" + ELLIPSIS +
               "through the formal decision-making process."),
        Clause("Part E Code 3 2.9", _PART_E,
               "Members are not authorised to initiate or certify financial transactions, or to enter into a "
               "contract on behalf of the council, although they may be consulted on them."),
    )
}

#: Clause ranges that rules cite as one id.
RANGES: dict[str, tuple[str, ...]] = {
    "Part E Code 3 2.8-2.9": ("Part E Code 3 2.8", "Part E Code 3 2.9"),
    "Part E Code 3 2.8–2.9": ("Part E Code 3 2.8", "Part E Code 3 2.9"),
}


@lru_cache(maxsize=256)
def quotes(cited: str) -> tuple[Clause, ...]:
    """The clauses a finding's ``clause`` field cites, in order.

    An id this table does not know (a council's own protocol, named in its policy) is
    returned with an empty ``text`` so that a report still names it.
    """
    found: list[Clause] = []
    for part in (cited or "").split(";"):
        key = " ".join(part.split())
        if not key:
            continue
        for clause_id in RANGES.get(key, (key,)):
            found.append(CLAUSES.get(clause_id, Clause(clause_id, "", "")))
    return tuple(found)
