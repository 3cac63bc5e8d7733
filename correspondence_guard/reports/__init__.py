"""Report formats: one module per format, each with ``render(report) -> str``.

A format reads only an ``AuditReport`` (plain values), never mail: whatever a document
held has already been reduced to text by the readers, and every format treats that text
as hostile (escaped in HTML, defused in CSV).
"""

from __future__ import annotations

from importlib import import_module
from typing import IO

from ..report import AuditReport

#: The formats ``audit --format`` offers, each a module of this package.
FORMATS = ("text", "json", "html", "csv", "jsonl")

#: Formats that can also be written while the audit runs, one document at a time
#: (``jsonl.write(results, stream, ...)``), for audits too large to hold in memory.
STREAMING = ("jsonl",)

#: Formats written piece by piece from a report (``write(report, stream)``), so that a report
#: spooled to disk (``spool.py``) is rendered without being held in memory.
SPOOLED = ("text", "json", "html", "csv")


def render(report: AuditReport, fmt: str) -> str:
    """Render ``report`` in the format ``fmt`` (one of :data:`FORMATS`, or ``advice``)."""
    return import_module(f"{__name__}.{fmt}").render(report)


def write(report: AuditReport, fmt: str, stream: IO[str]) -> None:
    """Write ``report`` in the format ``fmt`` to ``stream``, piece by piece where the format
    can (json, csv, html, text), so that a spooled report is never held whole in memory."""
    module = import_module(f"{__name__}.{fmt}")
    if fmt in SPOOLED:
        module.write(report, stream)
    else:
        stream.write(module.render(report))
