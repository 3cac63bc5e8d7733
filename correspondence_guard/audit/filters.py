"""Narrowing an audit to what a clerk asked about: dates, a sender, a councillor, some rules.

The command line builds one :class:`AuditFilter` from its options and hands it to the
audit; the filter is a plain, picklable predicate over ``Correspondence`` (so worker
processes apply it right after parsing), plus the rule ids for ``Checker(only=...)``.

Options (names for the CLI):
  --since DATE        documents dated on or after DATE (YYYY-MM-DD or an ISO date-time)
  --until DATE        documents dated on or before DATE (a bare date includes that whole day)
  --sender ADDR       documents sent from ADDR (repeatable; ``@domain`` matches a domain)
  --councillor WHO    documents where that councillor is a party: sender, To, Cc, Bcc,
                      envelope or delivered-to, here or in correspondence it forwards,
                      quotes or attaches; WHO is an address or a name in the register
                      (an address of a councillor stands for all their addresses)
  --rule ID           run only this rule (repeatable)
With --since/--until, a document whose date cannot be read is left out.
"""

from __future__ import annotations

import email.utils
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from typing import Iterable

from ..errors import UsageError
from ..model import Correspondence
from ..policy import Policy, normalise_address

try:
    from zoneinfo import ZoneInfo

    _LOCAL = ZoneInfo("Europe/London")
except Exception:  # no tz database: fall back to UTC
    _LOCAL = timezone.utc

_TITLE = re.compile(r"^(?:cllr\.?|councillor)\s+", re.IGNORECASE)


def parse_when(value: str, *, end_of_day: bool = False) -> datetime:
    """An option's date or date-time, as an aware datetime (naive means UK time)."""
    text = (value or "").strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            day = date.fromisoformat(text)
            moment = datetime.combine(day, time.max if end_of_day else time.min)
        else:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise UsageError(f"{value!r} is not a date: use YYYY-MM-DD or YYYY-MM-DDTHH:MM") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=_LOCAL)


def document_date(doc: Correspondence) -> datetime | None:
    """The document's date as an aware datetime, or None when it cannot be read."""
    text = (doc.date or doc.header("Date") or "").strip()
    if not text:
        return None
    moment = None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            moment = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            try:
                from ..sources.dates import iso_date

                moment = datetime.fromisoformat(iso_date(text))
            except Exception:
                return None
    if moment is None:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=_LOCAL)


def _parties(doc: Correspondence) -> set[str]:
    found: set[str] = set()
    for _, _, piece in doc.walk():
        if piece.sender and piece.sender.address:
            found.add(normalise_address(piece.sender.address))
        found.update(normalise_address(p.address) for p in piece.all_recipients if p.address)
        found.update(normalise_address(a) for a in piece.envelope.recipients)
        found.update(normalise_address(a) for a in piece.envelope.delivered_to)
    return found


@dataclass(frozen=True)
class AuditFilter:
    """A predicate over documents, and the rules to run. The empty filter keeps everything."""

    since: datetime | None = None
    until: datetime | None = None
    senders: frozenset[str] = frozenset()
    councillor_addresses: frozenset[str] = frozenset()
    rules: tuple[str, ...] = ()

    @classmethod
    def from_options(
        cls,
        policy: Policy,
        since: str | None = None,
        until: str | None = None,
        sender: Iterable[str] | str | None = None,
        councillor: Iterable[str] | str | None = None,
        rule: Iterable[str] | str | None = None,
        available_rules: Iterable[str] | None = None,
    ) -> "AuditFilter":
        """Build the filter from the command line's values; a bad value raises UsageError."""
        lower = parse_when(since) if since else None
        upper = parse_when(until, end_of_day=True) if until else None
        if lower and upper and lower > upper:
            raise UsageError(f"--since {since} is after --until {until}")
        senders = frozenset(normalise_address(s) for s in _many(sender))
        for s in senders:
            if "@" not in s:
                raise UsageError(f"--sender {s!r} is not an email address (or @domain)")
        addresses: set[str] = set()
        for who in _many(councillor):
            addresses.update(resolve_councillor(policy, who))
        rules = tuple(dict.fromkeys(_many(rule)))
        if rules:
            if available_rules is None:
                from ..rules import load_rules

                available_rules = load_rules().keys()
            known = set(available_rules)
            unknown = [r for r in rules if r not in known]
            if unknown:
                raise UsageError(f"unknown rule {', '.join(unknown)}: the rules are {', '.join(sorted(known))}")
        return cls(lower, upper, senders, frozenset(addresses), rules)

    @property
    def narrows_documents(self) -> bool:
        return bool(self.since or self.until or self.senders or self.councillor_addresses)

    def __call__(self, doc: Correspondence) -> bool:
        if self.since or self.until:
            moment = document_date(doc)
            if moment is None:
                return False
            if self.since and moment < self.since:
                return False
            if self.until and moment > self.until:
                return False
        if self.senders:
            sender = normalise_address(doc.sender.address) if doc.sender else ""
            if not any(sender == s or (s.startswith("@") and sender.endswith(s)) for s in self.senders):
                return False
        if self.councillor_addresses and not (_parties(doc) & self.councillor_addresses):
            return False
        return True

    def checker(self, policy: Policy, rules=None):
        """A Checker that runs only the chosen rules (all of them when none was chosen)."""
        from ..engine import Checker

        return Checker(policy, rules=rules, only=self.rules)


def _many(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    return [v.strip() for v in value if v and v.strip()]


def resolve_councillor(policy: Policy, who: str) -> tuple[str, ...]:
    """Every address of the councillor named by address or by name ("Jane Smith", "Cllr Smith")."""
    register = policy.register
    if "@" in who:
        found = register.councillor(who)
        return found.emails if found else (normalise_address(who),)
    name = _TITLE.sub("", who.strip()).strip().lower()
    exact = [c for c in register.councillors if c.name.lower() == name]
    if not exact:
        exact = [c for c in register.councillors if c.name.lower().split()[-1:] == [name]]
    if not exact:
        raise UsageError(f"--councillor {who!r} is neither an address nor a councillor's name in the register")
    return tuple(a for c in exact for a in c.emails)
