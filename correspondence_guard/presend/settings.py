"""The pre-send settings, read once from the policy's ``presend:`` mapping.

A wrong key fails when the service starts, with the file and the key named
(:class:`PolicyError`), never on a request.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import PolicyError
from ..policy import SEVERITIES, Policy

TOKEN_VARIABLE = "CORRESPONDENCE_GUARD_TOKEN"
# Each worker holds the readers and the rules (some 60 MB); more than this is a typing slip.
MAX_WORKERS = 64


@dataclass(frozen=True)
class PresendSettings:
    overrides: Path | None = None
    token: str = ""
    addin_origin: str = ""
    block_on: str = "error"
    max_request_bytes: int = 10 * 1024 * 1024
    timeout_seconds: float = 5.0
    workers: int = 2


def read_settings(policy: Policy) -> PresendSettings:
    raw = dict(policy.presend)

    def fail(key: str, problem: str):
        raise PolicyError(policy.source, f"presend.{key}", problem)

    def number(key: str, kind, default):
        value = raw.pop(key, default)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            fail(key, f"must be a positive number, not {value!r}")
        return kind(value)

    def text(key: str) -> str:
        value = raw.pop(key, "") or ""
        if not isinstance(value, str):
            fail(key, f"must be text, not {value!r}")
        return value.strip()

    store = text("overrides")
    block_on = text("block_on") or "error"
    if block_on not in SEVERITIES:
        fail("block_on", f"must be one of {', '.join(SEVERITIES)}, not {block_on!r}")
    settings = PresendSettings(
        overrides=_beside_policy(policy, store) if store else None,
        token=os.environ.get(TOKEN_VARIABLE, "").strip() or text("token"),
        addin_origin=text("addin_origin").rstrip("/"),
        block_on=block_on,
        max_request_bytes=number("max_request_bytes", int, 10 * 1024 * 1024),
        timeout_seconds=number("timeout_seconds", float, 5.0),
        workers=number("workers", int, 2),
    )
    if settings.workers > MAX_WORKERS:
        fail("workers", f"must be at most {MAX_WORKERS}, not {settings.workers}")
    raw.pop("token", None)
    if raw:
        fail(sorted(raw)[0], "is not a pre-send setting")
    return settings


def _beside_policy(policy: Policy, path: str) -> Path:
    """``path`` as written in the policy: relative to the policy file's folder."""
    if policy.source.startswith("<"):
        return Path(path)
    return (Path(policy.source).resolve().parent / path).resolve()
