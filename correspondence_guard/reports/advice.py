"""The ``check`` command's text: written for the person about to send one draft.

Unlike the audit report it speaks to the sender ("Do this instead"), shows every
offending passage in full and ends with a plain verdict, "No problems found" when clean.
"""

from __future__ import annotations

from ..limits import is_limit_defect
from ..report import AuditReport
from .text import printable


def render(report: AuditReport) -> str:
    lines: list[str] = []
    for doc in report.documents:
        name = doc.subject or doc.source
        unread = [d for d in doc.defects if is_limit_defect(d)]
        if not doc.findings:
            verdict = "No problems found in what was read" if unread else "No problems found."
            lines.append(f"{printable(name)}: {verdict}")
            lines.extend(f"   Not read whole: {printable(d)}" for d in unread)
            continue
        count = len(doc.findings)
        lines.append(f"{printable(name)}: {count} problem{'s' if count != 1 else ''} to fix before sending.")
        for number, finding in enumerate(doc.findings, 1):
            lines.append("")
            lines.append(f"{number}. {printable(finding.message)}")
            lines.append(f"   Rule: {finding.rule} ({finding.severity}), protocol {finding.clause}")
            if finding.parties:
                lines.append(f"   Concerns: {printable(', '.join(finding.parties))}")
            for evidence in finding.evidence:
                where = f" ({printable(evidence.where)})" if evidence.where else ""
                lines.append(f'   The words{where}: "{printable(evidence.text)}"')
            lines.append(f"   Do this instead: {printable(finding.remedy)}")
        lines.append("")
    for error in report.errors:
        verdict = "NOT CHECKED (internal error of the checker)" if error.internal else "cannot be checked"
        lines.append(f"{printable(error.source)}: {verdict}: {printable(error.error)}")
    return "\n".join(lines).rstrip("\n") + "\n"
