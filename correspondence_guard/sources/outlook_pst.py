"""Outlook ``.pst``/``.ost`` stores, read with libpff-python.

A PST is streamed folder by folder and message by message; it is never loaded whole.
Each message keeps its folder path: ``export.pst:/Sent Items/#123``. The parallel audit
walks a PST as references (:func:`iter_pst_refs`) and reads each in a worker
(:class:`PstReader`). Bcc recipients come from the recipient table.
"""

from __future__ import annotations

import email.utils
import os
from dataclasses import dataclass
from typing import Any, Iterator

from ..errors import UnreadableDocument, UsageError
from ..model import Correspondence, Party, Screen, Unreadable
from .mapi import (
    ATTACH_EMBEDDED_MSG, MAPI_BCC, MAPI_CC, MAPI_TO, PR_SENSITIVITY, PR_ATTACH_FILENAME,
    PR_ATTACH_LONG_FILENAME, PR_ATTACH_METHOD, PR_ATTACH_MIME_TAG, PR_DISPLAY_NAME,
    PR_EMAIL_ADDRESS, PR_INTERNET_MESSAGE_ID, PR_MESSAGE_CLASS, PR_RECIPIENT_TYPE,
    PR_SENDER_EMAIL, PR_SENDER_NAME, PR_SENDER_SMTP, PR_SENT_REPRESENTING_EMAIL,
    PR_SENT_REPRESENTING_NAME, PR_SENT_REPRESENTING_SMTP, PR_SMTP_ADDRESS, PST_MAGIC, Parts,
    SENSITIVITY, as_iso, as_text, build, builder, header_pairs, make_party, reason, safe,
)


def is_pst(head: bytes) -> bool:
    """Does a file starting with ``head`` look like a PST/OST (``!BDN``)?"""
    return head.startswith(PST_MAGIC)



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
        detail = " ".join(str(exc).split())[:150] or type(exc).__name__  # libpff's own words
        raise UsageError(f"{path}: cannot open the PST file ({detail})") from None
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
        yield from _walk_refs(path, source, root)
    finally:
        store.close()


def _folders(source: str, folder, indices: tuple[int, ...] = (), folder_path: str = ""):
    """Each folder, depth first, as (folder, index path, name path); damaged ones become Unreadable."""
    yield folder, indices, folder_path
    try:
        subfolders = folder.number_of_sub_folders
    except Exception as exc:
        yield Unreadable(f"{source}:{folder_path or '/'}", f"damaged PST folder list ({reason(exc)})")
        return
    for j in range(subfolders):
        try:
            sub = folder.get_sub_folder(j)
        except Exception as exc:
            yield Unreadable(f"{source}:{folder_path}/[folder {j}]", f"damaged PST folder ({reason(exc)})")
            continue
        yield from _folders(source, sub, (*indices, j), f"{folder_path}/{_folder_name(sub, j)}")


def _messages_in(source: str, root):
    """(where, folder, index path, message number) for every message; damaged folders as Unreadable."""
    for item in _folders(source, root):
        if isinstance(item, Unreadable):
            yield item
            continue
        folder, indices, folder_path = item
        try:
            count = folder.number_of_sub_messages
        except Exception as exc:
            yield Unreadable(f"{source}:{folder_path or '/'}", f"damaged PST folder ({reason(exc)})")
            continue
        for i in range(count):
            yield f"{source}:{folder_path}/#{i + 1}", folder, indices, i


def _walk_refs(path: str, source: str, root):
    for item in _messages_in(source, root):
        yield item if isinstance(item, Unreadable) else (item[0], PstRef(path, item[2], item[3]))


class PstReader:
    """Reads messages from PST files by reference, keeping each file open between calls."""

    def __init__(self):
        self._open: dict[str, tuple[Any, Any, dict]] = {}

    def read(self, ref: PstRef, source: str, screen: Screen | None = None) -> Correspondence | Unreadable:
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
            return read_pst_message(message, source, screen)
        except UnreadableDocument as exc:
            return Unreadable(source, exc.message)
        except UsageError as exc:
            return Unreadable(source, exc.message)
        except MemoryError:
            raise  # the worker's limit, not damage
        except Exception as exc:
            return Unreadable(source, f"damaged PST message ({reason(exc)})")

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
        yield from _walk_messages(source, root)
    finally:
        store.close()


