"""Readers: from bytes on disk to ``Correspondence``.

``read_file`` and ``read_message`` read one file or one message; the audit's units of
work (``audit.units``) call them, and ``audit.units.read`` streams documents from files
and folders through them. Each file is sniffed by its content,
not its name: mbox, RFC 822 email, Word, PDF, Outlook, or a plain-text letter. Every file
read yields a ``Correspondence`` or an ``Unreadable`` with a one-line reason; ``walk``
says which files of a folder are not mail or letters and are listed as ``Skipped``. An
exception a reader did not expect is an ``internal-error`` entry, never "cannot read".
"""

from __future__ import annotations

import dataclasses
import os
import re
import zipfile
from typing import Iterable, Iterator

from ..errors import UnreadableDocument, UsageError
from ..limits import current as current_limits
from ..limits import limit_defect
from ..model import Correspondence, Envelope, Screen, Skipped, Unreadable, internal_error
from .bounds import read_capped
from .email import parse_message
from .kinds import after_count_line, sniff, sniff_file  # noqa: F401  (sniff_file: public)
from .letters import read_letter

_QUOTED_FROM = re.compile(rb"^>+From ")
_FROM_LINE = re.compile(rb"^From \S*.*\d{1,2}:\d{2}|^From \S+@\S+\s*$|^From \S+\s+\w{3} ")

Document = Correspondence | Unreadable


def read(paths: Iterable[str]) -> Iterator[Document | Skipped]:
    """Every document under ``paths``, in order, and every file skipped: the audit's one
    read pipeline (``audit.units.read``) run in this process."""
    from ..audit.units import read as read_units

    return read_units(paths)


