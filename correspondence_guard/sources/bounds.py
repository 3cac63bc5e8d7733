"""The readers' limits, applied where bytes are inflated or parsed (see ``limits``).

Each function takes what a reader has, cuts it at the current limit and says so in a
defect naming the limit, so the reader goes on with what fits: a message cut before the
part that nests too deep, a header cut at the address that is one too many, a text cut
at its millionth character. Nothing here knows a rule.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from typing import IO

from ..limits import LimitExceeded, current, limit_defect

_BOUNDARY = re.compile(rb'boundary\s*=\s*(?:"([^"\r\n]{1,200})"|([^\s;"]{1,200}))', re.IGNORECASE)
_HEADER_LINE = re.compile(rb"(?i)(?:[ \t]|content-type\s*:).*oundary")
_CHUNK = 1 << 20


def cap_bytes(data: bytes, limit_name: str, what: str, defects: list[str]) -> bytes:
    """``data`` cut at the byte limit ``limit_name`` (with a defect when it was cut)."""
    limit = getattr(current(), limit_name)
    if len(data) <= limit:
        return data
    defects.append(limit_defect(limit_name, limit, f"{what}: only the first {limit} bytes read"))
    return data[:limit]


def read_capped(handle: IO[bytes], limit_name: str = "message_bytes") -> tuple[bytes, bool]:
    """Up to the byte limit of a file: (bytes, whether there was more)."""
    limit = getattr(current(), limit_name)
    data = handle.read(limit + 1)
    return data[:limit], len(data) > limit


def cap_text(text: str, what: str, defects: list[str]) -> str:
    """``text`` cut at ``limits.characters``."""
    limit = current().characters
    if len(text) <= limit:
        return text
    defects.append(limit_defect("characters", limit, f"{what}: only the first {limit} characters read"))
    return text[:limit]


def bound_headers(raw: bytes, defects: list[str]) -> bytes:
    """The message with each top-level header field cut at ``limits.header_bytes``.

    A field is cut at its last comma or space within the limit (when there is one in its
    second half), so an address list keeps whole addresses and a Subject whole encoded words (RFC 2047 decoding and address
    parsing are then bounded however long the field was written).
    """
    limit = current().header_bytes
    end = _end_of_head(raw)
    if end <= limit:
        return raw
    fields = re.split(rb"(\r?\n)(?=[^ \t])", raw[:end])
    out: list[bytes] = []
    for field in fields:
        if len(field) > limit:
            name = field.split(b":", 1)[0][:60].decode("ascii", "replace")
            cut = max(field.rfind(b",", 0, limit), field.rfind(b" ", 0, limit))
            field = field[: cut if cut > limit // 2 else limit]
            defects.append(limit_defect("header_bytes", limit, f"header {name}: only the first {len(field)} bytes read"))
        out.append(field)
    return b"".join(out) + raw[end:]


def _end_of_head(raw: bytes) -> int:
    match = re.search(rb"\r?\n\r?\n", raw)
    return match.start() if match else len(raw)


def bound_mime(raw: bytes, defects: list[str]) -> bytes:
    """The message cut before the first part past ``limits.mime_depth`` or ``mime_parts``.

    One pass over the lines, keeping the stack of open multipart boundaries: a part's
    ``boundary=`` opens a level, a ``--boundary`` line starts a part at its level and
    ``--boundary--`` closes it. The parser then never sees the part that would go past a
    limit, so its cost is bounded by the limits, not by what the sender nested.
    """
    limits = current()
    if b"oundary" not in raw and b"OUNDARY" not in raw:
        return raw
    stack: list[bytes] = []
    parts = 0
    offset = 0
    for line in raw.splitlines(keepends=True):
        start, offset = offset, offset + len(line)
        if line.startswith(b"--") and stack:
            token = line[2:].rstrip(b"\r\n \t")
            closing = token.endswith(b"--") and token[:-2] in stack
            name = token[:-2] if closing else token
            if name in stack:
                del stack[stack.index(name) + (0 if closing else 1):]
                if not closing:
                    parts += 1
                    if parts > limits.mime_parts:
                        defects.append(limit_defect("mime_parts", limits.mime_parts, "the later MIME parts were not read"))
                        return raw[:start]
                continue
        match = _BOUNDARY.search(line) if _HEADER_LINE.match(line) else None
        if match:
            stack.append(match.group(1) or match.group(2))
            if len(stack) > limits.mime_depth:
                defects.append(limit_defect("mime_depth", limits.mime_depth, "the MIME parts nested deeper were not read"))
                return raw[:start]
    return raw


def check_zip(archive: zipfile.ZipFile) -> None:
    """Raise LimitExceeded if a member of ``archive`` declares a size past ``limits.member_bytes``.

    Only the declared sizes: a member is inflated, and counted as it is, by
    :func:`read_member` when a reader needs it, so one that lies about its size is
    caught there, and one never read costs nothing.
    """
    limit = current().member_bytes
    for info in archive.infolist():
        if info.file_size > limit:
            raise LimitExceeded("member_bytes", limit, f"{info.filename} inflates to {info.file_size} bytes")


def read_member(archive: zipfile.ZipFile, name: str) -> bytes:
    """The member ``name`` inflated a chunk at a time, raising LimitExceeded past
    ``limits.member_bytes`` (never more than the limit and one chunk held), or
    BadZipFile when it does not inflate to the size it declares."""
    limit = current().member_bytes
    chunks, inflated = [], 0
    try:
        with archive.open(name) as member:
            while chunk := member.read(_CHUNK):
                inflated += len(chunk)
                if inflated > limit:
                    raise LimitExceeded("member_bytes", limit, f"{name} inflates past the limit")
                chunks.append(chunk)
    except zipfile.BadZipFile:  # zipfile stops at the declared size; the checksum then fails
        declared = archive.getinfo(name).file_size
        raise zipfile.BadZipFile(f"{name} does not inflate to the {declared} bytes it declares") from None
    return b"".join(chunks)


def bounded_inflate(data: bytes, wbits: int = zlib.MAX_WBITS, bufsize: int = zlib.DEF_BUF_SIZE) -> bytes:
    """``zlib.decompress`` that stops at ``limits.member_bytes`` (raises LimitExceeded)."""
    limit = current().member_bytes
    inflater = zlib.decompressobj(wbits)
    out = inflater.decompress(data, limit + 1)
    if len(out) > limit:
        raise LimitExceeded("member_bytes", limit, "a compressed stream inflates past the limit")
    out += inflater.flush()
    if len(out) > limit:
        raise LimitExceeded("member_bytes", limit, "a compressed stream inflates past the limit")
    return out  # a truncated stream gives what it holds, as pdfminer's own fallback does


class _BoundedZlib:
    """The ``zlib`` module as pdfminer sees it: the same, but ``decompress`` is bounded."""

    def __init__(self):
        self.decompress = bounded_inflate

    def __getattr__(self, name):
        return getattr(zlib, name)


def bound_pdfminer() -> None:
    """Make pdfminer inflate its streams within ``limits.member_bytes``.

    pdfminer inflates each FlateDecode stream with one ``zlib.decompress`` call and no
    size bound, so a 1 MB stream can take a gigabyte. It offers no hook; its ``zlib`` is
    replaced by :class:`_BoundedZlib`, which reads the limit of the calling thread at
    each call. Idempotent.
    """
    from pdfminer import pdftypes

    if not isinstance(pdftypes.zlib, _BoundedZlib):
        pdftypes.zlib = _BoundedZlib()
