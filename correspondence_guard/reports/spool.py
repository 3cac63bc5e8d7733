"""An audit's results kept on disk while it runs, so that every format renders in flat memory.

A JSON, CSV, HTML or text report needs the whole audit before it can be written (the
summary comes first; a later copy of a message adds to the first copy's entry), but a
council's export can be a million messages. :class:`Spool` takes each result as the audit
hands it on (a streamed audit: see ``dedupe.StreamingDeduplicator``) and keeps it in a
private SQLite temporary database (an empty file name: on disk behind a bounded page
cache, deleted when closed). :meth:`Spool.report` is an ``AuditReport`` whose documents,
errors and skipped files are read back from there, in order, on each pass, so a format
streams its output without ever holding the audit.

A later copy arrives with ``duplicate_of`` (the first copy's source) and only the findings
the first copy lacked: they are folded into the first copy's entry exactly as the
in-memory ``dedupe.merge`` folds them, so the report is the same either way.
"""

from __future__ import annotations

import dataclasses
import pickle
import sqlite3
from typing import Iterator

from ..model import Skipped, Unreadable
from ..report import AuditReport, DocumentResult

_TABLES = {"documents": DocumentResult, "errors": Unreadable, "skipped": Skipped}


class SpooledList:
    """One kind of result, read back from the spool in the order it arrived (re-iterable)."""

    def __init__(self, db: sqlite3.Connection, table: str, where: str = ""):
        self._db, self._table, self._where = db, table, where

    def __iter__(self) -> Iterator:
        cursor = self._db.execute(f"SELECT item FROM {self._table} {self._where} ORDER BY seq")
        for (item,) in cursor:
            yield pickle.loads(item)

    def __len__(self) -> int:
        return self._db.execute(f"SELECT count(*) FROM {self._table} {self._where}").fetchone()[0]

    def __bool__(self) -> bool:
        return self._db.execute(f"SELECT 1 FROM {self._table} {self._where} LIMIT 1").fetchone() is not None


class _Findings:
    """(document, finding) pairs of the spooled documents with findings, re-iterable."""

    def __init__(self, flagged: SpooledList):
        self._flagged = flagged

    def __iter__(self):
        return ((doc, f) for doc in self._flagged for f in doc.findings)


@dataclasses.dataclass
class SpooledReport(AuditReport):
    """An ``AuditReport`` of a streamed audit whose results are read back from a :class:`Spool`."""

    spool: "Spool | None" = None

    def __post_init__(self):
        db = self.spool.db
        self.documents = SpooledList(db, "documents")
        self.errors = SpooledList(db, "errors")
        self.skipped = SpooledList(db, "skipped")

    @property
    def findings(self):
        return _Findings(self.flagged_documents())

    def flagged_documents(self):
        return SpooledList(self.spool.db, "documents", "WHERE flagged")

    @property
    def internal_errors(self) -> list[Unreadable]:
        return [e for e in self.errors if e.internal]


class Spool:
    """Where an audit's results wait on disk; a sink for ``audit_parallel(sink=...)``."""

    def __init__(self):
        self.db = sqlite3.connect("")
        for table in _TABLES:
            extra = ", source TEXT, flagged INTEGER" if table == "documents" else ""
            self.db.execute(f"CREATE TABLE {table} (seq INTEGER PRIMARY KEY, item BLOB{extra})")
        self.db.execute("CREATE INDEX first_copy ON documents (source, seq)")

    def __enter__(self) -> "Spool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def add(self, item: DocumentResult | Unreadable | Skipped) -> None:
        if isinstance(item, Unreadable):
            self.db.execute("INSERT INTO errors (item) VALUES (?)", (pickle.dumps(item),))
        elif isinstance(item, Skipped):
            self.db.execute("INSERT INTO skipped (item) VALUES (?)", (pickle.dumps(item),))
        elif item.duplicate_of:
            self._fold(item)
        else:
            self.db.execute("INSERT INTO documents (item, source, flagged) VALUES (?, ?, ?)",
                            (pickle.dumps(item), item.source, bool(item.findings)))

    def _fold(self, copy: DocumentResult) -> None:
        """Record a later copy on its first copy's entry, with the findings only it had."""
        row = self.db.execute("SELECT seq, item FROM documents WHERE source = ? ORDER BY seq LIMIT 1",
                              (copy.duplicate_of,)).fetchone()
        if row is None:  # the first copy was not spooled (cannot happen in one audit): keep it
            self.db.execute("INSERT INTO documents (item, source, flagged) VALUES (?, ?, ?)",
                            (pickle.dumps(dataclasses.replace(copy, duplicate_of="")), copy.source, bool(copy.findings)))
            return
        first: DocumentResult = pickle.loads(row[1])
        places = first.also_found_in + tuple(s for s in (copy.source, *copy.also_found_in) if s != first.source)
        merged = dataclasses.replace(first, findings=first.findings + copy.findings, also_found_in=places)
        self.db.execute("UPDATE documents SET item = ?, flagged = ? WHERE seq = ?",
                        (pickle.dumps(merged), bool(merged.findings), row[0]))

    def report(self, streamed: AuditReport) -> SpooledReport:
        """The report of the audit that filled this spool (its counts, this spool's results)."""
        fields = {f.name: getattr(streamed, f.name) for f in dataclasses.fields(AuditReport)
                  if f.name not in _TABLES}
        return SpooledReport(**fields, spool=self)
