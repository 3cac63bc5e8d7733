"""The JSON report: the stable, versioned shape other tools read (issue 2).

The field names are a contract (``schema`` says which one), so they are spelled out here
rather than derived from the dataclasses: renaming a Python attribute must not change it.
"""

from __future__ import annotations

import io
import json
from typing import IO

from ..model import Finding, Override, Skipped, Unreadable
from ..report import SCHEMA, AuditReport, DocumentResult


def finding_dict(finding: Finding) -> dict:
    return {
        "rule": finding.rule,
        "severity": finding.severity,
        "clause": finding.clause,
        "message": finding.message,
        "parties": list(finding.parties),
        "evidence": [{"text": e.text, "where": e.where} for e in finding.evidence],
        "remedy": finding.remedy,
    } | ({"override": override_dict(finding.override)} if finding.override else {})


def override_dict(override: Override) -> dict:
    """A recorded override shown beside the finding it covers: who, when, why."""
    return {"id": override.id, "sender": override.sender, "recorded_at": override.recorded_at,
            "justification": override.justification}


def document_dict(doc: DocumentResult) -> dict:
    entry = {
        "source": doc.source,
        "kind": doc.kind,
        "message_id": doc.message_id,
        "subject": doc.subject,
        "from": doc.sender,
        "date": doc.date,
        "findings": [finding_dict(f) for f in doc.findings],
        "also_found_in": list(doc.also_found_in),
    }
    if doc.defects:
        entry["defects"] = list(doc.defects)
    return entry


def as_dict(report: AuditReport) -> dict:
    return _head(report) | {
        "documents": [document_dict(d) for d in report.documents],
        "errors": [error_dict(e) for e in report.errors],
        "skipped": [skipped_dict(s) for s in report.skipped],
    }


def _head(report: AuditReport) -> dict:
    return {
        "schema": SCHEMA,
        "tool": {"name": "correspondence-guard", "version": report.tool_version},
        "policy": {"source": report.policy_source, "council": report.council},
        "summary": report.summary(),
    }


def error_dict(error: Unreadable) -> dict:
    """An error entry: ``kind`` says whether the document was unreadable or the checker
    failed on it (``internal-error``, with the ``exception`` type); either way it was not checked."""
    entry = {"source": error.source, "error": error.error, "kind": error.kind}
    if error.exception:
        entry["exception"] = error.exception
    return entry


def skipped_dict(skipped: Skipped) -> dict:
    return {"source": skipped.source, "reason": skipped.reason}


def _dumps(value) -> str:
    # ensure_ascii=False keeps names such as "Siân" readable; JSON is UTF-8 by definition.
    return json.dumps(value, indent=2, ensure_ascii=False)


def write(report: AuditReport, stream: IO[str]) -> None:
    """Write the report to ``stream`` one entry at a time, exactly as :func:`render` would.

    ``json.dumps(..., indent=2)`` puts every nested line on a line of its own and never a raw
    newline inside a string, so an entry dumped alone and indented by four spaces is the
    same text it would be inside the whole document.
    """
    stream.write(_dumps(_head(report))[:-2])
    for key, entries, as_entry in (("documents", report.documents, document_dict),
                                   ("errors", report.errors, error_dict),
                                   ("skipped", report.skipped, skipped_dict)):
        stream.write(f',\n  "{key}": [')
        separator = "\n"
        for entry in entries:
            stream.write(separator + "    " + _dumps(as_entry(entry)).replace("\n", "\n    "))
            separator = ",\n"
        stream.write("\n  ]" if separator != "\n" else "]")
    stream.write("\n}\n")


def render(report: AuditReport) -> str:
    out = io.StringIO()
    write(report, out)
    return out.getvalue()
