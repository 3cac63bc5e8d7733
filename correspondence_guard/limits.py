"""What one document may cost to read: bytes, inflated bytes, pages, characters, MIME
depth and parts, addresses, time and memory.

Email and office documents are hostile: a 3 MB Word file can inflate to a gigabyte, a
small HTML body can make a parser quadratic. Every limit is policy (``limits:`` in
``policies/defaults.yaml``, documented there) and reaches the readers as one immutable
:class:`Limits` value. A reader that reaches a limit stops there, keeps what it read
within it, and records a defect naming the limit (:func:`limit_defect`), so a document
over a limit is checked on what was read and is never reported silently clean.

The readers are called from many front ends (audit workers, the gateway, ``check``),
several calls deep; rather than thread a parameter through every reader's signature, the
front end sets the limits for the code it runs with :func:`applied` (a context variable,
so each thread and process has its own), and a reader asks :func:`current`.
"""

from __future__ import annotations

import contextlib
import contextvars
import math
from dataclasses import dataclass, fields
from typing import Any, Iterator, Mapping

from .errors import UnreadableDocument

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    message_bytes: int = 10 * MB
    attachment_bytes: int = 10 * MB
    member_bytes: int = 16 * MB
    pages: int = 500
    characters: int = 1_000_000
    mime_depth: int = 20
    mime_parts: int = 1000
    header_bytes: int = 65536
    addresses: int = 1000
    seconds: float = 20.0
    memory_mb: int = 512


# The largest value a policy may set for each limit: above these a "limit" is no limit.
CEILINGS: Mapping[str, float] = {
    "message_bytes": 1024 * MB,
    "attachment_bytes": 1024 * MB,
    "member_bytes": 2048 * MB,
    "pages": 100_000,
    "characters": 100_000_000,
    "mime_depth": 100,
    "mime_parts": 100_000,
    "header_bytes": 16 * MB,
    "addresses": 100_000,
    "seconds": 3600,
    "memory_mb": 65536,
}
# The smallest: below these no real correspondence could be read at all.
FLOORS: Mapping[str, float] = {"memory_mb": 128, "message_bytes": 1024, "header_bytes": 998}

NAMES = tuple(f.name for f in fields(Limits))


class LimitExceeded(UnreadableDocument):
    """A document cannot be read at all within a limit (the reader could keep nothing)."""

    def __init__(self, limit: str, value: Any, what: str):
        super().__init__(limit_defect(limit, value, what))
        self.limit = limit


def limit_defect(limit: str, value: Any, what: str) -> str:
    """The one-line defect of a document read only up to a limit; it names the limit."""
    return f"over limits.{limit} ({value:g}): {what}" if isinstance(value, float) else f"over limits.{limit} ({value}): {what}"


def is_limit_defect(defect: str) -> bool:
    """Whether a defect says a limit was reached (here or in an attachment)."""
    return "over limits." in defect


def read_limits(raw: Any, fail) -> Limits:
    """``limits:`` of a policy as :class:`Limits`; ``fail(key, problem)`` raises for a bad one."""
    if raw is None:
        return Limits()
    if not isinstance(raw, Mapping):
        fail("limits", f"must be a mapping, not {type(raw).__name__}")
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in NAMES:
            fail(f"limits.{key}", f"is not a limit (known: {', '.join(NAMES)})")
        kind = float if key == "seconds" else int
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            fail(f"limits.{key}", f"must be a number, not {type(value).__name__}")
        if not math.isfinite(value):
            fail(f"limits.{key}", f"must be a finite number, not {value!r}")
        if kind is int and value != int(value):
            fail(f"limits.{key}", f"must be a whole number, not {value!r}")
        if not FLOORS.get(key, 1) <= value <= CEILINGS[key]:
            fail(f"limits.{key}", f"must be between {FLOORS.get(key, 1):g} and {CEILINGS[key]:g}, not {value!r}")
        values[key] = kind(value)
    return Limits(**values)


_CURRENT: contextvars.ContextVar[Limits] = contextvars.ContextVar("correspondence_guard_limits", default=Limits())


def current() -> Limits:
    """The limits the code now running reads under (the defaults unless a front end set them)."""
    return _CURRENT.get()


@contextlib.contextmanager
def applied(limits: Limits) -> Iterator[Limits]:
    """Read under ``limits`` inside the ``with`` block (this thread or task only)."""
    token = _CURRENT.set(limits)
    try:
        yield limits
    finally:
        _CURRENT.reset(token)


def use(limits: Limits) -> None:
    """Read under ``limits`` from now on in this process (a worker's start-up)."""
    _CURRENT.set(limits)
