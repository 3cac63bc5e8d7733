"""What the person running an audit sees and does: a progress bar, and Ctrl-C.

The bar (tqdm) goes to standard error, by default only when it is a terminal. The first
Ctrl-C stops the audit after the work in hand and keeps every result back (a partial
report); a second one interrupts at once.
"""

from __future__ import annotations

import signal
import sys
import threading
import time

from .units import UnitStream


class Progress:
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


class StopOnSigint:
    """While active (main thread only): the first SIGINT asks the audit to stop after the
    batch in hand (``requested``); the handler is then put back, so a second one interrupts."""

    def __init__(self):
        self.requested = False
        self._previous = None

    def __enter__(self) -> "StopOnSigint":
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
