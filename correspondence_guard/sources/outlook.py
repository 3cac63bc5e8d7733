"""Outlook's own formats: ``.msg`` files (extract-msg) and ``.pst``/``.ost`` stores (libpff).

Both keep MAPI properties rather than MIME, so the recipients are read from the
recipient table, where each row is marked To, Cc or Bcc (``PR_RECIPIENT_TYPE``): the
sender's copy in Sent Items keeps its Bcc rows even when no header string says so.
The rest (body, attachments, nested messages) goes through the same
``build_email`` as every MIME message, so rules see one model.

A PST is streamed folder by folder and message by message; it is never loaded whole.
Each message keeps its folder path: ``export.pst:/Sent Items/#123``.
"""

from __future__ import annotations

import email.utils
import logging
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Iterator

from ..errors import UnreadableDocument, UsageError
from ..model import Correspondence, Party, Unreadable

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
PST_MAGIC = b"!BDN"

# MAPI property tags used here.
PR_MESSAGE_CLASS = 0x001A
PR_SENSITIVITY = 0x0036
PR_SUBJECT = 0x0037
PR_CLIENT_SUBMIT_TIME = 0x0039
PR_SENT_REPRESENTING_NAME = 0x0042
PR_SENT_REPRESENTING_EMAIL = 0x0065
PR_TRANSPORT_HEADERS = 0x007D
PR_RECIPIENT_TYPE = 0x0C15
PR_SENDER_NAME = 0x0C1A
PR_SENDER_EMAIL = 0x0C1F
PR_MESSAGE_DELIVERY_TIME = 0x0E06
PR_INTERNET_MESSAGE_ID = 0x1035
PR_DISPLAY_NAME = 0x3001
PR_EMAIL_ADDRESS = 0x3003
PR_SMTP_ADDRESS = 0x39FE
PR_SENDER_SMTP = 0x5D01
PR_SENT_REPRESENTING_SMTP = 0x5D02
PR_ATTACH_FILENAME = 0x3704
PR_ATTACH_METHOD = 0x3705
PR_ATTACH_LONG_FILENAME = 0x3707
PR_ATTACH_MIME_TAG = 0x370E
ATTACH_EMBEDDED_MSG = 5

MAPI_TO, MAPI_CC, MAPI_BCC = 1, 2, 3
_SENSITIVITY = {1: "Personal", 2: "Private", 3: "Company-Confidential"}

log = logging.getLogger(__name__)


def is_msg(head: bytes) -> bool:
    """Does a file starting with ``head`` look like an OLE2 compound file (a ``.msg``)?"""
    return head.startswith(OLE_MAGIC)


def is_pst(head: bytes) -> bool:
    """Does a file starting with ``head`` look like a PST/OST (``!BDN``)?"""
    return head.startswith(PST_MAGIC)


def _builder():
    from .email import Attachment, build_email  # the email reader's builder, shared by all formats

    return Attachment, build_email


def _address(raw: str | None) -> str:
    raw = (raw or "").strip()
    if not raw or raw.lower() == "none" or "@" not in raw or raw.startswith("/"):
        return ""
    return raw.strip("<>").lower()


def _party(name: str | None, *addresses: str | None) -> Party | None:
    address = next((a for a in map(_address, addresses) if a), "")
    name = (name or "").strip()
    if name and _address(name) == address:
        name = ""
    if not address and not name:
        return None
    return Party(address=address, name=name)


def _format(parties: list[Party]) -> str:
    return ", ".join(email.utils.formataddr((p.name, p.address)) if p.address else p.name for p in parties)


def _iso(value: Any) -> str:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value.isoformat()
    return str(value or "")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bytes):
        for encoding in ("utf-8", "cp1252"):
            try:
                return value.decode(encoding).replace("\x00", "")
            except UnicodeDecodeError:
                continue
        return value.decode("latin-1").replace("\x00", "")
    return str(value).replace("\x00", "")


def _header_pairs(raw: str) -> tuple[tuple[str, str], ...]:
    """Transport headers as decoded (name, value) pairs, in order."""
    if not raw or ":" not in raw:
        return ()
    import email.policy

    message = email.message_from_string(raw.lstrip(), policy=email.policy.compat32)
    return tuple((k, str(v)) for k, v in message.items())


