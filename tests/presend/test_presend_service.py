"""The pre-send service over real HTTP: a real ``correspondence-guard serve`` (uvicorn) per module."""

from __future__ import annotations

import base64
import copy
import http.client
import json
import sqlite3
import socket
import subprocess
import urllib.request

from correspondence_guard.testing import pdf_letter
from presend_helpers import (
    CLEAN_DRAFT, CLI, CLLR_QURESHI, LEADER, OFFICER, ROOT, SILENT_BCC_DRAFT, TOKEN, bearer, call,
    start_service, write_policy,
)

SAMPLE_MAIL = ROOT / "samples" / "mail"


def check(service, draft, headers=None):
    return call(service.url + "/v1/check", draft, {**bearer(), **(headers or {})})


def test_health_answers_without_a_token(service):
    status, answer, _ = call(service.url + "/v1/health")
    assert status == 200
    assert answer["status"] == "ok" and answer["council"] == "Pendle Brook Borough Council"
    assert set(answer["rules"]) == {"silent-copy", "councillor-obligation", "confidential-regulatory-disclosure"}
    assert answer["overrides"] is True


def test_a_silent_bcc_blocks_naming_the_clause_and_the_copy_note(service):
    status, answer, _ = check(service, SILENT_BCC_DRAFT)
    assert status == 200
    assert answer["schema"] == "correspondence-guard/report/v1" and answer["verdict"] == "block"
    [finding] = answer["documents"][0]["findings"]
    assert finding["rule"] == "silent-copy" and finding["parties"] == [CLLR_QURESHI]
    assert "BTC008 7.1" in answer["summary"] and "\u201ccc Councillor Imran Qureshi\u201d" in answer["summary"]
    assert "**Protocol BTC008 7.1; Bolsover 8\\(1\\).**" in answer["markdown"]
    assert len(answer["summary"]) <= 500


def test_a_clean_draft_may_be_sent(service):
    status, answer, _ = check(service, CLEAN_DRAFT)
    assert status == 200 and answer["verdict"] == "send" and answer["summary"] == "No problems found."
    assert answer["documents"][0]["findings"] == []


def test_a_pdf_letter_attached_to_a_draft_is_read_by_the_letter_reader(service):
    letter = (ROOT / "samples" / "letters" / "09-leader-commits-grant.txt").read_text(encoding="utf-8")
    draft = {
        "from": LEADER, "to": ["carol.duckworth@example.org"], "subject": "Summer programme",
        "body": {"html": "<p>Dear Ms Duckworth, my letter is attached.</p><p>Rachel</p>"},
        "attachments": [{"name": "letter.pdf", "content_type": "application/pdf",
                         "content": base64.b64encode(pdf_letter(letter)).decode()}],
    }
    status, answer, _ = check(service, draft)
    assert status == 200 and answer["verdict"] == "block"
    assert [f["rule"] for f in answer["documents"][0]["findings"]] == ["councillor-obligation"]


def test_a_raw_message_gets_exactly_the_findings_of_the_check_command(service):
    path = SAMPLE_MAIL / "06-confidential-enforcement-forwarded-to-complainant.eml"
    status, answer, _ = check(service, path.read_bytes(), {"Content-Type": "message/rfc822"})
    assert status == 200
    cli = subprocess.run([CLI, "check", str(path), "--policy", str(ROOT / "samples" / "policy.yaml"), "--format", "json"],
                         capture_output=True, text=True)
    expected = json.loads(cli.stdout)["documents"][0]["findings"]
    assert expected and answer["documents"][0]["findings"] == expected


def test_bad_requests_get_a_one_line_reason(service):
    bad_json = call(service.url + "/v1/check", b"{not json", {**bearer(), "Content-Type": "application/json"})
    assert bad_json[0] == 400 and "not JSON" in bad_json[1]["error"]
    wrong_type = call(service.url + "/v1/check", b"hello", {**bearer(), "Content-Type": "text/plain"})
    assert wrong_type[0] == 415
    bad_address = check(service, {**CLEAN_DRAFT, "cc": ["not an address"]})
    assert bad_address[0] == 400 and bad_address[1]["error"].startswith("cc[0]:")
    bad_base64 = check(service, {**CLEAN_DRAFT, "attachments": [{"name": "a.pdf", "content": "@@@"}]})
    assert bad_base64[0] == 400 and bad_base64[1]["error"] == "attachments[0].content: is not base64"
    not_mail = check(service, b"\x00\x01binary", {"Content-Type": "message/rfc822"})
    assert not_mail[0] == 422 and "not an email" in not_mail[1]["error"]
    assert call(service.url + "/v1/check", method="GET")[0] == 405


