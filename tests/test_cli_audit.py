"""``audit`` on the command line with the real rules: workers, JSON Lines, filters, a PST
that cannot be opened, and Ctrl-C (a real SIGINT to a real process)."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from correspondence_guard import cli

ASHBOURNE = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "ashbourne-vale"
needs_corpus = pytest.mark.shared
#: A PST's signature and nothing of a store after it: sniffed as .pst, refused by libpff.
PST_HEADER_ONLY = b"!BDN" + b"\x00" * 508


def run(capsys, *args):
    status = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return status, out, err


def audit_json(capsys, *args):
    status, out, err = run(capsys, "audit", ASHBOURNE, "--policy", ASHBOURNE / "policy.yaml", "--format", "json", *args)
    assert status in (0, 1), err
    return json.loads(out)


def findings(report: dict) -> list:
    return [(d["source"], [(f["rule"], f["message"]) for f in d["findings"]]) for d in report["documents"]]


@needs_corpus
def test_two_workers_give_the_same_findings_as_one(capsys):
    one = audit_json(capsys, "--workers", "1")
    two = audit_json(capsys, "--workers", "2")
    assert len(one["documents"]) > 50 and one["summary"]["findings"] > 0
    assert findings(one) == findings(two)
    assert one["errors"] == two["errors"] and one["summary"] == two["summary"]
    assert one["summary"]["partial"] is False


@needs_corpus
@pytest.mark.parametrize("workers", ["1", "2"])
def test_jsonl_streams_the_same_audit(tmp_path, capsys, workers):
    whole = audit_json(capsys, "--workers", "1")
    target = tmp_path / "audit.jsonl"
    status, out, _ = run(capsys, "audit", ASHBOURNE, "--policy", ASHBOURNE / "policy.yaml", "--format", "jsonl",
                         "--output", target, "--workers", workers)
    assert out == "" and status == (1 if whole["summary"]["findings"] else 0)
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert lines[-1]["type"] == "summary" and all(line["type"] != "summary" for line in lines[:-1])
    assert lines[-1]["summary"] == whole["summary"]
    documents = [line for line in lines if line["type"] == "document"]
    assert [(d["source"], [(f["rule"], f["message"]) for f in d["findings"]]) for d in documents] == findings(whole)


def mbox(path: Path, count: int, start: int = 0) -> Path:
    with open(path, "wb") as out:
        for n in range(start, start + count):
            sender = "ann.able@testborough.gov.uk" if n % 2 else "olly@testborough.gov.uk"
            out.write(
                b"From x@y Mon Jun  3 10:00:00 2024\n"
                + (f"From: <{sender}>\nTo: resident{n}@example.com\nSubject: Bins {n}\n"
                   f"Date: Mon, {1 + n % 28:02d} Jun 2024 10:00:00 +0100\nMessage-ID: <m{n}@testborough.gov.uk>\n\n"
                   f"Dear resident,\n\nYour collection {n} is on Tuesday.\n\nRegards\n").encode()
                + b"\n"
            )
    return path


@pytest.fixture
def policy(tmp_path):
    path = tmp_path / "policy.yaml"
    path.write_text(
        "council:\n  name: Test Borough Council\n  domains: [testborough.gov.uk]\n"
        "councillors:\n  - name: Ann Able\n    emails: [ann.able@testborough.gov.uk]\n"
        "officers:\n  - name: Olly Officer\n    emails: [olly@testborough.gov.uk]\n",
        encoding="utf-8",
    )
    return path


def test_filters_narrow_the_audit(tmp_path, policy, capsys):
    box = mbox(tmp_path / "sent.mbox", 20)

    def documents(*options):
        status, out, err = run(capsys, "audit", box, "--policy", policy, "--format", "json", "--workers", "1", *options)
        assert status == 0, err
        return [d["subject"] for d in json.loads(out)["documents"]]

    assert len(documents()) == 20
    assert documents("--since", "2024-06-05", "--until", "2024-06-06") == ["Bins 4", "Bins 5"]
    assert documents("--sender", "olly@testborough.gov.uk") == [f"Bins {n}" for n in range(0, 20, 2)]
    assert documents("--sender", "@testborough.gov.uk", "--sender", "nobody@x.org") == documents()
    assert documents("--councillor", "Cllr Able") == [f"Bins {n}" for n in range(1, 20, 2)]
    status, out, err = run(capsys, "audit", box, "--policy", policy, "--since", "June")
    assert status == 2 and out == "" and "not a date" in err and err.count("\n") == 1


@pytest.mark.parametrize("workers", ["1", "2"])
def test_an_unopenable_pst_named_on_the_command_line_exits_2(tmp_path, policy, capsys, workers):
    pytest.importorskip("pypff")
    pst = tmp_path / "x.pst"
    pst.write_bytes(PST_HEADER_ONLY)
    output = tmp_path / "report.jsonl"
    for fmt in ("json", "jsonl"):
        status, out, err = run(capsys, "audit", pst, "--policy", policy, "--workers", workers,
                               "--format", fmt, "--output", output)
        assert status == 2 and out == ""
        assert err.startswith("correspondence-guard: error: ") and err.count("\n") == 1
        assert "x.pst" in err and "cannot open the PST file" in err
        assert not output.exists()


def test_the_serial_reader_also_refuses_an_unopenable_named_pst(tmp_path):
    pytest.importorskip("pypff")
    from correspondence_guard.errors import UsageError
    from correspondence_guard.audit import audit_serial
    from correspondence_guard.testing import policy

    (tmp_path / "x.pst").write_bytes(PST_HEADER_ONLY)
    with pytest.raises(UsageError, match="cannot open the PST file"):
        audit_serial([str(tmp_path / "x.pst")], policy())
    report = audit_serial([str(tmp_path)], policy())  # inside a folder: an entry, and on
    assert [e.source for e in report.errors] == [str(tmp_path / "x.pst")]


class Stderr:
    """Collects a child's stderr in a thread, so the test can wait for a line without blocking."""

    def __init__(self, process):
        self.data = b""
        self.thread = threading.Thread(target=self._read, args=(process.stderr,), daemon=True)
        self.thread.start()

    def _read(self, stream):
        while chunk := stream.read1(4096) if hasattr(stream, "read1") else stream.read(1):
            self.data += chunk

    def wait_until(self, condition, process, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while not condition(self.data.decode("utf-8", "replace")):
            assert process.poll() is None, f"audit ended first: {self.data[-500:]!r}"
            assert time.monotonic() < deadline, f"nothing on stderr: {self.data[-500:]!r}"
            time.sleep(0.05)


# tqdm's count of messages done: "audit: 96msg [..." or "audit:  3%|..| 960/30000 [..."
DONE = re.compile(r"(?:\s|\|)(\d+)(?:msg \[|/\d+ \[)")


@pytest.mark.parametrize("fmt, workers", [("json", "2"), ("jsonl", "1"), ("text", "2")])
def test_ctrl_c_writes_a_partial_report(tmp_path, policy, fmt, workers):
    box = mbox(tmp_path / "big.mbox", 30000)
    output = tmp_path / f"report.{fmt}"
    process = subprocess.Popen(
        [sys.executable, "-m", "correspondence_guard.cli", "audit", str(box), "--policy", str(policy),
         "--format", fmt, "--output", str(output), "--workers", workers, "--progress"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    stderr = Stderr(process)
    try:
        # interrupt once the progress bar shows messages done (never on a timer)
        stderr.wait_until(lambda data: any(int(n) > 0 for n in DONE.findall(data)), process)
        process.send_signal(signal.SIGINT)
        status = process.wait(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
    stderr.thread.join(timeout=5)
    err = stderr.data.decode("utf-8", "replace")
    assert status == 130, err[-1000:]
    assert "correspondence-guard: interrupted: the report is partial" in err
    text = output.read_text(encoding="utf-8")
    if fmt == "json":
        report = json.loads(text)
        assert report["summary"]["partial"] is True
        read = report["summary"]["documents"]
        assert read == len(report["documents"])
    elif fmt == "jsonl":
        lines = [json.loads(line) for line in text.splitlines()]
        assert lines[-1]["type"] == "summary" and lines[-1]["summary"]["partial"] is True
        read = lines[-1]["summary"]["documents"]
        assert read == sum(1 for line in lines if line["type"] == "document")
        assert [line["subject"] for line in lines[:-1]] == [f"Bins {n}" for n in range(read)]  # in order
    else:
        assert text.startswith("PARTIAL AUDIT") and "(partial audit)" in text
        read = int(text.rsplit("\n\n", 1)[-1].split()[0])
    assert 0 < read < 30000


def test_ctrl_c_at_the_terminal_stops_a_dask_audit_with_a_partial_report(tmp_path, policy):
    """A terminal's Ctrl-C reaches the whole process group, the local cluster's workers
    included: they must not die of it; the audit stops, writes what it has, exits 130."""
    import os

    box = mbox(tmp_path / "big.mbox", 30000)
    output = tmp_path / "report.json"
    process = subprocess.Popen(
        [sys.executable, "-m", "correspondence_guard.cli", "audit", str(box), "--policy", str(policy),
         "--format", "json", "--output", str(output), "--scheduler", "local:2", "--progress"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )
    stderr = Stderr(process)
    try:
        stderr.wait_until(lambda data: any(int(n) > 0 for n in DONE.findall(data)), process)
        os.killpg(process.pid, signal.SIGINT)
        status = process.wait(timeout=120)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    stderr.thread.join(timeout=5)
    err = stderr.data.decode("utf-8", "replace")
    assert status == 130, err[-1000:]
    report = json.loads(output.read_text(encoding="utf-8"))
    assert report["summary"]["partial"] is True
    read = report["summary"]["documents"]
    assert 0 < read < 30000
    assert [d["subject"] for d in report["documents"]] == [f"Bins {n}" for n in range(read)]  # in order, no gaps
