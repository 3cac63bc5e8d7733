"""The milter: Postfix or Sendmail hands each message to it before accepting it.

Built on pymilter (libmilter's Python binding; ``pip install correspondence-guard[milter]``),
like pymilter's own sample milters: one :class:`GuardMilter` instance per SMTP connection
collects the envelope sender and recipients, the headers and the body, and at end of
message runs the engine through :class:`~correspondence_guard.gateway.core.Gateway` and
acts on its verdict. Nothing but this module imports ``Milter``.
"""

from __future__ import annotations

import re

import Milter

from .core import Gateway, Outcome
from .verdict import HEADER, OUR_HEADERS, unchecked_value

MILTER_NAME = "correspondence-guard"
SOCKET_SPEC = re.compile(r"^(?:inet:\d{1,5}(?:@[\w.\-:\[\]]+)?|inet6:\d{1,5}(?:@[\w.\-:\[\]]+)?|(?:unix|local):/\S+)$")
TEMPFAIL_TEXT = "correspondence-guard could not check this message, please try again later"


class GuardMilter(Milter.Base):
    """One SMTP connection. ``gateway`` is set on the class by :func:`serve`.

    The callbacks are not marked ``@Milter.noreply`` on purpose: a step the MTA sends
    without waiting for an answer is followed at once by the next, and TCP's Nagle
    algorithm holds that one until the milter's delayed ACK (40 ms on Linux). Measured
    with ``benchmarks/gateway_latency.py``, that was most of the added latency; an
    answer per step costs a few microseconds.
    """

    gateway: Gateway | None = None

    def __init__(self) -> None:
        self._reset()

    def _reset(self) -> None:
        self.sender = ""
        self.recipients: list[str] = []
        self.headers: list[bytes] = []
        self.body_chunks: list[bytes] = []
        self.size = 0
        self.oversize = False
        self.our_headers: dict[str, int] = {}

    def _grow(self, n: int) -> bool:
        """Count ``n`` more bytes; once over the limit, stop keeping the message."""
        self.size += n
        if self.size > self.gateway.settings.max_message_bytes:
            if not self.oversize:
                self.oversize = True
                self.headers, self.body_chunks = [], []
            return False
        return True

    # -- callbacks ----------------------------------------------------------------------

    def envfrom(self, mailfrom, *params):
        self._reset()
        self.sender = mailfrom
        return Milter.CONTINUE

    def envrcpt(self, to, *params):
        self.recipients.append(to)
        return Milter.CONTINUE

    @Milter.decode("bytes")
    def header(self, name, value):
        if isinstance(value, str):  # an MTA without negotiation may hand us text
            value = value.encode("utf-8", "surrogateescape")
        for ours in OUR_HEADERS:
            if name.lower() == ours.lower():
                self.our_headers[ours] = self.our_headers.get(ours, 0) + 1
        line = name.encode("ascii", "replace") + b": " + value.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n") + b"\r\n"
        if self._grow(len(line)):
            self.headers.append(line)
        return Milter.CONTINUE

    def data(self):
        # Asked for (not @nocallback) on purpose: without it Postfix still sends the DATA
        # macros, as a packet of their own that nothing answers, and Nagle then holds the
        # first header until our delayed ACK (40 ms). With DATA, macros and command go
        # together and get a reply.
        return Milter.CONTINUE

    def eoh(self):
        return Milter.CONTINUE

    def body(self, chunk):
        if self._grow(len(chunk)):
            self.body_chunks.append(chunk)
        return Milter.CONTINUE

    def eom(self):
        gateway = self.gateway
        queue_id = self.getsymval("i") or ""
        try:
            if self.oversize:
                limit = gateway.settings.max_message_bytes
                outcome = Outcome(failure=f"message of over {self.size} bytes is over the limit of {limit} bytes")
            else:
                raw = b"".join(self.headers) + b"\r\n" + b"".join(self.body_chunks)
                self.headers, self.body_chunks = [], []
                outcome = gateway.check(raw, self.sender, self.recipients, source=f"milter:{queue_id or 'message'}")
            return self._act(outcome, queue_id)
        except Exception as exc:  # noqa: BLE001 - a milter must answer, whatever happened
            return self._fail(Outcome(failure=f"{type(exc).__name__}: {exc}"), queue_id)
        finally:
            self.headers, self.body_chunks = [], []

    def abort(self):
        self._reset()
        return Milter.CONTINUE

    def close(self):
        return Milter.CONTINUE

    # -- acting on the verdict ----------------------------------------------------------

    def _log(self, outcome: Outcome, queue_id: str, action: str) -> None:
        self.gateway.log(outcome, queue_id=queue_id, sender=self.sender, recipients=self.recipients, action=action)

    def _fail(self, outcome: Outcome, queue_id: str):
        if self.gateway.settings.on_failure == "accept":
            self.addheader(HEADER, unchecked_value(outcome.failure))
            self._log(outcome, queue_id, "accept-unchecked")
            return Milter.ACCEPT
        self.setreply("451", "4.7.1", TEMPFAIL_TEXT)
        self._log(outcome, queue_id, "tempfail")
        return Milter.TEMPFAIL

    def _drop_our_headers(self) -> None:
        """Remove X-Correspondence-Guard headers the sender wrote: only we may set them."""
        for name, count in self.our_headers.items():
            for index in range(count, 0, -1):
                self.chgheader(name, index, "")

    def _act(self, outcome: Outcome, queue_id: str):
        if outcome.failed:
            return self._fail(outcome, queue_id)
        verdict = outcome.verdict
        if verdict.notify:
            try:
                self.gateway.notify(outcome, self.sender, self.recipients, queue_id)
            except Exception as exc:  # noqa: BLE001
                outcome.failure = f"notification to {self.gateway.settings.notify.address} failed: {exc}"
                outcome.verdict = None
                return self._fail(outcome, queue_id)
        if verdict.disposition == "reject":
            self.setreply("550", "5.7.1", verdict.reply)
            self._log(outcome, queue_id, "reject")
            return Milter.REJECT
        if verdict.action != "audit":
            self._drop_our_headers()
        for name, value in verdict.headers:
            self.addheader(name, value)
        if verdict.disposition == "hold":
            self.quarantine(f"correspondence-guard: {verdict.reason}"[:250])
        self._log(outcome, queue_id, verdict.action)
        return Milter.ACCEPT


