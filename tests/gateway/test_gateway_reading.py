"""What the gateway makes of the reader's answer: a verdict, mail it can never read, or a fault.

The three must stay apart: a message is checked with its SMTP envelope; bytes that are not
an email are delivered tagged ``unchecked`` (for good, never retried); a reader that
raises is a fault of the checker, which follows ``on_failure`` (by default the mail server
keeps the message) and is never passed off as unreadable mail. The filter runs here as
the command runs it (``run_filter`` over a ``Gateway`` with forked workers), so a fault
can be put into the standard library's parser, which every reading of a message goes
through, and which has raised on malformed mail before.
"""

from __future__ import annotations


import email.parser
import io

import pytest

from correspondence_guard.gateway.core import Gateway
from correspondence_guard.gateway.filter import EX_OK, EX_TEMPFAIL, run_filter
from correspondence_guard.policy import load_policy
from gwhelpers import CLLR_A, CLLR_B, OFFICER, message, write_policy

@pytest.fixture
def gateway_for(tmp_path, faulty_parser):
    """A gateway as the filter builds one (forked workers), for given gateway settings."""
    built: list[Gateway] = []

    def build(**settings) -> Gateway:
        path = write_policy(tmp_path, {"mode": "enforce", **settings}, name=f"policy-{len(built)}.yaml")
        built.append(Gateway(load_policy(str(path)), workers=1, context="fork"))
        return built[-1]

    yield build
    for gateway in built:
        gateway.close()


def filtered(gateway: Gateway, raw: bytes, recipients=(CLLR_A,)) -> tuple[int, bytes, str]:
    """(exit status, what is delivered, what the MTA's log is told) for one message."""
    out, err = io.BytesIO(), io.StringIO()
    status = run_filter(gateway, io.BytesIO(raw), out, err, OFFICER, tuple(recipients))
    return status, out.getvalue(), err.getvalue()


def tag(delivered: bytes) -> str:
    return email.parser.BytesHeaderParser().parsebytes(delivered)["X-Correspondence-Guard"]


def test_a_message_is_checked_with_its_envelope(gateway_for):
    gateway = gateway_for()
    status, delivered, _ = filtered(gateway, message(), [CLLR_A, CLLR_B])
    assert status == EX_OK
    assert tag(delivered) == "flagged; rules=silent-copy"  # CLLR_B is in the envelope alone
    assert tag(filtered(gateway, message())[1]) == "clean"


def test_bytes_that_are_not_an_email_are_delivered_unchecked_not_failed(gateway_for):
    gateway = gateway_for()
    outcome = gateway.check(b"\x00\x01binary, not mail\r\n", OFFICER, [CLLR_A])
    assert not outcome.failed and outcome.failure == ""
    assert outcome.unchecked.startswith("not an email")
    status, delivered, _ = filtered(gateway, b"Not: quite\x00 a header\r\n\r\nbody\r\n")
    assert status == EX_OK
    assert tag(delivered).startswith("unchecked; reason=not an email")


@pytest.mark.parametrize("fault, named", [("KeyError", "KeyError"), ("MemoryError", "limits.memory_mb")])
def test_a_reader_that_raises_is_a_tempfail_not_unreadable_mail(gateway_for, fault, named):
    gateway = gateway_for()
    raw = message(subject=f"[reader:{fault}] Play area")
    outcome = gateway.check(raw, OFFICER, [CLLR_A])
    assert outcome.failed and outcome.unchecked == ""
    assert named in outcome.failure
    status, delivered, log = filtered(gateway, raw)
    assert status == EX_TEMPFAIL and delivered == b""
    assert log.startswith("4.7.1 ") and named in log
    assert tag(filtered(gateway, message())[1]) == "clean"  # the gateway serves on (a fresh worker after MemoryError)


def test_a_reader_that_raises_with_on_failure_accept_is_delivered_unchecked_naming_the_fault(gateway_for):
    status, delivered, _ = filtered(gateway_for(on_failure="accept"), message(subject="[reader:KeyError] Play area"))
    assert status == EX_OK
    assert tag(delivered).startswith("unchecked; reason=not checked: internal error in the reader (KeyError")