def test_an_oversize_body_is_refused_declared_or_streamed(service):
    """Refused from the declared length before any of the body is read, and while a body of
    no declared length streams in. Each answer is read before the client writes more, so a
    server that answers and closes early (as it should) cannot race the client's writes."""
    host, port = service.url.removeprefix("http://").split(":")
    head = (f"POST /v1/check HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {TOKEN}\r\n"
            "Content-Type: application/json\r\n")
    with socket.create_connection((host, int(port)), timeout=30) as conn:
        conn.sendall((head + "Content-Length: 400000\r\n\r\n").encode())
        response = http.client.HTTPResponse(conn)
        response.begin()
        assert response.status == 413 and "300000 bytes" in json.loads(response.read())["error"]

    with socket.create_connection((host, int(port)), timeout=30) as conn:
        conn.sendall((head + "Transfer-Encoding: chunked\r\n\r\n").encode())
        for _ in range(31):  # 310,000 bytes against a limit of 300,000, never ended
            conn.sendall(b"2710\r\n" + b"x" * 10_000 + b"\r\n")
        status_line = conn.makefile("rb").readline()
    assert status_line.split()[1] == b"413", status_line


def test_a_missing_or_wrong_token_is_refused(service):
    assert call(service.url + "/v1/check", CLEAN_DRAFT)[0] == 401
    status, answer, _ = call(service.url + "/v1/check", CLEAN_DRAFT, bearer("wrong"))
    assert status == 401 and answer == {"error": "a valid bearer token is required"}
    assert call(service.url + "/v1/override", {"justification": "x"}, {"Authorization": TOKEN})[0] == 401


def test_a_hostile_draft_is_answered_and_the_service_stays_up(service):
    nested = b"From: a@example.org\r\nTo: b@example.org\r\nSubject: inner\r\n\r\nHello\r\n"
    for level in range(30):  # attached messages nested far past the reader's depth limit
        nested = (b"From: a@example.org\r\nTo: b@example.org\r\nSubject: wrap\r\nMIME-Version: 1.0\r\n"
                  b"Content-Type: multipart/mixed; boundary=b%d\r\n\r\n--b%d\r\nContent-Type: message/rfc822\r\n\r\n" % (level, level)
                  + nested + b"\r\n--b%d--\r\n" % level)
    hostile = copy.deepcopy(SILENT_BCC_DRAFT)
    hostile["subject"] = "Update\r\nBcc: everyone@example.org\x1b[2J"
    hostile["body"]["html"] = "<script>alert(1)</script>" + "<div>" * 5000 + "deep"
    hostile["attachments"] = [
        {"name": "inner.eml", "content_type": "message/rfc822", "content": base64.b64encode(nested).decode()},
        {"name": "broken.pdf", "content_type": "application/pdf", "content": base64.b64encode(b"%PDF-1.4 junk").decode()},
        {"name": "evil\r\nX-Injected: 1", "content_type": "application/x-evil;\r\n x=1", "content": ""},
    ]
    status, answer, _ = check(service, hostile)
    assert status == 200 and answer["verdict"] == "block"
    # The subject's line break did not smuggle in a Bcc: only the draft's own Bcc is found.
    assert [f["parties"] for f in answer["documents"][0]["findings"]] == [[CLLR_QURESHI]]
    assert "broken.pdf" in " ".join(answer["documents"][0]["defects"])
    assert call(service.url + "/v1/health")[0] == 200


