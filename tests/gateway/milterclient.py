"""The MTA side of the milter protocol, for tests: what Postfix's smtpd does, over a socket.

Built on ``miltertest`` (a pure-Python codec of the libmilter protocol, version 6). Like
Postfix, it negotiates first and then honours what the milter asked for: steps the milter
does not want (``SMFIP_NO*``) are not sent and steps it will not answer (``SMFIP_NR_*``)
are not waited for.
"""

from __future__ import annotations

import socket
import struct
from dataclasses import dataclass, field

from miltertest import constants as C
from miltertest.client import MilterConnection


@dataclass
class MilterResult:
    """What the milter answered at the end of the message."""

    reply: str  # accept, continue, reject, tempfail, discard, replycode
    smtp_code: str = ""
    smtp_text: str = ""
    added_headers: list[tuple[str, str]] = field(default_factory=list)
    changed_headers: list[tuple[int, str, str]] = field(default_factory=list)
    quarantine: str | None = None
    early: bool = False  # answered before end of message

    def header(self, name: str) -> str | None:
        return next((v for n, v in self.added_headers if n.lower() == name.lower()), None)


_REPLIES = {
    C.SMFIR_ACCEPT: "accept",
    C.SMFIR_CONTINUE: "continue",
    C.SMFIR_REJECT: "reject",
    C.SMFIR_TEMPFAIL: "tempfail",
    C.SMFIR_DISCARD: "discard",
    C.SMFIR_REPLYCODE: "replycode",
}


def split_message(raw: bytes) -> tuple[list[tuple[str, str]], bytes]:
    """Headers (name, value with folded lines joined by LF, as Postfix sends them) and body."""
    raw = raw.replace(b"\r\n", b"\n")
    head, _, body = raw.partition(b"\n\n")
    headers: list[tuple[str, str]] = []
    for line in head.split(b"\n"):
        text = line.decode("utf-8", "surrogateescape")
        if text[:1] in (" ", "\t") and headers:
            name, value = headers[-1]
            headers[-1] = (name, value + "\n" + text)
        elif ":" in text:
            name, _, value = text.partition(":")
            headers.append((name, value.lstrip(" ")))
    return headers, body.replace(b"\n", b"\r\n")


class MilterClient:
    def __init__(self, host: str, port: int | None = None, timeout: float = 30.0):
        """``host`` and ``port`` for TCP; or ``host`` alone, a Unix socket's path."""
        self.address = (host, port) if port is not None else host
        self.timeout = timeout

    def _connect(self) -> socket.socket:
        if isinstance(self.address, str):
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            sock.settimeout(self.timeout)
            sock.connect(self.address)
            return sock
        return socket.create_connection(self.address, timeout=self.timeout)

    def check(
        self,
        sender: str,
        recipients: list[str],
        message: bytes,
        queue_id: str = "TESTQ1",
    ) -> MilterResult:
        with self._connect() as sock:
            conn = MilterConnection(sock)
            _, protocol = conn.optneg_mta()

            def step(cmd: str, no_flag: int, nr_flag: int, **args):
                """Send one step; return the milter's answer, or None when it is not to answer."""
                if protocol & no_flag:
                    return None
                if protocol & nr_flag:
                    conn._send(cmd, **args)
                    return None
                reply = conn.send_get(cmd, **args)
                if reply[0] != C.SMFIR_CONTINUE:
                    return reply
                return None

            def early(reply) -> MilterResult:
                return MilterResult(reply=_REPLIES.get(reply[0], reply[0]), early=True)

            for reply in (
                step(C.SMFIC_CONNECT, C.SMFIP_NOCONNECT, C.SMFIP_NR_CONN, hostname="localhost", family=C.SMFIA_INET, port=40000, address="127.0.0.1"),
                step(C.SMFIC_HELO, C.SMFIP_NOHELO, C.SMFIP_NR_HELO, helo="client.test"),
            ):
                if reply:
                    return early(reply)
            conn.send_macro(C.SMFIC_MAIL, i=queue_id)
            reply = step(C.SMFIC_MAIL, C.SMFIP_NOMAIL, C.SMFIP_NR_MAIL, args=[f"<{sender}>"])
            if reply:
                return early(reply)
            for rcpt in recipients:
                reply = step(C.SMFIC_RCPT, C.SMFIP_NORCPT, C.SMFIP_NR_RCPT, args=[f"<{rcpt}>"])
                if reply:
                    return early(reply)
            reply = step(C.SMFIC_DATA, C.SMFIP_NODATA, C.SMFIP_NR_DATA)
            if reply:
                return early(reply)
            headers, body = split_message(message)
            for name, value in headers:
                reply = step(C.SMFIC_HEADER, C.SMFIP_NOHDRS, C.SMFIP_NR_HDR, name=name, value=value)
                if reply:
                    return early(reply)
            reply = step(C.SMFIC_EOH, C.SMFIP_NOEOH, C.SMFIP_NR_EOH)
            if reply:
                return early(reply)
            if not protocol & C.SMFIP_NOBODY:
                for start in range(0, len(body), C.MILTER_CHUNK_SIZE):
                    chunk = body[start : start + C.MILTER_CHUNK_SIZE]
                    # Raw bytes: miltertest's encoder would take text only.
                    sock.sendall(struct.pack("!I", len(chunk) + 1) + C.SMFIC_BODY.encode() + chunk)
                    if not protocol & C.SMFIP_NR_BODY:
                        reply = conn.recv()
                        if reply[0] != C.SMFIR_CONTINUE:
                            return early(reply)
            conn.send_macro(C.SMFIC_BODYEOB, i=queue_id)
            result = MilterResult(reply="")
            conn._send(C.SMFIC_BODYEOB)
            # Read every action up to the final reply. (miltertest's send_eom stops at a
            # quarantine, which libmilter sends before the final accept.)
            while not result.reply:
                cmd, args = conn.recv()
                if cmd == C.SMFIR_ADDHEADER:
                    result.added_headers.append((args["name"], args["value"]))
                elif cmd == C.SMFIR_INSHEADER:
                    result.added_headers.append((args["name"], args["value"]))
                elif cmd == C.SMFIR_CHGHEADER:
                    result.changed_headers.append((args["index"], args["name"], args["value"]))
                elif cmd == C.SMFIR_QUARANTINE:
                    result.quarantine = args["reason"]
                elif cmd in _REPLIES:
                    result.reply = _REPLIES[cmd]
                    if cmd == C.SMFIR_REPLYCODE:
                        text = args["text"]
                        result.smtp_code = args["smtpcode"]
                        result.smtp_text = text
            try:
                conn._send(C.SMFIC_QUIT)
            except OSError:
                pass
            return result
