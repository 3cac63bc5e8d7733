"""Outlook ``.msg`` files, read with extract-msg.

The recipients come from the recipient table (To, Cc, Bcc rows), so the sender's copy
keeps its Bcc; embedded messages become nested correspondence. See ``mapi`` for what the
two Outlook formats share.
"""

from __future__ import annotations

import email.utils

from ..errors import UnreadableDocument
from ..model import Correspondence, Party, Screen
from .mapi import (
    PR_SENSITIVITY,
    MAPI_BCC, MAPI_CC, MAPI_TO, OLE_MAGIC, PR_SENDER_EMAIL, PR_SENDER_NAME, PR_SENDER_SMTP,
    PR_SENT_REPRESENTING_EMAIL, PR_SENT_REPRESENTING_NAME, PR_SENT_REPRESENTING_SMTP, Parts,
    SENSITIVITY, as_iso, as_text, build, builder, header_pairs, make_party, reason, safe,
)


def is_msg(head: bytes) -> bool:
    """Does a file starting with ``head`` look like an OLE2 compound file (a ``.msg``)?"""
    return head.startswith(OLE_MAGIC)



def read_msg(path: str, source: str, screen: Screen | None = None) -> Correspondence:
    """Read one Outlook ``.msg`` file. Raises ``UnreadableDocument`` with a one-line reason."""
    import extract_msg

    try:
        msg = extract_msg.openMsg(path, strict=False, delayAttachments=False)
    except MemoryError:
        raise  # the worker's limit, not damage: it is retired and the entry names the limit
    except Exception as exc:  # extract-msg raises many types on damaged files
        raise UnreadableDocument(f"not a readable Outlook .msg file ({reason(exc)})") from None
    try:
        return build(source, _msg_parts(msg), screen)
    except (UnreadableDocument, MemoryError):
        raise
    except Exception as exc:
        raise UnreadableDocument(f"damaged Outlook .msg file ({reason(exc)})") from None
    finally:
        try:
            msg.close()
        except Exception:
            pass

def _msg_parts(msg) -> Parts:
    defects: list[str] = []
    if not hasattr(msg, "recipients"):
        raise UnreadableDocument(f"Outlook item is a {type(msg).__name__}, not a message")
    Attachment, _ = builder()
    to: list[Party] = []
    cc: list[Party] = []
    bcc: list[Party] = []
    for recipient in msg.recipients or ():
        party = make_party(
            getattr(recipient, "name", ""),
            safe(lambda: recipient.smtpAddress),
            safe(lambda: recipient.email),
        )
        if party is None:
            continue
        kind = int(getattr(recipient, "type", MAPI_TO) or MAPI_TO)
        (bcc if kind == MAPI_BCC else cc if kind == MAPI_CC else to).append(party)
    transport = as_text(safe(lambda: msg.getStringStream("__substg1.0_007D")))
    headers = header_pairs(transport)
    if not (to or cc or bcc):
        # no recipient table: fall back to the header strings
        from .addresses import parse_addresses

        for field, bucket in (("to", to), ("cc", cc), ("bcc", bcc)):
            value = as_text(safe(lambda f=field: getattr(msg, f)))
            if value:
                found, problems = parse_addresses(value, field.title())
                bucket.extend(p for p in found if p.address or p.name)
                defects.extend(problems)
    sender = _msg_sender(msg)
    sensitivity = safe(lambda: msg.getPropertyVal(f"{PR_SENSITIVITY:04X}0003"))
    if isinstance(sensitivity, int) and sensitivity in SENSITIVITY and not any(k.lower() == "sensitivity" for k, _ in headers):
        headers += (("Sensitivity", SENSITIVITY[sensitivity]),)
    attachments = []
    for att in safe(lambda: msg.attachments) or ():
        try:
            attachments.append(_msg_attachment(att, Attachment))
        except Exception as exc:
            name = safe(lambda: att.longFilename) or safe(lambda: att.shortFilename) or "attachment"
            defects.append(f"attachment {name} cannot be read ({reason(exc)})")
    date = safe(lambda: msg.date)
    return Parts(
        sender=sender,
        to=to,
        cc=cc,
        bcc=bcc,
        subject=as_text(safe(lambda: msg.subject)),
        date=as_iso(date),
        message_id=as_text(safe(lambda: msg.messageId)).strip(),
        headers=headers,
        text=as_text(safe(lambda: msg.body)),
        html=as_text(safe(lambda: msg.htmlBody)) or None,
        attachments=attachments,
        defects=defects,
    )


def _msg_sender(msg) -> Party | None:
    def prop(tag: int):
        return as_text(safe(lambda: msg.getStringStream(f"__substg1.0_{tag:04X}")))

    smtp = prop(PR_SENDER_SMTP) or prop(PR_SENT_REPRESENTING_SMTP)
    name, address = email.utils.parseaddr(as_text(safe(lambda: msg.sender)))
    return make_party(
        prop(PR_SENDER_NAME) or prop(PR_SENT_REPRESENTING_NAME) or name,
        smtp,
        address,
        prop(PR_SENDER_EMAIL),
        prop(PR_SENT_REPRESENTING_EMAIL),
    )


def _msg_attachment(att, Attachment):
    name = safe(lambda: att.longFilename) or safe(lambda: att.shortFilename) or ""
    data = att.data
    if data is not None and not isinstance(data, (bytes, bytearray)):
        # an embedded message: hand it on as message/rfc822 so it becomes nested correspondence
        embedded = data.asEmailMessage()
        return Attachment(name or "message.eml", "message/rfc822", bytes(embedded.as_bytes()))
    mime = safe(lambda: att.mimetype) or "application/octet-stream"
    return Attachment(name, mime, bytes(data or b""))
