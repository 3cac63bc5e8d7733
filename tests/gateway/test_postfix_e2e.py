"""End to end through a real Postfix: the milter at the gateway, an aiosmtpd sink behind it.

One Postfix for the module (see ``postfix.py``): messages sent with smtplib, hidden
recipients only in the envelope; the sink shows what was delivered and with which
headers; the queue (``postqueue -j``, ``postcat``) shows what was held or deferred. The
milter is the ``correspondence-guard milter`` command, restarted with another
``--action`` for each phase, and stopped outright for the outage phase.
"""

from __future__ import annotations

import email
import smtplib
import time

import pytest

from gwhelpers import CLLR_A, CLLR_B, OFFICER, MilterProcess, Sink, free_port, message, start_milter, write_policy
from postfix import Postfix


class Gateway:
    def __init__(self, tmp_path_factory):
        self.dir = tmp_path_factory.mktemp("gateway-e2e")
        self.policy = write_policy(self.dir, {"mode": "enforce"})
        self.milter_port = free_port()
        self.sink = Sink()
        self.milter: MilterProcess | None = None
        self.postfix: Postfix | None = None

    def start(self) -> None:
        self.sink.__enter__()
        self.postfix = Postfix(
            submit_port=free_port(),
            gateway_port=free_port(),
            milter=f"inet:127.0.0.1:{self.milter_port}",
            relay_port=self.sink.port,
        )
        self.postfix.start()

    def start_milter(self, action: str) -> None:
        self.stop_milter()
        self.milter = start_milter(self.dir, self.policy, action=action, plugin=False, port=self.milter_port)

    def stop_milter(self) -> None:
        if self.milter is not None:
            self.milter.stop()
            self.milter = None

    def close(self) -> None:
        self.stop_milter()
        try:
            if self.postfix is not None:
                self.postfix.delete_all()
                self.postfix.stop()
        finally:
            self.sink.__exit__(None, None, None)

    def send(self, port: int, raw: bytes, recipients: list[str]) -> dict:
        with smtplib.SMTP("127.0.0.1", port, timeout=30) as smtp:
            return smtp.sendmail(OFFICER, recipients, raw)

    def delivered(self, message_id: str, timeout: float = 15.0) -> email.message.Message:
        """The message with ``message_id`` as the sink received it (waits for it)."""
        deadline = time.monotonic() + timeout
        while True:
            for received in self.sink.messages:
                parsed = email.message_from_bytes(received.data)
                if parsed["Message-ID"] == message_id:
                    parsed.envelope_rcpts = received.rcpt_tos  # type: ignore[attr-defined]
                    return parsed
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"{message_id} never reached the sink; queue: {self.postfix.queue()}\n{self.postfix.log()[-3000:]}"
                )
            time.sleep(0.05)

    def sink_ids(self) -> set[str]:
        return {email.message_from_bytes(r.data)["Message-ID"] for r in self.sink.messages}


@pytest.fixture(scope="module")
def gateway(tmp_path_factory):
    gw = Gateway(tmp_path_factory)
    try:
        gw.start()
        yield gw
    finally:
        gw.close()


def mid(name: str) -> str:
    return f"<{name}@ashdownvale.gov.uk>"


def test_tag_marks_hidden_envelope_recipients_and_clean_mail(gateway):
    gateway.start_milter("tag")
    port = gateway.postfix.gateway_port
    gateway.send(port, message(message_id=mid("tag-hidden")), [CLLR_A, CLLR_B])
    gateway.send(port, message(message_id=mid("tag-clean")), [CLLR_A])

    hidden = gateway.delivered(mid("tag-hidden"))
    assert hidden["X-Correspondence-Guard"] == "flagged; rules=silent-copy"
    assert CLLR_B in hidden["X-Correspondence-Guard-Summary"]
    assert sorted(hidden.envelope_rcpts) == sorted([CLLR_A, CLLR_B])
    assert hidden["Bcc"] is None  # the hidden copy was found from the envelope alone

    clean = gateway.delivered(mid("tag-clean"))
    assert clean["X-Correspondence-Guard"] == "clean"
    assert clean["X-Correspondence-Guard-Summary"] is None


def test_reject_refuses_at_smtp_time_and_delivers_nothing(gateway):
    gateway.start_milter("reject")
    port = gateway.postfix.gateway_port
    with pytest.raises(smtplib.SMTPDataError) as refused:
        gateway.send(port, message(message_id=mid("reject-hidden")), [CLLR_A, CLLR_B])
    assert refused.value.smtp_code == 550
    text = refused.value.smtp_error.decode()
    assert text.startswith("5.7.1") and "silent-copy" in text and CLLR_B in text

    gateway.send(port, message(message_id=mid("reject-clean")), [CLLR_A])
    assert gateway.delivered(mid("reject-clean"))["X-Correspondence-Guard"] == "clean"
    assert mid("reject-hidden") not in gateway.sink_ids()
    assert all(mid("reject-hidden") not in gateway.postfix.message(e["queue_id"]) for e in gateway.postfix.queue())


