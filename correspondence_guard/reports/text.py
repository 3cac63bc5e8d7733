"""The text report: for a terminal, read top to bottom.

Only documents with findings are shown in full (a clean document is counted in the
summary, not listed), so a long audit stays readable. Text from documents is printed as
it is, with control characters made visible, so a hostile subject cannot move the cursor
or clear the screen.
"""

from __future__ import annotations

from ..limits import is_limit_defect
from ..model import Finding
from ..report import AuditReport, DocumentResult


def printable(text: str) -> str:
    """``text`` on one line, with control characters (escape sequences too) shown as ``\\xNN``."""
    text = " ".join(str(text).split())
    return "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in text)


def finding_lines(finding: Finding, indent: str = "  ") -> list[str]:
    lines = [f"{indent}{finding.rule} [{finding.severity}] ({finding.clause})", f"{indent}  {printable(finding.message)}"]
    if finding.parties:
        lines.append(f"{indent}  parties: {printable(', '.join(finding.parties))}")
    for evidence in finding.evidence:
        where = f" ({printable(evidence.where)})" if evidence.where else ""
        lines.append(f'{indent}  evidence{where}: "{printable(evidence.text)}"')
    lines.append(f"{indent}  remedy: {printable(finding.remedy)}")
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
    line = (
        f"{summary['documents']} documents read, {summary['findings']} findings"
        + (f" ({by_rule})" if by_rule else "")
        + f", {summary['errors']} unreadable"
    )
    return line + (" (partial audit)" if report.partial else "")


def render(report: AuditReport) -> str:
    blocks = ["\n".join(document_lines(doc)) for doc in report.documents if doc.findings]
    partly = [(doc.source, d) for doc in report.documents for d in doc.defects if is_limit_defect(d)]
    if partly:
        blocks.append("\n".join(["Documents read only up to a limit (checked on what was read):"]
                                + [f"  {printable(source)}: {printable(defect)}" for source, defect in partly]))
    if report.errors:
        blocks.append("\n".join(["Unreadable documents:"] + [f"  {printable(e.source)}: {printable(e.error)}" for e in report.errors]))
    blocks.append(summary_line(report))
    if report.partial:
        blocks.insert(0, "PARTIAL AUDIT: interrupted before the end; only what was read is reported.")
    return "\n\n".join(blocks) + "\n"
