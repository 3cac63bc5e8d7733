"""Recorded overrides: who sent anyway, when, past which findings, and why.

The store is one SQLite file named by the policy (``presend.overrides``). It is
append-only: triggers refuse every UPDATE and DELETE, so the monitoring officer reads
what the sender wrote at the time. The service writes it; the gateway and the audit only
read it, to honour and to show a justification carried by a sent message's
``X-Correspondence-Guard-Override`` header.
"""

from __future__ import annotations

import dataclasses
import json
import secrets
import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

from ..model import Correspondence, Finding, Override
from ..policy import Policy, normalise_address
from .settings import read_settings

HEADER = "X-Correspondence-Guard-Override"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS overrides (
  id TEXT PRIMARY KEY,
  recorded_at TEXT NOT NULL,
  sender TEXT NOT NULL,
  subject TEXT NOT NULL,
  findings TEXT NOT NULL,
  justification TEXT NOT NULL CHECK (length(trim(justification)) > 0)
);
CREATE TRIGGER IF NOT EXISTS overrides_are_kept BEFORE DELETE ON overrides
  BEGIN SELECT RAISE(ABORT, 'overrides are append-only'); END;
CREATE TRIGGER IF NOT EXISTS overrides_are_unchanged BEFORE UPDATE ON overrides
  BEGIN SELECT RAISE(ABORT, 'overrides are append-only'); END;
"""
_COLUMNS = "id, recorded_at, sender, subject, findings, justification"


class OverrideStore:
    """The append-only store at ``path``; a connection per call, so any thread may use it."""

    def __init__(self, path: str | Path):
        self.path = Path(path)

    def _connect(self, write: bool = False) -> sqlite3.Connection:
        if write:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=5)
            connection.executescript(_SCHEMA)
            return connection
        return sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)

    def record(self, sender: str, subject: str, findings: Iterable[tuple[str, Iterable[str]]], justification: str) -> Override:
        override = Override(
            id=secrets.token_urlsafe(16),
            sender=normalise_address(sender),
            recorded_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
            justification=justification.strip(),
            findings=tuple((rule, tuple(sorted(normalise_address(p) for p in parties))) for rule, parties in findings),
            subject=subject,
        )
        connection = self._connect(write=True)
        try:
            with connection:
                connection.execute(
                    f"INSERT INTO overrides ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",
                    (override.id, override.recorded_at, override.sender, override.subject,
                     json.dumps([[rule, list(parties)] for rule, parties in override.findings]), override.justification),
                )
        finally:
            connection.close()
        return override

    def get(self, override_id: str) -> Override | None:
        """The override with this id, or None (also when the store does not exist yet)."""
        rows = self._select("WHERE id = ?", (override_id,))
        return rows[0] if rows else None

    def since(self, since: str = "") -> list[Override]:
        """Every override recorded on or after ``since`` (an ISO date or date-time), oldest first."""
        return self._select("WHERE recorded_at >= ? ORDER BY recorded_at, rowid", (since,))

    def _select(self, where: str, args: tuple) -> list[Override]:
        if not self.path.exists():
            return []
        connection = self._connect()
        try:
            rows = connection.execute(f"SELECT {_COLUMNS} FROM overrides {where}", args).fetchall()
        except sqlite3.OperationalError:  # an empty file: nothing recorded yet
            return []
        finally:
            connection.close()
        return [_override(row) for row in rows]


def _override(row) -> Override:
    override_id, recorded_at, sender, subject, findings, justification = row
    pairs = tuple((rule, tuple(parties)) for rule, parties in json.loads(findings))
    return Override(override_id, sender, recorded_at, justification, pairs, subject)


def store_for(policy: Policy) -> OverrideStore | None:
    path = read_settings(policy).overrides
    return OverrideStore(path) if path else None


def with_overrides(doc: Correspondence, findings: tuple[Finding, ...], policy: Policy) -> tuple[Finding, ...]:
    """``findings``, each one a recorded override covers carrying it.

    An override counts only for its own sender and only for the findings the sender was
    shown: a header copied onto other mail, or a finding the sender never saw, is not covered.
    """
    override_id = doc.header(HEADER).strip()
    if not override_id or not findings or not policy.presend.get("overrides"):
        return findings
    store = store_for(policy)
    override = store.get(override_id) if store else None
    senders = {normalise_address(doc.sender.address) if doc.sender else "", doc.envelope.sender}
    if override is None or override.sender not in senders:
        return findings
    return tuple(
        dataclasses.replace(f, override=override) if override.covers(f.rule, f.parties) else f for f in findings
    )
