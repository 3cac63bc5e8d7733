"""The HTML report: one self-contained page a clerk can open offline and print.

Every value from a document is hostile input, so the jinja2 environment autoescapes
everything (``autoescape=True``, not by file extension) and the template never uses
``|safe``. The page loads nothing from outside: the style is inline and there is no script.
The template is built of blocks so that a later version can add charts and filters by
extending it.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import jinja2

from ..report import AuditReport

TEMPLATE = "report.html.j2"


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("correspondence_guard.reports", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def context(report: AuditReport) -> dict:
    """What the template shows: the report, its summary and the counts by severity."""
    severities = Counter(f.severity for _, f in report.findings)
    return {
        "report": report,
        "summary": report.summary(),
        "by_severity": {name: severities.get(name, 0) for name in ("error", "warning")},
        "flagged": [doc for doc in report.documents if doc.findings],
    }


def render(report: AuditReport) -> str:
    return environment().get_template(TEMPLATE).render(**context(report))
