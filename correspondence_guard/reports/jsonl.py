"""JSON Lines: the report of a very large audit, written as it goes.

One line per document read (the JSON report's ``documents`` entry plus
``"type": "document"``), one per unreadable document or internal error (``{"type": "error",
"source", "error", "kind"}``), one per file skipped (``{"type": "skipped", "source",
"reason"}``), in the order they were met; when the audit is streamed, a later copy of a
message already written is a ``"type": "duplicate"`` line with ``duplicate_of`` (the first
copy's source) and only the findings the first copy did not have; and a last line ``"type": "summary"`` with the
counts, the schema, the tool and the policy. A reader that finds no summary line knows the
stream was cut short. :func:`write` takes any iterable of results and a text stream and
holds nothing but the counts, so an audit of a million messages streams in flat memory.
"""

from __future__ import annotations

import io
import json
from collections import Counter
from typing import IO, Iterable

from ..model import Skipped, Unreadable
from ..report import SCHEMA, AuditReport, DocumentResult
from .json import document_dict, error_dict, skipped_dict


#: Characters json.dumps leaves raw (ensure_ascii=False) that some line readers split on
#: (Python's str.splitlines, JavaScript): escaped, so that one entry is always one line.
_LINE_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})


def _line(entry: dict) -> str:
    # ensure_ascii=False keeps names such as "Siân" readable; control characters are escaped
    # by json.dumps itself.
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":")).translate(_LINE_BREAKS) + "\n"


class JsonlWriter:
    """Writes entries to ``stream`` one line at a time, counting as it goes."""

    def __init__(self, stream: IO[str], *, policy_source: str = "", council: str = "",
                 rules: Iterable[str] = (), tool_version: str | None = None, flush: bool = False):
        if tool_version is None:
            from .. import __version__ as tool_version
        self.stream = stream
        self.policy_source = policy_source
        self.council = council
        self.tool_version = tool_version
        self.by_rule: Counter[str] = Counter({rule: 0 for rule in rules})
        self.documents = 0
        self.findings = 0
        self.errors = 0
        self.flush = flush

    def _write(self, entry: dict) -> None:
        self.stream.write(_line(entry))
        if self.flush:
            self.stream.flush()

    def document(self, doc: DocumentResult) -> None:
        duplicate_of = getattr(doc, "duplicate_of", "")
        entry = {"type": "duplicate" if duplicate_of else "document", **document_dict(doc)}
        if duplicate_of:
            entry["duplicate_of"] = duplicate_of
        self._write(entry)
        self.documents += 0 if duplicate_of else 1
        self.findings += len(doc.findings)
        self.by_rule.update(f.rule for f in doc.findings)

    def error(self, error: Unreadable) -> None:
        self._write({"type": "error", **error_dict(error)})
        self.errors += 1

    def skipped(self, skipped: Skipped) -> None:
        self._write({"type": "skipped", **skipped_dict(skipped)})

    def add(self, item: DocumentResult | Unreadable | Skipped) -> None:
        if isinstance(item, Unreadable):
            self.error(item)
        elif isinstance(item, Skipped):
            self.skipped(item)
        else:
            self.document(item)

    def summary(self, partial: bool = False) -> dict:
        return {
            "documents": self.documents,
            "findings": self.findings,
            "errors": self.errors,
            "by_rule": dict(self.by_rule),
            "partial": partial,
        }

    def close(self, partial: bool = False, rules: Iterable[str] = (), counts: dict | None = None) -> dict:
        """Write the summary line (last) and return the summary. ``rules``: the rules applied,
        when they were not known at the start (each is counted, 0 included, first);
        ``counts``: the audit's own summary (files, duplicates, skipped...), added to it."""
        if rules:
            by_rule = self.by_rule
            self.by_rule = Counter({rule: by_rule.get(rule, 0) for rule in rules})
            self.by_rule.update({rule: n for rule, n in by_rule.items() if rule not in self.by_rule})
        summary = {**(counts or {}), **self.summary(partial)}
        self._write({
            "type": "summary",
            "schema": SCHEMA,
            "tool": {"name": "correspondence-guard", "version": self.tool_version},
            "policy": {"source": self.policy_source, "council": self.council},
            "summary": summary,
        })
        return summary


def write(results: Iterable[DocumentResult | Unreadable], stream: IO[str], *, policy_source: str = "",
          council: str = "", rules: Iterable[str] = (), partial: bool = False,
          tool_version: str | None = None, flush: bool = False, counts: dict | None = None) -> dict:
    """Write every result as it arrives, then the summary line; return the summary.

    If iterating ``results`` is interrupted (``KeyboardInterrupt``), the summary is still
    written, marked ``partial``, and the interruption is raised again.
    """
    writer = JsonlWriter(stream, policy_source=policy_source, council=council, rules=rules,
                         tool_version=tool_version, flush=flush)
    try:
        for item in results:
            writer.add(item)
    except KeyboardInterrupt:
        writer.close(partial=True)
        raise
    return writer.close(partial=partial, counts=counts)


def render(report: AuditReport) -> str:
    """The whole report as JSON Lines (for ``--format jsonl`` on an audit already in memory)."""
    out = io.StringIO()
    write([*report.documents, *report.errors, *report.skipped], out, policy_source=report.policy_source,
          council=report.council, rules=report.rules, partial=report.partial,
          tool_version=report.tool_version, counts=report.summary())
    return out.getvalue()
