"""The audit at scale: streamed, in parallel across processes, with flat memory.

One reader (this process) walks the paths and cuts them into *work units* without parsing
anything: one unit per file, per message of an mbox (its raw bytes), per message of a
PST (a reference: file, folder, index). Units go to a pool of worker processes in small
batches through a **bounded** window: the reader is never more than
``window * batch_size`` units ahead of the results, so memory stays flat however large
the export. Each worker parses, filters and checks its units and sends back small
results (``DocumentResult`` or ``Unreadable``, plus a de-duplication key). Results are
taken in submission order, so the report is in source order, the same as a serial run.

``workers=1`` runs everything in this process (no pool, same code path for each unit).
Ctrl-C stops the reader, keeps every result already back, and returns the report with
``partial=True``. The progress bar (tqdm) goes to standard error only when it is a
terminal.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.reduction import ForkingPickler
from types import MappingProxyType
from typing import Any, Callable, Iterable, Iterator, Mapping

from .dedupe import Deduplicator, dedupe_key
from .errors import UnreadableDocument, UsageError
from .filters import AuditFilter
from .model import Correspondence, Unreadable
from .policy import Policy
from .report import AuditReport, DocumentResult

# A unit of work: (source, kind, payload). kind is one of
#   "file"   payload = path of a file holding one document (eml, letter, .msg, ...)
#   "email"  payload = raw bytes of one RFC 822 message (from an mbox)
#   "pst"    payload = outlook.PstRef
#   "error"  payload = Unreadable (found while walking: passes straight through)
Unit = tuple[str, str, Any]

DEFAULT_BATCH = 32


def _mappingproxy(data: dict) -> MappingProxyType:
    return MappingProxyType(data)


def _reduce_mappingproxy(proxy):
    return _mappingproxy, (dict(proxy),)


# A Policy keeps its mappings read-only (MappingProxyType), which pickle refuses; workers get
# a copy through multiprocessing's own pickler (this registration touches nothing else).
ForkingPickler.register(MappingProxyType, _reduce_mappingproxy)
DEFAULT_WINDOW_PER_WORKER = 4


# --------------------------------------------------------------------------- units


class UnitStream:
    """The work units under some paths, with what is known of the total as they are read.

    Nothing is kept per file: the walk is repeated lazily. With ``count=True`` a first,
    cheap pass (names and 8 KB heads) counts the files and the bytes of mbox files, so a
    progress bar can show the time left from the start; mbox messages are then estimated
    from the bytes read so far, PST messages are added as their folders are walked.
    """

    def __init__(self, paths: Iterable[str], count: bool = False):
        self.paths = list(paths)
        for path in self.paths:
            if not os.path.exists(path):
                raise UsageError(f"no such file or directory: {path}")
        self.known = 0
        self.mbox_bytes_total = 0
        self.mbox_bytes_read = 0
        self.mbox_units = 0
        self.counted = count
        if count:
            for path in self.paths:
                for file_path, _ in _files(path):
                    kind = _sniff_file(file_path)
                    if kind == "mbox":
                        try:
                            self.mbox_bytes_total += os.path.getsize(file_path)
                        except OSError:
                            pass
                    elif kind != "pst":
                        self.known += 1

    def estimated_total(self) -> int | None:
        if not self.counted or (self.mbox_bytes_total and not self.mbox_bytes_read):
            return None
        estimate = self.known
        if self.mbox_bytes_total:
            estimate += round(self.mbox_units * self.mbox_bytes_total / max(self.mbox_bytes_read, 1))
        return estimate

    def __iter__(self) -> Iterator[Unit]:
        for path in self.paths:
            for file_path, source in _files(path):
                kind = _sniff_file(file_path)
                if kind == "mbox":
                    yield from self._mbox(file_path, source)
                elif kind == "pst":
                    yield from self._pst(file_path, source, named=file_path == path)
                else:
                    yield (source, "file", file_path)

    def _mbox(self, path: str, source: str) -> Iterator[Unit]:
        from .sources import _mbox_messages

        count = 0
        for lines in _mbox_messages(path):
            count += 1
            data = b"".join(lines)
            self.mbox_bytes_read += len(data) + 64
            self.mbox_units += 1
            yield (f"{source}#{count}", "email", data)
        if count == 0:
            yield (source, "error", Unreadable(source, "mbox file with no messages"))

    def _pst(self, path: str, source: str, named: bool) -> Iterator[Unit]:
        """A PST's messages as references. A PST named on the command line that cannot be
        opened at all raises UsageError (exit status 2); one found inside a folder is
        listed as unreadable and the audit goes on."""
        from .sources.outlook import iter_pst_refs

        refs = []
        try:
            walk = iter_pst_refs(path, source)
            first = next(walk, None)
        except UsageError as exc:
            if named:
                raise
            yield (source, "error", Unreadable(source, exc.message.removeprefix(f"{path}: ")))
            return
        for item in itertools.chain([first] if first is not None else [], walk):
            if isinstance(item, Unreadable):
                yield (item.source, "error", item)
            else:
                if self.counted:
                    self.known += 1
                refs.append(item)
                if len(refs) >= 256:  # folder by folder, a bounded slice at a time
                    yield from ((s, "pst", r) for s, r in refs)
                    refs.clear()
        yield from ((s, "pst", r) for s, r in refs)


def _files(path: str) -> Iterator[tuple[str, str]]:
    """(file path, source) under a path, in the order ``sources.read`` reads them.

    Mirrors ``sources._read_dir`` (Maildir cur/ then new/, else a sorted recursive walk);
    see the report to the lead: the sources module should expose this walk.
    """
    from .sources import _SKIPPED_SUFFIXES

    if not os.path.isdir(path):
        yield path, path
        return
    if os.path.isdir(os.path.join(path, "cur")) and os.path.isdir(os.path.join(path, "new")):
        for sub in ("cur", "new"):
            folder = os.path.join(path, sub)
            for name in sorted(os.listdir(folder)):
                if not name.startswith(".") and os.path.isfile(os.path.join(folder, name)):
                    yield os.path.join(folder, name), os.path.join(path, sub, name)
        return
    for folder, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or name.lower().endswith(_SKIPPED_SUFFIXES):
                continue
            yield os.path.join(folder, name), os.path.join(folder, name)


def _sniff_file(path: str) -> str:
    """The sources module's sniff of a file's head; unreadable files go to the worker as files."""
    from .sources import sniff

    try:
        with open(path, "rb") as handle:
            head = handle.read(8192)
        return sniff(head)
    except Exception:
        return "file"  # read_file reports it with the same reason a serial run gives


def iter_units(paths: Iterable[str], count: bool = False) -> UnitStream:
    """The work units under ``paths`` (raises UsageError for a path that does not exist)."""
    return UnitStream(paths, count=count)


# --------------------------------------------------------------------------- worker side


class _State:
    """What each worker keeps between batches: the checker, the filter, open PST files."""

    def __init__(self, policy: Policy, rules: Mapping | None, audit_filter: AuditFilter | None):
        self.filter = audit_filter or AuditFilter()
        self.checker = self.filter.checker(policy, rules)
        self._pst = None

    def pst(self):
        if self._pst is None:
            from .sources.outlook import PstReader

            self._pst = PstReader()
        return self._pst


_STATE: _State | None = None


def _init_worker(policy: Policy, rules: Mapping | None, audit_filter: AuditFilter | None) -> None:
    global _STATE
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _STATE = _State(policy, rules, audit_filter)


def _run_batch(batch: list[Unit]) -> list[tuple]:
    assert _STATE is not None, "worker not initialised"
    return process_batch(batch, _STATE)


def parse_unit(unit: Unit, state: _State) -> list[Correspondence | Unreadable]:
    """The documents one unit holds (one, except for odd files), as ``sources.read`` would give."""
    source, kind, payload = unit
    if kind == "error":
        return [payload]
    if kind == "email":
        from .sources import _reason
        from .sources.email import parse_message

        try:
            return [parse_message(payload, source)]
        except UnreadableDocument as exc:
            return [Unreadable(source, exc.message)]
        except Exception as exc:
            return [Unreadable(source, _reason(exc))]
    if kind == "pst":
        return [state.pst().read(payload, source)]
    from .sources import read_file

    return list(read_file(payload, source))


def process_batch(batch: list[Unit], state: _State) -> list[tuple]:
    """Parse, filter and check each unit: [(kind, result, dedupe key)] with kind doc/error/skip."""
    out: list[tuple] = []
    for unit in batch:
        try:
            documents = parse_unit(unit, state)
        except UsageError:
            raise
        except Exception as exc:  # a reader bug must not stop the audit
            documents = [Unreadable(unit[0], f"{type(exc).__name__}: {str(exc)[:150]}")]
        for doc in documents:
            if isinstance(doc, Unreadable):
                out.append(("error", doc, None))
                continue
            if not state.filter(doc):
                out.append(("skip", None, None))
                continue
            try:
                result = state.checker.result(doc)
            except Exception as exc:
                out.append(("error", Unreadable(doc.source, f"check failed: {type(exc).__name__}: {str(exc)[:150]}"), None))
                continue
            out.append(("doc", result, dedupe_key(doc)))
    return out


# --------------------------------------------------------------------------- the audit


def default_workers() -> int:
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
    """A tqdm bar on stderr (only on a terminal): messages done, msg/s, time left."""

    def __init__(self, enabled: bool, stream: UnitStream | None):
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
    def wanted(enabled: bool) -> bool:
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


def audit_parallel(
    paths: Iterable[str] = (),
    policy: Policy | None = None,
    workers: int | None = None,
    rules: Mapping | None = None,
    progress: bool = True,
    audit_filter: AuditFilter | None = None,
    dedupe: bool = True,
    *,
    units: Iterable[Unit] | None = None,
    batch_size: int = DEFAULT_BATCH,
    window: int | None = None,
    on_result: Callable[[int], None] | None = None,
) -> AuditReport:
    """Audit every document under ``paths`` with ``workers`` processes; see the module doc.

    ``units`` replaces the walk of ``paths`` (for tests and other front ends); ``window``
    is the number of batches in flight (default 4 per worker); ``on_result(n)`` is called
    with the number of units finished each time results are taken in.
    """
    from .policy import load_policy

    policy = policy if policy is not None else load_policy(None)
    workers = default_workers() if workers is None else max(1, int(workers))
    audit_filter = audit_filter or AuditFilter()
    checker = audit_filter.checker(policy, rules)  # fails early on a broken rule set
    report = AuditReport.for_policy(policy)
    report.rules = tuple(spec.id for spec in checker.rules)
    folder = Deduplicator(report) if dedupe else None
    stream = None
    if units is None:
        stream = iter_units(paths, count=_Progress.wanted(progress))
        units = stream
    bar = _Progress(progress, stream)
    window = window or DEFAULT_WINDOW_PER_WORKER * workers

    def take(results: list[tuple], n_units: int) -> None:
        for kind, value, key in results:
            if kind == "error":
                report.errors.append(value)
            elif kind == "doc":
                if folder is not None:
                    folder.add(value, key)
                else:
                    report.documents.append(value)
        bar.update(n_units)
        if on_result is not None:
            on_result(n_units)

    try:
        if workers == 1:
            state = _State(policy, rules, audit_filter)
            try:
                for batch in _batches(units, batch_size):
                    take(process_batch(batch, state), len(batch))
            except KeyboardInterrupt:
                report.partial = True
            finally:
                if state._pst is not None:
                    state._pst.close()
        else:
            _audit_pool(units, policy, rules, audit_filter, workers, batch_size, window, take, report)
    finally:
        bar.close()
    return report


def _audit_pool(units, policy, rules, audit_filter, workers, batch_size, window, take, report) -> None:
    context = multiprocessing.get_context("spawn")
    executor = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_init_worker,
        initargs=(policy, rules, audit_filter),
    )
    pending: deque = deque()
    interrupted = False
    try:
        for batch in _batches(units, batch_size):
            pending.append((executor.submit(_run_batch, batch), len(batch)))
            while len(pending) >= window:
                future, n = pending.popleft()
                take(future.result(), n)
        while pending:
            future, n = pending.popleft()
            take(future.result(), n)
    except KeyboardInterrupt:
        interrupted = True
        report.partial = True
        # keep, in order, every batch that is already back; drop the rest
        while pending and pending[0][0].done() and not pending[0][0].cancelled():
            future, n = pending.popleft()
            try:
                take(future.result(timeout=0), n)
            except BaseException:
                break
    finally:
        if interrupted or pending:
            for future, _ in pending:
                future.cancel()
            processes = list(getattr(executor, "_processes", {}).values())
            executor.shutdown(wait=False, cancel_futures=True)
            for process in processes:
                if process.is_alive():
                    process.terminate()
            for process in processes:
                process.join(timeout=5)
        else:
            executor.shutdown(wait=True)


def audit_serial(paths: Iterable[str], policy: Policy, rules: Mapping | None = None, audit_filter: AuditFilter | None = None, dedupe: bool = True) -> AuditReport:
    """The reference: ``sources.read`` then the checker, in one process (what tests compare to)."""
    from .sources import read

    audit_filter = audit_filter or AuditFilter()
    checker = audit_filter.checker(policy, rules)
    report = AuditReport.for_policy(policy)
    report.rules = tuple(spec.id for spec in checker.rules)
    folder = Deduplicator(report) if dedupe else None
    for item in read(paths):
        if isinstance(item, Unreadable):
            report.errors.append(item)
        elif audit_filter(item):
            result = checker.result(item)
            if folder is not None:
                folder.add(result, dedupe_key(item))
            else:
                report.documents.append(result)
    return report
