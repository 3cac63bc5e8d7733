"""Report formats: one module per format, each with ``render(report) -> str``.

A format reads only an ``AuditReport`` (plain values), never mail: whatever a document
held has already been reduced to text by the readers, and every format treats that text
as hostile (escaped in HTML, defused in CSV).
"""

from __future__ import annotations

from importlib import import_module

from ..report import AuditReport

#: The formats ``audit --format`` offers, each a module of this package.
FORMATS = ("text", "json", "html", "csv", "jsonl")

#: Formats that can also be written while the audit runs, one document at a time
#: (``jsonl.write(results, stream, ...)``), for audits too large to hold in memory.
STREAMING = ("jsonl",)


def render(report: AuditReport, fmt: str) -> str:
    """Render ``report`` in the format ``fmt`` (one of :data:`FORMATS`, or ``advice``)."""
    return import_module(f"{__name__}.{fmt}").render(report)
