"""The reader side of the parallel audit: paths cut into *work units*, without parsing.

One unit per file, per message of an mbox (its raw bytes), per message of a PST (a
reference: file, folder, index). The walk and the mbox splitter are the sources module's
own (:func:`sources.walk.walk`, :func:`sources.iter_mbox`), so a parallel audit reads
exactly what ``sources.read`` reads, in the same order, and skips what it skips.
"""

from __future__ import annotations

import itertools
import os
from typing import Any, Iterable, Iterator

from .errors import UsageError
from .model import Skipped, Unreadable
from .sources import iter_mbox, sniff_file
from .sources.walk import display_name, walk

# A unit of work: (source, kind, payload). kind is one of
#   "file"   payload = path of a file holding one document (eml, letter, .msg, ...)
#   "email"  payload = raw bytes of one RFC 822 message (from an mbox)
#   "pst"    payload = outlook_pst.PstRef
#   "error"  payload = Unreadable (found while walking: passes straight through)
#   "skip"   payload = Skipped (a file the walk passed over, and why)
Unit = tuple[str, str, Any]


def check_paths(paths: Iterable[str]) -> None:
    """Raise UsageError (exit status 2) for a path that does not exist or a PST named in
    ``paths`` that cannot be opened at all, before anything is read or written."""
    for path in paths:
        if not os.path.exists(path):
            raise UsageError(f"no such file or directory: {display_name(path)}")
        if os.path.isfile(path) and sniff_file(path) == "pst":
            from .sources.outlook_pst import open_pst

            store, _ = open_pst(path)
            store.close()


class UnitStream:
    """The work units under some paths, with what is known of the total as they are read.

    Nothing is kept per file: the walk is repeated lazily. With ``count=True`` a first,
    cheap pass (names and 8 KB heads) counts the files and the bytes of mbox files, so a
    progress bar can show the time left from the start; mbox messages are then estimated
    from the bytes read so far, PST messages are added as their folders are walked.
    """

    def __init__(self, paths: Iterable[str], count: bool = False):
        self.paths = list(paths)
        check_paths(self.paths)
        self.known = 0
        self.mbox_bytes_total = 0
        self.mbox_bytes_read = 0
        self.mbox_units = 0
        self.files = 0  # regular files opened (read), for the report's summary
        self.counted = count
        if count:
            for path in self.paths:
                for file_path, _, problem in walk(path):
                    if problem is not None:
                        continue
                    kind = sniff_file(file_path)
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
            for file_path, source, problem in walk(path):
                if problem is not None:
                    yield (source, "skip" if isinstance(problem, Skipped) else "error", problem)
                    continue
                self.files += 1
                kind = sniff_file(file_path)
                if kind == "mbox":
                    yield from self._mbox(file_path, source)
                elif kind == "pst":
                    yield from self._pst(file_path, source, named=file_path == path)
                else:
                    yield (source, "file", file_path)

    def _mbox(self, path: str, source: str) -> Iterator[Unit]:
        count = 0
        for count, data in enumerate(iter_mbox(path), 1):
            self.mbox_bytes_read += len(data) + 64
            self.mbox_units += 1
            yield (f"{source}#{count}", "email", data)
        if count == 0:
            yield (source, "error", Unreadable(source, "mbox file with no messages"))

    def _pst(self, path: str, source: str, named: bool) -> Iterator[Unit]:
        """A PST's messages as references. A PST named on the command line that cannot be
        opened at all raises UsageError (exit status 2); one found inside a folder is
        listed as unreadable and the audit goes on."""
        from .sources.outlook_pst import iter_pst_refs

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


def iter_units(paths: Iterable[str], count: bool = False) -> UnitStream:
    """The work units under ``paths`` (raises UsageError for a path that does not exist)."""
    return UnitStream(paths, count=count)
