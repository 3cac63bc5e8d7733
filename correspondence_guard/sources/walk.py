"""The folder walk: which files under a path are read, which are passed over, and why.

A clerk's export folder holds more than mail: a licence, an index spreadsheet, scanned
images, a program's notes. A file is read when its content is mail or a letter (sniffed
from its first bytes, see ``kinds``) and its name does not say it is something else; every
other file is listed as skipped with the reason, so an audit accounts for every file.
Only regular files are opened: a FIFO, socket or device would block the walk or read
forever. A folder or file that cannot be read is an error entry, never silently missing.

File names are not always UTF-8. They come in as ``str`` with surrogate escapes (Python's
file-system encoding) and go out as :func:`printable.display_name`: undecodable bytes and control
characters shown as ``\\xNN``, so every report is valid UTF-8 and no name can drive a
terminal.
"""

from __future__ import annotations

import os
import stat
from typing import Iterator

from ..model import Skipped, Unreadable
from ..printable import display_name
from .kinds import sniff_file

#: (path to open, source to report, None | Skipped | Unreadable): None means "read it".
Found = tuple[str, str, Skipped | Unreadable | None]

#: A project's notes beside the data: any case for these, but NOTICE and the like only in
#: capitals (a council's "notice.pdf" is correspondence).
_NOTES = frozenset("license licence copying readme".split())
_NOTES_IN_CAPITALS = frozenset("NOTICE AUTHORS CHANGELOG CHANGES CONTRIBUTORS".split())
_BY_SUFFIX = {
    "configuration or documentation": ".yaml .yml .md .rst .py .toml .ini .cfg .conf .json .xml .html .htm .sh .log",
    "spreadsheet or data table": ".tsv .csv .xls .xlsx .xlsm .ods .db .sqlite",
    "image": ".png .jpg .jpeg .gif .bmp .tif .tiff .svg .webp .ico .heic",
    "audio or video": ".wav .mp3 .m4a .ogg .mp4 .mov .avi",
    "archive": ".zip .tar .gz .tgz .bz2 .xz .7z .rar",
}
_SUFFIX_REASON = {suffix: reason for reason, suffixes in _BY_SUFFIX.items() for suffix in suffixes.split()}
#: Extensions that promise mail or a letter: bytes that are neither are an error, not a skip.
_MAIL_SUFFIXES = frozenset(".eml .emlx .msg .mbox .mbx .pst .ost .txt .docx .pdf".split())
_TYPES = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"),
          (stat.S_ISDIR, "a link to a folder, not followed (it could loop)"))


def walk(path: str) -> Iterator[Found]:
    """Every file under ``path`` in the order an audit reads them.

    A file named directly is read whatever its name (the clerk asked for it), if it is a
    regular file. A Maildir gives cur/ then new/ (tmp/ holds mail still being delivered);
    any other folder gives its files in sorted order, then its sub-folders. Hidden files
    and folders are skipped, except the Maildir++ sub-folders (``.Sent``) of a Maildir.
    """
    if not os.path.isdir(path):
        yield _named(path)
        return
    yield from _folder(path)


def _named(path: str) -> Found:
    source = display_name(path)
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return path, source, Unreadable(source, f"cannot open: {exc.strerror or exc}")
    problem = _not_regular(mode)
    return path, source, Skipped(source, problem) if problem else None


def _not_regular(mode: int) -> str:
    for test, what in _TYPES:
        if test(mode):
            return f"not a regular file: {what}"
    return "" if stat.S_ISREG(mode) else "not a regular file"


def is_maildir(folder: str) -> bool:
    return os.path.isdir(os.path.join(folder, "cur")) and os.path.isdir(os.path.join(folder, "new"))


def _folder(folder: str, licences: bool = False) -> Iterator[Found]:
    """The files of ``folder``, then its sub-folders. Under a LICENSES folder every file is
    a licence text, whatever its name."""
    source = display_name(folder)
    try:
        with os.scandir(folder) as found:
            entries = sorted(found, key=lambda e: e.name)
    except OSError as exc:
        yield folder, source, Unreadable(source, f"cannot read folder: {exc.strerror or exc}")
        return
    maildir = is_maildir(folder)
    files, folders = [], []
    for entry in entries:
        try:
            (folders if entry.is_dir(follow_symlinks=False) else files).append(entry)
        except OSError:
            files.append(entry)
    for entry in files:
        if licences:
            yield entry.path, display_name(entry.path), Skipped(display_name(entry.path), "licence, notice or read-me file")
        else:
            yield _file(entry, in_maildir=maildir)
    if maildir:
        folders.sort(key=lambda e: (e.name not in ("cur", "new"), e.name))
    for entry in folders:
        name = display_name(entry.path)
        if maildir and entry.name == "tmp":
            yield from _skip_all(entry.path, "Maildir tmp/: a message still being delivered")
        elif entry.name.startswith(".") and not (maildir and is_maildir(entry.path)):
            yield entry.path, name, Skipped(name, "hidden folder")
        else:
            yield from _folder(entry.path, licences or entry.name.lower() in ("licenses", "licences"))


def _skip_all(folder: str, reason: str) -> Iterator[Found]:
    for found in _folder(folder):
        yield found if found[2] is not None else (found[0], found[1], Skipped(found[1], reason))


def _file(entry: os.DirEntry, in_maildir: bool) -> Found:
    source = display_name(entry.path)
    try:
        mode = entry.stat().st_mode
    except OSError as exc:
        return entry.path, source, Unreadable(source, f"cannot open: {exc.strerror or exc}")
    reason = _not_regular(mode) or _skip_reason(entry.name, in_maildir)
    if not reason:
        reason = _content_reason(entry.path, entry.name)
    return entry.path, source, Skipped(source, reason) if reason else None


def _skip_reason(name: str, in_maildir: bool) -> str:
    if name.startswith("."):
        return "hidden file"
    if in_maildir:
        return "Maildir control file"
    stem = name.partition(".")[0]
    words = stem.lower().replace("_", "-").split("-")
    if stem.lower() in _NOTES or stem in _NOTES_IN_CAPITALS or (
            _suffix(name) not in _MAIL_SUFFIXES and {words[0], words[-1]} & {"license", "licence"}):
        return "licence, notice or read-me file"  # LICENSE.txt, MIT-LICENSE; not hmo-licence-fees.docx
    return _SUFFIX_REASON.get(_suffix(name), "")


def _suffix(name: str) -> str:
    return os.path.splitext(name.lower())[1]


def _content_reason(path: str, name: str) -> str:
    """Why a file is not mail or a letter by its content, or "" to read it.

    Binary bytes under a name that promises mail stay an error entry (a damaged export);
    under any other name they are not correspondence."""
    if _suffix(name) in _MAIL_SUFFIXES:
        return ""
    kind = sniff_file(path)
    if kind == "binary":
        return "binary data, not mail or a letter"
    return ""
