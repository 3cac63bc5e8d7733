"""The JSON Lines report (reports/jsonl.py): streamed, one entry a line, summary last.

(Kept beside the HTML report's tests because the same engineer owns both formats.)
"""

from __future__ import annotations

import io
import json

import pytest

from correspondence_guard.model import Evidence, Finding, Unreadable
from correspondence_guard.report import SCHEMA, AuditReport, DocumentResult
from correspondence_guard.reports import FORMATS, render
from correspondence_guard.reports.json import as_dict
from correspondence_guard.reports.jsonl import JsonlWriter, write

RULES = ("silent-copy", "councillor-obligation", "confidential-regulatory-disclosure")


def finding(rule="silent-copy"):
    return Finding(rule=rule, severity="error", clause="BTC008 7.1", message="m", parties=("c@x.gov.uk",),
                   evidence=(Evidence("c@x.gov.uk", "Bcc header"),), remedy="r")


def document(n, findings=(), **extra):
    return DocumentResult(f"box.mbox#{n}", "email", f"<{n}@x>", "Siân's subject\u2028line\u2029and\x85next\nbreak", "A <a@x.gov.uk>",
                          "2025-01-01", tuple(findings), **extra)


def lines(text):
    return [json.loads(line) for line in text.splitlines()]


def test_registered_as_a_format():
    assert "jsonl" in FORMATS and FORMATS[:4] == ("text", "json", "html", "csv")


def test_render_matches_the_json_report_entry_for_entry():
    report = AuditReport(policy_source="p.yaml", council="C", rules=RULES)
    report.documents += [document(1, [finding()]), document(2)]
    report.errors.append(Unreadable("box.mbox#3", "truncated MIME"))
    text = render(report, "jsonl")
    assert text.count("\n") == 4 and all(line.startswith("{") for line in text.splitlines())
    got = lines(text)
    full = as_dict(report)
    assert [e["type"] for e in got] == ["document", "document", "error", "summary"]
    assert [{k: v for k, v in e.items() if k != "type"} for e in got[:2]] == full["documents"]
    assert got[2] == {"type": "error", "source": "box.mbox#3", "error": "truncated MIME", "kind": "unreadable"}
    summary = got[-1]
    assert summary["schema"] == SCHEMA and summary["policy"] == full["policy"] and summary["tool"] == full["tool"]
    assert summary["summary"] == full["summary"]
    assert summary["summary"]["by_rule"] == {"silent-copy": 1, "councillor-obligation": 0, "confidential-regulatory-disclosure": 0}
    assert "Siân" in text  # readable, not \\u escaped


def test_write_streams_one_line_per_item_as_it_arrives():
    out = io.StringIO()
    seen = []

    def results():
        for n in range(3):
            seen.append(out.getvalue().count("\n"))  # lines written before this item is produced
            yield document(n, [finding()] * n)
        yield Unreadable("bad.eml", "binary file")

    summary = write(results(), out, rules=RULES)
    assert seen == [0, 1, 2]
    assert summary == {"documents": 3, "findings": 3, "errors": 1,
                       "by_rule": {"silent-copy": 3, "councillor-obligation": 0, "confidential-regulatory-disclosure": 0},
                       "partial": False}
    assert lines(out.getvalue())[-1]["summary"] == summary


def test_also_found_in_is_kept():
    out = io.StringIO()
    write([document(1, also_found_in=("other.pst:/Sent Items/#4",))], out)
    assert lines(out.getvalue())[0]["also_found_in"] == ["other.pst:/Sent Items/#4"]


def test_interrupted_stream_ends_with_a_partial_summary():
    out = io.StringIO()

    def results():
        yield document(1)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write(results(), out)
    last = lines(out.getvalue())[-1]
    assert last["type"] == "summary" and last["summary"]["partial"] is True and last["summary"]["documents"] == 1


def test_writer_holds_only_counts():
    """Each entry is written as it arrives and nothing of it is kept: memory after 20,000
    documents is what it was after 1,000."""
    import tracemalloc

    class Discard(io.StringIO):
        lines = 0

        def write(self, text):
            self.lines += text.count("\n")
            return len(text)

    stream = Discard()
    writer = JsonlWriter(stream)
    tracemalloc.start()
    try:
        for n in range(1000):
            writer.document(document(n, [finding()]))
        assert stream.lines == 1000  # written as they came, not at close
        before = tracemalloc.get_traced_memory()[0]
        for n in range(1000, 20000):
            writer.document(document(n, [finding()]))
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert grown < 50_000, grown  # a kept entry would be ~19,000 x several hundred bytes
    assert writer.documents == 20000 and writer.close()["findings"] == 20000