@dataclass
class _Parts:
    """What both Outlook formats yield before it becomes a Correspondence."""

    sender: Party | None
    to: list[Party]
    cc: list[Party]
    bcc: list[Party]
    subject: str
    date: str
    message_id: str
    headers: tuple[tuple[str, str], ...]
    text: str
    html: str | None
    attachments: list
    defects: list[str]


def _build(source: str, parts: _Parts) -> Correspondence:
    _, build_email = _builder()
    headers = list(parts.headers)
    names = {k.lower() for k, _ in headers}
    # The recipient table is the truth for the sender's copy: make the headers agree with it.
    synthetic = {
        "from": _format([parts.sender]) if parts.sender else "",
        "to": _format(parts.to),
        "cc": _format(parts.cc),
        "bcc": _format(parts.bcc),
        "subject": parts.subject,
        "message-id": parts.message_id,
    }
    for key, value in synthetic.items():
        if value and key not in names:
            headers.append((key.title() if key != "message-id" else "Message-ID", value))
    return build_email(
        source=source,
        sender=parts.sender,
        to=tuple(parts.to),
        cc=tuple(parts.cc),
        bcc=tuple(parts.bcc),
        subject=parts.subject,
        date=parts.date,
        message_id=parts.message_id,
        headers=tuple(headers),
        text=parts.text,
        html=parts.html,
        attachments=tuple(parts.attachments),
        defects=tuple(parts.defects),
    )


# --------------------------------------------------------------------------- .msg


def read_msg(path: str, source: str) -> Correspondence:
    """Read one Outlook ``.msg`` file. Raises ``UnreadableDocument`` with a one-line reason."""
    import extract_msg

    try:
        msg = extract_msg.openMsg(path, strict=False, delayAttachments=False)
    except Exception as exc:  # extract-msg raises many types on damaged files
        raise UnreadableDocument(f"not a readable Outlook .msg file ({_reason(exc)})") from None
    try:
        return _build(source, _msg_parts(msg))
    except UnreadableDocument:
        raise
    except Exception as exc:
        raise UnreadableDocument(f"damaged Outlook .msg file ({_reason(exc)})") from None
    finally:
        try:
            msg.close()
        except Exception:
            pass


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}"[:200] if text else type(exc).__name__


def _msg_parts(msg) -> _Parts:
    defects: list[str] = []
    if not hasattr(msg, "recipients"):
        raise UnreadableDocument(f"Outlook item is a {type(msg).__name__}, not a message")
    Attachment, _ = _builder()
    to: list[Party] = []
    cc: list[Party] = []
    bcc: list[Party] = []
    for recipient in msg.recipients or ():
        party = _party(
            getattr(recipient, "name", ""),
            _safe(lambda: recipient.smtpAddress),
            _safe(lambda: recipient.email),
        )
        if party is None:
            continue
        kind = int(getattr(recipient, "type", MAPI_TO) or MAPI_TO)
        (bcc if kind == MAPI_BCC else cc if kind == MAPI_CC else to).append(party)
    transport = _text(_safe(lambda: msg.getStringStream("__substg1.0_007D")))
    headers = _header_pairs(transport)
    if not (to or cc or bcc):
        # no recipient table: fall back to the header strings
        from .addresses import parse_addresses

        for field, bucket in (("to", to), ("cc", cc), ("bcc", bcc)):
            value = _text(_safe(lambda f=field: getattr(msg, f)))
            if value:
                found, problems = parse_addresses(value, field.title())
                bucket.extend(p for p in found if p.address or p.name)
                defects.extend(problems)
    sender = _msg_sender(msg)
    sensitivity = _safe(lambda: msg.getPropertyVal(f"{PR_SENSITIVITY:04X}0003"))
    if isinstance(sensitivity, int) and sensitivity in _SENSITIVITY and not any(k.lower() == "sensitivity" for k, _ in headers):
        headers += (("Sensitivity", _SENSITIVITY[sensitivity]),)
    attachments = []
    for att in _safe(lambda: msg.attachments) or ():
        try:
            attachments.append(_msg_attachment(att, Attachment))
        except Exception as exc:
            name = _safe(lambda: att.longFilename) or _safe(lambda: att.shortFilename) or "attachment"
            defects.append(f"attachment {name} cannot be read ({_reason(exc)})")
    date = _safe(lambda: msg.date)
    return _Parts(
        sender=sender,
        to=to,
        cc=cc,
        bcc=bcc,
        subject=_text(_safe(lambda: msg.subject)),
        date=_iso(date),
        message_id=_text(_safe(lambda: msg.messageId)).strip(),
        headers=headers,
        text=_text(_safe(lambda: msg.body)),
        html=_text(_safe(lambda: msg.htmlBody)) or None,
        attachments=attachments,
        defects=defects,
    )


