"""The one read pipeline: paths cut into *units of work* without parsing, and a unit read.

One unit per file, per message of an mbox (its raw bytes), per message of a PST (a
reference: file, folder, index). For a cluster, whose workers read the same export
folder, an mbox is cut into byte ranges instead (``mbox_range``: many messages, read
where they are checked). A message the gateway receives is a unit too, its bytes with
the SMTP envelope (:class:`Received`), since the envelope alone names the hidden
recipients. :func:`read_unit` turns any unit into documents, and :func:`read` is the
two together in one process: ``check``, the audit's workers in every scheduler, the
gateway's workers and the tests all read through here, so a reader's failure means the
same everywhere (an ``Unreadable`` entry, ``internal`` when the reader raised).
"""

from __future__ import annotations

import itertools
import os
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from ..errors import UnreadableDocument, UsageError
from ..model import Correspondence, Envelope, Screen, Skipped, Unreadable, internal_error
from ..sources import iter_mbox, mbox_offsets, sniff_file
from ..sources.walk import display_name, walk

# A unit of work: (source, kind, payload). kind is one of
#   "file"   payload = path of a file holding one document (eml, letter, .msg, ...)
#   "email"  payload = raw bytes of one RFC 822 message (from an mbox), or Received
#   "pst"    payload = outlook_pst.PstRef
#   "mbox_range" payload = (path, start, end, first message number): a cluster's unit
#   "error"  payload = Unreadable (found while walking: passes straight through)
#   "skip"   payload = Skipped (a file the walk passed over, and why)
Unit = tuple[str, str, Any]


@dataclass(frozen=True)
class Received:
    """An "email" unit's payload at the gateway: the message as the mail server hands it
    over, with the SMTP envelope its headers do not carry (Bcc is gone by then)."""

    raw: bytes
    envelope: Envelope


def check_paths(paths: Iterable[str]) -> None:
    """Raise UsageError (exit status 2) for a path that does not exist or a PST named in
    ``paths`` that cannot be opened at all, before anything is read or written."""
    for path in paths:
        if not os.path.exists(path):
            raise UsageError(f"no such file or directory: {display_name(path)}")
        if os.path.isfile(path) and sniff_file(path) == "pst":
            from ..sources.outlook_pst import open_pst

            store, _ = open_pst(path)
            store.close()


class UnitStream:
    """The work units under some paths, with what is known of the total as they are read.

    Nothing is kept per file: the walk is repeated lazily. With ``count=True`` a first,
    cheap pass (names and 8 KB heads) counts the files and the bytes of mbox files, so a
    progress bar can show the time left from the start; mbox messages are then estimated
    from the bytes read so far, PST messages are added as their folders are walked.
    """

    def __init__(self, paths: Iterable[str], count: bool = False, mbox_range: int = 0):
        self.paths = list(paths)
        self.mbox_range = mbox_range  # messages per mbox unit; 0: one unit per message
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
        if self.mbox_range:
            yield from self._mbox_ranges(path, source)
            return
        count = 0
        for count, data in enumerate(iter_mbox(path), 1):
            self.mbox_bytes_read += len(data) + 64
            self.mbox_units += 1
            yield (f"{source}#{count}", "email", data)
        if count == 0:
            yield (source, "error", Unreadable(source, "mbox file with no messages"))

    def _mbox_ranges(self, path: str, source: str) -> Iterator[Unit]:
        """The mbox as byte ranges of ``mbox_range`` messages (the splitter run here, the
        parsing left to the worker)."""
        offsets = mbox_offsets(path)
        starts = list(itertools.islice(offsets, self.mbox_range))
        if not starts:
            yield (source, "error", Unreadable(source, "mbox file with no messages"))
            return
        number = 1
        while starts:
            following = list(itertools.islice(offsets, self.mbox_range))
            end = following[0] if following else None
            self.mbox_units += len(starts)
            self.mbox_bytes_read = (end if end is not None else os.path.getsize(path))
            yield (source, "mbox_range", (path, starts[0], end, number))
            number += len(starts)
            starts = following

    def _pst(self, path: str, source: str, named: bool) -> Iterator[Unit]:
        """A PST's messages as references. A PST named on the command line that cannot be
        opened at all raises UsageError (exit status 2); one found inside a folder is
        listed as unreadable and the audit goes on."""
        from ..sources.outlook_pst import iter_pst_refs

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


