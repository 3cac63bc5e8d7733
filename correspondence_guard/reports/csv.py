"""The CSV report: one row per finding, for a clerk's spreadsheet.

Subjects, names and quoted words come from email, which anyone can send. A spreadsheet
runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return,
even after leading spaces) as a formula, so every cell is defused with a leading quote
(the OWASP "CSV injection" advice).
"""

from __future__ import annotations

import csv
import io
from typing import IO

from ..report import AuditReport

HEADER = (
    "source", "date", "from", "subject", "rule", "severity", "clause",
    "parties", "evidence", "message", "remedy", "also_found_in",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def defuse(value: object) -> str:
    """The cell text, with a quote in front when a spreadsheet would run it as a formula."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_STARTS) or text.lstrip().startswith(_FORMULA_STARTS):
        return "'" + text
    return text


def rows(report: AuditReport):
    yield HEADER
    for doc, finding in report.findings:
        evidence = " | ".join(f"{e.text} ({e.where})" if e.where else e.text for e in finding.evidence)
        yield (
            doc.source, doc.date, doc.sender, doc.subject, finding.rule, finding.severity,
            finding.clause, "; ".join(finding.parties), evidence, finding.message, finding.remedy,
            "; ".join(doc.also_found_in),
        )


def write(report: AuditReport, stream: IO[str]) -> None:
    """Write the report to ``stream`` (opened with ``newline=""``) one row at a time."""
    writer = csv.writer(stream)
    for row in rows(report):
        writer.writerow([defuse(cell) for cell in row])


def render(report: AuditReport) -> str:
    out = io.StringIO()
    write(report, out)
    return out.getvalue()
