"""A recorded override at the gateway's verdict: what it changes and what it does not."""

from __future__ import annotations

import dataclasses

from correspondence_guard.gateway.settings import read_settings
from correspondence_guard.gateway.verdict import decide
from correspondence_guard.model import Finding, Override
from correspondence_guard.testing import policy as make_policy

SILENT = Finding("silent-copy", "error", "BTC008 7.1", "copied silently", ("b@council.gov.uk",), (), "add a copy note")
OBLIGATION = Finding("councillor-obligation", "error", "BTC008 7.2", "an instruction", (), (), "send it over an officer's name")
OVERRIDE = Override("abc123", "officer@council.gov.uk", "2026-12-02T10:00:00+00:00", "reason", (("silent-copy", ("b@council.gov.uk",)),))


def settings(action):
    return read_settings(make_policy(), action)


def test_an_overridden_finding_is_tagged_where_it_would_be_rejected_or_held():
    justified = dataclasses.replace(SILENT, override=OVERRIDE)
    for action in ("reject", "quarantine"):
        verdict = decide((justified,), settings(action))
        assert (verdict.action, verdict.disposition) == ("tag", "deliver")
        assert ("X-Correspondence-Guard", "flagged; rules=silent-copy; override=abc123") in verdict.headers


def test_a_finding_the_override_does_not_cover_still_decides():
    justified = dataclasses.replace(SILENT, override=OVERRIDE)
    verdict = decide((justified, OBLIGATION), settings("reject"))
    assert verdict.disposition == "reject" and verdict.findings[0].rule == "councillor-obligation"
    assert decide((justified,), settings("audit")).action == "audit"
