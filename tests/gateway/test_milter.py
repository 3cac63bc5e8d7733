"""The milter, driven through the milter protocol as an MTA drives it (no mocks).

Each test starts ``correspondence-guard milter`` as a process and speaks libmilter's
protocol to it with :class:`MilterClient`: negotiation, MAIL, RCPT, headers, body, end of
message, then reads back the actions (added headers, reply code, quarantine).
"""

from __future__ import annotations

import email

import pytest
from milterclient import MilterClient

from gwhelpers import CLLR_A, CLLR_B, COMPLIANCE, OFFICER, message

ENFORCE = {"mode": "enforce"}


def run(milter, recipients, raw=None, queue_id="TESTQ1"):
    return MilterClient("127.0.0.1", milter.port).check(OFFICER, recipients, raw or message(), queue_id=queue_id)


def test_hidden_recipient_only_in_the_envelope_is_a_silent_copy(milter_factory):
    milter = milter_factory(ENFORCE)
    # The same message, To councillor A: with councillor B only as an extra RCPT TO it is
    # a silent copy; with A alone it is clean.
    clean = run(milter, [CLLR_A], queue_id="CLEAN1")
    flagged = run(milter, [CLLR_A, CLLR_B], queue_id="FLAG1")

    assert clean.reply == "accept"
    assert clean.header("X-Correspondence-Guard") == "clean"
    assert flagged.reply == "accept"
    assert flagged.header("X-Correspondence-Guard") == "flagged; rules=silent-copy"
    summary = flagged.header("X-Correspondence-Guard-Summary")
    assert summary and "silent-copy" in summary and CLLR_B in summary

    records = milter.wait_for_log(2)
    by_queue = {r["queue_id"]: r for r in records}
    assert by_queue["CLEAN1"]["findings"] == [] and by_queue["CLEAN1"]["action"] == "clean"
    flag = by_queue["FLAG1"]
    assert flag["findings"] == [{"rule": "silent-copy", "severity": "error", "parties": [CLLR_B]}]
    assert flag["action"] == "tag"
    assert flag["message_id"] == "<play-area-1@ashdownvale.gov.uk>"
    assert flag["sender"] == OFFICER and flag["recipients"] == 2
    assert isinstance(flag["elapsed_ms"], (int, float))


def test_a_copy_note_naming_the_hidden_councillor_is_not_flagged(milter_factory):
    milter = milter_factory(ENFORCE)
    body = (
        "Dear Councillor Archer,\r\n\r\nThe repairs to the play area are booked for next month.\r\n\r\n"
        "cc Councillor Baker\r\n\r\nKind regards,\r\nOlive Officer\r\n"
    )
    result = run(milter, [CLLR_A, CLLR_B], message(body=body))
    assert result.reply == "accept"
    assert result.header("X-Correspondence-Guard") == "clean"


def test_reject_refuses_with_550_5_7_1_naming_the_rule_and_the_fix(milter_factory):
    milter = milter_factory({"mode": "enforce", "actions": {"default": "tag", "silent-copy": "reject"}})
    result = run(milter, [CLLR_A, CLLR_B])
    assert result.reply == "replycode"
    assert result.smtp_code == "550"
    assert result.smtp_text.startswith("5.7.1 ")
    text = result.smtp_text
    assert "silent-copy" in text and CLLR_B in text
    assert "cc Councillor" in text  # tells the sender what to change
    assert "\n" not in text and "\r" not in text
    assert milter.wait_for_log(1)[-1]["action"] == "reject"
    # A clean message still goes through, tagged clean.
    assert run(milter, [CLLR_A]).header("X-Correspondence-Guard") == "clean"


def test_action_by_severity(milter_factory):
    milter = milter_factory({"mode": "enforce", "actions": {"default": "reject", "silent-copy": {"warning": "reject", "error": "quarantine"}}})
    result = run(milter, [CLLR_A, CLLR_B])
    assert result.reply == "accept" and result.quarantine


def test_quarantine_holds_the_message_and_says_why(milter_factory):
    milter = milter_factory(ENFORCE, action="quarantine")
    result = run(milter, [CLLR_A, CLLR_B])
    assert result.reply == "accept"
    assert result.quarantine is not None and "silent-copy" in result.quarantine
    assert result.header("X-Correspondence-Guard") == "flagged; rules=silent-copy"
    assert milter.wait_for_log(1)[-1]["action"] == "quarantine"


@pytest.mark.parametrize("hold", [False, True])
def test_notify_sends_the_finding_to_the_compliance_address(milter_factory, smtp_sink, hold):
    milter = milter_factory(
        {
            "mode": "enforce",
            "actions": {"default": "notify"},
            "notify": {"address": COMPLIANCE, "smtp_host": "127.0.0.1", "smtp_port": smtp_sink.port, "hold": hold},
        }
    )
    result = run(milter, [CLLR_A, CLLR_B], queue_id="NOTE1")
    assert result.reply == "accept"
    assert result.header("X-Correspondence-Guard") == "flagged; rules=silent-copy"
    assert (result.quarantine is not None) is hold

    (note,) = smtp_sink.wait_for(1)
    assert note.rcpt_tos == [COMPLIANCE]
    assert note.mail_from in ("", "<>")  # null sender: a bounce of the notification cannot loop
    parsed = email.message_from_bytes(note.data)
    assert "silent-copy" in parsed["Subject"]
    body = parsed.get_payload(decode=True).decode()
    assert CLLR_B in body and "NOTE1" in body and "<play-area-1@ashdownvale.gov.uk>" in body
    assert ("held" in body) is hold

    # A clean message notifies no one.
    assert run(milter, [CLLR_A]).header("X-Correspondence-Guard") == "clean"
    assert len(smtp_sink.messages) == 1


