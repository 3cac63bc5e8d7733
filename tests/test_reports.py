"""The report formats, fed AuditReport values built directly (no mail, no real rules)."""

from __future__ import annotations

import csv
import re
import io
import json

import pytest

from correspondence_guard.engine import Checker
from correspondence_guard.model import Evidence, Finding, Unreadable
from correspondence_guard.report import SCHEMA, AuditReport, DocumentResult
from correspondence_guard.reports import render
from correspondence_guard.reports.csv import defuse
from correspondence_guard.rules import Breach, RuleSpec
from correspondence_guard import testing

HOSTILE_SUBJECT = '=HYPERLINK("http://x","y")'
SCRIPT_SUBJECT = "<script>alert('x')</script> Planning update"


def finding(rule="silent-copy", severity="error", parties=("cllr.b@council.gov.uk",), text="Bcc: cllr.b@council.gov.uk"):
    return Finding(
        rule=rule,
        severity=severity,
        clause="BTC008 7.1",
        message="A councillor received a silent copy.",
        parties=tuple(parties),
        evidence=(Evidence(text=text, where="Bcc header"),),
        remedy="Copy the councillor openly, or add 'cc Councillor B'.",
    )


def document(source="mail/0001.eml", subject="Planning update", findings=(), defects=()):
    return DocumentResult(
        source=source, kind="email", message_id="<1@council.gov.uk>", subject=subject,
        sender="Officer <officer@council.gov.uk>", date="2025-03-06T10:14:00+00:00",
        findings=tuple(findings), defects=tuple(defects),
    )


@pytest.fixture
def report():
    rep = AuditReport(policy_source="policy.yaml", council="Test Borough Council",
                      rules=("silent-copy", "councillor-obligation", "confidential-regulatory-disclosure"))
    rep.documents.append(document(findings=[finding()]))
    rep.documents.append(document(source="mail/0002.eml", subject="Clean", defects=["To: unparsable address 'x'"]))
    rep.documents.append(document(source="mail/0003.eml", subject="Warned", findings=[finding(rule="councillor-obligation", severity="warning")]))
    rep.errors.append(Unreadable(source="mail/broken.eml", error="truncated MIME"))
    return rep


def test_json_has_the_issue_2_shape(report):
    data = json.loads(render(report, "json"))
    assert list(data) == ["schema", "tool", "policy", "summary", "documents", "errors", "skipped"]
    assert data["schema"] == SCHEMA == "correspondence-guard/report/v1"
    assert data["tool"]["name"] == "correspondence-guard" and data["tool"]["version"]
    assert data["policy"] == {"source": "policy.yaml", "council": "Test Borough Council"}
    assert data["summary"] == {
        "documents": 3, "findings": 2, "errors": 1, "partial": False,
        "by_rule": {"silent-copy": 1, "councillor-obligation": 1, "confidential-regulatory-disclosure": 0},
        "files": 0, "duplicates": 0, "unreadable": 1, "internal_errors": 0, "skipped": 0, "skipped_by_reason": {},
    }
    first = data["documents"][0]
    assert set(first) == {"source", "kind", "message_id", "subject", "from", "date", "findings", "also_found_in"}
    assert first["findings"][0] == {
        "rule": "silent-copy", "severity": "error", "clause": "BTC008 7.1",
        "message": "A councillor received a silent copy.", "parties": ["cllr.b@council.gov.uk"],
        "evidence": [{"text": "Bcc: cllr.b@council.gov.uk", "where": "Bcc header"}],
        "remedy": "Copy the councillor openly, or add 'cc Councillor B'.",
    }
    # Every document read is listed; "defects" only where there are some.
    assert [d["source"] for d in data["documents"]] == ["mail/0001.eml", "mail/0002.eml", "mail/0003.eml"]
    assert data["documents"][1]["findings"] == [] and data["documents"][1]["defects"] == ["To: unparsable address 'x'"]
    assert data["errors"] == [{"source": "mail/broken.eml", "error": "truncated MIME", "kind": "unreadable"}]


def test_json_keeps_non_ascii_text_readable(report):
    report.documents[0] = document(subject="Siân's query", findings=[finding()])
    assert "Siân's query" in render(report, "json")


