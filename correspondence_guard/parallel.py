"""The audit at scale: streamed, in parallel across processes, with flat memory.

The reader (this process) walks the paths and cuts them into work units without parsing
anything (see ``units``). Units go to worker processes in small batches through a
**bounded** window: the reader is never more than ``window * batch_size`` units ahead of
the results, so memory stays flat however large the export. Each worker parses, filters
and checks its units and sends back small results (``DocumentResult`` or ``Unreadable``,
plus a de-duplication key). Results are taken in submission order, so the report is in
source order, the same as a serial run.

Every document is read in a worker process, ``workers=1`` included, each worker capped at
``limits.memory_mb`` and watched against ``limits.seconds`` per document
(``audit_workers``): a document that exhausts either is an error entry naming the limit,
its worker is replaced, and the audit goes on. With a ``sink`` each result is handed on
as it arrives and not kept: the report then holds only counts (``--format jsonl``).

Ctrl-C: the first one stops the reader after the batch in hand, keeps every result
already back, and returns the report with ``partial=True``; a second one interrupts at
once. The progress bar (tqdm) goes to standard error, by default only when it is a
terminal.
"""

from __future__ import annotations

import itertools
import os
import signal
import sys
import threading
import time
from typing import Callable, Iterable, Iterator, Mapping

from . import audit_workers
from .dedupe import Deduplicator, StreamingDeduplicator, dedupe_key
from .errors import UsageError
from .filters import AuditFilter
from .limits import applied as limits_applied
from .model import Correspondence, Skipped, Unreadable, internal_error
from .policy import Policy
from .report import AuditReport, DocumentResult
from .units import Unit, UnitStream, check_paths, iter_units

__all__ = ["audit_parallel", "audit_serial", "check_paths", "default_workers", "iter_units", "Unit", "UnitStream"]

DEFAULT_BATCH = 32
DEFAULT_WINDOW_PER_WORKER = 4
Sink = Callable[[DocumentResult | Unreadable | Skipped], None]


# --------------------------------------------------------------------------- worker side


class _State:
    """What each worker keeps between batches: the checker, the filter, open PST files."""

    def __init__(self, policy: Policy, rules: Mapping | None, audit_filter: AuditFilter | None):
        self.filter = audit_filter or AuditFilter()
        self.checker = self.filter.checker(policy, rules)
        self._pst = None

    def pst(self):
        if self._pst is None:
            from .sources.outlook_pst import PstReader

            self._pst = PstReader()
        return self._pst

    def close(self) -> None:
        if self._pst is not None:
            self._pst.close()


def parse_unit(unit: Unit, state: _State) -> list[Correspondence | Unreadable]:
    """The documents one unit holds (one, except for odd files), as ``sources.read`` would give."""
    source, kind, payload = unit
    if kind in ("error", "skip"):
        return [payload]
    if kind == "email":
        from .sources import read_message

        return [read_message(payload, source)]
    if kind == "pst":
        return [state.pst().read(payload, source)]
    from .sources import read_file

    return list(read_file(payload, source))


def process_batch(batch: list[Unit], state: _State) -> list[tuple]:
    """Parse, filter and check each unit: [(kind, result, dedupe key)], kind one of
    doc, error (unreadable or internal error), skipped (a file passed over), filtered."""
    out: list[tuple] = []
    for unit in batch:
        try:
            documents = parse_unit(unit, state)
        except UsageError:
            raise
        except Exception as exc:  # a reader bug must not stop the audit, nor pass for damage
            documents = [internal_error(unit[0], exc, "the reader")]
        for doc in documents:
            if isinstance(doc, Skipped):
                out.append(("skipped", doc, None))
            elif isinstance(doc, Unreadable):
                out.append(("error", doc, None))
            elif not state.filter(doc):
                out.append(("filtered", None, None))
            else:
                result = state.checker.outcome(doc)
                if isinstance(result, Unreadable):
                    out.append(("error", result, None))
                else:
                    out.append(("doc", result, dedupe_key(doc)))
    return out


# --------------------------------------------------------------------------- the audit


