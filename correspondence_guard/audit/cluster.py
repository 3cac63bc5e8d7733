"""The audit on a Dask cluster: units of work sent out, results folded in here.

``--scheduler tcp://host:8786`` uses a running cluster; ``--scheduler local:N`` starts one
of N single-threaded worker processes on this machine. The policy, rules and filter are
scattered to every worker once; each task is a unit the workers can read from the
shared export folder themselves (an mbox byte range of ``MBOX_RANGE`` messages, or a
run of ``FILES_PER_TASK`` files or PST message references from one folder), so no mail
crosses the network, only the small results. At most ``IN_FLIGHT_PER_WORKER`` tasks per
worker are out at once; results come back as they complete (``as_completed``) and are
taken in source order, so the report, dedupe and progress are those of a local audit.

Limits on a Dask worker: the task never reads a document itself. It splits its unit
into one unit per message and hands them to one watched worker process
(``scheduling.run``, as a local audit does), capped at ``limits.memory_mb`` and killed
past ``limits.seconds`` per document; the Dask worker survives any document. That
process is kept between tasks and started by a fork server (``forkserver``), not forked
from the Dask worker: the cap is on address space, and a Dask worker's threads and
arenas would count against it. A process that is a daemon may not start one, so the
workers must not be daemons: ``local:N`` sets this; a worker started by hand needs
``DASK_DISTRIBUTED__WORKER__DAEMON=False``.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import signal
import threading
from typing import Callable, Iterable, Iterator

from ..errors import UsageError
from ..limits import applied as limits_applied
from .units import Unit, split_range

MBOX_RANGE = 200
FILES_PER_TASK = 32
IN_FLIGHT_PER_WORKER = 3
NOT_A_DAEMON = ("a Dask worker that is a daemon process cannot start the watched process each document is"
                " read in: start the workers with DASK_DISTRIBUTED__WORKER__DAEMON=False")


_PRELOAD = ["correspondence_guard.audit.scheduling", "correspondence_guard.sources.email",
            "correspondence_guard.sources.letters", "correspondence_guard.rules", "correspondence_guard.engine"]
# On a Dask worker: the setup of the audit now served, and its watched process, kept
# between tasks (the setup held, so that it is this very one that a later task matches).
_kept: dict = {"setup": None, "workers": []}
_one_at_a_time = threading.Lock()  # one watched process per Dask worker, --nthreads 1


class _Never:
    def check(self) -> None:
        return None


def check_units(setup: tuple, units: list[Unit]) -> tuple[list[tuple], int]:
    """On a Dask worker: read and check ``units`` in a watched process; (results, messages)."""
    from . import _batches, scheduling

    if multiprocessing.current_process().daemon:
        raise UsageError(NOT_A_DAEMON)
    policy, rules, audit_filter = setup
    with limits_applied(policy.limits):
        messages = [each for unit in units
                    for each in (split_range(unit) if unit[1] == "mbox_range" else (unit,))]
    results: list[tuple] = []
    with _one_at_a_time:
        if _kept["setup"] is not setup:  # a new audit: an earlier one's process is stopped
            multiprocessing.set_forkserver_preload(_PRELOAD)  # each watched process starts warm
            for worker in _kept["workers"]:
                worker.stop()
            _kept.update(setup=setup, workers=[])
        scheduling.run(_batches(messages, 32), policy, rules, audit_filter, 1, 2,
                       lambda taken, _: results.extend(taken), _Never(), _kept["workers"], "forkserver")
    return results, len(messages)


def _tasks(units: Iterable[Unit]) -> Iterator[list[Unit]]:
    """An mbox range is a task of its own; other units go FILES_PER_TASK at a time."""
    run: list[Unit] = []
    for unit in units:
        if unit[1] == "mbox_range":
            if run:
                yield run
                run = []
            yield [unit]
        else:
            run.append(unit)
            if len(run) >= FILES_PER_TASK:
                yield run
                run = []
    if run:
        yield run


def _client(address: str):
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError:
        raise UsageError("--scheduler needs Dask: pip install 'correspondence-guard[dask]'") from None
    if address.startswith("local:"):
        count = address.removeprefix("local:")
        if not count.isdigit() or int(count) < 1:
            raise UsageError(f"--scheduler {address}: say local:N, N the number of worker processes")
        dask.config.set({"distributed.worker.daemon": False})
        with _sigint_ignored():  # Ctrl-C is this process's to handle, not its workers'
            cluster = LocalCluster(n_workers=int(count), threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.ERROR)
        return Client(cluster), cluster
    try:
        return Client(address, timeout=15), None
    except (OSError, TimeoutError, ValueError) as exc:
        raise UsageError(f"cannot reach the Dask scheduler at {address}: {exc}") from None


def _answer(future) -> tuple:
    """A task's results, or one line saying why the cluster could not give them."""
    try:
        return future.result()
    except (UsageError, KeyboardInterrupt):
        raise
    except Exception as exc:  # a worker lost, the scheduler gone: the cluster's fault, not the mail's
        raise UsageError(f"the Dask cluster failed a task: {type(exc).__name__}: {exc}") from None


class _sigint_ignored:
    """SIGINT ignored while worker processes are started here, so they inherit it ignored
    and a Ctrl-C at the terminal (sent to the whole process group) reaches only the audit."""

    def __enter__(self):
        main = threading.current_thread() is threading.main_thread()
        self.previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if main else None

    def __exit__(self, *exc):
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)


def run(address: str, units: Iterable[Unit], setup: tuple, take: Callable[[list, int], None], stop) -> None:
    """Audit ``units`` on the cluster at ``address``; ``take(results, n)`` in source order.

    Raises KeyboardInterrupt (after taking, in order, every task already back) when
    ``stop`` says so; the tasks still out are cancelled.
    """
    from distributed import as_completed

    client, cluster = _client(address)
    try:
        workers = max(1, len(client.scheduler_info()["workers"]))
        (shipped,) = client.scatter([setup], broadcast=True)
        tasks = enumerate(_tasks(units))
        out: dict = {}  # future -> its place in source order
        done: dict[int, tuple] = {}
        following = 0
        running = as_completed()

        def submit(count: int) -> None:
            for index, task in itertools.islice(tasks, count):
                future = client.submit(check_units, shipped, task, pure=False)
                out[future] = index
                running.add(future)

        submit(IN_FLIGHT_PER_WORKER * workers)
        try:
            for future in running:
                stop.check()
                done[out.pop(future)] = _answer(future)
                future.release()
                while following in done:
                    take(*done.pop(following))
                    following += 1
                stop.check()
                submit(1)
        except KeyboardInterrupt:
            client.cancel(list(out))
            raise
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