def iter_units(paths: Iterable[str], count: bool = False, mbox_range: int = 0) -> UnitStream:
    """The work units under ``paths`` (raises UsageError for a path that does not exist)."""
    return UnitStream(paths, count=count, mbox_range=mbox_range)


def split_range(unit: Unit) -> Iterator[Unit]:
    """An mbox byte range as one ``email`` unit per message, numbered as in the whole file."""
    source, _, (path, start, end, number) = unit
    for n, data in enumerate(iter_mbox(path, start, end), number):
        yield (f"{source}#{n}", "email", data)


class PstFiles:
    """The PST files a worker has open, kept between units."""

    def __init__(self):
        self._reader = None

    def read(self, ref, source: str, screen: Screen | None = None):
        if self._reader is None:
            from ..sources.outlook_pst import PstReader

            self._reader = PstReader()
        return self._reader.read(ref, source, screen)

    def close(self) -> None:
        if self._reader is not None:
            self._reader.close()


def read_unit(unit: Unit, pst: PstFiles | None = None, screen: Screen | None = None) -> list[Correspondence | Unreadable | Skipped]:
    """The documents one unit holds, in order (one, except for an mbox range). With a
    ``screen`` (the checker's ``could_fire``), a message no rule could fire on is read
    only in outline."""
    from .. import sources

    source, kind, payload = unit
    if kind in ("error", "skip"):
        return [payload]
    if kind == "email":
        if isinstance(payload, Received):
            return [sources.read_message(payload.raw, source, payload.envelope, screen)]
        return [sources.read_message(payload, source, screen=screen)]
    if kind == "mbox_range":
        return [sources.read_message(data, message, screen=screen) for message, _, data in split_range(unit)]
    if kind == "pst":
        return [(pst or PstFiles()).read(payload, source, screen)]
    return list(sources.read_file(payload, source, screen))


class ReaderFault(Exception):
    """The reader raised on a message: the checker's fault, never the message's. Carries
    the ``internal-error`` entry (its text may quote the message; its ``exception`` does not)."""

    def __init__(self, entry: Unreadable):
        super().__init__(entry.error)
        self.entry = entry


def read_one(source: str, raw: bytes, envelope: Envelope | None = None, screen: Screen | None = None) -> Correspondence:
    """One message through :func:`read_unit`, for a front end that answers for one message
    (the gateway, pre-send, ``check --fix``): its correspondence, or raise
    UnreadableDocument (bytes that are no email: so for good), ReaderFault (the reader
    raised), or MemoryError (the worker ran out: it is retired, the limit named)."""
    (doc,) = read_unit((source, "email", raw if envelope is None else Received(raw, envelope)), screen=screen)
    if isinstance(doc, Correspondence):
        return doc
    if doc.out_of_memory:
        raise MemoryError
    if doc.internal:
        raise ReaderFault(doc)
    raise UnreadableDocument(doc.error)


def read(paths: Iterable[str]) -> Iterator[Correspondence | Unreadable | Skipped]:
    """Every document under ``paths``, in order, and every file skipped, in this process.

    A missing path, or a PST named in ``paths`` that cannot be opened at all, is a
    UsageError (exit status 2); a PST found inside a folder that cannot be opened is an
    ``Unreadable`` entry and the reading goes on. A reader that raised is an
    ``internal-error`` entry.
    """
    pst = PstFiles()
    try:
        for unit in iter_units(paths):
            try:
                yield from read_unit(unit, pst)
            except UsageError:
                raise
            except Exception as exc:  # a reader bug must not stop the reading, nor pass for damage
                yield internal_error(unit[0], exc, "the reader")
    finally:
        pst.close()
