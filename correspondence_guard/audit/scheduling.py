"""Where the units are read and checked: here, or in watched worker processes.

:class:`UnitWork` is the work on one unit, the same in every scheduler (this process,
:func:`run` here, a Dask worker in ``cluster``): read it, filter, check, key for dedupe.

Worker processes are watched one unit at a time (see ``isolation``). Batches of units go to workers through a bounded window, as before; a worker sends back
each unit's results as soon as it has them, so its parent knows which unit it holds and
since when. A worker still on one unit after ``limits.seconds`` is killed; one that died
(its pipe closed) or ran out of ``limits.memory_mb`` is replaced. The unit it held becomes
an error entry naming the limit, and the rest of its batch goes to the replacement, so
one hostile document costs one entry and never the audit. Results are taken in
submission order, so the report is in source order.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import time
from collections import deque
from typing import Callable, Iterator

from ..errors import UsageError
from ..isolation import Worker, memory_defect, time_defect
from ..limits import limit_defect
from ..model import Skipped, Unreadable, internal_error
from .dedupe import dedupe_key
from .filters import AuditFilter
from .units import PstFiles, Unit, read_unit


class UnitWork:
    """The checker, the filter and the open PST files a worker keeps between units."""

    def __init__(self, policy, rules, audit_filter: AuditFilter | None):
        self.filter = audit_filter or AuditFilter()
        self.checker = self.filter.checker(policy, rules)
        self.pst = PstFiles()

    def __call__(self, unit: Unit) -> list[tuple]:
        """Read, filter and check one unit: [(kind, result, dedupe key)], kind one of
        doc, error (unreadable or internal error), skipped (a file passed over), filtered."""
        try:
            documents = read_unit(unit, self.pst, self.checker.could_fire)
        except UsageError:
            raise
        except Exception as exc:  # a reader bug must not stop the audit, nor pass for damage
            documents = [internal_error(unit[0], exc, "the reader")]
        out: list[tuple] = []
        for doc in documents:
            if isinstance(doc, Skipped):
                out.append(("skipped", doc, None))
            elif isinstance(doc, Unreadable):
                out.append(("error", doc, None))
            elif not self.filter(doc):
                out.append(("filtered", None, None))
            else:
                result = self.checker.outcome(doc)
                if isinstance(result, Unreadable):
                    out.append(("error", result, None))
                else:
                    out.append(("doc", result, dedupe_key(doc)))
        return out

    def close(self) -> None:
        self.pst.close()


def run_here(batches: Iterator[list], work: UnitWork, take: Callable[[list, int], None], stop) -> None:
    """Every unit in this process, no limit watched (the reference the tests compare to)."""
    for batch in batches:
        take([result for unit in batch for result in work(unit)], len(batch))
        stop.check()


def _setup(policy, rules, audit_filter):
    """In the worker: its unit work (checker, filter, open PST files) and the batch handler."""
    work = UnitWork(policy, rules, audit_filter)

    def handle(batch, conn) -> None:
        for unit in batch:
            try:
                results = work(unit)
            except UsageError as exc:
                conn.send(("usage", exc.message, False))
                return None
            ran_out = [i for i, (kind, value, _) in enumerate(results) if kind == "error" and value.out_of_memory]
            for i in ran_out:
                results[i] = ("error", Unreadable(results[i][1].source, memory_defect(policy.limits)), None)
            conn.send(("unit", results, False))
            if ran_out:
                raise MemoryError  # the worker is retired and the batch goes on elsewhere
        return None

    return handle


class _Batch:
    def __init__(self, units: list):
        self.units = units
        self.results: list[list[tuple]] = []
        self.worker: Worker | None = None

    @property
    def done(self) -> bool:
        return len(self.results) >= len(self.units)

    def rest(self) -> list:
        return self.units[len(self.results):]

    def fail_current(self, reason: str) -> None:
        source = self.units[len(self.results)][0]
        self.results.append([("error", Unreadable(source, reason), None)])


def run(batches: Iterator[list], policy, rules, audit_filter, workers: int, window: int,
        take: Callable[[list, int], None], stop, kept: list[Worker] | None = None, start: str = "fork") -> None:
    """Audit ``batches`` with ``workers`` watched processes; ``take(results, n)`` in order.

    ``kept``: workers to start from, and where the idle ones are left at the end for the
    next call (a Dask worker keeps its watched process between tasks); by default every
    worker is stopped at the end. ``start``: how a worker process is started (fork, or
    forkserver from a process with threads and a large address space).

    Raises KeyboardInterrupt after taking, in order, every batch already back.
    """
    limits = policy.limits
    # Forked, not spawned: a worker starts in milliseconds with the readers already
    # imported, and takes the rules as they are (plug-ins, or stand-ins in tests) unpickled.
    context = multiprocessing.get_context(start)

    def make() -> Worker:
        return Worker(context, _setup, (policy, rules, audit_filter), limits)

    idle = kept if kept is not None else []
    idle.extend(make() for _ in range(workers - len(idle)))
    busy: dict = {}
    pending: deque[_Batch] = deque()
    exhausted = False

    def lose(worker: Worker, batch: _Batch, reason: str) -> None:
        del busy[worker.conn]
        worker.stop()
        if not batch.done:
            batch.fail_current(reason)
        batch.worker = None
        idle.append(make())

    def take_done() -> None:
        while pending and pending[0].done:
            batch = pending.popleft()
            take([result for unit in batch.results for result in unit], len(batch.units))
            stop.check()

    try:
        while True:
            stop.check()
            while not exhausted and len(pending) < window:
                units = next(batches, None)
                if units is None:
                    exhausted = True
                else:
                    pending.append(_Batch(units))
            for batch in pending:
                if not idle:
                    break
                if batch.worker is None and not batch.done:
                    worker = batch.worker = idle.pop()
                    busy[worker.conn] = (worker, batch)
                    try:
                        worker.send(batch.rest(), limits.seconds)
                    except (EOFError, OSError, TimeoutError):
                        lose(worker, batch, "the worker reading it could not start")
            take_done()
            if exhausted and not pending and not busy:  # a batch's last answer back: its worker is kept
                return
            if not busy:
                continue
            wait = max(0.0, min(w.deadline for w, _ in busy.values()) - time.monotonic())
            for conn in multiprocessing.connection.wait(list(busy), wait):
                worker, batch = busy[conn]
                try:
                    kind, value, retire = conn.recv()
                except (EOFError, OSError):
                    lose(worker, batch, limit_defect("memory_mb", limits.memory_mb,
                                                     "the worker reading it died (out of memory or killed)"))
                    continue
                if kind == "unit":
                    batch.results.append(value)
                    worker.deadline = time.monotonic() + limits.seconds
                    continue
                if kind == "usage":
                    raise UsageError(value)
                del busy[conn]
                batch.worker = None
                if kind == "error" and not batch.done:
                    batch.fail_current(value)
                if retire or kind == "memory":
                    worker.stop()
                    idle.append(make())
                else:
                    idle.append(worker)
            now = time.monotonic()
            for worker, batch in [pair for pair in busy.values() if pair[0].deadline <= now]:
                lose(worker, batch, time_defect(limits.seconds))
    except KeyboardInterrupt:
        while pending and pending[0].done:
            batch = pending.popleft()
            take([result for unit in batch.results for result in unit], len(batch.units))
        raise
    finally:
        for worker in (idle if kept is None else []) + [w for w, _ in busy.values()]:
            worker.stop()
