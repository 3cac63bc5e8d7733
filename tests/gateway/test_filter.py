"""The content filter: ``correspondence-guard filter`` as a process, stdin to stdout, sysexits."""

from __future__ import annotations

import email
import subprocess

import pytest

from gwhelpers import CLLR_A, CLLR_B, OFFICER, cli, cli_env, message, write_policy

EX_OK, EX_UNAVAILABLE, EX_TEMPFAIL = 0, 69, 75


def run_filter(policy, raw, recipients, *extra, plugin=True):
    args = ["filter", "--sender", OFFICER, "--policy", str(policy), *extra]
    for rcpt in recipients:
        args += ["--recipient", rcpt]
    return subprocess.run(cli(*args), input=raw, capture_output=True, env=cli_env(plugin), timeout=120)


@pytest.fixture
def enforce(tmp_path):
    return write_policy(tmp_path, {"mode": "enforce"})


def test_clean_message_is_delivered_tagged_clean(enforce):
    raw = message()
    done = run_filter(enforce, raw, [CLLR_A])
    assert done.returncode == EX_OK, done.stderr
    assert done.stdout == b"X-Correspondence-Guard: clean\r\n" + raw


def test_hidden_envelope_recipient_is_flagged(enforce):
    raw = message()
    done = run_filter(enforce, raw, [CLLR_A, CLLR_B])
    assert done.returncode == EX_OK, done.stderr
    out = email.message_from_bytes(done.stdout)
    assert out["X-Correspondence-Guard"] == "flagged; rules=silent-copy"
    assert CLLR_B in out["X-Correspondence-Guard-Summary"]
    assert done.stdout.endswith(raw.split(b"\r\n\r\n", 1)[1])  # body untouched
    log = [line for line in done.stderr.decode().splitlines() if line.startswith("{")]
    assert '"rule": "silent-copy"' in log[-1]


def test_reject_exits_69_with_the_reason_and_no_message(tmp_path):
    policy = write_policy(tmp_path, {"mode": "enforce", "actions": {"silent-copy": "reject"}})
    done = run_filter(policy, message(), [CLLR_A, CLLR_B])
    assert done.returncode == EX_UNAVAILABLE
    assert done.stdout == b""
    assert b"5.7.1 Not sent: silent-copy" in done.stderr


def test_quarantine_marks_the_message_for_the_mta_to_hold(enforce):
    done = run_filter(enforce, message(), [CLLR_A, CLLR_B], "--action", "quarantine")
    assert done.returncode == EX_OK
    assert email.message_from_bytes(done.stdout)["X-Correspondence-Guard-Hold"] == "yes"


def test_audit_only_passes_the_message_through_byte_for_byte(tmp_path):
    policy = write_policy(tmp_path, None)  # shipped default: mode audit
    raw = message(extra_headers="X-Correspondence-Guard: clean\r\n")
    done = run_filter(policy, raw, [CLLR_A, CLLR_B])
    assert done.returncode == EX_OK
    assert done.stdout == raw
    assert b'"action": "audit"' in done.stderr


def test_a_forged_guard_header_is_replaced(enforce):
    raw = message(extra_headers="X-Correspondence-Guard: clean\r\n")
    done = run_filter(enforce, raw, [CLLR_A, CLLR_B])
    values = email.message_from_bytes(done.stdout).get_all("X-Correspondence-Guard")
    assert values == ["flagged; rules=silent-copy"]


@pytest.mark.parametrize(
    "settings,subject,body",
    [
        ({}, "[fault:raise] Play area", None),
        ({"timeout_seconds": 1}, "[fault:sleep=3] Play area", None),
        ({"max_message_bytes": 2000}, "Play area", "padding line\r\n" * 400),
    ],
    ids=["exception", "timeout", "oversize"],
)
@pytest.mark.parametrize("on_failure", ["tempfail", "accept"])
def test_failures_follow_on_failure(tmp_path, settings, subject, body, on_failure):
    policy = write_policy(tmp_path, {"mode": "enforce", "on_failure": on_failure, **settings})
    raw = message(subject=subject, body=body)
    done = run_filter(policy, raw, [CLLR_A, CLLR_B])
    if on_failure == "tempfail":
        assert done.returncode == EX_TEMPFAIL
        assert done.stdout == b""
        assert b"4.7.1" in done.stderr
    else:
        assert done.returncode == EX_OK
        assert done.stdout.startswith(b"X-Correspondence-Guard: unchecked; reason=")
        assert done.stdout.endswith(raw)


def test_a_broken_policy_is_a_tempfail_not_a_bounce(tmp_path):
    policy = write_policy(tmp_path, {"on_failure": "maybe"})
    done = run_filter(policy, message(), [CLLR_A])
    assert done.returncode == EX_TEMPFAIL
    assert b"gateway.on_failure" in done.stderr


def test_the_filter_works_without_pymilter_and_the_milter_says_what_to_install(enforce):
    """pymilter is an optional extra: the core command and the filter must not need it."""
    import sys

    block = "import sys; sys.modules['Milter'] = None; sys.modules['milter'] = None; from correspondence_guard.cli import main; sys.exit(main(sys.argv[1:]))"
    filtered = subprocess.run(
        [sys.executable, "-c", block, "filter", "--sender", OFFICER, "--recipient", CLLR_A, "--policy", str(enforce)],
        input=message(),
        capture_output=True,
        env=cli_env(),
        timeout=120,
    )
    assert filtered.returncode == EX_OK, filtered.stderr
    assert filtered.stdout.startswith(b"X-Correspondence-Guard: clean")
    milter = subprocess.run(
        [sys.executable, "-c", block, "milter", "--socket", "inet:1@127.0.0.1", "--policy", str(enforce)],
        capture_output=True,
        text=True,
        env=cli_env(),
        timeout=120,
    )
    assert milter.returncode != 0
    assert "pymilter" in milter.stderr and "correspondence-guard[milter]" in milter.stderr
