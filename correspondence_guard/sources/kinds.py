"""What a file is, by its first bytes: email, mbox, Word, PDF, Outlook, a letter, binary."""

from __future__ import annotations


from .email import looks_like_email

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_PST = b"!BDN"


def sniff_file(path: str) -> str:
    """:func:`sniff` of a file's first 8 KB; ``"file"`` when it cannot be opened."""
    try:
        with open(path, "rb") as handle:
            return sniff(handle.read(8192))
    except Exception:
        return "file"


def sniff(head: bytes) -> str:
    """What the first bytes of a file say it is: email, mbox, docx, pdf, msg, pst, letter..."""
    body = head[3:] if head.startswith(b"\xef\xbb\xbf") else head
    if not body.strip():
        return "empty"
    if body.startswith(_OLE2):
        return "msg"
    if body.startswith(_PST):
        return "pst"
    if body.startswith(b"PK\x03\x04"):
        return "zip"
    if b"%PDF-" in body[:1024]:
        return "pdf"
    stripped = body.lstrip(b" \t\r\n")
    if stripped.startswith(b"From ") and stripped.split(b"\n", 1)[0].find(b":") != 4:
        return "mbox"
    if looks_like_email(stripped) or looks_like_email(after_count_line(stripped)):
        return "email"
    if _is_text(body):
        return "letter"
    return "binary"


def after_count_line(data: bytes) -> bytes:
    """Apple Mail .emlx opens with a byte-count line before the RFC 822 message."""
    first, _, rest = data.partition(b"\n")
    if first.strip().isdigit() and rest:
        size = int(first.strip())
        return rest[:size] if 0 < size <= len(rest) else rest
    return data


def _is_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
        return True
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 4:
            return True
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13))
    return controls <= len(head) // 100