def read_file(path: str, source: str, screen: Screen | None = None) -> Iterator[Document]:
    """The document in one file that holds one (an mbox or a PST is cut into units of
    work first, by ``audit.units``; here each would be read whole)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(8192)
    except OSError as exc:
        yield Unreadable(source, f"cannot open: {exc.strerror or exc}")
        return
    try:
        kind = sniff(head)
        if kind in ("mbox", "msg", "pst"):
            yield from _read_outlook(kind, path, source, screen) if kind != "mbox" else _read_mbox(path, source, screen)
        elif kind == "empty":
            yield Unreadable(source, "empty file")
        elif kind == "binary":
            yield Unreadable(source, "binary data: not an email, letter or mailbox")
        else:
            with open(path, "rb") as handle:
                data, more = read_capped(handle)
            yield _within_limit(kind, data, more, os.path.basename(path), source, screen)
    except UsageError:
        raise
    except Exception as exc:
        yield internal_error(source, exc, "the reader")


def _within_limit(kind: str, data: bytes, more: bool, filename: str, source: str, screen: Screen | None) -> Document:
    """The document in the first ``limits.message_bytes`` of a file: a message or text
    letter is read that far (with a defect naming the limit); a cut Word or PDF file
    cannot be read at all."""
    if not more:
        return _one(kind, data, filename, source, screen)
    most = current_limits().message_bytes
    defect = limit_defect("message_bytes", most, f"only the first {most} bytes of the file read")
    if kind in ("zip", "pdf"):
        return Unreadable(source, limit_defect("message_bytes", most, "file larger than the limit"))
    doc = _one(kind, data, filename, source, screen)
    if isinstance(doc, Correspondence) and defect not in doc.defects:
        doc = dataclasses.replace(doc, defects=(*doc.defects, defect))
    return doc


def _one(kind: str, data: bytes, filename: str, source: str, screen: Screen | None) -> Document:
    try:
        if kind == "email":
            return parse_message(after_count_line(data), source, screen=screen)
        if kind == "zip":
            if not _is_docx(data):
                return Unreadable(source, "zip archive that is not a Word document")
            return read_letter(data, filename, source)
        if kind == "pdf":
            return read_letter(data, filename, source)
        return read_letter(data, filename if filename.lower().endswith(".txt") else filename + ".txt", source)
    except UnreadableDocument as exc:
        return Unreadable(source, exc.message)


def _is_docx(data: bytes) -> bool:
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def _read_mbox(path: str, source: str, screen: Screen | None) -> Iterator[Document]:
    count = 0
    for count, data in enumerate(iter_mbox(path), 1):
        yield read_message(data, f"{source}#{count}", screen=screen)
    if count == 0:
        yield Unreadable(source, "mbox file with no messages")


def read_message(data: bytes, source: str, envelope: Envelope | None = None, screen: Screen | None = None) -> Document:
    """One raw RFC 822 message (from an mbox, or with its SMTP ``envelope`` at the gateway)
    as Correspondence, or Unreadable with the reason."""
    try:
        return parse_message(data, source, envelope, screen=screen)
    except UnreadableDocument as exc:
        return Unreadable(source, exc.message)
    except Exception as exc:
        return internal_error(source, exc, "the reader")


def iter_mbox(path: str, start: int = 0, end: int | None = None) -> Iterator[bytes]:
    """Stream an mbox: the raw bytes of each message, one "From " line after a blank line apart.

    Lines that merely start with "From " inside a body (unescaped, as in mboxo files) are
    not taken as separators unless they look like a real From_ line; ">From " lines are
    unescaped. One message is held at a time, and of it no more than one byte over
    ``limits.message_bytes`` (the reader then reads it that far and says so).
    ``start``/``end``: only the messages whose From_ line starts in that byte range
    (``start`` one of :func:`mbox_offsets`), so a cluster can share one file out.
    """
    for _, data in _mbox_messages(path, start, end):
        yield data


def mbox_offsets(path: str) -> Iterator[int]:
    """Where each message of an mbox starts (its From_ line), as ``iter_mbox`` splits it."""
    for offset, _ in _mbox_messages(path, 0, None):
        yield offset


def _mbox_messages(path: str, start: int, end: int | None) -> Iterator[tuple[int, bytes]]:
    current: list[bytes] | None = None
    at = start
    previous_blank = True
    kept = 0
    most = current_limits().message_bytes
    with open(path, "rb") as handle:
        handle.seek(start)
        for offset, line in _lines(handle, most + 1):
            if offset == 0 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]
            if line.startswith(b"From ") and previous_blank and (current is None or _FROM_LINE.match(line)):
                if end is not None and offset >= end:
                    break
                if current:
                    yield at, b"".join(_strip_trailing_blank(current))
                current, kept, at = [], 0, offset
            elif current is not None:
                if line.startswith(b">") and _QUOTED_FROM.match(line):
                    line = line[1:]
                if kept <= most:
                    current.append(line[: most + 1 - kept])
                    kept += len(current[-1])
            previous_blank = not line.strip()
    if current:
        yield at, b"".join(_strip_trailing_blank(current))


def _lines(handle, size: int = 1 << 20) -> Iterator[tuple[int, bytes]]:
    """(offset, line) for each line of a file, a line longer than ``size`` given only up
    to ``size`` (the rest of it is skipped: the message is then over its limit and says
    so), so a file with no line ends is never read whole."""
    offset = handle.tell()
    while line := handle.readline(size):
        following = offset + len(line)  # counted: tell() per line cost a tenth of the audit process
        if len(line) == size and not line.endswith(b"\n"):
            while rest := handle.readline(size):
                following += len(rest)
                if rest.endswith(b"\n"):
                    break
        yield offset, line
        offset = following


def _strip_trailing_blank(lines: list[bytes]) -> list[bytes]:
    if lines and not lines[-1].strip():
        return lines[:-1]
    return lines


def _read_outlook(kind: str, path: str, source: str, screen: Screen | None) -> Iterator[Document]:
    """Outlook files: ``.msg`` by extract-msg, ``.pst`` by libpff (see outlook_msg/outlook_pst)."""
    try:
        if kind == "msg":
            from .outlook_msg import read_msg

            yield read_msg(path, source, screen)
        else:
            from .outlook_pst import iter_pst

            yield from iter_pst(path, source)
    except UnreadableDocument as exc:
        yield Unreadable(source, exc.message)
    except UsageError as exc:
        yield Unreadable(source, exc.message.removeprefix(f"{path}: "))
    except ImportError as exc:
        yield Unreadable(source, f"the Outlook reader is not installed ({reason(exc)})")
    except Exception as exc:
        yield internal_error(source, exc, "the Outlook reader")


def reason(exc: BaseException) -> str:
    """An exception as a one-line reason for the report: its type and the start of its message."""
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text[:150]}" if text else type(exc).__name__
