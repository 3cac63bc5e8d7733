"""Who received a message, openly or hidden, as the rules need to see it.

The protocol cares about who could see a message: visible recipients (To, Cc) and hidden
ones, which depend on where the message is read: the Bcc header kept in the sender's copy,
the envelope recipients at a gateway that are in neither To nor Cc, and the address a
delivered copy went to (Delivered-To, X-Original-To). Distribution lists are expanded
through the register.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..language.names import plain_name
from ..model import Correspondence
from ..policy import Register, normalise_address


@dataclass(frozen=True)
class Recipient:
    address: str
    where: str
    via: str = ""

    @property
    def label(self) -> str:
        return f"{self.address} (via {self.via})" if self.via else self.address


def _expanded(register: Register, address: str, where: str) -> list[Recipient]:
    address = normalise_address(address)
    reached = register.expand(address)
    if reached == (address,):
        return [Recipient(address, where)]
    return [Recipient(member, where, via=address) for member in reached]


def visible(doc: Correspondence, register: Register) -> list[Recipient]:
    found = []
    for header, group in (("To", doc.to), ("Cc", doc.cc)):
        for party in group:
            if party.address:
                found.extend(_expanded(register, party.address, f"{header} header"))
    return found


def hidden(doc: Correspondence, register: Register) -> list[Recipient]:
    """Recipients who got the message without appearing in To or Cc."""
    shown = {normalise_address(p.address) for p in doc.visible_recipients}
    found: list[Recipient] = []
    for party in doc.bcc:
        if party.address:
            found.extend(_expanded(register, party.address, "Bcc header"))
    for address in doc.envelope.recipients:
        if normalise_address(address) not in shown:
            found.extend(_expanded(register, address, "envelope recipient (RCPT TO)"))
    for address in doc.envelope.delivered_to:
        if normalise_address(address) not in shown:
            found.extend(_expanded(register, address, "Delivered-To of this copy"))
    unique: dict[str, Recipient] = {}
    for recipient in found:
        unique.setdefault(recipient.address, recipient)
    return list(unique.values())


def everyone(doc: Correspondence, register: Register) -> list[Recipient]:
    unique: dict[str, Recipient] = {}
    for recipient in visible(doc, register) + hidden(doc, register):
        unique.setdefault(recipient.address, recipient)
    return list(unique.values())


def address_of(party, register: Register) -> str:
    """A party's address; for a name alone (a forwarded header without one), the register's.

    The name is compared in its plain form ("Kershaw, Bernadette (Cllr)" is "bernadette
    kershaw"), first in full, then by first name and surname (a middle initial in the header
    or the register does not hide the person).
    """
    if party is None:
        return ""
    if party.address:
        return normalise_address(party.address)
    name = plain_name(party.name)
    people = [p for p in (*register.councillors, *register.officers) if p.emails]
    for matches in (lambda a, b: a == b, _same_first_and_surname):
        found = next((p.emails[0] for p in people if name and matches(plain_name(p.name), name)), "")
        if found:
            return found
    return ""


def _same_first_and_surname(a: str, b: str) -> bool:
    a_words, b_words = a.split(), b.split()
    return len(a_words) > 1 and len(b_words) > 1 and (a_words[0], a_words[-1]) == (b_words[0], b_words[-1])