def default_workers() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def _batches(units: Iterable[Unit], size: int) -> Iterator[list[Unit]]:
    batch: list[Unit] = []
    for unit in units:
        batch.append(unit)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class _Progress:
    """A tqdm bar on stderr: messages done, msg/s, time left.

    ``enabled``: True shows it only when stderr is a terminal, ``"always"`` shows it anyway,
    False never.
    """

    def __init__(self, enabled, stream: UnitStream | None):
        self.stream = stream
        self.bar = None
        self._last = 0.0
        if self.wanted(enabled):
            from tqdm import tqdm

            self.bar = tqdm(
                total=stream.estimated_total() if stream else None,
                unit="msg",
                file=sys.stderr,
                dynamic_ncols=True,
                smoothing=0.05,
                desc="audit",
                leave=True,
            )

    @staticmethod
    def wanted(enabled) -> bool:
        if enabled == "always":
            return sys.stderr is not None
        return bool(enabled) and sys.stderr is not None and hasattr(sys.stderr, "isatty") and sys.stderr.isatty()

    def update(self, n: int) -> None:
        if self.bar is None:
            return
        now = time.monotonic()
        if self.stream is not None and now - self._last > 0.5:
            self._last = now
            total = self.stream.estimated_total()
            if total is not None and total != self.bar.total:
                self.bar.total = max(total, self.bar.n + n)
        self.bar.update(n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


class _StopOnSigint:
    """While active (main thread only): the first SIGINT asks the audit to stop after the
    batch in hand (``requested``); the handler is then put back, so a second one interrupts."""

    def __init__(self):
        self.requested = False
        self._previous = None

    def __enter__(self) -> "_StopOnSigint":
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handle) or signal.default_int_handler
        return self

    def _handle(self, signum, frame) -> None:
        self.requested = True
        signal.signal(signal.SIGINT, self._previous)

    def __exit__(self, *exc) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)

    def check(self) -> None:
        if self.requested:
            raise KeyboardInterrupt


def audit_parallel(
    paths: Iterable[str] = (),
    policy: Policy | None = None,
    workers: int | None = None,
    rules: Mapping | None = None,
    progress: bool | str = True,
    audit_filter: AuditFilter | None = None,
    dedupe: bool = True,
    *,
    units: Iterable[Unit] | None = None,
    batch_size: int = DEFAULT_BATCH,
    window: int | None = None,
    on_result: Callable[[int], None] | None = None,
    sink: Sink | None = None,
) -> AuditReport:
    """Audit every document under ``paths`` with ``workers`` processes; see the module doc.

    ``units`` replaces the walk of ``paths`` (for tests and other front ends); ``window``
    is the number of batches in flight (default 4 per worker); ``on_result(n)`` is called
    with the number of units finished each time results are taken in. ``sink(item)``
    receives each result (a ``DocumentResult``, a duplicate of an earlier one with
    ``duplicate_of`` set, an ``Unreadable`` or a ``Skipped`` file) in source order; the report then keeps
    only the counts. ``progress``: True (on a terminal), ``"always"`` or False.
    """
    from .policy import load_policy

    policy = policy if policy is not None else load_policy(None)
    workers = default_workers() if workers is None else max(1, int(workers))
    audit_filter = audit_filter or AuditFilter()
    checker = audit_filter.checker(policy, rules)  # fails early on a broken rule set
    report = AuditReport.for_policy(policy)
    report.rules = tuple(spec.id for spec in checker.rules)
    if sink is not None:
        report.streamed = True
        folder = StreamingDeduplicator(report, sink, dedupe)
    else:
        folder = Deduplicator(report) if dedupe else None
    stream = None
    if units is None:
        stream = iter_units(paths, count=_Progress.wanted(progress))
        units = stream
    bar = _Progress(progress, stream)
    window = window or DEFAULT_WINDOW_PER_WORKER * workers

    def take(results: list[tuple], n_units: int) -> None:
        for kind, value, key in results:
            if kind in ("error", "skipped"):
                if sink is not None:
                    folder.error(value)
                else:
                    report.add(value)
            elif kind == "doc":
                if folder is not None:
                    folder.add(value, key)
                else:
                    report.documents.append(value)
        bar.update(n_units)
        if on_result is not None:
            on_result(n_units)

    with _StopOnSigint() as stop, limits_applied(policy.limits):
        try:
            units = iter(units)
            head = list(itertools.islice(units, batch_size + 1))
            workers = workers if len(head) > batch_size else 1  # one batch needs one worker
            audit_workers.run(_batches(itertools.chain(head, units), batch_size), policy, rules, audit_filter,
                              workers, window, take, stop)
        except KeyboardInterrupt:
            report.partial = True
        finally:
            bar.close()
    report.files = stream.files if stream is not None else 0
    return report


def audit_serial(paths: Iterable[str], policy: Policy, rules: Mapping | None = None, audit_filter: AuditFilter | None = None, dedupe: bool = True) -> AuditReport:
    """The reference: ``sources.read`` then the checker, in one process (what tests compare to)."""
    from .sources import read

    audit_filter = audit_filter or AuditFilter()
    checker = audit_filter.checker(policy, rules)
    report = AuditReport.for_policy(policy)
    report.rules = tuple(spec.id for spec in checker.rules)
    folder = Deduplicator(report) if dedupe else None
    for item in read(paths):
        if not isinstance(item, Correspondence):
            report.add(item)
        elif audit_filter(item):
            result = checker.outcome(item)
            if isinstance(result, Unreadable) or folder is None:
                report.add(result)
            else:
                folder.add(result, dedupe_key(item))
    return report
