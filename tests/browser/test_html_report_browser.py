"""The HTML report in a real headless browser: Debian's Chromium, driven by playwright.

The report is rendered from real findings (the Ashbourne Vale corpus audited through the
engine) plus a hostile message built here, opened from a file:// URL, and checked as a
clerk would use it: the charts and findings render, a filter changes what is shown, nothing
is fetched, nothing hostile runs, it still reads with JavaScript off and when printed.

No browser is downloaded (``playwright install`` is never run): the test drives the system
Chromium that scripts/test.sh installs with apt. A missing Chromium or playwright FAILS
this test; it is never skipped.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from correspondence_guard import sources
from correspondence_guard.engine import Checker
from correspondence_guard.model import Evidence, Finding, Unreadable
from correspondence_guard.policy import load_policy
from correspondence_guard.report import AuditReport, DocumentResult
from correspondence_guard.reports import render

ROOT = Path(__file__).resolve().parents[2]
ASHBOURNE = ROOT.parent / "shared" / "corpus" / "ashbourne-vale"
CHROMIUM = os.environ.get("CG_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
HOSTILE_SUBJECT = "<img src=x onerror=alert(1)>"
HOSTILE_NAME = "<b onmouseover=alert(3)>Stuart</b>"
#: Set to 1 to refresh the README's screenshot (docs/report-screenshot.png).
UPDATE_SCREENSHOT = os.environ.get("CG_UPDATE_SCREENSHOT") == "1"

HOSTILE_EML = f"""\
From: "{HOSTILE_NAME}" <enforcement.team@ashbournevale.gov.uk>
To: Cllr Graham Whitlock <graham.whitlock@ashbournevale.gov.uk>
Bcc: Cllr Tom Bramley <tom.bramley@ashbournevale.gov.uk>
Subject: {HOSTILE_SUBJECT}
Date: Mon, 02 Jun 2025 09:15:00 +0100
Message-ID: <hostile-0001@ashbournevale.gov.uk>
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"

Dear Cllr Whitlock,

<script>alert(2)</script> The enforcement visit is booked for Thursday.

