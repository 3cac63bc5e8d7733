"""RFC 822 email as ``Correspondence``: MIME via the standard library, addresses via flanker.

Each message is parsed once, into one ``email`` tree that the parts, the headers and the
quote splitting all read. ``build_email`` is independent of that tree so that other
readers (Outlook .msg/.pst) produce exactly the same shape from what their libraries give them.
"""

from __future__ import annotations

import codecs
import hashlib
import email as stdlib_email
import email.header
import email.policy
import logging
import re
from dataclasses import dataclass, replace
from typing import Iterable

from ..errors import UnreadableDocument
from ..limits import current as current_limits
from ..limits import limit_defect
from ..model import Correspondence, Envelope, Nested, Party, Relation, Screen
from .addresses import parse_addresses
from .bounds import bound_headers, bound_mime, cap_bytes, cap_text
from .dates import iso_date
from .alternatives import memo_header, with_html_only_lines
from .html import html_to_text
from .letters import read_letter
from .nesting import split_text
from .signature import split_signature

_LETTER_SUFFIXES = (".docx", ".pdf", ".txt")
# The start of the defect of an attachment the reader could not read, and the words that
# say the reader itself failed on it (the gateway's fail-safe looks for both: such a
# message was not checked whole).
ATTACHMENT_DEFECT = "attachment "
READER_FAILED = "the reader failed: "
_HEADER_LINE = re.compile(rb"^[!-9;-~]+[ \t]*:")


@dataclass(frozen=True)
class Attachment:
    """An attachment as any mail library gives it: a name, a MIME type and the bytes."""

    filename: str
    content_type: str
    payload: bytes


def parse_message(raw: bytes, source: str, envelope: Envelope | None = None, _depth: int = 0,
                  screen: Screen | None = None) -> Correspondence:
    """Parse one RFC 822 message. Raises ``UnreadableDocument`` only for non-email bytes.

    The bytes are first cut to the limits (message size, header fields, MIME depth and
    parts: see ``bounds``), so what the parsers below are given is bounded. With a
    ``screen``, a message no rule could fire on is left as its outline (``build_email``).
    """
    defects: list[str] = []
    raw = cap_bytes(_trim(raw), "message_bytes", "message", defects)
    if not looks_like_email(raw):
        raise UnreadableDocument("not an email: no RFC 822 header block")
    raw = bound_mime(bound_headers(raw, defects), defects)
    try:
        # Parsed once: this is the tree mail-parser itself builds (and its own second pass
        # over the parts is not needed: _collect walks them here).
        message = stdlib_email.message_from_bytes(raw, policy=email.policy.compat32)
        return _from_message(message, source, envelope, defects, _depth, screen)
    except RecursionError:
        return Correspondence(source=source, defects=(*defects, "message too deeply nested to read"))


def looks_like_email(raw: bytes) -> bool:
    """True when the bytes open with an RFC 822 header block (one known header at least)."""
    head = raw[:8192]
    if not head.strip() or b"\x00" in head[:1024]:
        return False
    lines = head.splitlines()
    fields = 0
    for line in lines[:60]:
        if not line.strip():
            break
        if line[:1] in (b" ", b"\t"):
            continue
        if not _HEADER_LINE.match(line):
            return fields >= 2
        fields += 1
    known = re.search(
        rb"^(?:from|to|subject|date|received|return-path|message-id|mime-version|delivered-to|content-type|x-[\w-]+)[ \t]*:",
        head[:4096],
        re.IGNORECASE | re.MULTILINE,
    )
    return fields >= 1 and bool(known)


