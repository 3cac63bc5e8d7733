"""Filters a clerk needs: --since/--until, --sender, --councillor, --rule."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from correspondence_guard.errors import UsageError
from correspondence_guard.audit.filters import AuditFilter, parse_when, resolve_councillor
from correspondence_guard.policy import Councillor, load_policy
from correspondence_guard.testing import email, forwarded, policy, register

REG = register(
    councillors=[
        Councillor("Jane Smith", ("jane.smith@council.gov.uk", "janesmith@gmail.com")),
        Councillor("Tom Brown", ("tom.brown@council.gov.uk",)),
    ],
)
POLICY = policy(REG)
RULES = ("silent-copy", "councillor-obligation", "confidential-regulatory-disclosure")


def doc(date="2024-06-03T10:00:00+01:00", sender="officer@council.gov.uk", to=("resident@example.com",), **kw):
    return dataclasses.replace(email(sender, to=to, text="Hello", **kw), date=date)


def build(**options):
    return AuditFilter.from_options(POLICY, available_rules=RULES, **options)


def test_empty_filter_keeps_everything():
    f = build()
    assert f(doc()) and f(doc(date="")) and not f.narrows_documents and f.rules == ()


def test_since_and_until_are_inclusive_days():
    f = build(since="2024-06-03", until="2024-06-03")
    assert f(doc("2024-06-03T00:00:00+01:00"))
    assert f(doc("2024-06-03T23:59:00+01:00"))
    assert not f(doc("2024-06-02T23:59:00+01:00"))
    assert not f(doc("2024-06-04T00:00:01+01:00"))
    assert f(doc("Mon, 03 Jun 2024 12:00:00 +0100"))  # an RFC 5322 date is read too
    assert not f(doc(""))  # undated: outside any date range


def test_bad_dates_are_usage_errors():
    with pytest.raises(UsageError):
        build(since="last tuesday")
    with pytest.raises(UsageError):
        build(since="2024-06-05", until="2024-06-01")
    assert parse_when("2024-06-01T10:00").hour == 10


def test_sender_matches_address_or_domain():
    assert build(sender="Officer@Council.gov.uk")(doc())
    assert not build(sender="other@council.gov.uk")(doc())
    assert build(sender=["x@y.com", "@council.gov.uk"])(doc())
    with pytest.raises(UsageError):
        build(sender="nobody")


def test_councillor_by_name_or_any_address_is_a_party_anywhere():
    f = build(councillor="Cllr Jane Smith")
    assert f.councillor_addresses == {"jane.smith@council.gov.uk", "janesmith@gmail.com"}
    assert f(doc(to=("janesmith@gmail.com",)))
    assert f(doc(sender="jane.smith@council.gov.uk"))
    assert f(doc(bcc=("jane.smith@council.gov.uk",)))
    inner = email("officer@council.gov.uk", to=["jane.smith@council.gov.uk"], text="Confidential")
    assert f(doc(nested=[forwarded(inner)]))
    assert not f(doc(to=("tom.brown@council.gov.uk",)))
    assert build(councillor="janesmith@gmail.com").councillor_addresses == f.councillor_addresses
    assert resolve_councillor(POLICY, "Brown") == ("tom.brown@council.gov.uk",)
    with pytest.raises(UsageError):
        build(councillor="Nobody Known")


def test_rule_option_selects_rules_and_rejects_unknown_ones():
    f = build(rule=["silent-copy"])
    assert f.rules == ("silent-copy",)
    assert [s.id for s in f.checker(POLICY).rules] == ["silent-copy"]
    with pytest.raises(UsageError) as caught:
        build(rule="no-such-rule")
    assert "no-such-rule" in str(caught.value)


ASHBOURNE = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "ashbourne-vale"


@pytest.mark.shared
def test_filters_in_the_parallel_audit():
    from correspondence_guard.audit import audit

    policy_ = load_policy(ASHBOURNE / "policy.yaml")
    everything = audit([str(ASHBOURNE)], policy_, workers=2, progress=False)
    only = AuditFilter.from_options(policy_, rule="silent-copy")
    narrowed = audit([str(ASHBOURNE)], policy_, workers=2, progress=False, audit_filter=only)
    assert narrowed.rules == ("silent-copy",)
    assert set(narrowed.by_rule()) == {"silent-copy"}
    assert narrowed.by_rule()["silent-copy"] == everything.by_rule()["silent-copy"]
    assert len(narrowed.documents) == len(everything.documents)
    who = AuditFilter.from_options(policy_, councillor="Margaret Holloway")
    hers = audit([str(ASHBOURNE)], policy_, workers=1, progress=False, audit_filter=who)
    assert 0 < len(hers.documents) < len(everything.documents)
