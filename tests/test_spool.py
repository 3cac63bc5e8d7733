"""Reports spooled to disk while the audit runs are the reports an audit in memory renders."""

from __future__ import annotations

import io
import resource
import subprocess
import sys

import pytest

from correspondence_guard.audit import audit as audit_parallel
from correspondence_guard.reports import SPOOLED, render, write
from correspondence_guard.reports.spool import Spool
from correspondence_guard.testing import policy, register

from test_dedupe import message


def _export(tmp_path):
    """Three mailboxes holding copies of one message (only the sender's keeps a Bcc), a
    second message, a broken letter, a file that is not correspondence and a limit reached."""
    for box in ("jo", "able", "baker"):
        (tmp_path / box).mkdir()
    (tmp_path / "jo" / "sent.eml").write_bytes(message("m1@council.gov.uk", bcc="Cllr Baker <baker@council.gov.uk>"))
    (tmp_path / "able" / "inbox.eml").write_bytes(message("m1@council.gov.uk"))
    (tmp_path / "baker" / "inbox.eml").write_bytes(message("m1@council.gov.uk"))
    (tmp_path / "baker" / "other.eml").write_bytes(message("m2@council.gov.uk", text="Something <b>else</b> =cmd|"))
    (tmp_path / "baker" / "copy-of-other.eml").write_bytes(message("m2@council.gov.uk", bcc="Beth Baker <baker@council.gov.uk>"))
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    reg = register(councillors=[("Alan Able", ["able@council.gov.uk"]), ("Beth Baker", ["baker@council.gov.uk"])])
    return policy(reg)


@pytest.mark.parametrize("workers", [1, 2])
def test_every_spooled_format_is_byte_for_byte_the_report_held_in_memory(tmp_path, workers):
    council = _export(tmp_path)
    held = audit_parallel([str(tmp_path)], council, workers=workers, progress=False)
    assert held.duplicates == 3 and held.errors and held.skipped  # the export exercises every entry
    with Spool() as spool:
        streamed = audit_parallel([str(tmp_path)], council, workers=workers, progress=False, sink=spool.add)
        spooled = spool.report(streamed)
        assert [d.also_found_in for d in spooled.documents] == [d.also_found_in for d in held.documents]
        for fmt in SPOOLED:
            out = io.StringIO()
            write(spooled, fmt, out)
            assert out.getvalue() == render(held, fmt), fmt


def test_an_empty_audit_spools_to_the_same_empty_report(tmp_path):
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    council = policy()
    held = audit_parallel([str(tmp_path)], council, workers=1, progress=False)
    with Spool() as spool:
        spooled = spool.report(audit_parallel([str(tmp_path)], council, workers=1, progress=False, sink=spool.add))
        for fmt in SPOOLED:
            out = io.StringIO()
            write(spooled, fmt, out)
            assert out.getvalue() == render(held, fmt), fmt


_GROWTH = """
import io, resource, sys
from correspondence_guard.report import DocumentResult
from correspondence_guard.model import Finding
from correspondence_guard.reports import write
from correspondence_guard.reports.spool import Spool
from correspondence_guard.audit import audit as audit_parallel
from correspondence_guard.testing import policy

class Null(io.TextIOBase):
    def write(self, text):
        return len(text)

finding = Finding(rule="silent-copy", severity="error", clause="4.2", message="m" * 200, parties=("a@b",), evidence=(), remedy="r")
with Spool() as spool:
    report = audit_parallel([], policy(), workers=1, progress=False, sink=spool.add)
    for n in range(int(sys.argv[1])):
        spool.add(DocumentResult(source=f"box/{n}.eml", kind="email", message_id=f"<{n}@x>", subject="s" * 300,
                                 sender=f"Sender {n % 500} <s{n % 500}@x.gov.uk>", date="2024-06-04",
                                 findings=(finding,) * (n % 3)))
    write(spool.report(report), sys.argv[2], Null())
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


@pytest.mark.parametrize("fmt", SPOOLED)
def test_rendering_a_spooled_report_does_not_grow_with_the_audit(fmt):
    """Ten times the documents costs the renderer no more than a little memory."""

    def peak_kib(count: int) -> int:
        out = subprocess.run([sys.executable, "-c", _GROWTH, str(count), fmt], capture_output=True, text=True, check=True)
        return int(out.stdout.split()[-1])

    small, large = peak_kib(2_000), peak_kib(20_000)
    assert large < small * 1.10 + 2048, (small, large)