def test_notify_that_cannot_be_sent_is_a_tempfail(milter_factory):
    from gwhelpers import free_port

    milter = milter_factory(
        {
            "mode": "enforce",
            "actions": {"default": "notify"},
            "notify": {"address": COMPLIANCE, "smtp_host": "127.0.0.1", "smtp_port": free_port()},
        }
    )
    result = run(milter, [CLLR_A, CLLR_B])
    assert result.reply == "replycode" and result.smtp_code == "451"
    record = milter.wait_for_log(1)[-1]
    assert record["action"] == "tempfail" and "notification" in record["error"]


@pytest.mark.parametrize("how", ["default-mode", "action-override"])
def test_audit_only_changes_nothing_but_logs(milter_factory, how):
    if how == "default-mode":
        milter = milter_factory(None)  # the shipped default: mode audit
    else:
        milter = milter_factory({"mode": "enforce", "actions": {"default": "reject"}}, action="audit")
    raw = message(extra_headers="X-Correspondence-Guard: clean\r\n")
    result = run(milter, [CLLR_A, CLLR_B], raw)
    assert result.reply == "accept"
    assert result.added_headers == [] and result.changed_headers == [] and result.quarantine is None
    record = milter.wait_for_log(1)[-1]
    assert record["action"] == "audit"
    assert [f["rule"] for f in record["findings"]] == ["silent-copy"]


def test_a_forged_guard_header_from_the_sender_is_removed(milter_factory):
    milter = milter_factory(ENFORCE)
    raw = message(extra_headers="X-Correspondence-Guard: clean\r\nX-Correspondence-Guard-Summary: all fine\r\n")
    result = run(milter, [CLLR_A, CLLR_B], raw)
    assert (1, "X-Correspondence-Guard", "") in result.changed_headers
    assert (1, "X-Correspondence-Guard-Summary", "") in result.changed_headers
    assert result.header("X-Correspondence-Guard") == "flagged; rules=silent-copy"


# -- failure paths ----------------------------------------------------------------------

FAILURES = {
    "exception": ({}, message(subject="[fault:raise] Play area"), "RuntimeError"),
    "timeout": ({"timeout_seconds": 1}, message(subject="[fault:sleep=3] Play area"), "longer than 1 s"),
    "oversize": ({"max_message_bytes": 2000}, message(body="x" * 70 + "\r\n" + ("padding " * 9 + "\r\n") * 60), "over the limit"),
}


@pytest.mark.parametrize("failure", sorted(FAILURES))
def test_a_failed_check_is_a_tempfail(milter_factory, failure):
    settings, raw, reason = FAILURES[failure]
    milter = milter_factory({"mode": "enforce", **settings})
    result = run(milter, [CLLR_A, CLLR_B], raw)
    assert result.reply == "replycode"
    assert result.smtp_code == "451" and result.smtp_text.startswith("4.7.1 ")
    assert result.added_headers == []
    record = milter.wait_for_log(1)[-1]
    assert record["action"] == "tempfail" and reason in record["error"]
    # The milter is still serving: the next ordinary message is checked.
    assert run(milter, [CLLR_A, CLLR_B]).header("X-Correspondence-Guard") == "flagged; rules=silent-copy"


@pytest.mark.parametrize("failure", sorted(FAILURES))
def test_on_failure_accept_delivers_with_the_unchecked_header(milter_factory, failure):
    settings, raw, reason = FAILURES[failure]
    milter = milter_factory({"mode": "enforce", "on_failure": "accept", **settings})
    result = run(milter, [CLLR_A, CLLR_B], raw)
    assert result.reply == "accept"
    value = result.header("X-Correspondence-Guard")
    assert value.startswith("unchecked; reason=") and reason in value
    assert milter.wait_for_log(1)[-1]["action"] == "accept-unchecked"


def test_a_broken_policy_stops_the_milter_at_start_with_the_key_named(tmp_path):
    import subprocess

    from gwhelpers import cli, cli_env, write_policy

    policy = write_policy(tmp_path, {"actions": {"silent-copy": "shred"}})
    done = subprocess.run(cli("milter", "--socket", "inet:1@127.0.0.1", "--policy", str(policy)), env=cli_env(), capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "gateway.actions.silent-copy" in done.stderr and str(policy) in done.stderr


def test_the_milter_listens_on_a_unix_socket(tmp_path):
    import subprocess
    import time

    from gwhelpers import cli, cli_env, write_policy

    policy = write_policy(tmp_path, ENFORCE)
    path = tmp_path / "milter.sock"
    proc = subprocess.Popen(
        cli("milter", "--socket", f"unix:{path}", "--policy", str(policy), "--log", str(tmp_path / "log")),
        env=cli_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while not path.exists():
            assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read() if proc.poll() is not None else "no socket"
            time.sleep(0.05)
        result = MilterClient(str(path)).check(OFFICER, [CLLR_A, CLLR_B], message())
        assert result.header("X-Correspondence-Guard") == "flagged; rules=silent-copy"
    finally:
        proc.kill()
        proc.wait(timeout=10)
