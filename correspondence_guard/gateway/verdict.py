"""From findings and the gateway settings to one verdict: what the gateway does with a message.

Pure functions, no I/O: the milter and the content filter both call :func:`decide` and
only translate its :class:`Verdict` into their protocol (milter replies, exit statuses).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from email.header import Header

from ..model import Finding
from .settings import ACTIONS, GatewaySettings

HEADER = "X-Correspondence-Guard"
SUMMARY_HEADER = "X-Correspondence-Guard-Summary"
HOLD_HEADER = "X-Correspondence-Guard-Hold"
OUR_HEADERS = (HEADER, SUMMARY_HEADER, HOLD_HEADER)

_SUMMARY_LIMIT = 400
_REPLY_LIMIT = 300


@dataclass(frozen=True)
class Verdict:
    """What to do with one message.

    ``action`` is the strongest action the findings call for (``audit`` when nothing is
    to be changed, ``clean`` when there are no findings: the message is tagged clean); ``disposition`` is what happens to the message: ``deliver``, ``hold``
    or ``reject``; ``notify`` says whether the compliance address is told; ``headers``
    are added to a delivered or held message; ``reply`` is the one-line refusal text.
    """

    action: str
    disposition: str
    notify: bool
    findings: tuple[Finding, ...]
    headers: tuple[tuple[str, str], ...]
    reply: str = ""
    reason: str = ""

    @property
    def rules(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.rule for f in self.findings))


def ascii_line(text: str, limit: int) -> str:
    """``text`` as one line of printable ASCII (SMTP replies are ASCII), at most ``limit``."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    out = "".join(c if 32 <= ord(c) < 127 else (" " if c.isspace() else "?") for c in text)
    out = " ".join(out.split())
    if len(out) > limit:
        out = out[: limit - 3].rstrip() + "..."
    return out


def header_value(text: str, limit: int = _SUMMARY_LIMIT) -> str:
    """A header value: one line, RFC 2047-encoded where it is not ASCII."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 3].rstrip() + "..."
    try:
        text.encode("ascii")
        return text
    except UnicodeEncodeError:
        return Header(text, "utf-8").encode(linesep=" ").replace("\n", " ")


def status_value(findings: tuple[Finding, ...]) -> str:
    """``clean``, ``flagged; rules=a,b`` or, past a recorded override, ``...; override=ID``."""
    if not findings:
        return "clean"
    overrides = override_value(findings)
    return "flagged; rules=" + ",".join(dict.fromkeys(f.rule for f in findings)) + (f"; override={overrides}" if overrides else "")


def summary(findings: tuple[Finding, ...]) -> str:
    """One short sentence per finding, for a mail client to show."""
    parts = []
    for f in findings:
        parties = f" [{', '.join(f.parties)}]" if f.parties else ""
        parts.append(f"{f.rule} ({f.clause}){parties}: {f.message}")
    return " | ".join(parts)


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    for stop in (". ", "; "):
        if stop in text:
            return text.split(stop, 1)[0] + "."
    return text


def reject_reply(findings: tuple[Finding, ...]) -> str:
    """The text after ``550 5.7.1``: the rule, who, and what the sender should change."""
    worst = findings[0]
    parties = f" ({', '.join(worst.parties)})" if worst.parties else ""
    more = f" and {len(findings) - 1} more" if len(findings) > 1 else ""
    text = (
        f"Not sent: {worst.rule}{parties}{more}, {worst.clause}."
        f" {_first_sentence(worst.remedy) if worst.remedy else _first_sentence(worst.message)}"
    )
    # libmilter treats % as a format character: it must not appear in the reply.
    return ascii_line(text, _REPLY_LIMIT).replace("%", " percent")


def unchecked_value(reason: str) -> str:
    return "unchecked; reason=" + ascii_line(reason, 200).replace(";", ",")


def _overridden(action: str, finding: Finding) -> str:
    if finding.override is None or action in ("audit", "tag"):
        return action
    return "tag"


def override_value(findings: tuple[Finding, ...]) -> str:
    """The ids of the recorded overrides among ``findings``, for the status header and the log."""
    return ",".join(dict.fromkeys(f.override.id for f in findings if f.override))


def with_unchecked(verdict: Verdict, reason: str, settings: GatewaySettings) -> Verdict:
    """``verdict`` for a message not read whole: its status header says ``unchecked`` and
    why, and it is held when ``on_unreadable`` is ``hold``. A refusal or audit mode stands.
    """
    if verdict.disposition == "reject" or settings.audit_only:
        return verdict
    status = unchecked_value(reason)
    if verdict.findings:
        status = f"{status_value(verdict.findings)}; {status}"
    headers = ((HEADER, status), *((name, value) for name, value in verdict.headers if name != HEADER))
    hold = settings.on_unreadable == "hold" or verdict.disposition == "hold"
    action = verdict.action
    if action in ("clean", "audit"):
        action = "hold-unchecked" if hold else "accept-unchecked"
    return replace(verdict, action=action, disposition="hold" if hold else "deliver", headers=headers,
                   reason=verdict.reason or ascii_line(f"unchecked: {reason}", 200))


def decide(findings: tuple[Finding, ...], settings: GatewaySettings) -> Verdict:
    """The verdict for a message with ``findings`` under ``settings``."""
    findings = tuple(findings)
    if settings.audit_only:
        return Verdict(action="audit", disposition="deliver", notify=False, findings=findings, headers=())

    # A finding the sender overrode with a recorded justification is tagged, never stopped.
    wanted = [_overridden(settings.action_for(f.rule, f.severity), f) for f in findings]
    # "clean" is not an action a policy can choose: it is what a message without findings gets.
    action = max(wanted, key=ACTIONS.index) if wanted else "clean"
    notify = "notify" in wanted
    # Order findings so the one that decided the action comes first (it names the reply).
    findings = tuple(f for _, f in sorted(zip(wanted, findings), key=lambda p: -ACTIONS.index(p[0])))

    headers: list[tuple[str, str]] = [(HEADER, status_value(findings))]
    if findings:
        headers.append((SUMMARY_HEADER, header_value(summary(findings))))

    if action == "reject":
        return Verdict(
            action=action,
            disposition="reject",
            notify=notify,
            findings=findings,
            headers=(),
            reply=reject_reply(findings),
            reason=ascii_line(summary(findings), 200),
        )
    hold = action == "quarantine" or (action == "notify" and settings.notify.hold)
    if action == "audit":
        # Every finding's rule is set to audit: log it, change nothing.
        return Verdict(action=action, disposition="deliver", notify=False, findings=findings, headers=())
    return Verdict(
        action=action,
        disposition="hold" if hold else "deliver",
        notify=notify,
        findings=findings,
        headers=tuple(headers),
        reason=ascii_line(summary(findings), 200) if findings else "",
    )
