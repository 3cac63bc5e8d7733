"""One message found in several mailboxes is reported once, with every place it was found.

An export of several accounts holds the same message many times: the sender's Sent Items
copy, each recipient's Inbox copy, a forwarded-to archive. The key is the Message-ID; a
message without one is keyed by a hash of its normalised headers and text. The first copy
in source order is the one reported; the others are listed in ``also_found_in``. Copies can
differ (only the sender's copy keeps the Bcc), so a finding made on any copy is kept.

Streaming: :class:`Deduplicator` holds one short key per distinct message, never a message,
but keeps every result (the report needs them). :class:`StreamingDeduplicator` keeps no
result: it hands each one to a sink as it comes, and a later copy goes out as a duplicate
(``duplicate_of`` = the first copy's source) carrying only the findings the first copy
did not have, so the counts agree with the in-memory report.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import hashlib
import re

from ..model import Correspondence, Finding
from ..report import AuditReport, DocumentResult

_SPACE = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _SPACE.sub(" ", (text or "").replace("\r", "")).strip().lower()


def dedupe_key(doc: Correspondence) -> str:
    """The identity of a message across mailboxes: its Message-ID, else a content hash.

    The hash leaves out Bcc and delivery headers, which differ between copies of one message.
    A message's text is its reader's ``digest`` of the body as given, so a copy read whole
    and one left as an outline are still one message.
    """
    message_id = (doc.message_id or "").strip().strip("<>").strip()
    if message_id:
        return "mid:" + message_id.lower()
    parts = [
        doc.kind,
        _norm(doc.sender.address if doc.sender else ""),
        ",".join(sorted(_norm(p.address or p.name) for p in doc.to)),
        ",".join(sorted(_norm(p.address or p.name) for p in doc.cc)),
        _norm(doc.subject),
        _norm(doc.date),
    ]
    if doc.digest:
        parts.append(doc.digest)
    else:
        parts.extend(_norm(piece.own_text) for _, _, piece in doc.walk())
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
    return "sha256:" + digest[:32]


def _finding_key(finding: Finding) -> tuple:
    return (finding.rule, tuple(sorted(finding.parties)), finding.message)


def merge(first: DocumentResult, other: DocumentResult) -> DocumentResult:
    """``first`` with ``other`` recorded as another place it was found, and its findings kept."""
    seen = {_finding_key(f) for f in first.findings}
    extra = tuple(f for f in other.findings if _finding_key(f) not in seen)
    places = first.also_found_in + tuple(s for s in (other.source, *other.also_found_in) if s != first.source)
    return dataclasses.replace(first, findings=first.findings + extra, also_found_in=places)


class Deduplicator:
    """Adds results to a report in order, folding each duplicate into the first copy."""

    def __init__(self, report: AuditReport):
        self.report = report
        self._where: dict[str, int] = {}
        self.duplicates = 0

    def add(self, result: DocumentResult, key: str | None) -> bool:
        """Add ``result``; returns False when it was a duplicate folded into an earlier one."""
        if key:
            at = self._where.get(key)
            if at is not None:
                self.report.documents[at] = merge(self.report.documents[at], result)
                self.duplicates += 1
                self.report.duplicates += 1
                return False
            self._where[key] = len(self.report.documents)
        self.report.documents.append(result)
        return True


def dedupe_documents(pairs) -> list[DocumentResult]:
    """Fold (result, key) pairs, in order, into one result per message."""
    report = AuditReport(policy_source="", council="")
    folder = Deduplicator(report)
    for result, key in pairs:
        folder.add(result, key)
    return report.documents


class _FirstCopies:
    """Where each distinct message was first found, and its findings' keys, kept on disk.

    A year of a department's mail is hundreds of thousands of messages; an index in memory
    would grow with the export. SQLite's temporary database (an empty file name: private,
    deleted on close) keeps it on disk behind a bounded page cache.
    """

    def __init__(self):
        self._db = sqlite3.connect("")
        self._db.execute("CREATE TABLE first (key TEXT PRIMARY KEY, source TEXT, seen TEXT)")

    def get(self, key: str) -> tuple[str, frozenset] | None:
        row = self._db.execute("SELECT source, seen FROM first WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        return row[0], frozenset((rule, tuple(parties), message) for rule, parties, message in json.loads(row[1]))

    def put(self, key: str, source: str, seen: frozenset) -> None:
        self._db.execute("INSERT OR REPLACE INTO first VALUES (?, ?, ?)", (key, source, json.dumps(sorted(seen))))


class StreamingDeduplicator:
    """Hands results to ``sink`` in order, counting them in ``report``; keeps no result.

    The first place each distinct message was found, with its findings' keys, goes to an
    on-disk index, so memory does not grow with the export.
    """

    def __init__(self, report: AuditReport, sink, dedupe: bool = True):
        self.report = report
        self.sink = sink
        self.dedupe = dedupe
        self._first = _FirstCopies() if dedupe else None
        self.duplicates = 0

    def add(self, result: DocumentResult, key: str | None) -> bool:
        if self.dedupe and key:
            first = self._first.get(key)
            if first is not None:
                source, seen = first
                extra = tuple(f for f in result.findings if _finding_key(f) not in seen)
                if extra:
                    self._first.put(key, source, seen | {_finding_key(f) for f in extra})
                self.duplicates += 1
                self._emit(dataclasses.replace(result, findings=extra, duplicate_of=source))
                return False
            self._first.put(key, result.source, frozenset(_finding_key(f) for f in result.findings))
        self._emit(result)
        return True

    def error(self, error) -> None:
        """An error entry or a skipped file: handed on and counted, never folded."""
        self._emit(error)

    def _emit(self, item) -> None:
        self.report.count(item)
        self.sink(item)