def _msg_sender(msg) -> Party | None:
    def prop(tag: int):
        return _text(_safe(lambda: msg.getStringStream(f"__substg1.0_{tag:04X}")))

    smtp = prop(PR_SENDER_SMTP) or prop(PR_SENT_REPRESENTING_SMTP)
    name, address = email.utils.parseaddr(_text(_safe(lambda: msg.sender)))
    return _party(
        prop(PR_SENDER_NAME) or prop(PR_SENT_REPRESENTING_NAME) or name,
        smtp,
        address,
        prop(PR_SENDER_EMAIL),
        prop(PR_SENT_REPRESENTING_EMAIL),
    )


def _msg_attachment(att, Attachment):
    name = _safe(lambda: att.longFilename) or _safe(lambda: att.shortFilename) or ""
    data = att.data
    if data is not None and not isinstance(data, (bytes, bytearray)):
        # an embedded message: hand it on as message/rfc822 so it becomes nested correspondence
        embedded = data.asEmailMessage()
        return Attachment(name or "message.eml", "message/rfc822", bytes(embedded.as_bytes()))
    mime = _safe(lambda: att.mimetype) or "application/octet-stream"
    return Attachment(name, mime, bytes(data or b""))


def _safe(get):
    try:
        return get()
    except Exception:
        return None


# --------------------------------------------------------------------------- .pst


@dataclass(frozen=True)
class PstRef:
    """Where one message is in a PST: the file, the folder (indices from the root), the index."""

    path: str
    folder: tuple[int, ...]
    index: int


def open_pst(path: str):
    """Open a PST/OST, or raise ``UsageError`` (exit status 2) when it cannot be opened at all."""
    try:
        import pypff
    except ImportError:
        raise UsageError(
            f"{path}: reading .pst files needs libpff-python: pip install 'correspondence-guard[pst]'"
        ) from None
    store = pypff.file()
    try:
        store.open(os.fspath(path))
        root = store.get_root_folder()
    except Exception as exc:
        raise UsageError(f"{path}: cannot open the PST file ({_reason(exc)})") from None
    if root is None:
        raise UsageError(f"{path}: cannot open the PST file (no root folder)")
    return store, root


def _folder_name(folder, index: int) -> str:
    try:
        name = folder.name
    except Exception:
        name = None
    return (name or f"folder {index}").replace("/", "\u2215")


def iter_pst_refs(path: str, source: str) -> Iterator[tuple[str, PstRef] | Unreadable]:
    """Walk a PST folder by folder, yielding (source, ref) for each message without reading it.

    Folders that cannot be read become ``Unreadable`` entries; the walk goes on.
    """
    store, root = open_pst(path)
    try:
        yield from _walk_refs(path, source, root, (), "")
    finally:
        store.close()


def _walk_refs(path: str, source: str, folder, indices: tuple[int, ...], folder_path: str):
    try:
        count = folder.number_of_sub_messages
    except Exception as exc:
        yield Unreadable(f"{source}:{folder_path or '/'}", f"damaged PST folder ({_reason(exc)})")
        count = 0
    for i in range(count):
        yield f"{source}:{folder_path or ''}/#{i + 1}", PstRef(path, indices, i)
    try:
        subfolders = folder.number_of_sub_folders
    except Exception as exc:
        yield Unreadable(f"{source}:{folder_path or '/'}", f"damaged PST folder list ({_reason(exc)})")
        return
    for j in range(subfolders):
        try:
            sub = folder.get_sub_folder(j)
        except Exception as exc:
            yield Unreadable(f"{source}:{folder_path}/[folder {j}]", f"damaged PST folder ({_reason(exc)})")
            continue
        yield from _walk_refs(path, source, sub, (*indices, j), f"{folder_path}/{_folder_name(sub, j)}")