Regards,
Stuart Kettle
Planning Enforcement Officer
"""


def _playwright():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # pragma: no cover - a broken set-up must fail, not skip
        pytest.fail(f"playwright is not installed ({exc}); run scripts/test.sh", pytrace=False)
    return sync_playwright


def _expect():
    from playwright.sync_api import expect
    return expect


def _chromium() -> str:
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: the HTML report test needs Debian's chromium "
            "(apt-get install chromium; scripts/test.sh does it)",
            pytrace=False,
        )
    return CHROMIUM


@pytest.fixture(scope="module")
def audited(tmp_path_factory) -> AuditReport:
    """The Ashbourne Vale corpus and one hostile message, audited through the engine."""
    extra = tmp_path_factory.mktemp("hostile")
    (extra / "hostile.eml").write_text(HOSTILE_EML, encoding="utf-8")
    (extra / "binary.eml").write_bytes(b"\x00\x01\x02\xff" * 64)
    policy = load_policy(str(ASHBOURNE / "policy.yaml"))
    checker = Checker(policy)
    cwd = os.getcwd()
    os.chdir(ASHBOURNE)
    try:
        report = checker.audit(sources.read(["messages", "letters", str(extra)]))
    finally:
        os.chdir(cwd)
    assert report.findings, "the corpus should give findings"
    assert any(doc.subject == HOSTILE_SUBJECT and doc.findings for doc in report.documents), \
        "the hostile message should be flagged (silent copy), so its subject is shown"
    return report


@pytest.fixture(scope="module")
def pw():
    _chromium()
    with _playwright()() as playwright:
        yield playwright


def _launch(pw, profile: Path, **options):
    """System Chromium with a fresh profile; offline, so nothing could be fetched anyway."""
    return pw.chromium.launch_persistent_context(
        str(profile), executable_path=_chromium(), headless=True, args=ARGS,
        viewport={"width": 1280, "height": 1000}, offline=True, **options,
    )


@pytest.fixture(scope="module")
def browser(pw, tmp_path_factory):
    context = _launch(pw, tmp_path_factory.mktemp("chromium-profile"))
    try:
        yield context
    finally:
        context.close()


class Watched:
    """A page with everything a report must not do recorded: requests, errors, dialogs."""

    def __init__(self, context, url: str, javascript: bool = True):
        self.url = url
        self.requests: list[str] = []
        self.console_errors: list[str] = []
        self.dialogs: list[str] = []
        self.page = context.new_page()
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: m.type in ("error", "warning") and self.console_errors.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.console_errors.append(f"pageerror: {e}"))
        self.page.on("dialog", self._dialog)

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self):
        self.page.goto(self.url, wait_until="load")
        self.page.wait_for_timeout(300)  # let any deferred handler (onerror, timers) fire
        return self.page

    def assert_clean(self):
        outside = [u for u in self.requests if u != self.url]
        assert not outside, f"the report made network requests: {outside}"
        assert not self.console_errors, self.console_errors
        assert not self.dialogs, f"hostile content ran: dialogs {self.dialogs}"


def visible_findings(page) -> int:
    return page.locator(".finding").evaluate_all(
        "els => els.filter(e => e.checkVisibility()).length")


def _write(report: AuditReport, path: Path) -> str:
    path.write_text(render(report, "html"), encoding="utf-8")
    return path.as_uri()


@pytest.mark.shared
def test_report_renders_filters_and_resists_hostile_content(audited, browser, tmp_path):
    url = _write(audited, tmp_path / "report.html")
    watched = Watched(browser, url)
    page = watched.open()
    total = len(audited.findings)

    # The summary: four charts, each an SVG with bars; the numbers are text as well.
    charts = page.locator("svg.chart")
    assert charts.count() == 4
    for index in range(4):
        chart = charts.nth(index)
        assert chart.is_visible()
        assert chart.locator("rect.bar").count() >= 1
        assert chart.get_attribute("role") == "img" and chart.locator("title").count() >= 1
    rule_chart = page.locator("#chart-rule")
    by_rule = audited.rule_counts()
    assert rule_chart.locator("rect.bar").count() == len(by_rule)
    values = rule_chart.locator("text.value").all_text_contents()
    assert sorted(values) == sorted(f"{n:,}" for n in by_rule.values())
    widths = [float(w) for w in rule_chart.locator("rect.bar").evaluate_all("els => els.map(e => e.getAttribute('width'))")]
    assert max(widths) > 0

    # Every finding is shown, with its evidence marked and its clause quoted.
    assert visible_findings(page) == total
    assert page.locator(".finding mark").count() >= total
    assert page.locator("blockquote.clause").first.is_visible()
    assert "silent copies" in page.locator("#findings").inner_text()

    # A filter narrows what is shown; "Show all" brings everything back.
    assert page.locator("#filters").is_visible()
    silent = sum(1 for _, f in audited.findings if f.rule == "silent-copy")
    assert 0 < silent < total
    page.select_option("#filters select[name=rule]", "silent-copy")
    assert visible_findings(page) == silent
    assert page.locator("#filter-count").inner_text() == f"Showing {silent} of {total} findings"
    hidden_docs = page.locator("details.document[hidden]").count()
    assert hidden_docs > 0
    page.select_option("#filters select[name=severity]", "warning")
    assert visible_findings(page) == sum(1 for _, f in audited.findings if f.rule == "silent-copy" and f.severity == "warning")
    page.click("#filters button[type=reset]")
    # (not wait_for_function: its string is eval'd, which the report's CSP rightly forbids)
    _expect()(page.locator(".finding[hidden]")).to_have_count(0)
    assert visible_findings(page) == total

    # Filter by sender: the hostile sender's name is an option label, shown as text.
    option = page.locator("#filters select[name=sender] option", has_text="onmouseover")
    assert option.count() == 1
    page.select_option("#filters select[name=sender]", option.get_attribute("value"))
    assert visible_findings(page) == sum(1 for d, _ in audited.findings if "enforcement.team@" in d.sender)
    page.click("#filters button[type=reset]")
    _expect()(page.locator(".finding[hidden]")).to_have_count(0)

    # Hostile text is shown as text and runs nothing.
    assert page.get_by_text(HOSTILE_SUBJECT, exact=True).first.is_visible()
    assert page.locator("img").count() == 0
    assert page.locator("b").count() == 0
    assert page.locator("script").count() == 1  # the report's own

    # Unreadable documents are listed with their reasons.
    assert "binary.eml" in page.locator("#errors").inner_text()

    # Print: no filters, every finding.
    page.emulate_media(media="print")
    assert not page.locator("#filters").is_visible()
    assert visible_findings(page) == total
    page.pdf(path=str(tmp_path / "report.pdf"))
    assert (tmp_path / "report.pdf").stat().st_size > 10_000
    page.emulate_media(media="screen")

    shot = tmp_path / "report-screenshot.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 20_000
    print(f"screenshot: {shot}")
    if UPDATE_SCREENSHOT:
        page.set_viewport_size({"width": 1280, "height": 1700})
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(ROOT / "docs" / "report-screenshot.png"))
    watched.assert_clean()
    page.close()


@pytest.mark.shared
def test_report_without_javascript_shows_everything(audited, pw, tmp_path):
    url = _write(audited, tmp_path / "report.html")
    # Scripts are a context setting: a second, script-less context with its own profile.
    context = _launch(pw, tmp_path / "profile", java_script_enabled=False)
    try:
        watched = Watched(context, url)
        page = watched.open()
        assert not page.locator("#filters").is_visible()
        assert visible_findings(page) == len(audited.findings)
        assert page.locator("svg.chart rect.bar").count() > 0
        watched.assert_clean()
    finally:
        context.close()


def test_empty_report(browser, tmp_path):
    report = AuditReport(policy_source="policy.yaml", council="Empty Parish Council",
                         rules=("silent-copy", "councillor-obligation", "confidential-regulatory-disclosure"))
    report.documents.append(DocumentResult("a.eml", "email", "<a@x>", "Hello", "a@x.gov.uk", "2025-01-01", ()))
    watched = Watched(browser, _write(report, tmp_path / "empty.html"))
    page = watched.open()
    assert "No findings" in page.locator("#findings").inner_text()
    assert page.locator("svg.chart").count() == 4
    assert page.locator("#chart-rule rect.bar").count() == 3  # every applied rule, at 0
    assert page.locator("#chart-sender text.empty").is_visible()
    assert page.locator("#filters").count() == 0
    watched.assert_clean()


def test_large_report_stays_usable(browser, tmp_path):
    """10,000 findings: the page opens, charts render and a filter answers quickly."""
    report = AuditReport(policy_source="policy.yaml", council="Large District Council",
                         rules=("silent-copy", "councillor-obligation", "confidential-regulatory-disclosure"))
    rules = report.rules
    for n in range(5000):
        findings = tuple(
            Finding(rule=rules[(n + k) % 3], severity="error" if (n + k) % 4 else "warning",
                    clause="BTC008 7.1; Bolsover 8(1)", message=f"Finding {n}.{k}",
                    parties=(f"cllr{n % 40}@large.gov.uk",),
                    evidence=(Evidence(f"cllr{n % 40}@large.gov.uk", "Bcc header"),), remedy="Copy openly.")
            for k in range(2)
        )
        report.documents.append(DocumentResult(
            f"export.mbox#{n}", "email", f"<{n}@large.gov.uk>", f"Subject {n}",
            f"Officer {n % 300} <officer{n % 300}@large.gov.uk>", f"2024-{n % 12 + 1:02d}-01T09:00:00+00:00", findings))
    report.errors.append(Unreadable("export.mbox#5001", "truncated MIME"))
    assert len(report.findings) == 10_000
    started = time.monotonic()
    url = _write(report, tmp_path / "large.html")
    rendered = time.monotonic() - started
    assert rendered < 30, f"rendering took {rendered:.1f}s"
    watched = Watched(browser, url)
    started = time.monotonic()
    page = watched.open()
    assert time.monotonic() - started < 30
    assert page.locator("#chart-month rect.bar").count() == 12
    assert page.locator("#chart-sender rect.bar").count() == 13  # the top 12 and "other senders"
    assert page.locator("details.document[open]").count() == 0  # closed: the page stays short
    started = time.monotonic()
    page.select_option("#filters select[name=rule]", "silent-copy")
    assert time.monotonic() - started < 10
    silent = sum(1 for _, f in report.findings if f.rule == "silent-copy")
    assert page.locator("#filter-count").inner_text() == f"Showing {silent:,} of 10,000 findings"
    assert page.locator("details.document:not([hidden])").count() == len({d.source for d, f in report.findings if f.rule == "silent-copy"})
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator("details.document:not([hidden]):not([open])").count() == 0  # printed in full
    watched.assert_clean()
