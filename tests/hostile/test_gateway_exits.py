"""The content filter never loses or wrongly bounces mail: it exits 0, 69 or 75 and
nothing else, whatever the input and whatever happens to its output."""

from __future__ import annotations

import email
import email.parser
import os
import subprocess
import sys
from pathlib import Path

import pytest

import hostile_inputs as hostile

REPO = Path(__file__).resolve().parents[2]
POLICY = """\
council: {name: Test Council, domains: [test.gov.uk]}
councillors: [{name: Brian Baker, emails: [brian.baker@test.gov.uk]}]
gateway: {mode: enforce, on_failure: %s, on_unreadable: %s}
"""


def policy(tmp_path, on_failure="tempfail", on_unreadable="accept"):
    path = tmp_path / "policy.yaml"
    path.write_text(POLICY % (on_failure, on_unreadable), encoding="utf-8")
    return path


def command(policy_path, *extra):
    return [sys.executable, "-m", "correspondence_guard.cli", "filter", "--policy", str(policy_path),
            "--sender", hostile.SENDER, "--recipient", hostile.COUNCILLOR, *extra]


def run(policy_path, raw, **kwargs):
    kwargs.setdefault("stdout", subprocess.PIPE)
    return subprocess.run(command(policy_path), input=raw, stderr=subprocess.PIPE, timeout=120, cwd=REPO, **kwargs)


def delivered(done):
    """The headers of the message the filter delivered (only they: its body may be hostile)."""
    assert done.returncode == 0, done.stderr.decode()
    return email.parser.BytesHeaderParser().parsebytes(done.stdout)


@pytest.mark.parametrize("make, reason", [
    (hostile.nul_in_header, "not an email"),
    (lambda: hostile.deep_multipart(1000), "over limits.mime_depth (20)"),
])
def test_mail_it_can_never_read_is_delivered_tagged_unchecked_not_tempfailed(tmp_path, make, reason):
    _, raw = make()
    done = run(policy(tmp_path), raw)
    tag = delivered(done)["X-Correspondence-Guard"]
    assert tag.startswith("unchecked; reason=") and reason in tag
    assert done.stdout.endswith(raw.split(b"\r\n\r\n", 1)[1])


def test_or_held_when_the_policy_says_so(tmp_path):
    done = run(policy(tmp_path, on_unreadable="hold"), hostile.nul_in_header()[1])
    out = delivered(done)
    assert out["X-Correspondence-Guard-Hold"] == "yes"
    assert out["X-Correspondence-Guard"].startswith("unchecked")


def test_a_message_read_within_its_limits_is_tagged_clean(tmp_path):
    assert delivered(run(policy(tmp_path), hostile.normal_message()[1]))["X-Correspondence-Guard"] == "clean"


CORRUPT_LETTER = hostile.attachment_email("letter.docx", b"PK\x03\x04 not really a Word file" * 10)[1]


def test_a_corrupt_attachment_is_never_tagged_clean_nor_retried_for_ever(tmp_path):
    done = run(policy(tmp_path), CORRUPT_LETTER)
    tag = delivered(done)["X-Correspondence-Guard"]
    assert tag.startswith("unchecked; reason=attachment 'letter.docx': not a readable Word document")


def test_a_reader_that_raises_follows_on_failure_and_what_cannot_be_read_is_unchecked():
    """What the gateway makes of a message's defects (the reader raising on purpose is not
    something an input can be made to do, so the defects are written here)."""
    from correspondence_guard.gateway.core import incomplete
    from correspondence_guard.model import Correspondence, Nested, Relation

    crashed = "attachment 'a.pdf': the reader failed: TypeError: boom"
    corrupt = "attachment 'b.pdf': not a readable PDF: no /Root object"
    limited = "over limits.pages (500): only the first 500 pages read"
    inner = Correspondence(kind="letter", defects=(limited,))
    assert incomplete(Correspondence(defects=(crashed,))) == ("", crashed)
    assert incomplete(Correspondence(defects=(corrupt, crashed))) == (corrupt, crashed)
    assert incomplete(Correspondence(nested=(Nested(Relation.ATTACHED, inner),))) == (limited, "")
    assert incomplete(Correspondence(defects=("MIME: StartBoundaryNotFoundDefect",))) == ("", "")


def test_a_full_device_exits_75(tmp_path):
    with open("/dev/full", "wb") as full:
        done = run(policy(tmp_path), hostile.normal_message()[1], stdout=full)
    assert done.returncode == 75
    assert b"No space left on device" in done.stderr


def test_a_full_file_system_exits_75(tmp_path):
    """A real 64 KB tmpfs (the test runs as root, as the gateway tests do), filled, then
    the message written to a file on it."""
    mount = tmp_path / "small"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], check=True)
    try:
        (mount / "filler").write_bytes(b"x" * 60 * 1024)
        _, raw = hostile.big_message(1)
        with open(mount / "out.eml", "wb") as out:
            done = run(policy(tmp_path), raw, stdout=out)
        assert done.returncode == 75
        assert b"No space left on device" in done.stderr
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def test_a_closed_pipe_exits_75(tmp_path):
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = run(policy(tmp_path), hostile.normal_message()[1], stdout=write_end)
    finally:
        os.close(write_end)
    assert done.returncode == 75
    assert b"Broken pipe" in done.stderr


def test_a_closed_stdout_exits_75_and_writes_nowhere_else(tmp_path):
    log = tmp_path / "gateway.log"
    args = command(policy(tmp_path), "--log", str(log))
    done = subprocess.run(["sh", "-c", '"$@" >&-', "sh", *args], input=hostile.normal_message()[1],
                          stderr=subprocess.PIPE, timeout=120, cwd=REPO)
    assert done.returncode == 75
    assert b"standard output is closed" in done.stderr
    assert not log.exists() or b"From:" not in log.read_bytes()


def test_a_closed_stderr_does_not_change_the_verdict(tmp_path):
    args = command(policy(tmp_path))
    done = subprocess.run(["sh", "-c", '"$@" 2>&-', "sh", *args], input=hostile.normal_message()[1],
                          stdout=subprocess.PIPE, timeout=120, cwd=REPO)
    assert done.returncode == 0
    assert done.stdout.startswith(b"X-Correspondence-Guard: clean\r\n")


@pytest.mark.parametrize("args", [["--policy", "p.yaml"], ["--no-such-option"], []])
def test_a_bad_command_line_exits_75_not_2(args):
    done = subprocess.run([sys.executable, "-m", "correspondence_guard.cli", "filter", *args],
                          input=b"", capture_output=True, timeout=120, cwd=REPO)
    assert done.returncode == 75
