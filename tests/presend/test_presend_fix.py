"""``check --fix`` on draft .eml files, through the real command line."""

from __future__ import annotations

import email
import email.policy
import subprocess
import time
from email.message import EmailMessage

from correspondence_guard.testing import rule_plugin
from presend_helpers import CLI, CLLR_QURESHI, CLLR_THORNBER, LEADER, OFFICER, SAMPLES, SIGNED

POLICY = str(SAMPLES / "policy.yaml")


def fix(path, output, *extra):
    return subprocess.run([CLI, "check", str(path), "--policy", POLICY, "--fix", "--output", str(output), *extra],
                          capture_output=True, text=True)


def recheck(path):
    return subprocess.run([CLI, "check", str(path), "--policy", POLICY], capture_output=True, text=True)


def test_a_silent_bcc_gets_its_copy_note_and_the_fixed_copy_is_clean(tmp_path):
    draft = SAMPLES / "mail" / "01-silent-bcc-enforcement-update.eml"
    before = draft.read_bytes()
    run = fix(draft, tmp_path / "fixed.eml")
    assert run.returncode == 0, run.stderr
    assert "Added the copy note \u201ccc Councillor Peter Hargreaves\u201d" in run.stdout
    assert "it has no problems left" in run.stdout
    assert draft.read_bytes() == before  # the draft itself is never changed
    fixed = email.message_from_bytes((tmp_path / "fixed.eml").read_bytes(), policy=email.policy.default)
    assert fixed.get_body(("plain",)).get_content().startswith("cc Councillor Peter Hargreaves\n\nDear Councillor Thornber,")
    assert fixed["Bcc"] and fixed["Message-ID"] == email.message_from_bytes(before)["Message-ID"]
    assert recheck(tmp_path / "fixed.eml").returncode == 0


def test_an_html_draft_gets_the_note_in_both_parts(tmp_path):
    message = EmailMessage()
    message["From"], message["To"], message["Bcc"] = OFFICER, CLLR_THORNBER, f"Cllr Imran Qureshi <{CLLR_QURESHI}>"
    message["Subject"] = "Site visit"
    text = "Dear Councillor Thornber,\n\nI visited the site on Wednesday." + SIGNED
    message.set_content(text)
    message.add_alternative("<html><body class='x'><p>Dear Councillor Thornber,</p><p>I visited the site.</p></body></html>", subtype="html")
    (tmp_path / "draft.eml").write_bytes(bytes(message))
    run = fix(tmp_path / "draft.eml", tmp_path / "fixed.eml")
    assert run.returncode == 0, run.stdout + run.stderr
    fixed = email.message_from_bytes((tmp_path / "fixed.eml").read_bytes(), policy=email.policy.default)
    assert "<body class='x'><p>cc Councillor Imran Qureshi</p><p>Dear" in fixed.get_body(("html",)).get_content()
    assert fixed.get_body(("plain",)).get_content().startswith("cc Councillor Imran Qureshi\n")


def test_an_obligation_is_explained_never_edited(tmp_path):
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = LEADER, "contracts@brightside-cleaning.example", "Cleaning contract"
    body = ("Dear Mr Patel,\n\nI can confirm that the Council will award you the cleaning contract from 1 April,"
            " and I instruct you to start the deep clean of the Town Hall next week.\n\n"
            "Yours sincerely,\n\nCouncillor Rachel Ashworth\nLeader of the Council\n")
    message.set_content(body)
    (tmp_path / "draft.eml").write_bytes(bytes(message))
    run = fix(tmp_path / "draft.eml", tmp_path / "fixed.eml")
    assert run.returncode == 1
    assert "Nothing changed: no silent Bcc needed a copy note." in run.stdout
    assert "Not changed (councillor-obligation, protocol BTC008 7.2" in run.stdout and "Do this yourself:" in run.stdout
    assert (tmp_path / "fixed.eml").read_bytes() == (tmp_path / "draft.eml").read_bytes()


def test_fix_needs_an_output_and_an_email(tmp_path):
    draft = SAMPLES / "mail" / "01-silent-bcc-enforcement-update.eml"
    no_output = subprocess.run([CLI, "check", str(draft), "--policy", POLICY, "--fix"], capture_output=True, text=True)
    assert no_output.returncode == 2 and "--fix needs --output FILE" in no_output.stderr
    letter = fix(SAMPLES / "letters" / "09-leader-commits-grant.txt", tmp_path / "x.eml")
    assert letter.returncode == 2 and "works on a draft email (.eml)" in letter.stderr


STALLS = '''
import time

from correspondence_guard.rules import rule


@rule("stalls", severity="warning", clause="T 1", remedy="None.")
def stalls(doc, policy):
    """Never finishes: a stand-in for a draft that would hang a reader."""
    time.sleep(3600)
    return ()
'''


def test_fix_reads_and_checks_within_the_time_limit(tmp_path):
    policy = tmp_path / "policy.yaml"
    policy.write_text((SAMPLES / "policy.yaml").read_text(encoding="utf-8") + "\nlimits:\n  seconds: 2\n", encoding="utf-8")
    env = rule_plugin(tmp_path, "stalls", STALLS)
    draft, fixed = SAMPLES / "mail" / "01-silent-bcc-enforcement-update.eml", tmp_path / "fixed.eml"
    started = time.monotonic()
    run = subprocess.run([CLI, "check", str(draft), "--policy", str(policy), "--fix", "--output", str(fixed)],
                         capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 2 and "over limits.seconds (2)" in run.stderr
    assert time.monotonic() - started < 30 and not fixed.exists()
