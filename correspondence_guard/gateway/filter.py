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

import os
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


class OutputFailed(Exception):
    """The message to deliver could not be written (a full disk, a closed pipe)."""


class FdWriter:
    """Standard output as a file descriptor, written in full or not at all.

    Unbuffered, so nothing is left in a buffer for the interpreter to flush (and fail on,
    with exit status 120) at exit; every failure is :class:`OutputFailed`.
    """

    def __init__(self, fd: int = 1):
        self.fd = fd

    def write(self, data: bytes) -> None:
        view = memoryview(data)
        try:
            while view:
                view = view[os.write(self.fd, view):]
        except OSError as exc:
            raise OutputFailed(exc.strerror or str(exc)) from None

    def flush(self) -> None:
        pass


def _deliver(stdout: BinaryIO, *pieces: bytes) -> None:
    try:
        for piece in pieces:
            stdout.write(piece)
        stdout.flush()
    except OutputFailed:
        raise
    except (OSError, ValueError) as exc:
        raise OutputFailed(str(exc)) from None


def _say(stderr, line: str) -> None:
    """A line for the MTA's log; a closed or full standard error must not change the verdict."""
    try:
        stderr.write(line + "\n")
        stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass


def run_filter(
    gateway: Gateway,
    stdin: BinaryIO,
    stdout: BinaryIO,
    stderr,
    sender: str,
    recipients: tuple[str, ...],
) -> int:
    """Check the message on ``stdin``; write what to deliver to ``stdout``; return the exit
    status: only 0, 69 or 75, whatever happens (a message that cannot be written out in
    full is 75, so the MTA keeps it)."""
    outcome = Outcome(failure="the message could not be read from standard input")

    def log(action: str) -> None:
        gateway.log(outcome, queue_id="", sender=sender, recipients=recipients, action=action)

    try:
        status, action = _filter(gateway, stdin, stdout, stderr, sender, recipients, outcome)
    except OutputFailed as exc:
        outcome.failure = f"the message could not be written out: {exc}"
        status, action = EX_TEMPFAIL, "tempfail"
    except BaseException as exc:  # noqa: BLE001 - the MTA must get 0, 69 or 75
        outcome.failure = outcome.failure if isinstance(exc, OSError) else f"{type(exc).__name__}: {exc}"
        status, action = EX_TEMPFAIL, "tempfail"
    if status == EX_TEMPFAIL:
        _say(stderr, f"4.7.1 correspondence-guard could not check this message: {outcome.failure}")
    log(action)
    return status


def _filter(gateway, stdin, stdout, stderr, sender, recipients, outcome: Outcome) -> tuple[int, str]:
    limit = gateway.settings.max_message_bytes
    raw = stdin.read(limit + 1)
    if len(raw) > limit:
        outcome.failure = f"message of over {limit} bytes is over the limit of {limit} bytes"
        if gateway.settings.on_failure != "accept":
            return EX_TEMPFAIL, "tempfail"
        # Pass it through as it streams in: an oversized message is never held whole.
        _deliver(stdout, tag_message(raw, [(HEADER, unchecked_value(outcome.failure))]))
        while chunk := stdin.read(1 << 20):
            _deliver(stdout, chunk)
        return EX_OK, "accept-unchecked"
    checked = gateway.check(raw, sender, recipients, source="filter:stdin")
    outcome.__dict__.update(checked.__dict__)

    if not outcome.failed and outcome.verdict.notify:
        try:
            gateway.notify(outcome, sender, recipients)
        except Exception as exc:  # noqa: BLE001
            outcome.failure = f"notification to {gateway.settings.notify.address} failed: {exc}"
            outcome.verdict = None

    if outcome.failed:
        if gateway.settings.on_failure == "accept":
            _deliver(stdout, tag_message(raw, [(HEADER, unchecked_value(outcome.failure))]))
            return EX_OK, "accept-unchecked"
        return EX_TEMPFAIL, "tempfail"

    verdict = outcome.verdict
    if verdict.disposition == "reject":
        _say(stderr, f"5.7.1 {verdict.reply}")
        return EX_UNAVAILABLE, "reject"
    headers = list(verdict.headers)
    if verdict.disposition == "hold":
        headers.append((HOLD_HEADER, "yes"))
    _deliver(stdout, raw if verdict.action == "audit" else tag_message(raw, headers))
    return EX_OK, verdict.action