class PstReader:
    """Reads messages from PST files by reference, keeping each file open between calls."""

    def __init__(self):
        self._open: dict[str, tuple[Any, Any, dict]] = {}

    def read(self, ref: PstRef, source: str) -> Correspondence | Unreadable:
        try:
            store, root, folders = self._open.get(ref.path) or self._opened(ref.path)
            folder = folders.get(ref.folder)
            if folder is None:
                folder = root
                for j in ref.folder:
                    folder = folder.get_sub_folder(j)
                folders.clear()  # keep one folder handle: messages come folder by folder
                folders[ref.folder] = folder
            message = folder.get_sub_message(ref.index)
            return read_pst_message(message, source)
        except UnreadableDocument as exc:
            return Unreadable(source, exc.message)
        except UsageError as exc:
            return Unreadable(source, exc.message)
        except Exception as exc:
            return Unreadable(source, f"damaged PST message ({_reason(exc)})")

    def _opened(self, path: str):
        store, root = open_pst(path)
        self._open[path] = (store, root, {})
        return self._open[path]

    def close(self) -> None:
        for store, _, _ in self._open.values():
            try:
                store.close()
            except Exception:
                pass
        self._open.clear()


def iter_pst(path: str, source: str) -> Iterator[Correspondence | Unreadable]:
    """Every message of a PST, streamed folder by folder; damaged ones become ``Unreadable``."""
    store, root = open_pst(path)
    try:
        yield from _walk_messages(source, root, "")
    finally:
        store.close()


def _walk_messages(source: str, folder, folder_path: str):
    try:
        count = folder.number_of_sub_messages
    except Exception as exc:
        yield Unreadable(f"{source}:{folder_path or '/'}", f"damaged PST folder ({_reason(exc)})")
        count = 0
    for i in range(count):
        where = f"{source}:{folder_path}/#{i + 1}"
        try:
            yield read_pst_message(folder.get_sub_message(i), where)
        except UnreadableDocument as exc:
            yield Unreadable(where, exc.message)
        except Exception as exc:
            yield Unreadable(where, f"damaged PST message ({_reason(exc)})")
    try:
        subfolders = folder.number_of_sub_folders
    except Exception as exc:
        yield Unreadable(f"{source}:{folder_path or '/'}", f"damaged PST folder list ({_reason(exc)})")
        return
    for j in range(subfolders):
        try:
            sub = folder.get_sub_folder(j)
        except Exception as exc:
            yield Unreadable(f"{source}:{folder_path}/[folder {j}]", f"damaged PST folder ({_reason(exc)})")
            continue
        yield from _walk_messages(source, sub, f"{folder_path}/{_folder_name(sub, j)}")


def _properties(item) -> dict[int, Any]:
    """The first record set of a PST item as {property id: entry}."""
    found: dict[int, Any] = {}
    try:
        record_set = item.get_record_set(0) if item.number_of_record_sets else None
    except Exception:
        record_set = None
    if record_set is None:
        return found
    for entry in record_set.entries:
        try:
            found.setdefault(entry.entry_type, entry)
        except Exception:
            continue
    return found


def _string(props: dict[int, Any], tag: int) -> str:
    entry = props.get(tag)
    if entry is None:
        return ""
    try:
        return (entry.data_as_string or "").strip()
    except Exception:
        try:
            return _text(entry.data).strip("\x00 ")
        except Exception:
            return ""


def _integer(props: dict[int, Any], tag: int) -> int | None:
    entry = props.get(tag)
    if entry is None:
        return None
    try:
        return int(entry.data_as_integer)
    except Exception:
        return None


