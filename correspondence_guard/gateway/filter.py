"""The content filter: the message on standard input, the message to deliver on standard output.

For MTAs without milters (Exim's ``transport_filter``, a Postfix ``pipe`` content filter).
The verdict is the exit status, in sysexits(3) terms, which every MTA understands:

- 0 (EX_OK): deliver what is on standard output (the message, tagged);
- 75 (EX_TEMPFAIL): try again later (the check failed and ``on_failure`` is tempfail);
- 69 (EX_UNAVAILABLE): refuse; the one-line reason is on standard error.

``quarantine`` (and ``notify`` with ``hold: true``) cannot hold a message from here: the
message is delivered with ``X-Correspondence-Guard-Hold: yes`` for the MTA to act on (a
Postfix ``header_checks`` HOLD rule; see docs/gateway.md).
"""

from __future__ import annotations

import re
from typing import BinaryIO, Iterable

from .core import Gateway, Outcome
from .verdict import HEADER, HOLD_HEADER, OUR_HEADERS, unchecked_value

EX_OK = 0
EX_UNAVAILABLE = 69
EX_TEMPFAIL = 75
EX_NOPERM = 77

_OUR_HEADER = re.compile(rb"^(?:" + b"|".join(re.escape(h.encode()) for h in OUR_HEADERS) + rb")\s*:", re.IGNORECASE)


def _split(raw: bytes) -> tuple[bytes, bytes, bytes]:
    """(header lines with their line ends, the blank line, body) of a message."""
    match = re.search(rb"\r?\n\r?\n", raw)
    if not match:
        return raw, b"", b""
    end_of_head = match.start() + (2 if raw[match.start()] == 13 else 1)
    return raw[:end_of_head], raw[end_of_head : match.end()], raw[match.end() :]


def tag_message(raw: bytes, headers: Iterable[tuple[str, str]], strip_ours: bool = True) -> bytes:
    """``raw`` with ``headers`` added at the top and any of ours the sender wrote removed."""
    newline = b"\r\n" if b"\r\n" in raw[:4096] else b"\n"
    head, sep, body = _split(raw)
    kept: list[bytes] = []
    skipping = False
    for line in head.splitlines(keepends=True):
        if line[:1] in (b" ", b"\t"):  # a folded continuation of the header above
            if not skipping:
                kept.append(line)
            continue
        skipping = strip_ours and bool(_OUR_HEADER.match(line))
        if not skipping:
            kept.append(line)
    added = b"".join(f"{name}: {value}".encode("ascii", "replace") + newline for name, value in headers)
    return added + b"".join(kept) + sep + body


def run_filter(
    gateway: Gateway,
    stdin: BinaryIO,
    stdout: BinaryIO,
    stderr,
    sender: str,
    recipients: tuple[str, ...],
) -> int:
    """Check the message on ``stdin``; write what to deliver to ``stdout``; return the exit status."""
    limit = gateway.settings.max_message_bytes
    raw = stdin.read(limit + 1)
    if len(raw) > limit:
        # Do not hold an unbounded message in memory: read the rest through to the end.
        size = len(raw)
        while chunk := stdin.read(1 << 20):
            size += len(chunk)
            if gateway.settings.on_failure == "accept":
                raw += chunk
        outcome = Outcome(failure=f"message of {size} bytes is over the limit of {limit} bytes")
    else:
        outcome = gateway.check(raw, sender, recipients, source="filter:stdin")

    def log(action: str) -> None:
        gateway.log(outcome, queue_id="", sender=sender, recipients=recipients, action=action)

    if not outcome.failed and outcome.verdict.notify:
        try:
            gateway.notify(outcome, sender, recipients)
        except Exception as exc:  # noqa: BLE001
            outcome.failure = f"notification to {gateway.settings.notify.address} failed: {exc}"
            outcome.verdict = None

    if outcome.failed:
        if gateway.settings.on_failure == "accept":
            stdout.write(tag_message(raw, [(HEADER, unchecked_value(outcome.failure))]))
            stdout.flush()
            log("accept-unchecked")
            return EX_OK
        stderr.write(f"4.7.1 correspondence-guard could not check this message: {outcome.failure}\n")
        log("tempfail")
        return EX_TEMPFAIL

    verdict = outcome.verdict
    if verdict.disposition == "reject":
        stderr.write(f"5.7.1 {verdict.reply}\n")
        log("reject")
        return EX_UNAVAILABLE
    headers = list(verdict.headers)
    if verdict.disposition == "hold":
        headers.append((HOLD_HEADER, "yes"))
    if verdict.action == "audit":
        stdout.write(raw)
    else:
        stdout.write(tag_message(raw, headers))
    stdout.flush()
    log(verdict.action)
    return EX_OK
