"""The text report: for a terminal, read top to bottom.

Only documents with findings are shown in full (a clean document is counted in the
summary, not listed), so a long audit stays readable. Text from documents is printed as
it is, with control characters made visible, so a hostile subject cannot move the cursor
or clear the screen.
"""

from __future__ import annotations

import io
from typing import IO

from ..limits import is_limit_defect
from ..model import Finding
from ..printable import display_name
from ..report import AuditReport, DocumentResult


def printable(text: str) -> str:
    """``text`` on one line, with control characters (escape sequences too) shown as ``\\xNN``."""
    return display_name(" ".join(str(text).split()))


def finding_lines(finding: Finding, indent: str = "  ") -> list[str]:
    lines = [f"{indent}{finding.rule} [{finding.severity}] ({finding.clause})", f"{indent}  {printable(finding.message)}"]
    if finding.parties:
        lines.append(f"{indent}  parties: {printable(', '.join(finding.parties))}")
    for evidence in finding.evidence:
        where = f" ({printable(evidence.where)})" if evidence.where else ""
        lines.append(f'{indent}  evidence{where}: "{printable(evidence.text)}"')
    lines.append(f"{indent}  remedy: {printable(finding.remedy)}")
    if finding.override:
        override = finding.override
        lines.append(f"{indent}  sent anyway by {printable(override.sender)} on {override.recorded_at}"
                     f" (override {override.id}): \"{printable(override.justification)}\"")
    return lines


def document_lines(doc: DocumentResult) -> list[str]:
    lines = [printable(doc.source)]
    for label, value in (("subject", doc.subject), ("from", doc.sender), ("date", doc.date)):
        if value:
            lines.append(f"  {label}: {printable(value)}")
    for finding in doc.findings:
        lines.extend(finding_lines(finding))
    return lines


def summary_line(report: AuditReport) -> str:
    summary = report.summary()
    by_rule = ", ".join(f"{rule} {count}" for rule, count in summary["by_rule"].items())
    skipped = ", ".join(f"{reason} {count}" for reason, count in summary["skipped_by_reason"].items())
    line = (
        f"{summary['documents']} documents read, {summary['findings']} findings"
        + (f" ({by_rule})" if by_rule else "")
        + f", {summary['unreadable']} unreadable, {summary['duplicates']} duplicates"
        + f", {summary['files']} files read, {summary['skipped']} files skipped"
        + (f" ({skipped})" if skipped else "")
    )
    if summary["internal_errors"]:
        line += f", {summary['internal_errors']} NOT CHECKED (internal errors)"
    return line + (" (partial audit)" if report.partial else "")


def _errors_block(title: str, errors) -> str:
    return "\n".join([title] + [f"  {printable(e.source)}: {printable(e.error)}" for e in errors])


def _blocks(report: AuditReport):
    internal = report.internal_errors
    if internal:
        yield f"INCOMPLETE AUDIT: {len(internal)} documents were not checked because the checker failed on them."
    if report.partial:
        yield "PARTIAL AUDIT: interrupted before the end; only what was read is reported."
    for doc in report.flagged_documents():
        yield "\n".join(document_lines(doc))
    partly = ((doc.source, d) for doc in report.documents for d in doc.defects if is_limit_defect(d))
    lines = [f"  {printable(source)}: {printable(defect)}" for source, defect in partly]
    if lines:
        yield "\n".join(["Documents read only up to a limit (checked on what was read):"] + lines)
    unreadable = [e for e in report.errors if not e.internal]
    if unreadable:
        yield _errors_block("Unreadable documents:", unreadable)
    if internal:
        yield _errors_block("NOT CHECKED (an internal error of the checker; exit status 3):", internal)
    yield summary_line(report)


def write(report: AuditReport, stream: IO[str]) -> None:
    """Write the report to ``stream`` one document at a time."""
    for n, block in enumerate(_blocks(report)):
        stream.write(("\n\n" if n else "") + block)
    stream.write("\n")


def render(report: AuditReport) -> str:
    out = io.StringIO()
    write(report, out)
    return out.getvalue()