def _walk_messages(source: str, root):
    for item in _messages_in(source, root):
        if isinstance(item, Unreadable):
            yield item
            continue
        where, folder, _, i = item
        try:
            yield read_pst_message(folder.get_sub_message(i), where)
        except UnreadableDocument as exc:
            yield Unreadable(where, exc.message)
        except MemoryError:
            raise  # the worker's limit, not damage
        except Exception as exc:
            yield Unreadable(where, f"damaged PST message ({reason(exc)})")


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
            return as_text(entry.data).strip("\x00 ")
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
        party = make_party(_string(props, PR_DISPLAY_NAME), _string(props, PR_SMTP_ADDRESS), _string(props, PR_EMAIL_ADDRESS))
        if party is None:
            continue
        kind = _integer(props, PR_RECIPIENT_TYPE) or MAPI_TO
        kind &= 0x0F  # the high bits flag a resend (MAPI_SUBMITTED, MAPI_P1)
        (bcc if kind == MAPI_BCC else cc if kind == MAPI_CC else to).append(party)
    return to, cc, bcc


def read_pst_message(message, source: str, screen: Screen | None = None) -> Correspondence:
    """One ``pypff.message`` as Correspondence; raises on a message that cannot be read."""
    Attachment, _ = builder()
    props = _properties(message)
    message_class = _string(props, PR_MESSAGE_CLASS)
    if message_class and not message_class.upper().startswith(("IPM.NOTE", "IPM.POST", "REPORT.IPM.NOTE", "IPM.SCHEDULE")):
        raise UnreadableDocument(f"not a message: an Outlook {message_class} item")
    defects: list[str] = []
    headers = header_pairs(as_text(safe(lambda: message.transport_headers)))
    try:
        to, cc, bcc = _pst_recipients(message)
    except Exception as exc:
        to, cc, bcc = [], [], []
        defects.append(f"recipient table cannot be read ({reason(exc)})")
    if not (to or cc or bcc) and headers:
        from .addresses import parse_addresses

        for field, bucket in (("to", to), ("cc", cc), ("bcc", bcc)):
            value = next((v for k, v in headers if k.lower() == field), "")
            if value:
                found, problems = parse_addresses(value, field.title())
                bucket.extend(found)
                defects.extend(problems)
    sender = make_party(
        _string(props, PR_SENDER_NAME) or _string(props, PR_SENT_REPRESENTING_NAME) or as_text(safe(lambda: message.sender_name)),
        _string(props, PR_SENDER_SMTP),
        _string(props, PR_SENT_REPRESENTING_SMTP),
        _string(props, PR_SENDER_EMAIL),
        _string(props, PR_SENT_REPRESENTING_EMAIL),
    )
    if sender is None or not sender.address:
        header_from = next((v for k, v in headers if k.lower() == "from"), "")
        if header_from:
            name, address = email.utils.parseaddr(header_from)
            sender = make_party(name or (sender.name if sender else ""), address) or sender
    sensitivity = _integer(props, PR_SENSITIVITY)
    if sensitivity in SENSITIVITY and not any(k.lower() == "sensitivity" for k, _ in headers):
        headers += (("Sensitivity", SENSITIVITY[sensitivity]),)
    date = safe(lambda: message.client_submit_time) or safe(lambda: message.delivery_time)
    if not date:
        date = next((v for k, v in headers if k.lower() == "date"), "")
    attachments = []
    for i in range(safe(lambda: message.number_of_attachments) or 0):
        try:
            attachment = _pst_attachment(message.get_attachment(i), Attachment)
        except Exception as exc:
            defects.append(f"attachment {i + 1} cannot be read ({reason(exc)})")
            continue
        if attachment is not None:
            attachments.append(attachment)
    html = safe(lambda: message.html_body)
    return build(
        source,
        Parts(
            sender=sender,
            to=to,
            cc=cc,
            bcc=bcc,
            subject=as_text(safe(lambda: message.subject)),
            date=as_iso(date),
            message_id=_string(props, PR_INTERNET_MESSAGE_ID),
            headers=headers,
            text=as_text(safe(lambda: message.plain_text_body)),
            html=as_text(html) or None,
            attachments=attachments,
            defects=defects,
        ),
        screen,
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
