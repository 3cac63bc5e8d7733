"""The parallel audit: same results as a serial run, bounded read-ahead, Ctrl-C, progress."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from correspondence_guard.audit import progress
from correspondence_guard.audit import audit, audit_serial, iter_units
from correspondence_guard.policy import load_policy
from correspondence_guard.testing import policy as make_policy

ASHBOURNE = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "ashbourne-vale"


def message(n: int, sender="officer@council.gov.uk", to="resident@example.com", message_id=True) -> bytes:
    mid = f"Message-ID: <m{n}@council.gov.uk>\n" if message_id else ""
    return (
        f"From: Officer <{sender}>\nTo: {to}\nSubject: Bins {n}\n"
        f"Date: Mon, 03 Jun 2024 10:{n % 60:02d}:00 +0100\n{mid}\n"
        f"Dear resident,\n\nYour collection {n} is on Tuesday.\n\nRegards\nOfficer\n"
    ).encode()


def write_mbox(path: Path, count: int, start: int = 0) -> Path:
    with open(path, "wb") as out:
        for n in range(start, start + count):
            out.write(b"From officer@council.gov.uk Mon Jun  3 10:00:00 2024\n" + message(n) + b"\n")
    return path


def same(a, b) -> None:
    assert a.documents == b.documents
    assert a.errors == b.errors
    assert a.rules == b.rules


@pytest.mark.shared
def test_parallel_equals_serial_on_the_labelled_corpus():
    policy = load_policy(ASHBOURNE / "policy.yaml")
    serial = audit_serial([str(ASHBOURNE)], policy)
    one = audit([str(ASHBOURNE)], policy, workers=1, progress=False)
    many = audit([str(ASHBOURNE)], policy, workers=3, progress=False, batch_size=2)
    assert len(serial.documents) > 50 and serial.findings
    same(serial, one)
    same(serial, many)
    assert not many.partial


def test_mbox_is_cut_into_one_unit_per_message(tmp_path):
    mbox = write_mbox(tmp_path / "sent.mbox", 7)
    units = list(iter_units([str(mbox)]))
    assert [(s, k) for s, k, _ in units] == [(f"{mbox}#{i}", "email") for i in range(1, 8)]
    report = audit([str(mbox)], make_policy(), workers=2, progress=False, batch_size=2)
    same(audit_serial([str(mbox)], make_policy()), report)
    assert [d.source for d in report.documents] == [f"{mbox}#{i}" for i in range(1, 8)]


def test_missing_path_is_a_usage_error(tmp_path):
    from correspondence_guard.errors import UsageError

    with pytest.raises(UsageError):
        audit([str(tmp_path / "nope")], make_policy(), workers=1, progress=False)


class Instrumented:
    """Units from a generator that records how far ahead of the results the reader is."""

    def __init__(self, count: int, interrupt_after: int | None = None):
        self.count = count
        self.interrupt_after = interrupt_after
        self.pulled = 0
        self.done = 0
        self.max_ahead = 0

    def units(self):
        for n in range(self.count):
            if self.interrupt_after is not None and n == self.interrupt_after:
                raise KeyboardInterrupt
            self.pulled += 1
            self.max_ahead = max(self.max_ahead, self.pulled - self.done)
            yield (f"unit#{n + 1}", "email", message(n))

    def finished(self, n: int) -> None:
        self.done += n


@pytest.mark.parametrize("workers", [1, 2])
def test_reader_never_runs_more_than_the_window_ahead(workers):
    probe = Instrumented(400)
    batch, window = 5, 3
    report = audit(
        policy=make_policy(), workers=workers, progress=False, units=probe.units(),
        batch_size=batch, window=window, on_result=probe.finished,
    )
    assert len(report.documents) == 400 and probe.done == 400
    bound = (window + 1) * batch  # one worker process or several: the same window
    assert probe.max_ahead <= bound
    assert [d.source for d in report.documents] == [f"unit#{n}" for n in range(1, 401)]


def test_keyboard_interrupt_returns_a_partial_report_from_one_worker():
    probe = Instrumented(400, interrupt_after=20)
    report = audit(policy=make_policy(), workers=1, progress=False, units=probe.units(), batch_size=4)
    assert report.partial is True
    sources = [d.source for d in report.documents]
    assert len(sources) <= 20
    assert sources == [f"unit#{n}" for n in range(1, len(sources) + 1)]  # in order, no gaps


def test_keyboard_interrupt_returns_a_partial_report_from_the_pool():
    probe = Instrumented(400, interrupt_after=60)
    report = audit(
        policy=make_policy(), workers=2, progress=False, units=probe.units(), batch_size=4, window=100,
    )
    assert report.partial is True
    sources = [d.source for d in report.documents]
    assert len(sources) <= 60
    assert sources == [f"unit#{n}" for n in range(1, len(sources) + 1)]  # in order, no gaps


def test_progress_is_quiet_when_stderr_is_not_a_terminal(tmp_path, capsys):
    mbox = write_mbox(tmp_path / "a.mbox", 5)
    audit([str(mbox)], make_policy(), workers=1, progress=True)
    assert capsys.readouterr().err == ""


def test_progress_bar_on_a_terminal(tmp_path, monkeypatch):
    class Tty(io.StringIO):
        def isatty(self):
            return True

    fake = Tty()
    monkeypatch.setattr(progress.sys, "stderr", fake)
    mbox = write_mbox(tmp_path / "a.mbox", 5)
    report = audit([str(mbox)], make_policy(), workers=1, progress=True)
    assert len(report.documents) == 5
    shown = fake.getvalue()
    assert re.search(r"audit: 100%\S* *\S* *5/5 \[", shown), shown  # the total was counted first


def test_total_is_estimated_from_files_and_mbox_bytes(tmp_path):
    write_mbox(tmp_path / "a.mbox", 10)
    (tmp_path / "one.eml").write_bytes(message(99))
    stream = iter_units([str(tmp_path)], count=True)
    assert stream.estimated_total() is None  # nothing of the mbox read yet
    units = list(stream)
    assert len(units) == 11
    assert stream.estimated_total() == 11


def test_an_mbox_cut_into_byte_ranges_reads_as_message_by_message(tmp_path):
    from correspondence_guard.audit import read_unit

    mbox = write_mbox(tmp_path / "a.mbox", 10)
    one_by_one = [doc for unit in iter_units([str(mbox)]) for doc in read_unit(unit)]
    ranges = list(iter_units([str(mbox)], mbox_range=3))
    assert [kind for _, kind, _ in ranges] == ["mbox_range"] * 4
    assert [doc for unit in ranges for doc in read_unit(unit)] == one_by_one
    assert [doc.source for doc in one_by_one] == [f"{mbox}#{n}" for n in range(1, 11)]
