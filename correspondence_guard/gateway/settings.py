"""The gateway's settings, read from the policy's ``gateway:`` mapping.

The mapping is laid over ``policies/defaults.yaml`` by :func:`load_policy`; this module
checks its shape once, when the milter or filter starts, so a wrong key fails at start-up
with the file and the key named (:class:`PolicyError`), never on a message.

Shape (every key optional)::

    gateway:
      mode: audit            # audit: check and log only (the mode a council starts in)
                             # enforce: apply the actions below
      actions:               # per rule id, or "default"; a rule's entry is an action or a
        default: tag         # mapping of severity -> action
        silent-copy: reject
        confidential-regulatory-disclosure: {error: quarantine, warning: tag}
      on_failure: tempfail   # tempfail | accept (with X-Correspondence-Guard: unchecked)
      on_unreadable: accept  # accept (deliver tagged unchecked) | hold: mail it can never read
      max_message_bytes: 26214400   # taken in to check; limits.message_bytes of it are read
      timeout_seconds: 20           # default: limits.seconds
      notify:
        address: compliance@council.gov.uk
        sender: correspondence-guard@council.gov.uk
        smtp_host: localhost
        smtp_port: 25
        hold: false          # after notifying, hold the message (true) or deliver it tagged
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

import math

from ..errors import PolicyError
from ..limits import CEILINGS
from ..policy import SEVERITIES, Policy

ACTIONS = ("audit", "tag", "notify", "quarantine", "reject")
"""Every action, weakest first: when findings call for several, the strongest wins."""

MODES = ("audit", "enforce")
FAILURE_MODES = ("tempfail", "accept")
UNREADABLE_MODES = ("accept", "hold")


@dataclass(frozen=True)
class NotifySettings:
    address: str = ""
    sender: str = ""
    smtp_host: str = "localhost"
    smtp_port: int = 25
    hold: bool = False
    timeout_seconds: float = 10.0


@dataclass(frozen=True)
class GatewaySettings:
    mode: str = "audit"
    default_action: str = "tag"
    # rule id -> {severity or "*": action}
    rule_actions: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    on_failure: str = "tempfail"
    on_unreadable: str = "accept"
    max_message_bytes: int = 25 * 1024 * 1024
    timeout_seconds: float = 20.0
    notify: NotifySettings = field(default_factory=NotifySettings)
    override: str | None = None

    def action_for(self, rule: str, severity: str) -> str:
        """The action a finding of ``rule`` at ``severity`` calls for."""
        if self.override:
            return self.override
        if self.mode == "audit":
            return "audit"
        by_severity = self.rule_actions.get(rule)
        if by_severity:
            return by_severity.get(severity) or by_severity.get("*") or self.default_action
        return self.default_action

    @property
    def audit_only(self) -> bool:
        return (self.override or ("audit" if self.mode == "audit" else None)) == "audit"

    def with_override(self, action: str | None) -> "GatewaySettings":
        if action is None:
            return self
        if action not in ACTIONS:
            raise PolicyError("--action", "", f"must be one of {', '.join(ACTIONS)}, not {action!r}")
        from dataclasses import replace

        return replace(self, override=action)


def _fail(policy: Policy, key: str, problem: str):
    raise PolicyError(policy.source, f"gateway.{key}", problem)


def _choice(policy: Policy, key: str, value: Any, choices: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value.strip().lower() not in choices:
        _fail(policy, key, f"must be one of {', '.join(choices)}, not {value!r}")
    return value.strip().lower()


def _number(policy: Policy, key: str, value: Any, kind=float, ceiling: float = 65535) -> Any:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value <= 0:
        _fail(policy, key, f"must be a positive number, not {value!r}")
    if value > ceiling:
        _fail(policy, key, f"must be at most {ceiling:g}, not {value!r}")
    return kind(value)


def _text(policy: Policy, key: str, value: Any, default: str = "") -> str:
    if value is None:
        return default
    if not isinstance(value, str):
        _fail(policy, key, f"must be text, not {type(value).__name__}")
    return value.strip()


def read_settings(policy: Policy, override: str | None = None) -> GatewaySettings:
    """The gateway settings of ``policy``, with ``override`` (``--action``) for every rule."""
    raw: Mapping[str, Any] = policy.gateway or {}
    known = {"mode", "actions", "on_failure", "on_unreadable", "max_message_bytes", "timeout_seconds", "notify",
             "notify_address"}
    for key in raw:
        if key not in known:
            _fail(policy, str(key), f"is not a gateway setting (known: {', '.join(sorted(known))})")

    mode = _choice(policy, "mode", raw.get("mode", "audit"), MODES)
    actions = raw.get("actions") or {}
    if not isinstance(actions, Mapping):
        _fail(policy, "actions", "must be a mapping of rule id (or default) to an action")
    default_action = _choice(policy, "actions.default", actions.get("default", "tag"), ACTIONS)
    rule_actions: dict[str, dict[str, str]] = {}
    for rule, value in actions.items():
        if rule == "default":
            continue
        key = f"actions.{rule}"
        if isinstance(value, str):
            rule_actions[str(rule)] = {"*": _choice(policy, key, value, ACTIONS)}
        elif isinstance(value, Mapping):
            per: dict[str, str] = {}
            for severity, action in value.items():
                if severity not in (*SEVERITIES, "default"):
                    _fail(policy, f"{key}.{severity}", f"must be a severity ({', '.join(SEVERITIES)}) or default")
                per["*" if severity == "default" else severity] = _choice(policy, f"{key}.{severity}", action, ACTIONS)
            rule_actions[str(rule)] = per
        else:
            _fail(policy, key, "must be an action or a mapping of severity to action")

    notify_raw = raw.get("notify") or {}
    if not isinstance(notify_raw, Mapping):
        _fail(policy, "notify", "must be a mapping (address, sender, smtp_host, smtp_port, hold)")
    address = _text(policy, "notify.address", notify_raw.get("address") or raw.get("notify_address"))
    hold = notify_raw.get("hold", False)
    if not isinstance(hold, bool):
        _fail(policy, "notify.hold", "must be true or false")
    notify = NotifySettings(
        address=address,
        sender=_text(policy, "notify.sender", notify_raw.get("sender")),
        smtp_host=_text(policy, "notify.smtp_host", notify_raw.get("smtp_host"), "localhost") or "localhost",
        smtp_port=_number(policy, "notify.smtp_port", notify_raw.get("smtp_port", 25), int),
        hold=hold,
        timeout_seconds=_number(policy, "notify.timeout_seconds", notify_raw.get("timeout_seconds", 10), ceiling=3600),
    )
    uses_notify = default_action == "notify" or any("notify" in per.values() for per in rule_actions.values())
    if (uses_notify or override == "notify") and "@" not in notify.address:
        _fail(policy, "notify.address", "is required (an email address) when an action is notify")

    settings = GatewaySettings(
        mode=mode,
        default_action=default_action,
        rule_actions=rule_actions,
        on_failure=_choice(policy, "on_failure", raw.get("on_failure", "tempfail"), FAILURE_MODES),
        on_unreadable=_choice(policy, "on_unreadable", raw.get("on_unreadable", "accept"), UNREADABLE_MODES),
        max_message_bytes=_number(policy, "max_message_bytes", raw.get("max_message_bytes", 25 * 1024 * 1024),
                                  int, CEILINGS["message_bytes"]),
        timeout_seconds=_number(policy, "timeout_seconds", raw.get("timeout_seconds", policy.limits.seconds),
                                ceiling=CEILINGS["seconds"]),
        notify=notify,
    )
    return settings.with_override(override)
