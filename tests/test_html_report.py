"""The HTML report without a browser: charts (counts → bars), escaping, clauses, CSP, scale."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest

from correspondence_guard.model import Evidence, Finding, Unreadable
from correspondence_guard.report import AuditReport, DocumentResult
from correspondence_guard.reports import render
from correspondence_guard.reports.clauses import CLAUSES, ELLIPSIS, quotes
from correspondence_guard.reports.html import (
    BAR_MAX, Bar, assets, bar_chart, month_of, sender_key,
)
from correspondence_guard.rules import load_rules

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
RULES = ("silent-copy", "councillor-obligation", "confidential-regulatory-disclosure")
HOSTILE = '<img src=x onerror=alert(1)>"\'</script><script>alert(2)</script>'


def finding(rule="silent-copy", severity="error", text="cllr.b@council.gov.uk", where="Bcc header", clause="BTC008 7.1"):
    return Finding(rule=rule, severity=severity, clause=clause, message="A councillor received a silent copy.",
                   parties=("cllr.b@council.gov.uk",), evidence=(Evidence(text, where),),
                   remedy="Copy the councillor openly.")


def document(n=1, sender="Officer <officer@council.gov.uk>", subject="Planning update", date="2025-03-06T10:14:00+00:00",
             findings=(), **extra):
    return DocumentResult(source=f"mail/{n:04d}.eml", kind="email", message_id=f"<{n}@council.gov.uk>",
                          subject=subject, sender=sender, date=date, findings=tuple(findings), **extra)


def report_of(*docs, errors=()):
    rep = AuditReport(policy_source="policy.yaml", council="Test Borough Council", rules=RULES)
    rep.documents.extend(docs)
    rep.errors.extend(errors)
    return rep


def bars(svg: str) -> list[tuple[float, int]]:
    """(width, value) of every bar in a chart."""
    return [(float(w), int(v)) for w, v in re.findall(r'<rect class="bar[^"]*"[^>]*width="([\d.]+)"[^>]*data-value="(\d+)"', svg)]


# ---------------------------------------------------------------- charts


def test_bar_lengths_are_proportional_to_counts():
    svg = str(bar_chart("c", "Findings by rule", [Bar("a", 10), Bar("b", 5), Bar("c", 1), Bar("d", 0)]))
    got = bars(svg)
    assert [v for _, v in got] == [10, 5, 1, 0]
    assert got[0][0] == BAR_MAX
    assert got[1][0] == pytest.approx(BAR_MAX / 2, abs=0.1)
    assert 2 <= got[2][0] < got[1][0]  # a count of 1 is still a visible bar
    assert got[3][0] == 0


def test_chart_is_accessible_and_says_its_numbers_as_text():
    svg = str(bar_chart("chart-rule", "Findings by rule", [Bar("silent-copy", 1234), Bar("councillor-obligation", 7)]))
    assert svg.startswith('<svg class="chart" id="chart-rule" role="img" aria-labelledby="chart-rule-title chart-rule-desc"')
    assert '<title id="chart-rule-title">Findings by rule</title>' in svg
    assert '<desc id="chart-rule-desc">silent-copy: 1,234; councillor-obligation: 7</desc>' in svg
    assert '<text class="value"' in svg and ">1,234</text>" in svg and ">7</text>" in svg
    assert "<title>silent-copy: 1,234 findings</title>" in svg


def test_empty_chart_says_so():
    svg = str(bar_chart("x", "Findings by sender", []))
    assert "No findings" in svg and bars(svg) == []


def test_chart_labels_are_escaped_and_shortened():
    svg = str(bar_chart("x", "Findings by sender", [Bar(HOSTILE, 3)]))
    assert "<img" not in svg and "<script" not in svg
    assert "&lt;img src=x onerror=alert(1)&gt;" in svg
    short = re.search(r'<text class="label"[^>]*>(.*?)</text>', svg).group(1)
    assert short.endswith("…")


def test_summary_charts_count_by_rule_severity_sender_and_month():
    rep = report_of(
        document(1, findings=[finding(), finding(rule="councillor-obligation", severity="warning")]),
        document(2, sender='"Officer" <OFFICER@council.gov.uk>', date="Tue, 15 Apr 2025 09:00:00 +0100", findings=[finding()]),
        document(3, sender="", date="", findings=[finding(rule="confidential-regulatory-disclosure")]),
        document(4, findings=()),
    )
    page = render(rep, "html")
    def chart(cid):
        return re.search(rf'<svg class="chart" id="{cid}".*?</svg>', page, re.S).group(0)
    assert [v for _, v in bars(chart("chart-rule"))] == [2, 1, 1]  # every applied rule, in order
    assert [v for _, v in bars(chart("chart-severity"))] == [3, 1]
    assert [v for _, v in bars(chart("chart-sender"))] == [3, 1]  # one address, two spellings
    assert [v for _, v in bars(chart("chart-month"))] == [2, 1, 1]
    assert ">Mar 2025<" in chart("chart-month") and ">Apr 2025<" in chart("chart-month") and ">Undated<" in chart("chart-month")


def test_many_senders_are_the_top_twelve_and_the_rest():
    docs = [document(n, sender=f"Officer {n} <o{n}@council.gov.uk>", findings=[finding()] * (n + 1)) for n in range(20)]
    rep = report_of(*docs)
    page = render(rep, "html")
    sender_chart = re.search(r'<svg class="chart" id="chart-sender".*?</svg>', page, re.S).group(0)
    values = [v for _, v in bars(sender_chart)]
    assert len(values) == 13 and values[:12] == list(range(20, 8, -1)) and values[12] == sum(range(1, 9))
    assert "8 other senders" in sender_chart


@pytest.mark.parametrize("date, month", [
    ("2025-03-06T10:14:00+00:00", "2025-03"),
    ("Thu, 06 Mar 2025 10:14:00 +0000", "2025-03"),
    ("6th March 2025", "2025-03"),
    ("", "undated"),
    ("soon", "undated"),
])
def test_month_of(date, month):
    assert month_of(date) == month


def test_sender_key_groups_by_address():
    assert sender_key("A <X@Council.gov.uk>") == sender_key("x@council.gov.uk") == "x@council.gov.uk"
    assert sender_key("") == "(no sender)"


# ---------------------------------------------------------------- escaping and safety


def test_hostile_text_is_escaped_everywhere_and_never_reaches_the_script():
    doc = document(1, sender=f'"{HOSTILE}" <evil@council.gov.uk>', subject=HOSTILE,
                   findings=[finding(text=HOSTILE, where=HOSTILE, rule="silent-copy")],
                   also_found_in=(HOSTILE,), defects=(HOSTILE,))
    page = render(report_of(doc, errors=[Unreadable(HOSTILE, HOSTILE)]), "html")
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(scripts) == 1 and "alert" not in scripts[0] and "evil" not in scripts[0]
    outside = page.replace(f"<script>{scripts[0]}</script>", "")
    assert "<img" not in outside and "<script" not in outside
    assert "&lt;img src=x onerror=alert(1)&gt;" in outside
    # Attribute values carry no document text, only escaped tokens.
    for value in re.findall(r'\sdata-[a-z]+="([^"]*)"', outside):
        assert re.fullmatch(r"[a-z0-9-]+", value), value
    assert outside.count("&lt;img src=x onerror=alert(1)&gt;") >= 7  # subject, from, evidence, where, also, defect, errors


def test_content_security_policy_allows_only_the_report_s_own_style_and_script():
    page = render(report_of(document(1, findings=[finding()])), "html")
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page).group(1).replace("&#39;", "'")
    style = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
    script = re.search(r"<script>(.*?)</script>", page, re.S).group(1)
    digest = lambda text: "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"
    assert f"style-src {digest(style)};" in csp and f"script-src {digest(script)};" in csp
    assert "default-src 'none'" in csp and "img-src 'none'" in csp and "unsafe" not in csp
    # Self-contained: nothing outside is named.
    for outside in ("<link", "src=", "url(", "@import", "http://", "https://"):
        assert outside not in page, outside
    assert "CSP" not in assets()["js"]  # sanity: the assets are the files, not templated


def test_progressive_enhancement_filters_start_hidden_and_match_finding_attributes():
    rep = report_of(document(1, findings=[finding(), finding(rule="councillor-obligation", severity="warning")]),
                    document(2, sender="B <b@council.gov.uk>", findings=[finding()]))
    page = render(rep, "html")
    assert '<form id="filters" hidden' in page
    assert re.findall(r'data-rule="([^"]+)" data-severity="([^"]+)" data-sender="([^"]+)"', page) == [
        ("silent-copy", "error", "s0"), ("councillor-obligation", "warning", "s0"), ("silent-copy", "error", "s1")]
    assert '<option value="s0">Officer &lt;officer@council.gov.uk&gt; (2)</option>' in page
    assert page.count("<details class=\"document\"") == 2 and page.count(" open>") == 2


def test_finding_shows_header_evidence_clause_and_remedy():
    doc = document(1, findings=[finding(clause="BTC008 7.2; Bolsover 8(2); Part E Code 3 2.8-2.9",
                                        text="the Council will reimburse you", where="paragraph 3")],
                   also_found_in=("other.mbox#7",))
    page = render(report_of(doc), "html")
    for shown in ("mail/0001.eml", "&lt;1@council.gov.uk&gt;", "2025-03-06T10:14:00+00:00", "Planning update",
                  "<mark>the Council will reimburse you</mark>", "paragraph 3", "other.mbox#7",
                  "should never be sent out in the name of a Councillor", "over the name of a Member",
                  "Members are not authorised to instruct officers", "enter into a contract on behalf of the council",
                  "Copy the councillor openly."):
        assert shown in page, shown


def test_empty_report():
    page = render(report_of(document(1)), "html")
    assert "No findings: none of the 1 document read breaks a rule" in page
    assert "<script" not in page and 'id="filters"' not in page
    page = render(report_of(), "html")
    assert "No findings: no document was read." in page


def test_partial_and_unreadable_documents():
    rep = report_of(document(1, findings=[finding()]), errors=[Unreadable("box.pst:/Inbox/#3", "damaged block")])
    rep.partial = True
    page = render(rep, "html")
    assert "Partial audit" in page and "box.pst:/Inbox/#3" in page and "damaged block" in page


def test_large_report_starts_closed_and_stays_small_enough():
    docs = [document(n, findings=[finding(), finding(rule="councillor-obligation")]) for n in range(5000)]
    page = render(report_of(*docs), "html")
    assert page.count('class="finding ') == 10_000
    assert " open>" not in page.split('id="findings"')[1]
    assert len(page.encode()) < 40_000_000


# ---------------------------------------------------------------- clauses


def _normal(text: str) -> str:
    return " ".join(text.replace("**", "").split())


@pytest.mark.shared
def test_every_clause_quote_is_exact():
    seeds = {p.name[:3]: _normal(p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt")}
    source = {"BTC008": "000", "Bolsover": "003", "Part E": "004"}
    for clause in CLAUSES.values():
        seed = seeds[next(v for k, v in source.items() if clause.id.startswith(k))]
        for part in clause.text.split(ELLIPSIS):
            assert _normal(part) in seed, (clause.id, part)


def test_every_rule_s_clause_is_quoted():
    for spec in load_rules().values():
        cited = quotes(spec.clause)
        assert cited and all(c.text for c in cited), spec.clause


def test_unknown_clause_is_still_named():
    assert [(c.id, c.text) for c in quotes("Local Protocol 4.2; BTC008 7.3")][0] == ("Local Protocol 4.2", "")