@pytest.mark.parametrize("cell", [
    HOSTILE_SUBJECT, "+1+2", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd", "  =1+1", " \t@x", "\n=1",
])
def test_csv_defuses_formulas(cell):
    assert defuse(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Planning update", "RE: =x", "a-b", "", "2025-03-06"])
def test_csv_leaves_ordinary_text_alone(cell):
    assert defuse(cell) == cell


def test_csv_one_row_per_finding_and_hostile_subject_neutralised(report):
    report.documents[0] = document(subject=HOSTILE_SUBJECT, findings=[finding(), finding(parties=("a@x.org", "b@x.org"))])
    rows = list(csv.reader(io.StringIO(render(report, "csv"))))
    assert rows[0] == ["source", "date", "from", "subject", "rule", "severity", "clause",
                       "parties", "evidence", "message", "remedy", "also_found_in"]
    assert len(rows) == 1 + 3
    assert rows[1][3] == "'" + HOSTILE_SUBJECT
    assert rows[2][7] == "a@x.org; b@x.org"
    assert rows[1][8] == "Bcc: cllr.b@council.gov.uk (Bcc header)"
    for row in rows[1:]:
        for cell in row:
            assert not cell.lstrip().startswith(("=", "+", "-", "@")), cell


def _without_own_script(page):
    """The page less the report's own inline script, which must be the only one and load nothing."""
    own = re.findall(r"<script\b[^>]*>.*?</script>", page, flags=re.S)
    assert len(own) == 1 and "src=" not in own[0].split(">", 1)[0]
    return page.replace(own[0], "")


def test_html_escapes_document_text(report):
    report.documents[0] = document(subject=SCRIPT_SUBJECT, findings=[finding(text='<img src=x onerror="alert(1)">')])
    page = _without_own_script(render(report, "html"))
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Planning update" in page
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in page


def test_html_is_self_contained_and_complete(report):
    page = _without_own_script(render(report, "html"))
    assert page.startswith("<!DOCTYPE html>")
    for outside in ("<script", "<link", "src=", "url(", "@import", "http://", "https://"):
        assert outside not in page, outside
    for shown in ("Documents read", "silent-copy", "councillor-obligation", "BTC008 7.1", "Bcc header",
                  "Copy the councillor openly", "mail/broken.eml", "truncated MIME", "Officer &lt;officer@council.gov.uk&gt;",
                  "@media print"):
        assert shown in page, shown
    assert "mail/0002.eml" not in page  # a clean document is counted, not listed


def test_text_report_lists_findings_errors_and_summary(report):
    out = render(report, "text")
    assert "mail/0001.eml" in out and "Planning update" in out
    assert "silent-copy [error] (BTC008 7.1)" in out
    assert 'evidence (Bcc header): "Bcc: cllr.b@council.gov.uk"' in out
    assert "remedy: Copy the councillor openly" in out
    assert "mail/broken.eml: truncated MIME" in out
    assert out.rstrip().splitlines()[-1] == (
        "3 documents read, 2 findings (silent-copy 1, councillor-obligation 1, "
        "confidential-regulatory-disclosure 0), 1 unreadable, 0 duplicates, 0 files read, 0 files skipped"
    )
    assert "mail/0002.eml" not in out


def test_text_report_shows_control_characters_instead_of_obeying_them(report):
    report.documents[0] = document(subject="Update\x1b[2J\x07", findings=[finding()])
    out = render(report, "text")
    assert "\x1b" not in out and "\\x1b[2J\\x07" in out


def test_advice_for_clean_and_flagged_drafts(report):
    out = render(report, "advice")
    assert "Clean: No problems found." in out
    assert "Planning update: 1 problem to fix before sending." in out
    assert "Do this instead: Copy the councillor openly" in out
    assert 'The words (Bcc header): "Bcc: cllr.b@council.gov.uk"' in out


@pytest.mark.parametrize("fail_on, worst, failed", [
    ("error", "error", True), ("error", "warning", False), ("warning", "warning", True),
    ("warning", "error", True), ("never", "error", False), ("error", None, False),
])
def test_failed_honours_fail_on(fail_on, worst, failed):
    rep = AuditReport(policy_source="p", council="c")
    rep.documents.append(document(findings=[finding(severity=worst)] if worst else []))
    assert rep.failed(fail_on) is failed


def _marker_rule(doc, policy):
    """Flags any document whose text says MARKER (a stand-in for the real rules)."""
    if "MARKER" in doc.own_text:
        yield Breach(message="marker found", parties=("x@y.org",), evidence=(Evidence("MARKER", "body"),))


def test_reports_render_what_the_checker_found():
    spec = RuleSpec(id="marker", severity="warning", clause="T 1.1", remedy="Remove it.", check=_marker_rule)
    checker = Checker(testing.policy(), rules={"marker": spec})
    report = checker.audit([
        testing.email("a@council.gov.uk", to=["b@x.org"], text="Hello MARKER", subject="One", source="one.eml"),
        testing.email("a@council.gov.uk", to=["b@x.org"], text="Hello", subject="Two", source="two.eml"),
        Unreadable("three.eml", "unknown charset"),
    ])
    report.rules = ("marker",)
    data = json.loads(render(report, "json"))
    assert data["summary"]["by_rule"] == {"marker": 1}
    assert data["documents"][0]["findings"][0]["severity"] == "warning"
    assert data["documents"][1]["findings"] == []
    assert data["errors"] == [{"source": "three.eml", "error": "unknown charset", "kind": "unreadable"}]


def test_every_format_says_which_documents_were_not_checked(report):
    from correspondence_guard.model import Skipped, internal_error

    report.errors.append(internal_error("mail/0004.eml", ValueError("bad"), "rule silent-copy"))
    report.skipped.append(Skipped("mail/INDEX.tsv", "spreadsheet or data table"))
    text = render(report, "text")
    assert text.startswith("INCOMPLETE AUDIT: 1 documents were not checked")
    assert "NOT CHECKED (an internal error of the checker; exit status 3):\n  mail/0004.eml: not checked: internal error in rule silent-copy (ValueError: bad)" in text
    assert text.rstrip().endswith("1 files skipped (spreadsheet or data table 1), 1 NOT CHECKED (internal errors)")
    data = json.loads(render(report, "json"))
    assert data["errors"][-1] == {"source": "mail/0004.eml", "kind": "internal-error", "exception": "ValueError",
                                  "error": "not checked: internal error in rule silent-copy (ValueError: bad)"}
    assert data["skipped"] == [{"source": "mail/INDEX.tsv", "reason": "spreadsheet or data table"}]
    assert (data["summary"]["unreadable"], data["summary"]["internal_errors"], data["summary"]["errors"]) == (1, 1, 2)
    page = render(report, "html")
    assert "Incomplete audit:" in page and "internal-error" in page
    report.documents = [d for d in report.documents if not d.findings]
    page = render(report, "html")
    assert "No findings:" not in page and "could not be checked" in page
