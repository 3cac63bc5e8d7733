"""What Outlook's two formats share: MAPI property tags and the step from MAPI values to
``Correspondence`` (through the same ``build_email`` as every MIME message).

Both ``.msg`` (outlook_msg) and ``.pst`` (outlook_pst) keep MAPI properties rather than
MIME, so the recipients are read from the recipient table, where each row is marked To,
Cc or Bcc (``PR_RECIPIENT_TYPE``): the sender's copy in Sent Items keeps its Bcc rows
even when no header string says so.
"""

from __future__ import annotations

import email.utils
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from ..model import Correspondence, Party, Screen

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
SENSITIVITY = {1: "Personal", 2: "Private", 3: "Company-Confidential"}

def builder():
    from .email import Attachment, build_email  # the email reader's builder, shared by all formats

    return Attachment, build_email


def clean_address(raw: str | None) -> str:
    raw = (raw or "").strip()
    if not raw or raw.lower() == "none" or "@" not in raw or raw.startswith("/"):
        return ""
    return raw.strip("<>").lower()


def make_party(name: str | None, *addresses: str | None) -> Party | None:
    address = next((a for a in map(clean_address, addresses) if a), "")
    name = (name or "").strip()
    if name and clean_address(name) == address:
        name = ""
    if not address and not name:
        return None
    return Party(address=address, name=name)


def format_parties(parties: list[Party]) -> str:
    return ", ".join(email.utils.formataddr((p.name, p.address)) if p.address else p.name for p in parties)


def as_iso(value: Any) -> str:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value.isoformat()
    return str(value or "")


def as_text(value: Any) -> str:
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


def header_pairs(raw: str) -> tuple[tuple[str, str], ...]:
    """Transport headers as decoded (name, value) pairs, in order."""
    if not raw or ":" not in raw:
        return ()
    import email.policy

    message = email.message_from_string(raw.lstrip(), policy=email.policy.compat32)
    return tuple((k, str(v)) for k, v in message.items())


@dataclass
class Parts:
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


def build(source: str, parts: Parts, screen: Screen | None = None) -> Correspondence:
    _, build_email = builder()
    headers = list(parts.headers)
    names = {k.lower() for k, _ in headers}
    # The recipient table is the truth for the sender's copy: make the headers agree with it.
    synthetic = {
        "from": format_parties([parts.sender]) if parts.sender else "",
        "to": format_parties(parts.to),
        "cc": format_parties(parts.cc),
        "bcc": format_parties(parts.bcc),
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
        screen=screen,
    )


def reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}"[:200] if text else type(exc).__name__


def safe(get):
    try:
        return get()
    except Exception:
        return None
