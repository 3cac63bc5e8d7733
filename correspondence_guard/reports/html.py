"""The HTML report: one self-contained page a clerk can open offline, filter and print.

Every value from a document is hostile input, so the jinja2 environment autoescapes
everything (``autoescape=True``, not by file extension) and the template never marks
document text ``|safe``. Document text never enters the script: each finding carries its
rule, severity and sender as escaped ``data-*`` attributes (the sender as an index into
the list of senders), which the script only compares.

The page loads nothing from outside. The style and the one small script are the package
files ``templates/report.css`` and ``templates/report.js``, inlined; a
Content-Security-Policy meta allows exactly those two by their SHA-256 hashes and nothing
else (no images, no connections, no other scripts), so even markup that slipped through
could neither run nor fetch. The charts are inline SVG drawn here, in Python, with every
label escaped.

The template is built of blocks so that a later version can extend it.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache
from importlib import resources
from typing import IO

import jinja2
from markupsafe import Markup

from ..limits import is_limit_defect
from ..model import Finding
from ..report import AuditReport, DocumentResult
from .clauses import quotes

TEMPLATE = "report.html.j2"
SEVERITIES = ("error", "warning")
#: Above this many documents with findings, each document starts closed (``<details>``),
#: so that a page of thousands of findings opens quickly and stays navigable.
OPEN_LIMIT = 100
#: The sender chart shows this many senders; the rest are one "other senders" bar.
TOP_SENDERS = 12
NO_SENDER = "(no sender)"
UNDATED = "undated"


# --------------------------------------------------------------------------- charts


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    css: str = ""    # an extra class for the bar (a severity), from this module only
    short: str = ""  # what the row shows when the label is long (the full label is in its <title>)


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    svg: Markup


#: Geometry of a horizontal bar chart, in SVG user units.
WIDTH, LABEL_W, BAR_MAX, ROW, BAR_H, PAD = 460, 175, 235, 24, 15, 4
LABEL_CHARS = 24


def _short(label: str, limit: int = LABEL_CHARS) -> str:
    label = " ".join(str(label).split())
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _count(value: int) -> str:
    return f"{value:,}"


def bar_chart(chart_id: str, title: str, bars: list[Bar], unit: str = "findings") -> Markup:
    """A horizontal bar chart as inline, accessible SVG.

    One row per bar: the label (shortened; the full label is in the row's ``<title>``),
    a bar whose length is proportional to the value, and the value as text. The chart's
    ``<title>`` and ``<desc>`` (named by ``aria-labelledby``) say every value in words.
    """
    cid = re.sub(r"[^a-z0-9-]", "-", chart_id.lower())
    top = max((bar.value for bar in bars), default=0)
    rows = max(len(bars), 1)
    height = PAD * 2 + rows * ROW
    desc = "; ".join(f"{bar.label}: {_count(bar.value)}" for bar in bars) or f"No {unit}."
    parts = [
        Markup('<svg class="chart" id="{0}" role="img" aria-labelledby="{0}-title {0}-desc" '
               'viewBox="0 0 {1} {2}" width="{1}" height="{2}" preserveAspectRatio="xMinYMin meet">')
        .format(cid, WIDTH, height),
        Markup('<title id="{}-title">{}</title>').format(cid, title),
        Markup('<desc id="{}-desc">{}</desc>').format(cid, desc),
    ]
    if not bars or top == 0:
        parts.append(Markup('<text class="empty" x="{}" y="{}">No {}</text>').format(PAD, PAD + ROW * 0.65, unit))
    for index, bar in enumerate(bars):
        y = PAD + index * ROW
        width = 0 if top == 0 else max(round(bar.value / top * BAR_MAX, 1), 2 if bar.value else 0)
        css = "bar" + (f" {bar.css}" if bar.css else "")
        parts.append(Markup(
            '<g class="row"><title>{label}: {value} {unit}</title>'
            '<text class="label" x="{lx}" y="{ty}" text-anchor="end">{short}</text>'
            '<rect class="{css}" x="{bx}" y="{by}" width="{w}" height="{h}" rx="2" '
            'data-value="{raw}" fill="#3b6ea5"></rect>'
            '<text class="value" x="{vx}" y="{ty}">{value}</text></g>'
        ).format(
            label=bar.label, value=_count(bar.value), unit=unit, short=_short(bar.short or bar.label),
            lx=LABEL_W - 8, ty=y + ROW * 0.65, css=css, bx=LABEL_W, by=y + (ROW - BAR_H) / 2,
            w=width, h=BAR_H, raw=bar.value, vx=LABEL_W + width + 6,
        ))
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


# --------------------------------------------------------------------------- counting

_ADDRESS = re.compile(r"<\s*([^<>\s]+@[^<>\s]+)\s*>\s*$")
_MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"), 1)}
_WRITTEN_DATE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\s*,?\s+(\d{4})\b")


def sender_key(sender: str) -> str:
    """Who sent it, for grouping: the address if there is one, lower-cased."""
    sender = " ".join((sender or "").split())
    if not sender:
        return NO_SENDER
    match = _ADDRESS.search(sender)
    if match:
        return match.group(1).lower()
    return sender.lower() if "@" in sender and " " not in sender else sender


def month_of(date: str) -> str:
    """``YYYY-MM`` of a document's date (ISO, RFC 5322 or "6 March 2025"), or ``undated``."""
    date = (date or "").strip()
    if not date:
        return UNDATED
    if re.match(r"^\d{4}-\d{2}", date):
        return date[:7]
    try:
        return parsedate_to_datetime(date).strftime("%Y-%m")
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    match = _WRITTEN_DATE.search(date)
    if match and match.group(2).lower() in _MONTHS:
        return f"{int(match.group(3)):04d}-{_MONTHS[match.group(2).lower()]:02d}"
    return UNDATED


def month_label(month: str) -> str:
    if month == UNDATED:
        return "Undated"
    return datetime.strptime(month, "%Y-%m").strftime("%b %Y")


@dataclass(frozen=True)
class Sender:
    key: str     # what groups it (an address)
    label: str   # how it is shown (the first "Name <address>" seen)
    ref: str     # the token the page's filter uses: "s0", "s1", ...
    count: int

    @property
    def name(self) -> str:
        """The display name alone (or the address), for a chart's narrow label column."""
        match = _ADDRESS.search(self.label)
        name = self.label[: match.start()].strip().strip('"') if match else ""
        return name or self.key


def senders(report: AuditReport) -> list[Sender]:
    """Every sender with a finding, most findings first."""
    counts: Counter[str] = Counter()
    labels: dict[str, str] = {}
    for doc, _ in report.findings:
        key = sender_key(doc.sender)
        counts[key] += 1
        labels.setdefault(key, " ".join(doc.sender.split()) or NO_SENDER)
    ordered = sorted(counts, key=lambda k: (-counts[k], labels[k].lower()))
    return [Sender(key, labels[key], f"s{i}", counts[key]) for i, key in enumerate(ordered)]


def charts(report: AuditReport, sender_list: list[Sender]) -> list[Chart]:
    findings = report.findings
    rules = report.rule_counts()
    severities = Counter(f.severity for _, f in findings)
    severity_bars = [Bar(s, severities.get(s, 0), s) for s in SEVERITIES]
    severity_bars += [Bar(s, n, "other") for s, n in sorted(severities.items()) if s not in SEVERITIES]
    sender_bars = [Bar(s.label, s.count, short=s.name) for s in sender_list[:TOP_SENDERS]]
    rest = sender_list[TOP_SENDERS:]
    if rest:
        sender_bars.append(Bar(f"{len(rest):,} other senders", sum(s.count for s in rest), "other"))
    months = Counter(month_of(doc.date) for doc, _ in findings)
    month_bars = [Bar(month_label(m), months[m]) for m in sorted(m for m in months if m != UNDATED)]
    if months.get(UNDATED):
        month_bars.append(Bar(month_label(UNDATED), months[UNDATED], "other"))
    specs = [
        ("chart-rule", "Findings by rule", [Bar(rule, n) for rule, n in rules.items()]),
        ("chart-severity", "Findings by severity", severity_bars),
        ("chart-sender", "Findings by sender" + (f" (top {TOP_SENDERS})" if rest else ""), sender_bars),
        ("chart-month", "Findings by month", month_bars),
    ]
    return [Chart(cid, title, bar_chart(cid, title, bars)) for cid, title, bars in specs]


# --------------------------------------------------------------------------- page


@dataclass(frozen=True)
class FlaggedDocument:
    index: int
    doc: DocumentResult
    sender_ref: str
    findings: tuple[Finding, ...]
    also_found_in: tuple[str, ...]
    rules: tuple[str, ...]


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("correspondence_guard.reports", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["quotes"] = quotes
    return env


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


@lru_cache(maxsize=1)
def assets() -> dict:
    """The inline style and script (static package files, not document text) and the CSP allowing them."""
    folder = resources.files("correspondence_guard.reports") / "templates"
    css = (folder / "report.css").read_text(encoding="utf-8")
    js = (folder / "report.js").read_text(encoding="utf-8")
    csp = (
        "default-src 'none'; "
        f"style-src {_csp_hash(css)}; script-src {_csp_hash(js)}; "
        "img-src 'none'; font-src 'none'; connect-src 'none'; "
        "base-uri 'none'; form-action 'none'; object-src 'none'"
    )
    # Markup: these are the package's own files; the CSP hashes must match them byte for byte.
    return {"css": Markup(css), "js": Markup(js), "csp": csp}


class Flagged:
    """The documents with findings, numbered, read afresh from the report on each pass (a
    spooled report holds none in memory); the template takes its length, truth and items."""

    def __init__(self, report: AuditReport, refs: dict[str, str]):
        self.report, self.refs = report, refs
        self.count = sum(1 for _ in report.flagged_documents())

    def __len__(self) -> int:
        return self.count

    def __iter__(self):
        for index, doc in enumerate(self.report.flagged_documents(), 1):
            yield FlaggedDocument(
                index=index,
                doc=doc,
                sender_ref=self.refs[sender_key(doc.sender)],
                findings=doc.findings,
                also_found_in=tuple(getattr(doc, "also_found_in", ()) or ()),
                rules=tuple(dict.fromkeys(f.rule for f in doc.findings)),
            )


class PartlyRead:
    """(source, limit reached) of every document read only up to a limit, read afresh on each pass."""

    def __init__(self, report: AuditReport):
        self.report = report

    def __iter__(self):
        return ((doc.source, d) for doc in self.report.documents for d in doc.defects if is_limit_defect(d))

    def __bool__(self) -> bool:
        return any(True for _ in self)


def context(report: AuditReport) -> dict:
    """What the template shows: the summary, the charts and the documents with findings."""
    sender_list = senders(report)
    flagged = Flagged(report, {s.key: s.ref for s in sender_list})
    severities = Counter(f.severity for _, f in report.findings)
    summary = report.summary()
    return {
        "report": report,
        "summary": summary,
        "by_severity": {name: severities.get(name, 0) for name in SEVERITIES}
                       | {k: v for k, v in severities.items() if k not in SEVERITIES},
        "flagged": flagged,
        "clean_documents": summary["documents"] - len(flagged),
        "partly_read": PartlyRead(report),
        "charts": charts(report, sender_list),
        "senders": sender_list,
        "rule_ids": list(report.rule_counts()),
        "severity_ids": list(SEVERITIES) + sorted(s for s in severities if s not in SEVERITIES),
        "open_documents": len(flagged) <= OPEN_LIMIT,
        "assets": assets(),
    }


def write(report: AuditReport, stream: IO[str]) -> None:
    """Write the page to ``stream`` as the template produces it, one piece at a time."""
    for piece in environment().get_template(TEMPLATE).generate(**context(report)):
        stream.write(piece)


def render(report: AuditReport) -> str:
    return environment().get_template(TEMPLATE).render(**context(report))