def _trim(raw: bytes) -> bytes:
    """Drop a BOM and whitespace-only lines before the first header."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    return re.sub(rb"\A(?:[ \t]*\r?\n)+", b"", raw)


def _from_message(message, source: str, envelope: Envelope | None, defects: list[str], depth: int,
                  screen: Screen | None) -> Correspondence:
    headers = tuple((str(name), _decode_header(value)) for name, value in message.items())
    raw = {str(name).lower(): [] for name, _ in message.items()}
    for name, value in message.items():
        raw[str(name).lower()].append(value if isinstance(value, str) else str(value))
    for defect in getattr(message, "defects", []) or []:
        defects.append(f"MIME: {type(defect).__name__}")

    def header_parties(name: str) -> tuple[Party, ...]:
        found: list[Party] = []
        for value in raw.get(name.lower(), []):
            parties, problems = parse_addresses(value, name)
            found.extend(parties)
            defects.extend(problems)
        return tuple(found)

    text_parts: list[str] = []
    html_parts: list[str] = []
    attachments: list[Attachment] = []
    _collect(message, text_parts, html_parts, attachments, defects)
    delivered = tuple(p.address for p in header_parties("Delivered-To") + header_parties("X-Original-To") if p.address)
    senders = header_parties("From")
    return build_email(
        source=source,
        sender=senders[0] if senders else None,
        to=header_parties("To"),
        cc=header_parties("Cc"),
        bcc=header_parties("Bcc"),
        subject=_decode_header(_first(raw, "subject")),
        date=iso_date(_first(raw, "date")),
        message_id=_first(raw, "message-id").strip(),
        headers=headers,
        text="\n\n".join(t for t in text_parts if t.strip()),
        html="\n".join(html_parts) or None,
        attachments=attachments,
        envelope=_merge(envelope, delivered),
        defects=defects,
        _depth=depth,
        screen=screen,
    )


def _first(raw: dict, name: str) -> str:
    values = raw.get(name, [])
    return values[0] if values else ""


def _merge(envelope: Envelope | None, delivered: tuple[str, ...]) -> Envelope:
    envelope = envelope or Envelope()
    merged = tuple(dict.fromkeys((*envelope.delivered_to, *delivered)))
    return replace(envelope, delivered_to=merged)


def _decode_header(value) -> str:
    """A header value decoded from RFC 2047, unfolded; undecodable words kept as written.

    Cut at ``limits.header_bytes`` first: the standard library's decoder is quadratic in
    the number of encoded words (a 1.4 MB Subject took over 30 s).
    """
    text = value if isinstance(value, str) else str(value)
    text = text[: current_limits().header_bytes]
    text = re.sub(r"\r?\n[ \t]+", " ", text)
    if "=?" in text:
        try:
            text = str(email.header.make_header(email.header.decode_header(text)))
        except Exception:
            pass
    return text.strip()


def _collect(part, texts: list[str], htmls: list[str], attachments: list[Attachment], defects: list[str], seen=None) -> None:
    """Walk the MIME tree, stopping at attached messages (they are read on their own)."""
    seen = seen if seen is not None else [0]
    seen[0] += 1
    most = current_limits().mime_parts
    if seen[0] > most:
        if seen[0] == most + 1:
            defects.append(limit_defect("mime_parts", most, "the later MIME parts were not read"))
        return
    content_type = part.get_content_type()
    filename = _filename(part)
    if content_type == "message/rfc822" or (content_type.startswith("message/") and part.is_multipart() and filename):
        attachments.append(Attachment(filename or "attached message", "message/rfc822", _message_bytes(part)))
        return
    if part.is_multipart():
        payload = part.get_payload()
        for child in payload if isinstance(payload, list) else ():
            _collect(child, texts, htmls, attachments, defects, seen)
        return
    # get_content_disposition, not get(): with 8-bit bytes in the header the standard
    # library hands back a Header object, not a str.
    disposition = part.get_content_disposition() or ""
    if filename or disposition == "attachment":
        attachments.append(Attachment(filename or "", content_type, _payload_bytes(part)))
    elif content_type == "text/plain":
        texts.append(_text(part, defects))
    elif content_type == "text/html":
        htmls.append(_text(part, defects))


def _filename(part) -> str:
    try:
        name = part.get_filename() or ""
    except Exception:
        name = ""
    return _decode_header(name) if name else ""


def _message_bytes(part) -> bytes:
    payload = part.get_payload()
    inner = payload[0] if isinstance(payload, list) and payload else payload
    if isinstance(inner, str):
        return inner.encode("utf-8", "surrogateescape")
    try:
        return inner.as_bytes()
    except Exception:
        return inner.as_string().encode("utf-8", "replace")


def _payload_bytes(part) -> bytes:
    try:
        return part.get_payload(decode=True) or b""
    except Exception:
        payload = part.get_payload()
        return payload.encode("utf-8", "surrogateescape") if isinstance(payload, str) else b""


def _text(part, defects: list[str]) -> str:
    """Decode a text part with its charset; an unknown or wrong charset falls back."""
    data = _payload_bytes(part)
    charset = (part.get_content_charset() or "").strip().strip("\"'")
    where = f"{part.get_content_type()} part"
    return cap_text(decode_bytes(data, charset, defects, where), where, defects)


def decode_bytes(data: bytes, charset: str, defects: list[str], where: str) -> str:
    if charset:
        try:
            codecs.lookup(charset)
        except LookupError:
            defects.append(f"{where}: unknown charset {charset!r}, decoded as utf-8/cp1252")
        else:
            try:
                return data.decode(charset)
            except (UnicodeDecodeError, ValueError):
                defects.append(f"{where}: bytes not valid {charset}, decoded with replacement")
                return data.decode(charset, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def build_email(
    *,
    source: str,
    sender: Party | None,
    to: Iterable[Party] = (),
    cc: Iterable[Party] = (),
    bcc: Iterable[Party] = (),
    subject: str = "",
    date: str = "",
    message_id: str = "",
    headers: Iterable[tuple[str, str]] = (),
    text: str = "",
    html: str | None = None,
    attachments: Iterable[Attachment] = (),
    envelope: Envelope | None = None,
    defects: Iterable[str] = (),
    _depth: int = 0,
    screen: Screen | None = None,
) -> Correspondence:
    """Assemble an email: read attachments, split own text from quoted/forwarded text.

    With a ``screen`` (a message, not one it attaches), the message is first built as an
    outline: every word of its body unsplit, its attachments read. When the screen says no
    rule could fire on it, that outline is what the reader returns: its quotes and
    forwards are never split, nor its HTML alternative compared with the plain part.
    """
    defects, attachments = list(defects), tuple(attachments)
    attached = []
    for attachment in attachments:
        piece = _attachment(attachment, source, defects, _depth)
        if piece is not None:
            attached.append(Nested(Relation.ATTACHED, piece))
    body = text if (text or "").strip() else (html_to_text(html) if html else "")
    outline = Correspondence(
        kind="email",
        source=source,
        sender=sender,
        to=tuple(to),
        cc=tuple(cc),
        bcc=tuple(bcc),
        envelope=envelope or Envelope(),
        subject=subject,
        date=date,
        message_id=message_id,
        headers=tuple(headers),
        own_text=body,
        nested=tuple(attached),
        defects=tuple(defects),
        outline=True,
        digest=_digest(text, html, attachments),
    )
    if screen is not None and (read := _outline_if_no_rule_could_fire(outline, text, html, screen)):
        return read
    own, nested = split_text(body, subject=subject, source=source)
    if memo_header(own, nested, sender, subject):
        own, nested = body.strip("\n"), nested[0].correspondence.nested
    signature = split_signature(own)[1]
    if body is text and html:
        own = with_html_only_lines(own, body, html, subject, source)
    return replace(outline, own_text=own, signature=signature, nested=(*nested, *attached), outline=False)


def _outline_if_no_rule_could_fire(outline: Correspondence, text: str, html: str | None, screen: Screen) -> Correspondence | None:
    """The outline, with the words of the HTML alternative too, when no rule could fire on
    it; None when one could. The HTML is read only to confirm a message for an outline."""
    if screen(outline):
        return None
    if html and outline.own_text is text:
        outline = replace(outline, own_text="\n\n".join([text, html_to_text(html)]))
        if screen(outline):
            return None
    return outline


def _digest(text: str, html: str | None, attachments: Iterable[Attachment]) -> str:
    hashed = hashlib.sha256()
    for piece in (text or "", html or ""):
        hashed.update(piece.encode("utf-8", "surrogatepass") + b"\x1f")
    for attachment in attachments:
        hashed.update(attachment.payload + b"\x1f")
    return hashed.hexdigest()[:32]


def _attachment(attachment: Attachment, source: str, defects: list[str], depth: int) -> Correspondence | None:
    """An attachment the rules can read (message, letter), or None for anything else."""
    name = attachment.filename or ""
    where = f"{source} > {name or attachment.content_type}"
    content_type = (attachment.content_type or "").lower()
    is_letter = name.lower().endswith(_LETTER_SUFFIXES) or (content_type == "text/plain" and name)
    if content_type != "message/rfc822" and not name.lower().endswith(".eml") and not is_letter:
        return None
    most = current_limits().attachment_bytes
    if len(attachment.payload) > most:
        defects.append(limit_defect("attachment_bytes", most, f"attachment {name or content_type!r} of "
                                                               f"{len(attachment.payload)} bytes not read"))
        return None
    try:
        if content_type == "message/rfc822" or name.lower().endswith(".eml"):
            most = current_limits().mime_depth
            if depth >= most:
                raise UnreadableDocument(limit_defect("mime_depth", most, "attached messages nested deeper were not read"))
            return parse_message(attachment.payload, where, _depth=depth + 1)
        return read_letter(attachment.payload, name, where)
    except UnreadableDocument as exc:
        defects.append(f"{ATTACHMENT_DEFECT}{name or content_type!r}: {exc.message}")
    except MemoryError:
        raise  # the worker's limit: the message was not read, and the entry names the limit
    except Exception as exc:
        defects.append(f"{ATTACHMENT_DEFECT}{name or content_type!r}: {READER_FAILED}{type(exc).__name__}: {str(exc)[:100]}")
    return None
