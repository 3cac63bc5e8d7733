"""Worker processes that can be killed: a task past its time or its memory costs one
worker, which is replaced; the pool goes on answering."""

from __future__ import annotations

import os
import time

import pytest

from correspondence_guard.isolation import WorkerLost, WorkerPool
from correspondence_guard.limits import Limits


def _setup():
    def handle(task, conn):
        kind, value = task
        if kind == "sleep":
            time.sleep(value)
        elif kind == "allocate":
            return len(bytearray(value * 1024 * 1024))
        elif kind == "raise":
            raise ValueError(value)
        return os.getpid()

    return handle


@pytest.fixture
def pool():
    pool = WorkerPool(1, _setup, (), Limits(seconds=1, memory_mb=200), context_kind="fork")
    yield pool
    pool.close()


def test_a_task_past_its_time_is_killed_and_the_worker_replaced(pool):
    first = pool.run(("pid", None))
    with pytest.raises(WorkerLost, match=r"over limits\.seconds \(1\)"):
        pool.run(("sleep", 30))
    second = pool.run(("pid", None))
    assert second != first
    with pytest.raises(ProcessLookupError):
        os.kill(first, 0)  # killed and reaped, not left running


def test_a_task_past_its_memory_is_stopped_and_the_worker_retired(pool):
    first = pool.run(("pid", None))
    with pytest.raises(WorkerLost, match=r"over limits\.memory_mb \(200\)"):
        pool.run(("allocate", 400))
    assert pool.run(("allocate", 20)) == 20 * 1024 * 1024
    assert pool.run(("pid", None)) != first


def test_a_worker_forked_from_a_large_process_still_has_its_memory_to_use():
    """The cap is what a worker may add: a parent holding 600 MB of address space (a test
    run, a notebook) still gets workers that can read, and are stopped past the limit."""
    import mmap

    held = mmap.mmap(-1, 600 * 1024 * 1024)
    pool = WorkerPool(1, _setup, (), Limits(seconds=5, memory_mb=200), context_kind="fork")
    try:
        assert pool.run(("allocate", 50)) == 50 * 1024 * 1024
        with pytest.raises(WorkerLost, match=r"over limits\.memory_mb \(200\)"):
            pool.run(("allocate", 400))
    finally:
        pool.close()
        held.close()


def test_a_handler_error_is_reported_and_the_worker_kept(pool):
    first = pool.run(("pid", None))
    with pytest.raises(WorkerLost, match="ValueError: bad input"):
        pool.run(("raise", "bad input"))
    assert pool.run(("pid", None)) == first
