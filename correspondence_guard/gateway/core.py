"""What the milter and the content filter share: check one message in bounded time and log it.

:class:`Gateway` is built once per process (policy, rules, settings) and is safe to call
from many threads at once (libmilter runs one thread per SMTP connection). ``check``
never raises for a message: an exception in the reader or the rules, an attachment the
reader could not read, a check that runs past ``timeout_seconds`` or a message over
``max_message_bytes`` comes back as an :class:`Outcome` whose ``failure`` says why, and the
caller follows ``on_failure``. A message the checker can never read whole (no header
block, a NUL byte, a limit reached) comes back with a verdict on what was read and
``unchecked`` saying why: it is delivered tagged ``unchecked`` or held
(``on_unreadable``), never tagged clean and never retried for ever.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import IO, Iterable

from ..engine import Checker
from ..errors import UnreadableDocument
from ..limits import applied as limits_applied
from ..limits import is_limit_defect
from ..model import Correspondence, Envelope, Finding
from ..policy import Policy, normalise_address
from ..sources.email import ATTACHMENT_DEFECT
from .notify import send_notification
from .settings import GatewaySettings, read_settings
from .verdict import Verdict, decide, with_unchecked

# Checks that ran past their time limit and are still running (a thread cannot be killed).
# Past this many, new messages fail fast (and follow on_failure) rather than pile up.
MAX_RUNAWAY_CHECKS = 4


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


@dataclass
class _Job:
    raw: bytes
    envelope: Envelope
    source: str
    findings: tuple[Finding, ...] = ()
    message_id: str = ""
    error: BaseException | None = None
    unchecked: str = ""
    reader_failure: str = ""
    done: threading.Event = field(default_factory=threading.Event)


class Gateway:
    """The policy, the rules and the gateway settings, ready to check messages."""

    def __init__(
        self,
        policy: Policy,
        action: str | None = None,
        log: IO[str] | None = None,
        checker: Checker | None = None,
    ):
        self.policy = policy
        self.settings: GatewaySettings = read_settings(policy, action)
        self.checker = checker or Checker(policy)
        self.log_stream = log if log is not None else sys.stderr
        self._log_lock = threading.Lock()
        self._runaway = 0
        self._runaway_lock = threading.Lock()
        from ..sources.email import parse_message  # imported once, here, not per message

        self._parse = parse_message

    def warm_up(self) -> None:
        """Check one small message, so that the first real one does not pay for imports."""
        raw = (
            b"From: a@example.invalid\r\nTo: b@example.invalid\r\nSubject: warm-up\r\n"
            b"Message-ID: <warm-up@example.invalid>\r\n\r\nHello.\r\n\r\nKind regards,\r\nA\r\n"
        )
        try:
            doc = self._parse(raw, "warm-up", Envelope(sender="a@example.invalid", recipients=("b@example.invalid",)))
            self.checker.check(doc)
        except Exception:  # noqa: BLE001 - a failing warm-up shows up again on real mail
            pass

    # -- checking ---------------------------------------------------------------------

    def _run(self, job: _Job) -> None:
        try:
            with limits_applied(self.policy.limits):
                doc = self._parse(job.raw, job.source, job.envelope)
                job.message_id = doc.message_id
                job.findings = self.checker.check(doc)
            job.unchecked, job.reader_failure = incomplete(doc)
        except UnreadableDocument as exc:
            job.unchecked = exc.message
        except BaseException as exc:  # noqa: BLE001 - every failure must reach on_failure
            job.error = exc
        finally:
            job.done.set()
            with self._runaway_lock:
                if getattr(job, "abandoned", False):
                    self._runaway -= 1

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
        with self._runaway_lock:
            if self._runaway >= MAX_RUNAWAY_CHECKS:
                return Outcome(failure=f"{self._runaway} earlier checks are still running past the time limit")
        job = _Job(raw=raw, envelope=envelope, source=source)
        worker = threading.Thread(target=self._run, args=(job,), name="correspondence-guard-check", daemon=True)
        worker.start()
        if not job.done.wait(self.settings.timeout_seconds):
            with self._runaway_lock:
                if not job.done.is_set():
                    job.abandoned = True  # type: ignore[attr-defined]
                    self._runaway += 1
            if not job.done.is_set():
                return Outcome(failure=f"the check took longer than {self.settings.timeout_seconds:g} s")
        if job.error is not None:
            exc = job.error
            return Outcome(failure=f"{type(exc).__name__}: {exc}".strip(), message_id=job.message_id)
        if job.reader_failure:
            return Outcome(failure=job.reader_failure, message_id=job.message_id)
        verdict = decide(job.findings, self.settings)
        if job.unchecked:
            verdict = with_unchecked(verdict, job.unchecked, self.settings)
        return Outcome(verdict=verdict, message_id=job.message_id, unchecked=job.unchecked)

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


def incomplete(doc: Correspondence) -> tuple[str, str]:
    """(why the message was not read whole, which attachment the reader failed on).

    A limit reached is for good: checking again would stop at the same place. An
    attachment the reader failed on is a reader failure, which follows ``on_failure``.
    """
    defects = [d for _, _, part in doc.walk() for d in part.defects]
    limited = next((d for d in defects if is_limit_defect(d)), "")
    failed = next((d for d in defects if d.startswith(ATTACHMENT_DEFECT) and not is_limit_defect(d)), "")
    return limited, failed


def load_gateway(policy_path: str | None, action: str | None, log_path: str | None) -> Gateway:
    """Build the gateway for a command: the policy file, ``--action`` and ``--log``."""
    from ..policy import load_policy

    policy = load_policy(policy_path)
    log = open(log_path, "a", encoding="utf-8", buffering=1) if log_path else None
    return Gateway(policy, action=action, log=log)