def test_cors_allows_only_the_add_in_origin(service):
    preflight = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization,content-type"}
    ok = call(service.url + "/v1/check", method="OPTIONS", headers={**preflight, "Origin": "https://addin.pendlebrook.gov.uk"})
    assert ok[0] == 200 and ok[2]["access-control-allow-origin"] == "https://addin.pendlebrook.gov.uk"
    other = call(service.url + "/v1/check", method="OPTIONS", headers={**preflight, "Origin": "https://evil.example"})
    assert other[0] == 400 and "access-control-allow-origin" not in {k.lower() for k in other[2]}
    plain = call(service.url + "/v1/check", CLEAN_DRAFT, {**bearer(), "Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in {k.lower() for k in plain[2]}


def test_an_override_is_recorded_and_covers_only_its_sender_and_findings(service):
    _, answer, _ = check(service, SILENT_BCC_DRAFT)
    findings = [{"rule": f["rule"], "parties": f["parties"]} for f in answer["documents"][0]["findings"]]
    url = service.url + "/v1/override"
    blank = call(url, {"sender": OFFICER, "findings": findings, "justification": "  "}, bearer())
    assert blank[0] == 400 and blank[1]["error"].startswith("justification:")
    assert call(url, {"sender": OFFICER, "findings": [], "justification": "x"}, bearer())[0] == 400
    why = "Cllr Qureshi chairs the Planning Committee and must not be named to the ward member yet."
    status, recorded, _ = call(url, {"sender": OFFICER, "subject": "Hardstanding", "findings": findings, "justification": why}, bearer())
    assert status == 200 and recorded["header"] == "X-Correspondence-Guard-Override" and len(recorded["id"]) >= 20

    status, answer, _ = check(service, {**SILENT_BCC_DRAFT, "override": recorded["id"]})
    [finding] = answer["documents"][0]["findings"]
    assert answer["verdict"] == "send" and finding["override"]["justification"] == why
    # The same id on another sender's draft, or an id never recorded, covers nothing.
    other_sender = {**SILENT_BCC_DRAFT, "from": "sam.okafor@pendlebrook.gov.uk", "override": recorded["id"]}
    assert check(service, other_sender)[1]["verdict"] == "block"
    assert check(service, {**SILENT_BCC_DRAFT, "override": "made-up"})[1]["verdict"] == "block"

    store = service.policy.parent / "overrides.sqlite"
    with sqlite3.connect(store) as db:
        assert db.execute("SELECT justification FROM overrides WHERE id = ?", (recorded["id"],)).fetchone() == (why,)
        for statement in ("UPDATE overrides SET justification = 'x'", "DELETE FROM overrides"):
            try:
                db.execute(statement)
                raise AssertionError(f"{statement} was allowed")
            except sqlite3.DatabaseError as exc:
                assert "append-only" in str(exc)


def test_the_log_has_a_line_per_request_and_no_message_content(service):
    check(service, SILENT_BCC_DRAFT)
    log = service.log()
    lines = [json.loads(line.split(": ", 1)[1]) for line in log.splitlines() if line.startswith("correspondence-guard serve: {")]
    assert {"method": "POST", "path": "/v1/check", "status": 200, "rules": "silent-copy"}.items() <= lines[-1].items()
    for secret in ("Cotton Row", "Hardstanding", "Dear Councillor", CLLR_QURESHI, "chairs the Planning Committee"):
        assert secret not in log


def test_binding_beyond_loopback_needs_a_token(tmp_path):
    policy = write_policy(tmp_path)
    run = subprocess.run([CLI, "serve", "--policy", str(policy), "--host", "0.0.0.0", "--port", "0"],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
    assert "binding 0.0.0.0 needs a token" in run.stderr and len(run.stderr.strip().splitlines()) == 1


def test_a_token_from_the_environment_lets_the_service_bind_beyond_loopback(tmp_path):
    policy = write_policy(tmp_path)
    service = start_service(tmp_path, policy, host="0.0.0.0", env={"CORRESPONDENCE_GUARD_TOKEN": "from-the-environment"})
    try:
        assert call(service.url + "/v1/check", CLEAN_DRAFT)[0] == 401
        assert call(service.url + "/v1/check", CLEAN_DRAFT, bearer("from-the-environment"))[0] == 200
    finally:
        service.stop()


def test_a_wrong_presend_setting_stops_the_service_naming_the_key(tmp_path):
    policy = write_policy(tmp_path, block_on="sometimes")
    run = subprocess.run([CLI, "serve", "--policy", str(policy), "--port", "0"], capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
    assert f"{policy}: presend.block_on: must be one of warning, error, not 'sometimes'" in run.stderr
