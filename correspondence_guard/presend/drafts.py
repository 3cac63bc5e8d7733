"""A draft as the add-in sends it (JSON) made into the RFC 822 message it will become.

The JSON is assembled into a real message with the standard library's ``email`` package
and read by the same email reader as ``check draft.eml``, so a PDF letter attached to a
draft goes through the letter readers and every rule sees exactly what it sees in an audit.

Shape (every key but ``from`` optional)::

    {"from": "officer@council.gov.uk" | {"name": "...", "address": "..."},
     "to": [...], "cc": [...], "bcc": [...],          # addresses as "from" is
     "subject": "...",
     "body": {"text": "...", "html": "..."},
     "attachments": [{"name": "letter.pdf", "content_type": "application/pdf", "content": "<base64>"}],
     "override": "<id>"}    # the X-Correspondence-Guard-Override the draft already carries
"""

from __future__ import annotations

import base64
import binascii
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formataddr, formatdate, make_msgid
from typing import Any

from ..model import Correspondence
from ..audit.units import read_one
from .overrides import HEADER

MAX_RECIPIENTS = 1000
MAX_ATTACHMENTS = 100


class DraftError(ValueError):
    """The draft is not one the service can check; the message names the field."""


def read_draft(draft: Any, source: str = "draft") -> Correspondence:
    """The draft as ``Correspondence``, read exactly as a sent message would be."""
    return read_one(source, draft_message(draft))


def draft_message(draft: Any) -> bytes:
    """The RFC 822 bytes of the JSON ``draft``. Raises ``DraftError`` naming a bad field."""
    if not isinstance(draft, dict):
        raise DraftError("the draft must be a JSON object")
    message = EmailMessage()
    sender = _addresses(draft.get("from"), "from", single=True)
    if not sender:
        raise DraftError("from: is required")
    message["From"] = sender[0]
    total = 0
    for field in ("to", "cc", "bcc"):
        found = _addresses(draft.get(field), field)
        total += len(found)
        if found:
            message[field.capitalize()] = ", ".join(found)
    if total > MAX_RECIPIENTS:
        raise DraftError(f"more than {MAX_RECIPIENTS} recipients")
    message["Subject"] = _one_line(_text(draft.get("subject"), "subject"))
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain="draft.invalid")
    override = _one_line(_text(draft.get("override"), "override"))
    if override:
        message[HEADER] = override
    _body(message, draft.get("body"))
    for number, attachment in enumerate(_list(draft.get("attachments"), "attachments")):
        if number >= MAX_ATTACHMENTS:
            raise DraftError(f"attachments: more than {MAX_ATTACHMENTS}")
        _attach(message, attachment, f"attachments[{number}]")
    return message.as_bytes(policy=SMTP)


def _body(message: EmailMessage, body: Any) -> None:
    if body is None:
        body = {}
    if isinstance(body, str):
        body = {"text": body}
    if not isinstance(body, dict):
        raise DraftError("body: must be an object with text and/or html")
    text = _text(body.get("text"), "body.text")
    html = _text(body.get("html"), "body.html")
    if html and not text:
        message.set_content(html, subtype="html")
        return
    message.set_content(text or "")
    if html:
        message.add_alternative(html, subtype="html")


def _attach(message: EmailMessage, attachment: Any, key: str) -> None:
    if not isinstance(attachment, dict):
        raise DraftError(f"{key}: must be an object with name, content_type and content")
    name = _one_line(_text(attachment.get("name"), f"{key}.name")) or "attachment"
    content_type = _text(attachment.get("content_type"), f"{key}.content_type") or "application/octet-stream"
    maintype, _, subtype = content_type.strip().lower().partition("/")
    if not maintype.isascii() or not subtype or "/" in subtype or not maintype.replace("-", "").isalnum():
        raise DraftError(f"{key}.content_type: {content_type!r} is not a MIME type")
    try:
        data = base64.b64decode(_text(attachment.get("content"), f"{key}.content"), validate=True)
    except (binascii.Error, ValueError):
        raise DraftError(f"{key}.content: is not base64") from None
    if maintype in ("message", "multipart", "text"):
        # Carried as bytes: the reader knows a letter or a message by its name and content.
        maintype, subtype = "application", "octet-stream"
    message.add_attachment(data, maintype=maintype, subtype=subtype.split(";")[0].strip(), filename=name)


def _addresses(value: Any, key: str, single: bool = False) -> list[str]:
    """Header-ready addresses from a string, an object, or a list of either."""
    if value in (None, "", []):
        return []
    items = value if isinstance(value, list) and not single else [value]
    if single and isinstance(value, list):
        raise DraftError(f"{key}: must be one address")
    found = []
    for number, item in enumerate(items):
        where = key if single else f"{key}[{number}]"
        if isinstance(item, dict):
            name = _one_line(_text(item.get("name"), f"{where}.name"))
            address = _text(item.get("address"), f"{where}.address").strip()
        elif isinstance(item, str):
            name, address = "", item.strip()
        else:
            raise DraftError(f"{where}: must be an address or an object with name and address")
        if address.count("@") != 1 or any(c.isspace() or c in "<>,;\"\\()" for c in address):
            raise DraftError(f"{where}: {address!r} is not an email address")
        found.append(formataddr((name, address)) if name else address)
    return found


def _text(value: Any, key: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise DraftError(f"{key}: must be text")
    return value


def _list(value: Any, key: str) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise DraftError(f"{key}: must be a list")
    return value


def _one_line(text: str) -> str:
    return " ".join(text.split())