def _pst_recipients(message) -> tuple[list[Party], list[Party], list[Party]]:
    to: list[Party] = []
    cc: list[Party] = []
    bcc: list[Party] = []
    recipients = message.recipients
    if recipients is None:
        return to, cc, bcc
    for record_set in recipients.record_sets:
        props = {}
        for entry in record_set.entries:
            props.setdefault(entry.entry_type, entry)
        party = _party(_string(props, PR_DISPLAY_NAME), _string(props, PR_SMTP_ADDRESS), _string(props, PR_EMAIL_ADDRESS))
        if party is None:
            continue
        kind = _integer(props, PR_RECIPIENT_TYPE) or MAPI_TO
        kind &= 0x0F  # the high bits flag a resend (MAPI_SUBMITTED, MAPI_P1)
        (bcc if kind == MAPI_BCC else cc if kind == MAPI_CC else to).append(party)
    return to, cc, bcc


def read_pst_message(message, source: str) -> Correspondence:
    """One ``pypff.message`` as Correspondence; raises on a message that cannot be read."""
    Attachment, _ = _builder()
    props = _properties(message)
    message_class = _string(props, PR_MESSAGE_CLASS)
    if message_class and not message_class.upper().startswith(("IPM.NOTE", "IPM.POST", "REPORT.IPM.NOTE", "IPM.SCHEDULE")):
        raise UnreadableDocument(f"not a message: an Outlook {message_class} item")
    defects: list[str] = []
    headers = _header_pairs(_text(_safe(lambda: message.transport_headers)))
    try:
        to, cc, bcc = _pst_recipients(message)
    except Exception as exc:
        to, cc, bcc = [], [], []
        defects.append(f"recipient table cannot be read ({_reason(exc)})")
    if not (to or cc or bcc) and headers:
        from .addresses import parse_addresses

        for field, bucket in (("to", to), ("cc", cc), ("bcc", bcc)):
            value = next((v for k, v in headers if k.lower() == field), "")
            if value:
                found, problems = parse_addresses(value, field.title())
                bucket.extend(found)
                defects.extend(problems)
    sender = _party(
        _string(props, PR_SENDER_NAME) or _string(props, PR_SENT_REPRESENTING_NAME) or _text(_safe(lambda: message.sender_name)),
        _string(props, PR_SENDER_SMTP),
        _string(props, PR_SENT_REPRESENTING_SMTP),
        _string(props, PR_SENDER_EMAIL),
        _string(props, PR_SENT_REPRESENTING_EMAIL),
    )
    if sender is None or not sender.address:
        header_from = next((v for k, v in headers if k.lower() == "from"), "")
        if header_from:
            name, address = email.utils.parseaddr(header_from)
            sender = _party(name or (sender.name if sender else ""), address) or sender
    sensitivity = _integer(props, PR_SENSITIVITY)
    if sensitivity in _SENSITIVITY and not any(k.lower() == "sensitivity" for k, _ in headers):
        headers += (("Sensitivity", _SENSITIVITY[sensitivity]),)
    date = _safe(lambda: message.client_submit_time) or _safe(lambda: message.delivery_time)
    if not date:
        date = next((v for k, v in headers if k.lower() == "date"), "")
    attachments = []
    for i in range(_safe(lambda: message.number_of_attachments) or 0):
        try:
            attachment = _pst_attachment(message.get_attachment(i), Attachment)
        except Exception as exc:
            defects.append(f"attachment {i + 1} cannot be read ({_reason(exc)})")
            continue
        if attachment is not None:
            attachments.append(attachment)
    html = _safe(lambda: message.html_body)
    return _build(
        source,
        _Parts(
            sender=sender,
            to=to,
            cc=cc,
            bcc=bcc,
            subject=_text(_safe(lambda: message.subject)),
            date=_iso(date),
            message_id=_string(props, PR_INTERNET_MESSAGE_ID),
            headers=headers,
            text=_text(_safe(lambda: message.plain_text_body)),
            html=_text(html) or None,
            attachments=attachments,
            defects=defects,
        ),
    )


def _pst_attachment(attachment, Attachment):
    props = _properties(attachment)
    name = _string(props, PR_ATTACH_LONG_FILENAME) or _string(props, PR_ATTACH_FILENAME)
    method = _integer(props, PR_ATTACH_METHOD)
    if method == ATTACH_EMBEDDED_MSG:
        raise UnreadableDocument("an embedded Outlook message, which libpff-python does not expose")
    size = attachment.size or 0
    data = attachment.read_buffer(size) if size else b""
    return Attachment(name, _string(props, PR_ATTACH_MIME_TAG) or "application/octet-stream", bytes(data))
