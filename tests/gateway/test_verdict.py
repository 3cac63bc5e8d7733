"""The verdict: which action the policy's gateway settings choose for a set of findings."""

from __future__ import annotations

import pytest

from correspondence_guard.errors import PolicyError
from correspondence_guard.gateway.settings import read_settings
from correspondence_guard.gateway.verdict import decide, header_value, reject_reply
from correspondence_guard.model import Evidence, Finding
from correspondence_guard.policy import load_policy

from gwhelpers import write_policy


def finding(rule="silent-copy", severity="error", parties=("b@council.gov.uk",)) -> Finding:
    return Finding(
        rule=rule,
        severity=severity,
        clause="BTC008 7.1",
        message="An officer's message was copied without notice to Cllr B.",
        parties=parties,
        evidence=(Evidence("RCPT TO:<b@council.gov.uk>", "envelope"),),
        remedy="Copy the other councillor openly, or add a note such as 'cc Councillor B'. Then send it again.",
    )


def settings(tmp_path, gateway, action=None):
    return read_settings(load_policy(write_policy(tmp_path, gateway)), action)


def test_the_shipped_default_is_audit_only(tmp_path):
    s = settings(tmp_path, None)
    assert s.audit_only and s.on_failure == "tempfail"
    verdict = decide((finding(),), s)
    assert verdict.action == "audit" and verdict.disposition == "deliver" and verdict.headers == ()


def test_actions_by_rule_and_severity_and_the_strongest_wins(tmp_path):
    s = settings(
        tmp_path,
        {
            "mode": "enforce",
            "actions": {
                "default": "tag",
                "silent-copy": "quarantine",
                "confidential-regulatory-disclosure": {"error": "reject", "warning": "tag"},
            },
        },
    )
    assert s.action_for("silent-copy", "warning") == "quarantine"
    assert s.action_for("confidential-regulatory-disclosure", "warning") == "tag"
    assert s.action_for("confidential-regulatory-disclosure", "error") == "reject"
    assert s.action_for("councillor-obligation", "error") == "tag"

    both = decide((finding(), finding("confidential-regulatory-disclosure", parties=("x@example.org",))), s)
    assert both.disposition == "reject"
    assert both.reply.startswith("Not sent: confidential-regulatory-disclosure")
    assert decide((finding(),), s).disposition == "hold"
    assert decide((), s).headers == (("X-Correspondence-Guard", "clean"),)


def test_the_command_line_action_overrides_every_rule(tmp_path):
    s = settings(tmp_path, {"mode": "audit", "actions": {"silent-copy": "reject"}}, action="tag")
    verdict = decide((finding(),), s)
    assert verdict.action == "tag" and verdict.disposition == "deliver"
    assert dict(verdict.headers)["X-Correspondence-Guard"] == "flagged; rules=silent-copy"
    assert settings(tmp_path, {"mode": "enforce"}, action="audit").audit_only


def test_reject_reply_is_one_ascii_line_without_percent():
    f = finding(parties=("zoë@council.gov.uk",))
    f = Finding(**{**f.__dict__, "remedy": "Write “cc Councillor Zoë” — 100% of the time.\nThen resend."})
    reply = reject_reply((f,))
    assert "\n" not in reply and "%" not in reply
    reply.encode("ascii")
    assert "silent-copy" in reply and "cc Councillor Zoe" in reply


def test_summary_header_is_encoded_when_not_ascii():
    value = header_value("silent-copy: copied to Cllr Zoë")
    value.encode("ascii")
    assert value.startswith("=?utf-8?")


@pytest.mark.parametrize(
    "gateway,key",
    [
        ({"mode": "strict"}, "gateway.mode"),
        ({"actions": {"silent-copy": "shred"}}, "gateway.actions.silent-copy"),
        ({"actions": {"silent-copy": {"fatal": "tag"}}}, "gateway.actions.silent-copy.fatal"),
        ({"on_failure": "drop"}, "gateway.on_failure"),
        ({"timeout_seconds": -1}, "gateway.timeout_seconds"),
        ({"actions": {"default": "notify"}}, "gateway.notify.address"),
        ({"colour": "red"}, "gateway.colour"),
    ],
)
def test_a_wrong_gateway_key_names_the_file_and_the_key(tmp_path, gateway, key):
    with pytest.raises(PolicyError) as err:
        settings(tmp_path, gateway)
    assert key in str(err.value) and "policy.yaml" in str(err.value)
