"""``check --fix``: write the copy note a silent Bcc is missing, and explain the rest.

Only a silent copy has a mechanical fix that cannot change what the sender means: the
protocol itself asks for "cc Councillor X" on the message (BTC008 7.1). The note goes at
the top of the text (plain and HTML), above any quoted or forwarded message, where the
original councillor sees it first. An obligation or a disclosure needs the sender's
judgement, so those are explained, never edited.
"""

from __future__ import annotations

import email
import email.policy
import html
import re
from dataclasses import dataclass

from ..engine import Checker
from ..errors import UsageError
from ..model import Correspondence, Finding
from ..policy import Policy
from ..audit.units import read_one

_BODY_TAG = re.compile(r"<body\b[^>]*>", re.IGNORECASE)


def copy_note(policy: Policy, address: str) -> str:
    """The copy note for a councillor copied in: "cc Councillor <name>" from the register."""
    councillor = policy.register.councillor(address)
    return f"cc Councillor {councillor.name}" if councillor else f"cc {address}"


def hidden_councillors(doc: Correspondence, finding: Finding, policy: Policy) -> tuple[str, ...]:
    """The parties of a silent-copy finding who were on the draft's Bcc (directly or by a list)."""
    if finding.rule != "silent-copy":
        return ()
    on_bcc = {a for p in doc.bcc for a in (p.address, *policy.register.expand(p.address))}
    return tuple(p for p in finding.parties if p in on_bcc)


@dataclass(frozen=True)
class FixedDraft:
    raw: bytes
    notes: tuple[str, ...]          # the copy notes added
    before: tuple[Finding, ...]     # the findings of the draft as given
    after: tuple[Finding, ...]      # the findings of the fixed copy


def fix_draft(raw: bytes, source: str, checker: Checker) -> FixedDraft:
    """The draft with a copy note for every silent Bcc, and the findings before and after."""
    doc = read_one(source, raw)
    before = checker.check(doc)
    addresses = dict.fromkeys(a for f in before for a in hidden_councillors(doc, f, checker.policy))
    notes = tuple(dict.fromkeys(copy_note(checker.policy, a) for a in addresses))
    if not notes:
        return FixedDraft(raw, (), before, before)
    fixed = _with_notes(raw, notes, source)
    return FixedDraft(fixed, notes, before, checker.check(read_one(source, fixed)))


def _with_notes(raw: bytes, notes: tuple[str, ...], source: str) -> bytes:
    message = email.message_from_bytes(raw, policy=email.policy.default)
    changed = False
    for subtype in ("plain", "html"):
        part = message.get_body(preferencelist=(subtype,))
        if part is None or part.get_content_subtype() != subtype:
            continue
        try:
            text = part.get_content()
        except (LookupError, ValueError) as exc:
            raise UsageError(f"cannot fix {source}: its {subtype} text cannot be decoded ({exc})") from None
        if subtype == "plain":
            text = "\n".join(notes) + "\n\n" + text
        else:
            block = "".join(f"<p>{html.escape(note)}</p>" for note in notes)
            found = _BODY_TAG.search(text)
            text = text[: found.end()] + block + text[found.end():] if found else block + text
        part.set_content(text, subtype=subtype, charset="utf-8")
        changed = True
    if not changed:
        raise UsageError(f"cannot fix {source}: it has no text to add the copy note to")
    return message.as_bytes()
