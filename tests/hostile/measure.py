"""Peak resident memory of a whole process tree, sampled from /proc (Linux).

``resource.getrusage(RUSAGE_CHILDREN)`` gives the largest single descendant, not the sum
of a parent and its workers at the same moment, which is what a machine runs out of.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from pathlib import Path

_PAGE = os.sysconf("SC_PAGE_SIZE")


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(parent, []).append(int(entry.name))
    return tree


def tree_pids(pid: int) -> list[int]:
    tree = _children()
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(tree.get(current, []))
    return found


def tree_rss(pid: int) -> int:
    """Bytes resident in ``pid`` and all its descendants now."""
    total = 0
    for each in tree_pids(pid):
        try:
            total += int(Path(f"/proc/{each}/statm").read_text().split()[1]) * _PAGE
        except (OSError, ValueError, IndexError):
            pass
    return total


class PeakSampler:
    """Samples the tree RSS of ``pid`` every ``interval`` seconds while running."""

    def __init__(self, pid: int, interval: float = 0.01):
        self.pid = pid
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, tree_rss(self.pid))
            self._stop.wait(self.interval)

    def __enter__(self) -> "PeakSampler":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def run_measured(args: list[str], **kwargs) -> tuple[subprocess.CompletedProcess, int, float]:
    """Run ``args``: (the completed process, peak tree RSS in bytes, seconds)."""
    stdin = kwargs.pop("input", None)
    started = time.perf_counter()
    proc = subprocess.Popen(args, stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)
    with PeakSampler(proc.pid) as sampler:
        out, err = proc.communicate(stdin, timeout=600)
    seconds = time.perf_counter() - started
    return subprocess.CompletedProcess(args, proc.returncode, out, err), sampler.peak, seconds