def _nodelay_on_listening_sockets() -> int:
    """Set TCP_NODELAY on libmilter's listening TCP socket; accepted sockets inherit it.

    libmilter writes each action (add header, quarantine, accept) as its own small
    packet. Without TCP_NODELAY, Nagle's algorithm holds every packet after the first
    until the MTA acknowledges it, and the MTA delays that acknowledgement (40 ms on
    Linux) because it is only reading: a tagged message waited 40-90 ms for nothing.
    libmilter has no option for it, so we find the socket among our file descriptors.
    """
    import os
    import socket

    done = 0
    try:
        names = os.listdir("/proc/self/fd")
    except OSError:
        return 0
    for name in names:
        try:
            fd = int(name)
            if not os.readlink(f"/proc/self/fd/{fd}").startswith("socket:"):
                continue
            sock = socket.socket(fileno=os.dup(fd))
        except (OSError, ValueError):
            continue
        try:
            if (
                sock.family in (socket.AF_INET, socket.AF_INET6)
                and sock.type == socket.SOCK_STREAM
                and sock.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN)
            ):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                done += 1
        except OSError:
            pass
        finally:
            sock.close()
    return done


def serve(gateway: Gateway, socket: str, timeout: int = 600) -> None:
    """Run the milter on ``socket`` (``inet:PORT@HOST`` or ``unix:PATH``) until stopped.

    What ``Milter.runmilter`` does, with one step between opening the socket and serving:
    TCP_NODELAY on the listening socket (see :func:`_nodelay_on_listening_sockets`).
    """
    import milter as libmilter

    gateway.warm_up()
    GuardMilter.gateway = gateway
    Milter.factory = GuardMilter
    Milter.set_flags(Milter.ADDHDRS | Milter.CHGHDRS | Milter.QUARANTINE)
    libmilter.set_connect_callback(Milter.connect_callback)
    libmilter.set_helo_callback(lambda ctx, host: ctx.getpriv().hello(host))
    libmilter.set_envfrom_callback(lambda ctx, *b: ctx.getpriv().envfrom_bytes(*b))
    libmilter.set_envrcpt_callback(lambda ctx, *b: ctx.getpriv().envrcpt_bytes(*b))
    libmilter.set_header_callback(lambda ctx, f, v: ctx.getpriv().header_bytes(f, v))
    libmilter.set_eoh_callback(lambda ctx: ctx.getpriv().eoh())
    libmilter.set_body_callback(lambda ctx, chunk: ctx.getpriv().body(chunk))
    libmilter.set_eom_callback(lambda ctx: ctx.getpriv().eom())
    libmilter.set_abort_callback(lambda ctx: ctx.getpriv().abort())
    libmilter.set_close_callback(Milter.close_callback)
    libmilter.setconn(socket)
    if timeout > 0:
        libmilter.settimeout(timeout)
    libmilter.register(
        MILTER_NAME,
        data=lambda ctx: ctx.getpriv().data(),
        unknown=lambda ctx, cmd: ctx.getpriv().unknown(cmd),
        negotiate=Milter.negotiate_callback,
    )
    libmilter.opensocket(True)
    if socket.startswith("inet"):
        _nodelay_on_listening_sockets()
    libmilter.main()
