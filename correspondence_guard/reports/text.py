"""The text report: for a terminal, read top to bottom.

Only documents with findings are shown in full (a clean document is counted in the
summary, not listed), so a long audit stays readable. Text from documents is printed as
it is, with control characters made visible, so a hostile subject cannot move the cursor
or clear the screen.
"""

from __future__ import annotations

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


def render(report: AuditReport) -> str:
    blocks = ["\n".join(document_lines(doc)) for doc in report.documents if doc.findings]
    partly = [(doc.source, d) for doc in report.documents for d in doc.defects if is_limit_defect(d)]
    if partly:
        blocks.append("\n".join(["Documents read only up to a limit (checked on what was read):"]
                                + [f"  {printable(source)}: {printable(defect)}" for source, defect in partly]))
    unreadable = [e for e in report.errors if not e.internal]
    if unreadable:
        blocks.append(_errors_block("Unreadable documents:", unreadable))
    if report.internal_errors:
        blocks.append(_errors_block("NOT CHECKED (an internal error of the checker; exit status 3):", report.internal_errors))
    blocks.append(summary_line(report))
    if report.partial:
        blocks.insert(0, "PARTIAL AUDIT: interrupted before the end; only what was read is reported.")
    if report.internal_errors:
        blocks.insert(0, f"INCOMPLETE AUDIT: {len(report.internal_errors)} documents were not checked because the checker failed on them.")
    return "\n\n".join(blocks) + "\n"
