"""Recorded overrides: the ``overrides`` listing, and the audit showing each justification."""

from __future__ import annotations

import csv
import io
import json
import subprocess

from correspondence_guard.presend.overrides import OverrideStore
from presend_helpers import CLI, CLLR_QURESHI, OFFICER, SAMPLES, write_policy

WHY = "=HYPERLINK(\"x\") <b>Cllr Qureshi</b> chairs the committee"


def recorded(tmp_path):
    policy = write_policy(tmp_path)
    store = OverrideStore(tmp_path / "overrides.sqlite")
    return policy, store.record(OFFICER, "Hardstanding", [("silent-copy", [CLLR_QURESHI])], WHY)


def overrides(policy, *args):
    return subprocess.run([CLI, "overrides", "--policy", str(policy), *args], capture_output=True, text=True)


def test_the_listing_in_every_format(tmp_path):
    policy, override = recorded(tmp_path)
    listed = json.loads(overrides(policy, "--format", "json").stdout)
    assert listed["council"] == "Pendle Brook Borough Council"
    assert listed["overrides"] == [{"id": override.id, "recorded_at": override.recorded_at, "sender": OFFICER,
                                    "subject": "Hardstanding", "findings": [{"rule": "silent-copy", "parties": [CLLR_QURESHI]}],
                                    "justification": WHY}]
    rows = list(csv.reader(io.StringIO(overrides(policy).stdout)))
    assert rows[0] == ["id", "recorded_at", "sender", "subject", "findings", "justification"]
    assert rows[1][4] == f"silent-copy ({CLLR_QURESHI})" and rows[1][5] == "'" + WHY  # a formula is defused
    page = overrides(policy, "--format", "html").stdout
    assert "&lt;b&gt;Cllr Qureshi&lt;/b&gt;" in page and "<b>Cllr" not in page and "default-src 'none'" in page
    assert json.loads(overrides(policy, "--format", "json", "--since", "2999-01-01").stdout)["overrides"] == []
    assert len(json.loads(overrides(policy, "--format", "json", "--since", override.recorded_at[:10]).stdout)["overrides"]) == 1


def test_listing_needs_a_store_and_a_date(tmp_path):
    policy, _ = recorded(tmp_path)
    bad_date = overrides(policy, "--since", "last week")
    assert bad_date.returncode == 2 and "--since: 'last week' is not a date" in bad_date.stderr
    no_store = overrides(SAMPLES / "policy.yaml")
    assert no_store.returncode == 2 and "presend.overrides names no override store" in no_store.stderr


def test_the_audit_shows_the_justification_beside_the_finding(tmp_path):
    policy, override = recorded(tmp_path)
    raw = (SAMPLES / "mail" / "01-silent-bcc-enforcement-update.eml").read_bytes()
    sent = tmp_path / "sent"
    sent.mkdir()
    (sent / "justified.eml").write_bytes(f"X-Correspondence-Guard-Override: {override.id}\r\n".encode() + raw)
    (sent / "unjustified.eml").write_bytes(raw.replace(b"Message-ID: <01-", b"Message-ID: <another-"))  # not a duplicate
    run = subprocess.run([CLI, "audit", str(sent), "--policy", str(policy), "--format", "json"], capture_output=True, text=True)
    by_name = {d["source"].rsplit("/", 1)[1]: d["findings"] for d in json.loads(run.stdout)["documents"]}
    # This sample's Bcc is Peter Hargreaves: the override shown was for Imran Qureshi, so it covers nothing.
    assert all("override" not in f for f in by_name["justified.eml"] + by_name["unjustified.eml"])

    store = OverrideStore(tmp_path / "overrides.sqlite")
    hargreaves = store.record(OFFICER, "Hardstanding", [("silent-copy", ["peter.hargreaves@pendlebrook.gov.uk"])], "Peter is the ward member's deputy.")
    (sent / "justified.eml").write_bytes(f"X-Correspondence-Guard-Override: {hargreaves.id}\r\n".encode() + raw)
    run = subprocess.run([CLI, "audit", str(sent), "--policy", str(policy), "--format", "json"], capture_output=True, text=True)
    by_name = {d["source"].rsplit("/", 1)[1]: d["findings"] for d in json.loads(run.stdout)["documents"]}
    [finding] = by_name["justified.eml"]
    assert finding["override"] == {"id": hargreaves.id, "sender": OFFICER, "recorded_at": hargreaves.recorded_at,
                                   "justification": "Peter is the ward member's deputy."}
    assert "override" not in by_name["unjustified.eml"][0]
    text = subprocess.run([CLI, "audit", str(sent), "--policy", str(policy)], capture_output=True, text=True).stdout
    assert f"sent anyway by {OFFICER} on {hargreaves.recorded_at} (override {hargreaves.id}): \"Peter is the ward member's deputy.\"" in text
    html = subprocess.run([CLI, "audit", str(sent), "--policy", str(policy), "--format", "html"], capture_output=True, text=True).stdout
    assert "Peter is the ward member&#39;s deputy." in html and f"override {hargreaves.id}" in html
