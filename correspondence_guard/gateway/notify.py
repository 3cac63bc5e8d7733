"""The ``notify`` action: tell the compliance address what was found, through the local MTA."""

from __future__ import annotations

import smtplib
import socket
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Iterable

from .settings import NotifySettings
from .verdict import Verdict

# Marks the notification for mail filters and people; the gateway still checks it like any
# other message (a header anyone can write must not switch the check off).
NOTIFICATION_HEADER = "X-Correspondence-Guard-Notification"


def build_notification(
    settings: NotifySettings,
    verdict: Verdict,
    *,
    sender: str,
    recipients: Iterable[str],
    message_id: str,
    queue_id: str,
    council: str = "",
) -> EmailMessage:
    recipients = tuple(recipients)
    disposition = {"deliver": "delivered (tagged)", "hold": "held", "reject": "refused"}[verdict.disposition]
    rules = ", ".join(verdict.rules) or "none"
    msg = EmailMessage()
    msg["From"] = settings.sender or f"correspondence-guard@{socket.getfqdn()}"
    msg["To"] = settings.address
    msg["Subject"] = f"[correspondence-guard] {rules}: message from {sender or '<>'} {disposition}"
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid("correspondence-guard")
    msg["Auto-Submitted"] = "auto-generated"
    msg[NOTIFICATION_HEADER] = "yes"
    lines = [
        f"The correspondence gateway{' of ' + council if council else ''} found a breach of the",
        "Member/Officer protocol in a message as it left.",
        "",
        f"Message-ID: {message_id or '(none)'}",
        f"Queue ID:   {queue_id or '(none)'}",
        f"Sender:     {sender or '<>'}",
        f"Recipients: {', '.join(recipients)}",
        f"Action:     {verdict.action}; the message was {disposition}.",
        "",
    ]
    for finding in verdict.findings:
        lines += [
            f"* {finding.rule} ({finding.severity}, {finding.clause})",
            f"  {finding.message}",
        ]
        if finding.parties:
            lines.append(f"  Parties: {', '.join(finding.parties)}")
        for ev in finding.evidence:
            lines.append(f"  Evidence ({ev.where}): {ev.text}")
        if finding.remedy:
            lines.append(f"  What to do: {finding.remedy}")
        lines.append("")
    msg.set_content("\n".join(lines))
    return msg


def send_notification(settings: NotifySettings, verdict: Verdict, **details) -> None:
    """Send the notification to ``settings.address`` through ``smtp_host:smtp_port``."""
    msg = build_notification(settings, verdict, **details)
    with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=settings.timeout_seconds) as smtp:
        # Null envelope sender: a bounce of the notification must not loop back to us.
        smtp.send_message(msg, from_addr="<>", to_addrs=[settings.address])
