"""Reading and checking in child processes that can be killed.

A thread that runs past its time cannot be stopped, and one that allocates a gigabyte
keeps it: the milter once held 1.1 GB after one bomb. So documents are read and checked
in worker processes, each started with a memory cap (``setrlimit(RLIMIT_AS)``, from
``limits.memory_mb``) and watched by its parent against a wall clock (``limits.seconds``).
A worker past its time is killed; one that ran out of memory reports it and is retired;
one that died is noticed when its pipe closes. Each is replaced by a fresh worker, and
the task it held comes back as :class:`WorkerLost` naming the limit. No thread is ever
left running.

:class:`Worker` is one child and its pipe; :class:`WorkerPool` lends workers to any
number of threads (the milter) and replaces those it loses. The audit drives its
workers itself (``audit.scheduling``), with the same :class:`Worker`.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import resource
import signal
import threading
import time
from typing import Any, Callable

from .limits import Limits, limit_defect

MB = 1024 * 1024
# How long a new worker may take to start (import the readers) before its first task.
STARTUP_SECONDS = 60
# A worker whose resident memory grew past this many times its size after start-up is
# retired after its task (a parser's high-water mark stays in the process otherwise).
_GROWTH = 3


class WorkerLost(Exception):
    """The worker holding a task was stopped at a limit or died; the message names which."""


def memory_defect(limits: Limits) -> str:
    return limit_defect("memory_mb", limits.memory_mb, "reading it ran out of the worker's memory; the worker was replaced")


def time_defect(seconds: float) -> str:
    return limit_defect("seconds", float(seconds), f"reading and checking it took longer than {seconds:g} s; the worker was stopped")


def _statm(field: int) -> int:
    """A field of /proc/self/statm in bytes (0: the address space, 1: the resident set)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[field]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _rss() -> int:
    return _statm(1)


def _serve(conn, setup: Callable, setup_args: tuple, limits: Limits) -> None:
    """The worker's life: cap its memory, build its handler, then answer tasks until EOF.

    It says ``("ready", None, False)`` once set up (a spawned worker takes a second or two
    to import the readers, which is not the task's time). Each answer is
    ``(kind, value, retire)``: kind ``ok`` (value is the handler's result),
    ``memory`` (the cap was reached) or ``error`` (the handler raised; value is the reason).
    ``retire`` asks the parent to replace this worker after the task.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    # The cap is what the worker may add to the address space it starts with: a forked
    # worker starts with its parent's (a large process's children would otherwise run out
    # before reading anything), a spawned one with the interpreter's.
    cap = _statm(0) + limits.memory_mb * MB
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    from .limits import use

    use(limits)
    handler = setup(*setup_args)
    baseline = _rss()
    conn.send(("ready", None, False))  # the parent starts a task's clock from here
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        try:
            answer: tuple = ("ok", handler(task, conn))
        except MemoryError:
            answer = ("memory", "")
        except BaseException as exc:  # noqa: BLE001 - the parent decides what a failure means
            answer = ("error", f"{type(exc).__name__}: {exc}")
        retire = answer[0] == "memory" or (baseline and _rss() > _GROWTH * baseline)
        try:
            conn.send((*answer, retire))
        except MemoryError:
            conn.send(("memory", "", True))
        if retire:
            return


class Worker:
    """One child process and the pipe to it. ``setup(*setup_args)`` runs in the child and
    returns the handler: ``handler(task, conn)`` gives the answer to ``task`` (and may send
    progress messages of its own on ``conn`` first)."""

    def __init__(self, context, setup: Callable, setup_args: tuple, limits: Limits):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, setup, setup_args, limits), daemon=True)
        self.process.start()
        child.close()
        self.deadline = 0.0
        self.ready = False

    def send(self, task: Any, seconds: float, startup: float = STARTUP_SECONDS) -> None:
        """Send ``task`` once the worker is set up (waiting up to ``startup`` seconds for it)."""
        if not self.ready:
            kind, _, _ = self.receive(startup)
            self.ready = kind == "ready"
        self.deadline = time.monotonic() + seconds
        self.conn.send(task)

    def receive(self, timeout: float | None) -> Any:
        """The next message from the worker, or raise TimeoutError / EOFError (it died)."""
        if not self.conn.poll(timeout):
            raise TimeoutError
        return self.conn.recv()

    def stop(self) -> None:
        """Kill the child and reap it (a killed child is never left a zombie)."""
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


def context_for(kind: str = "spawn"):
    """``spawn`` for a process with threads (the milter, the audit's progress bar);
    ``fork`` for a one-shot single-threaded one (the filter), where it costs no import."""
    return multiprocessing.get_context(kind)


class WorkerPool:
    """``size`` workers lent to any number of threads; each task within the limits.

    ``run(task)`` sends the task to an idle worker (waiting up to ``limits.seconds`` for
    one) and returns the handler's result. A worker past ``limits.seconds`` is killed; a
    worker that ran out of memory or died is replaced; the task then raises
    :class:`WorkerLost` naming the limit. A handler's own exception raises
    :class:`WorkerLost` with its reason, and the worker is kept.
    """

    def __init__(self, size: int, setup: Callable, setup_args: tuple, limits: Limits, context_kind: str = "spawn"):
        self.limits = limits
        self._make = lambda: Worker(context_for(context_kind), setup, setup_args, limits)
        self._idle: queue.LifoQueue[Worker] = queue.LifoQueue()
        self._all: set[Worker] = set()
        self._lock = threading.Lock()
        for _ in range(max(1, size)):
            self._add()

    def _add(self) -> None:
        worker = self._make()
        with self._lock:
            self._all.add(worker)
        self._idle.put(worker)

    def _replace(self, worker: Worker) -> None:
        worker.stop()
        with self._lock:
            self._all.discard(worker)
        self._add()

    def run(self, task: Any, seconds: float | None = None) -> Any:
        seconds = self.limits.seconds if seconds is None else seconds
        try:
            worker = self._idle.get(timeout=seconds)
        except queue.Empty:
            raise WorkerLost(f"every worker was busy for {seconds:g} s") from None
        try:
            worker.send(task, seconds)
            kind, value, retire = worker.receive(seconds)
        except TimeoutError:
            self._replace(worker)
            raise WorkerLost(time_defect(seconds)) from None
        except (EOFError, OSError):
            self._replace(worker)
            raise WorkerLost(limit_defect("memory_mb", self.limits.memory_mb, "the worker died (out of memory or killed)")) from None
        except BaseException:
            self._replace(worker)
            raise
        if retire:
            self._replace(worker)
        else:
            self._idle.put(worker)
        if kind == "memory":
            raise WorkerLost(memory_defect(self.limits))
        if kind == "error":
            raise WorkerLost(value)
        return value

    def pids(self) -> list[int]:
        with self._lock:
            return [w.process.pid for w in self._all if w.process.pid]

    def close(self) -> None:
        with self._lock:
            workers, self._all = list(self._all), set()
        for worker in workers:
            worker.stop()


def run_once(work: Callable[[], Any], limits: Limits) -> Any:
    """``work()`` in one forked worker within ``limits`` (memory and ``limits.seconds``), for a
    one-shot command (``check``). Its result comes back; a limit reached, or an exception
    ``work`` did not handle, raises :class:`WorkerLost` naming it."""
    pool = WorkerPool(1, lambda: lambda task, conn: work(), (), limits, context_kind="fork")
    try:
        return pool.run(None)
    finally:
        pool.close()
