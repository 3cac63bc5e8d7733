"""The normalised correspondence every reader produces and every rule reads.

All values are immutable: a reader builds a ``Correspondence`` once and nothing
downstream changes it. Addresses are lower-cased addr-specs so that rules compare
them directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from typing import Callable


class Relation(str, Enum):
    """How a nested piece of correspondence sits inside the one that carries it."""

    FORWARDED = "forwarded"
    QUOTED = "quoted"
    ATTACHED = "attached"


@dataclass(frozen=True)
class Party:
    """A person or mailbox named in correspondence: an address and a display name."""

    address: str = ""
    name: str = ""

    def __str__(self) -> str:
        if self.name and self.address:
            return f"{self.name} <{self.address}>"
        return self.address or self.name


@dataclass(frozen=True)
class Envelope:
    """What the transport knows beyond the headers.

    ``recipients`` are SMTP ``RCPT TO`` addresses (known at a gateway); ``delivered_to``
    are ``Delivered-To``/``X-Original-To`` addresses of a delivered copy.
    """

    sender: str = ""
    recipients: tuple[str, ...] = ()
    delivered_to: tuple[str, ...] = ()


@dataclass(frozen=True)
class Signature:
    """The sign-off of a piece of text: the valediction and the lines under it.

    ``per_pro`` is set when the block is signed "pp" for someone else, in which case
    the person named under it is still the one the text goes out over; ``per_pro_name``
    is the name written on the pp line itself ("pp Councillor Andrew Haworth"), which
    writers use both for the principal and for the one who signed.
    """

    valediction: str = ""
    lines: tuple[str, ...] = ()
    per_pro: bool = False
    per_pro_name: str = ""

    @property
    def text(self) -> str:
        return "\n".join(line for line in (self.valediction, *self.lines) if line)


@dataclass(frozen=True)
class Nested:
    """Correspondence carried inside another: forwarded, quoted or attached."""

    relation: Relation
    correspondence: "Correspondence"


@dataclass(frozen=True)
class Correspondence:
    """One email or letter, normalised.

    ``own_text`` is what the author wrote here, without the quoted replies and forwarded
    messages (those are in ``nested``); it still holds the sign-off, which is also parsed
    into ``signature``. ``marks`` are texts that stand apart from the body where a
    protective marking is usually put: a letter's page headers and footers. ``headers``
    keeps every header as decoded (name, value) pairs, in order. ``defects`` records what
    the reader found wrong but could work around.

    An ``outline`` is a message the reader did not split because no rule could fire on it
    (see ``rules``): its ``own_text`` is every word of its body, plain and HTML parts
    together, unsplit; ``nested`` holds only its attachments; it has no ``signature``.
    ``digest`` is a hash of a message's body and attachments as the reader was given them,
    whether or not it split them: what makes two copies of a message one, if it has no
    Message-ID.
    """

    kind: str = "email"
    source: str = ""
    sender: Party | None = None
    to: tuple[Party, ...] = ()
    cc: tuple[Party, ...] = ()
    bcc: tuple[Party, ...] = ()
    envelope: Envelope = field(default_factory=Envelope)
    subject: str = ""
    date: str = ""
    message_id: str = ""
    headers: tuple[tuple[str, str], ...] = ()
    own_text: str = ""
    signature: Signature | None = None
    marks: tuple[str, ...] = ()
    nested: tuple[Nested, ...] = ()
    defects: tuple[str, ...] = ()
    name: str = ""
    outline: bool = False
    digest: str = ""

    @property
    def visible_recipients(self) -> tuple[Party, ...]:
        return self.to + self.cc

    @property
    def all_recipients(self) -> tuple[Party, ...]:
        return self.to + self.cc + self.bcc

    def header(self, name: str) -> str:
        """The first value of a header, matched case-insensitively, or ''."""
        wanted = name.lower()
        return next((value for key, value in self.headers if key.lower() == wanted), "")

    @cached_property
    def every_word(self) -> str:
        """Everything this correspondence and what it carries say, in one text: subjects,
        header lines, texts, sign-offs and page headers and footers. What a rule's screen
        searches for the words without which it cannot fire; joined once per outline, however
        many screens (and the engine's second look) read it."""
        lines = []
        for _, _, piece in self.walk():
            lines += [piece.subject, *(f"{name}: {value}" for name, value in piece.headers), piece.own_text, *piece.marks]
            lines.append(piece.signature.text if piece.signature else "")
        return "\n".join(lines)

    def walk(self, relation: Relation | None = None, depth: int = 0):
        """Yield (relation, depth, correspondence) for this and everything nested in it."""
        yield relation, depth, self
        for inner in self.nested:
            yield from inner.correspondence.walk(inner.relation, depth + 1)


#: What a reader is given to ask whether any rule could fire on a message's outline
#: (``engine.Checker.could_fire``); without one, every message is read whole.
Screen = Callable[[Correspondence], bool]


@dataclass(frozen=True)
class Evidence:
    """Words or a header that made a rule fire, and where they stand."""

    text: str
    where: str


@dataclass(frozen=True)
class Override:
    """A sender's recorded decision to send despite findings, with the justification.

    ``findings`` are the (rule, parties) pairs the sender was shown and chose to override;
    a finding is covered when its rule matches and its parties are among those shown.
    """

    id: str
    sender: str
    recorded_at: str
    justification: str
    findings: tuple[tuple[str, tuple[str, ...]], ...] = ()
    subject: str = ""

    def covers(self, rule: str, parties: tuple[str, ...]) -> bool:
        return any(rule == shown and set(parties) <= set(shown_parties) for shown, shown_parties in self.findings)


@dataclass(frozen=True)
class Finding:
    """One breach of one rule in one document. Immutable, as flake8's results are.

    ``override`` is set when the sender recorded a justification for sending anyway.
    """

    rule: str
    severity: str
    clause: str
    message: str
    parties: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    remedy: str
    override: Override | None = None


#: The kinds of error entry: a document the readers could not read (damaged, not mail), or
#: a fault of the checker itself (an exception in a reader or a rule), which must never pass
#: for a damaged file: the document was not checked, and the run exits 3.
UNREADABLE = "unreadable"
INTERNAL_ERROR = "internal-error"


@dataclass(frozen=True)
class Unreadable:
    """A document that could not be read or checked: where it is and a one-line reason.

    ``kind`` is :data:`UNREADABLE` or :data:`INTERNAL_ERROR`; an internal error names the
    ``exception`` type that stopped the reader or rule.
    """

    source: str
    error: str
    kind: str = UNREADABLE
    exception: str = ""

    @property
    def internal(self) -> bool:
        return self.kind == INTERNAL_ERROR

    @property
    def out_of_memory(self) -> bool:
        """The reader or rule ran out of the worker's memory: a limit reached (the worker
        is retired and the entry names ``limits.memory_mb``), not a fault of the checker."""
        return self.internal and self.exception == MemoryError.__name__


def internal_error(source: str, exc: BaseException, stage: str) -> Unreadable:
    """The error entry for an exception the checker did not expect, in a reader or a rule."""
    text = " ".join(str(exc).split())[:150]
    name = type(exc).__name__
    return Unreadable(source, f"not checked: internal error in {stage} ({name}{': ' + text if text else ''})",
                      INTERNAL_ERROR, name)


@dataclass(frozen=True)
class Skipped:
    """A file a folder walk passed over, and why (not mail or a letter, hidden, not a file)."""

    source: str
    reason: str