def test_quarantine_holds_the_message_in_postfix(gateway):
    gateway.start_milter("quarantine")
    gateway.send(gateway.postfix.gateway_port, message(message_id=mid("held")), [CLLR_A, CLLR_B])

    entries = gateway.postfix.wait_queue(lambda q: any(e["queue_name"] == "hold" for e in q), what="a held message")
    (held,) = [e for e in entries if e["queue_name"] == "hold"]
    content = gateway.postfix.message(held["queue_id"])
    assert mid("held") in content
    assert "X-Correspondence-Guard: flagged; rules=silent-copy" in content
    assert sorted(r["address"] for r in held["recipients"]) == sorted([CLLR_A, CLLR_B])
    hold_lines = [line for line in gateway.postfix.log().splitlines() if "milter-hold" in line]
    assert any(held["queue_id"] in line for line in hold_lines), hold_lines
    # Postfix logs the hold without our reason; the gateway's log line has it.
    record = [r for r in gateway.milter.log_records() if r["queue_id"] == held["queue_id"]]
    assert record and record[0]["action"] == "quarantine" and record[0]["findings"][0]["rule"] == "silent-copy"
    assert mid("held") not in gateway.sink_ids()
    gateway.postfix.run(gateway.postfix.postsuper, "-c", str(gateway.postfix.config), "-d", held["queue_id"], "hold")


def test_milter_outage_defers_and_delivers_after_it_comes_back(gateway):
    gateway.stop_milter()
    pf = gateway.postfix
    # Through the council's server: it queues the messages, the gateway answers 4xx.
    gateway.send(pf.submit_port, message(message_id=mid("outage-hidden")), [CLLR_A, CLLR_B])
    gateway.send(pf.submit_port, message(message_id=mid("outage-clean")), [CLLR_A])
    # Straight at the gateway: the client is told to try again later, nothing is accepted.
    with pytest.raises(smtplib.SMTPResponseException) as tempfail:
        gateway.send(pf.gateway_port, message(message_id=mid("outage-direct")), [CLLR_A])
    assert 400 <= tempfail.value.smtp_code < 500

    deferred = pf.wait_queue(
        lambda q: len([e for e in q if e["queue_name"] == "deferred"]) == 2,
        what="two deferred messages",
    )
    for entry in deferred:
        reasons = " ".join(r.get("delay_reason", "") for r in entry["recipients"])
        assert "4.7.1" in reasons or "try again later" in reasons.lower(), entry
    assert not {mid("outage-hidden"), mid("outage-clean")} & gateway.sink_ids()

    gateway.start_milter("tag")
    pf.flush()
    hidden = gateway.delivered(mid("outage-hidden"), timeout=30)
    clean = gateway.delivered(mid("outage-clean"), timeout=30)
    assert hidden["X-Correspondence-Guard"] == "flagged; rules=silent-copy"
    assert clean["X-Correspondence-Guard"] == "clean"
    pf.wait_queue(lambda q: not q, what="an empty queue")


def test_a_recorded_override_turns_a_reject_into_a_logged_tag(gateway):
    """The sender's recorded justification (the add-in's override header) lets the message
    through tagged; a forged id, or one recorded for another councillor, is still refused."""
    import yaml

    from correspondence_guard.presend.overrides import OverrideStore
    from gwhelpers import REGISTER

    policy = gateway.dir / "policy-overrides.yaml"
    policy.write_text(yaml.safe_dump({**REGISTER, "gateway": {"mode": "enforce"},
                                      "presend": {"overrides": "overrides.sqlite"}}), encoding="utf-8")
    store = OverrideStore(gateway.dir / "overrides.sqlite")
    covered = store.record(OFFICER, "play area", [("silent-copy", [CLLR_B])], "Cllr Baker chairs the working group.")
    elsewhere = store.record(OFFICER, "play area", [("silent-copy", ["someone.else@ashdownvale.gov.uk"])], "Another message.")
    gateway.stop_milter()
    gateway.milter = start_milter(gateway.dir, policy, action="reject", plugin=False, port=gateway.milter_port)
    port = gateway.postfix.gateway_port

    stamped = f"X-Correspondence-Guard-Override: {covered.id}\r\n"
    gateway.send(port, message(message_id=mid("override-ok"), extra_headers=stamped), [CLLR_A, CLLR_B])
    delivered = gateway.delivered(mid("override-ok"))
    assert delivered["X-Correspondence-Guard"] == f"flagged; rules=silent-copy; override={covered.id}"
    assert CLLR_B in delivered["X-Correspondence-Guard-Summary"]
    [record] = [r for r in gateway.milter.wait_for_log(1) if r["message_id"] == mid("override-ok")]
    assert record["action"] == "tag" and record["override"] == covered.id

    for name, override_id in (("override-forged", "not-a-recorded-id"), ("override-other", elsewhere.id)):
        with pytest.raises(smtplib.SMTPDataError) as refused:
            gateway.send(port, message(message_id=mid(name), extra_headers=f"X-Correspondence-Guard-Override: {override_id}\r\n"),
                         [CLLR_A, CLLR_B])
        assert refused.value.smtp_code == 550
    assert not {mid("override-forged"), mid("override-other")} & gateway.sink_ids()
