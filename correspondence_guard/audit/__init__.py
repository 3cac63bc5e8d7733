"""The audit at scale: one pipeline of units of work, streamed, with flat memory.

The reader (this process) walks the paths and cuts them into units of work without
parsing anything (``units``). A scheduler reads and checks them (``scheduling``): in
worker processes here (``workers``), in this process (``scheduler="here"``, the
reference the tests compare to), or on a Dask cluster (``scheduler="local:N"`` or
``"tcp://host:8786"``, see ``cluster``). Every scheduler sends back small results
(``DocumentResult`` or ``Unreadable``, plus a de-duplication key) in source order, and
they are folded into one report here, de-duplicated (``dedupe``) and filtered
(``filters``) the same way whichever read them.

The reader is never more than ``window * batch_size`` units ahead of the results, so
memory stays flat however large the export. In worker processes each is capped at
``limits.memory_mb`` and watched against ``limits.seconds`` per document: a document
that exhausts either is an error entry naming the limit, its worker is replaced, and the
audit goes on. With a ``sink`` each result is handed on as it arrives and not kept: the
report then holds only counts (``--format jsonl``).

Ctrl-C: the first one stops the reader after the batch in hand, keeps every result
already back, and returns the report with ``partial=True``; a second one interrupts at
once (``progress``).
"""

from __future__ import annotations

import itertools
import os
from typing import Callable, Iterable, Iterator, Mapping

from ..limits import applied as limits_applied
from ..model import Skipped, Unreadable
from ..policy import Policy
from ..report import AuditReport, DocumentResult
from . import scheduling
from .dedupe import Deduplicator, StreamingDeduplicator
from .filters import AuditFilter
from .progress import Progress, StopOnSigint
from .units import Unit, UnitStream, check_paths, iter_units, read, read_unit

__all__ = ["audit", "audit_serial", "check_paths", "default_workers", "iter_units", "read", "read_unit",
           "Unit", "UnitStream"]

DEFAULT_BATCH = 32
DEFAULT_WINDOW_PER_WORKER = 4
Sink = Callable[[DocumentResult | Unreadable | Skipped], None]


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


class _Fold:
    """Results taken in, in source order, into the report (through dedupe, or a sink)."""

    def __init__(self, report: AuditReport, dedupe: bool, sink: Sink | None, bar: Progress, on_result):
        self.report, self.sink, self.bar, self.on_result = report, sink, bar, on_result
        if sink is not None:
            report.streamed = True
            self.folder = StreamingDeduplicator(report, sink, dedupe)
        else:
            self.folder = Deduplicator(report) if dedupe else None

    def __call__(self, results: list[tuple], n_units: int) -> None:
        for kind, value, key in results:
            if kind in ("error", "skipped"):
                if self.sink is not None:
                    self.folder.error(value)
                else:
                    self.report.add(value)
            elif kind == "doc":
                if self.folder is not None:
                    self.folder.add(value, key)
                else:
                    self.report.documents.append(value)
        self.bar.update(n_units)
        if self.on_result is not None:
            self.on_result(n_units)


def audit(
    paths: Iterable[str] = (),
    policy: Policy | None = None,
    workers: int | None = None,
    rules: Mapping | None = None,
    progress: bool | str = True,
    audit_filter: AuditFilter | None = None,
    dedupe: bool = True,
    *,
    scheduler: str | None = None,
    units: Iterable[Unit] | None = None,
    batch_size: int = DEFAULT_BATCH,
    window: int | None = None,
    on_result: Callable[[int], None] | None = None,
    sink: Sink | None = None,
) -> AuditReport:
    """Audit every document under ``paths``; see the module doc.

    ``workers`` processes (default: the cores), or ``scheduler``: ``"here"`` (this
    process) or a Dask address (``"local:N"``, ``"tcp://host:port"``). ``units``
    replaces the walk of ``paths`` (for tests and other front ends); ``window`` is the
    number of batches in flight (default 4 per worker); ``on_result(n)`` is called with
    the number of units finished each time results are taken in. ``sink(item)`` receives
    each result (a ``DocumentResult``, a duplicate of an earlier one with
    ``duplicate_of`` set, an ``Unreadable`` or a ``Skipped`` file) in source order; the
    report then keeps only the counts. ``progress``: True (on a terminal), ``"always"``
    or False.
    """
    from ..policy import load_policy

    policy = policy if policy is not None else load_policy(None)
    workers = default_workers() if workers is None else max(1, int(workers))
    audit_filter = audit_filter or AuditFilter()
    checker = audit_filter.checker(policy, rules)  # fails early on a broken rule set
    report = checker.new_report()
    cluster = scheduler not in (None, "here")
    stream = None
    if units is None:
        from .cluster import MBOX_RANGE

        stream = iter_units(paths, count=Progress.wanted(progress), mbox_range=MBOX_RANGE if cluster else 0)
        units = stream
    bar = Progress(progress, stream)
    take = _Fold(report, dedupe, sink, bar, on_result)
    window = window or DEFAULT_WINDOW_PER_WORKER * workers

    with StopOnSigint() as stop, limits_applied(policy.limits):
        try:
            if cluster:
                from . import cluster as dask_cluster

                dask_cluster.run(scheduler, units, (policy, rules, audit_filter), take, stop)
            elif scheduler == "here":
                work = scheduling.UnitWork(policy, rules, audit_filter)
                try:
                    scheduling.run_here(_batches(units, batch_size), work, take, stop)
                finally:
                    work.close()
            else:
                units = iter(units)
                head = list(itertools.islice(units, batch_size + 1))
                workers = workers if len(head) > batch_size else 1  # one batch needs one worker
                scheduling.run(_batches(itertools.chain(head, units), batch_size), policy, rules, audit_filter,
                               workers, window, take, stop)
        except KeyboardInterrupt:
            report.partial = True
        finally:
            bar.close()
    report.files = stream.files if stream is not None else 0
    return report


def audit_serial(paths: Iterable[str], policy: Policy, rules: Mapping | None = None,
                 audit_filter: AuditFilter | None = None, dedupe: bool = True) -> AuditReport:
    """The same audit in this process, with no worker to watch: what tests compare to."""
    return audit(paths, policy, rules=rules, progress=False, audit_filter=audit_filter, dedupe=dedupe,
                 scheduler="here")
