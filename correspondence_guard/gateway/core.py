"""What the milter and the content filter share: check one message in bounded time and log it.

:class:`Gateway` is built once per process (policy, rules, settings) and is safe to call
from many threads at once (libmilter runs one thread per SMTP connection). Each message
is read and checked in a worker process (``isolation``) capped at ``limits.memory_mb``
and stopped at ``timeout_seconds``: a killed or lost worker is replaced, and nothing it
did stays in the gateway. The worker reads the message as the audit and ``check`` do, as
a unit of work (``audit.units.read_unit``) that carries the SMTP envelope. ``check``
never raises for a message: an exception in the reader or the rules, an attachment the
reader failed on, a worker stopped at a limit or a message over ``max_message_bytes``
comes back as an :class:`Outcome` whose ``failure`` says why, and the caller follows
``on_failure``. A message the checker can never read whole (no header block, a NUL byte,
a limit reached, an attachment that is not what it says) comes back with a verdict on
what was read and ``unchecked`` saying why: it is delivered tagged ``unchecked`` or held
(``on_unreadable``), never tagged clean and never retried for ever.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from dataclasses import dataclass
from typing import IO, Iterable

from ..audit.units import ReaderFault, read_one
from ..engine import Checker
from ..errors import UnreadableDocument
from ..isolation import WorkerLost, WorkerPool
from ..limits import is_limit_defect
from ..model import Correspondence, Envelope
from ..policy import Policy, normalise_address
from ..sources.email import ATTACHMENT_DEFECT, READER_FAILED
from .notify import send_notification
from .settings import GatewaySettings, read_settings
from .verdict import Verdict, decide, override_value, with_unchecked

_WARM_UP = (
    b"From: a@example.invalid\r\nTo: b@example.invalid\r\nSubject: warm-up\r\n"
    b"Message-ID: <warm-up@example.invalid>\r\n\r\nHello.\r\n\r\nKind regards,\r\nA\r\n"
)
_WARM_UP_ENVELOPE = Envelope(sender="a@example.invalid", recipients=("b@example.invalid",))


@dataclass
class Outcome:
    """The result of checking one message: a verdict, or the failure that stopped the check."""

    verdict: Verdict | None = None
    failure: str = ""
    unchecked: str = ""
    elapsed_ms: float = 0.0
    message_id: str = ""
    notify_error: str = ""

    @property
    def failed(self) -> bool:
        return self.verdict is None


def _worker_setup(policy: Policy, warm: bool = True):
    """In the worker: the checker and the reader (warmed up when the worker will serve many
    messages, so the first does not pay for the imports); returns the task handler, which
    answers (message id, findings, why unchecked, why the check failed).

    Bytes that are not an email are so for good: delivered ``unchecked`` (or held), never
    retried. A reader that raised is a fault of the checker, not of the mail: a failure,
    following ``on_failure`` (by default the mail server keeps the message and tries
    again), never "unreadable". Running out of memory retires the worker, and the failure
    names the limit.
    """
    checker = Checker(policy)

    def handle(task: tuple[bytes, Envelope, str], conn=None) -> tuple:
        raw, envelope, source = task
        try:
            doc = read_one(source, raw, envelope, checker.could_fire)
        except UnreadableDocument as exc:
            return "", (), exc.message, ""
        except ReaderFault as fault:
            return "", (), "", fault.entry.error
        findings = checker.check(doc)
        return (doc.message_id, findings, *incomplete(doc))

    try:
        if warm:
            handle((_WARM_UP, _WARM_UP_ENVELOPE, "warm-up"))
    except Exception:  # noqa: BLE001 - a failing warm-up shows up again on real mail
        pass
    return handle


def incomplete(doc: Correspondence) -> tuple[str, str]:
    """(why the message was not read whole, which attachment the reader failed on).

    A limit reached, or an attachment that is not what it says (a corrupt PDF), is for
    good: checking again would stop at the same place, so the message is delivered
    tagged ``unchecked`` (or held). A reader that raised on an attachment is a reader
    failure, which follows ``on_failure``.
    """
    defects = [d for _, _, part in doc.walk() for d in part.defects]
    unread = [d for d in defects if is_limit_defect(d) or d.startswith(ATTACHMENT_DEFECT)]
    failed = next((d for d in unread if READER_FAILED in d and not is_limit_defect(d)), "")
    return next((d for d in unread if d != failed), ""), failed


class Gateway:
    """The policy, the rules and the gateway settings, ready to check messages.

    ``workers`` processes check messages (one per message at a time); ``context`` is
    ``spawn`` for the milter (a process with threads) or ``fork`` for the one-shot filter.
    """

    def __init__(
        self,
        policy: Policy,
        action: str | None = None,
        log: IO[str] | None = None,
        workers: int = 1,
        context: str = "spawn",
    ):
        self.policy = policy
        self.settings: GatewaySettings = read_settings(policy, action)
        Checker(policy)  # a broken rule set fails here, at start-up, not on a message
        self.log_stream = log if log is not None else sys.stderr
        self._log_lock = threading.Lock()
        self.pool = WorkerPool(workers, _worker_setup, (policy, context == "spawn"), policy.limits, context)

    def warm_up(self) -> None:
        """Wait until a worker has started and checked one small message."""
        self.check(_WARM_UP, _WARM_UP_ENVELOPE.sender, _WARM_UP_ENVELOPE.recipients, source="warm-up")

    def close(self) -> None:
        self.pool.close()

    # -- checking ---------------------------------------------------------------------

    def check(self, raw: bytes, sender: str, recipients: Iterable[str], source: str = "gateway") -> Outcome:
        """Check one message as received with its envelope; never raises for the message."""
        started = time.perf_counter()
        recipients = tuple(normalise_address(r) for r in recipients if normalise_address(r))
        envelope = Envelope(sender=normalise_address(sender), recipients=recipients)
        outcome = self._check(raw, envelope, source)
        outcome.elapsed_ms = (time.perf_counter() - started) * 1000
        return outcome

    def _check(self, raw: bytes, envelope: Envelope, source: str) -> Outcome:
        limit = self.settings.max_message_bytes
        if len(raw) > limit:
            return Outcome(failure=f"message of {len(raw)} bytes is over the limit of {limit} bytes")
        try:
            message_id, findings, unchecked, reader_failure = self.pool.run(
                (raw, envelope, source), self.settings.timeout_seconds
            )
        except WorkerLost as exc:
            return Outcome(failure=str(exc))
        if reader_failure:
            return Outcome(failure=reader_failure, message_id=message_id)
        verdict = decide(findings, self.settings)
        if unchecked:
            verdict = with_unchecked(verdict, unchecked, self.settings)
        return Outcome(verdict=verdict, message_id=message_id, unchecked=unchecked)

    # -- notification -----------------------------------------------------------------

    def notify(self, outcome: Outcome, sender: str, recipients: Iterable[str], queue_id: str = "") -> None:
        """Tell the compliance address about the findings (raises OSError/SMTPException)."""
        assert outcome.verdict is not None
        send_notification(
            self.settings.notify,
            outcome.verdict,
            sender=sender,
            recipients=tuple(recipients),
            message_id=outcome.message_id,
            queue_id=queue_id,
            council=self.policy.register.council,
        )

    # -- logging ----------------------------------------------------------------------

    def log(
        self,
        outcome: Outcome,
        *,
        queue_id: str,
        sender: str,
        recipients: Iterable[str],
        action: str,
        message_id: str = "",
    ) -> None:
        """Write one JSON line for the message."""
        verdict = outcome.verdict
        record = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "queue_id": queue_id,
            "message_id": outcome.message_id or message_id,
            "sender": normalise_address(sender),
            "recipients": len(tuple(recipients)),
            "findings": [
                {"rule": f.rule, "severity": f.severity, "parties": list(f.parties)}
                for f in (verdict.findings if verdict else ())
            ],
            "action": action,
            "elapsed_ms": round(outcome.elapsed_ms, 2),
        }
        if verdict and any(f.override for f in verdict.findings):
            record["override"] = override_value(verdict.findings)
        if outcome.failure:
            record["error"] = outcome.failure
        if outcome.unchecked:
            record["unchecked"] = outcome.unchecked
        if outcome.notify_error:
            record["notify_error"] = outcome.notify_error
        line = json.dumps(record, ensure_ascii=False)
        with self._log_lock:
            try:
                self.log_stream.write(line + "\n")
                self.log_stream.flush()
            except Exception:  # noqa: BLE001 - a log that cannot be written changes no verdict
                pass


def load_gateway(policy_path: str | None, action: str | None, log_path: str | None, workers: int = 1,
                 context: str = "spawn") -> Gateway:
    """Build the gateway for a command: the policy file, ``--action`` and ``--log``."""
    from ..policy import load_policy

    policy = load_policy(policy_path)
    log = open(log_path, "a", encoding="utf-8", buffering=1) if log_path else None
    return Gateway(policy, action=action, log=log, workers=workers, context=context)
