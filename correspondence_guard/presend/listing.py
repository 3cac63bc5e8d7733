"""The recorded overrides for the monitoring officer: CSV, JSON or one HTML page.

Justifications and subjects are the sender's own words: escaped in HTML, defused in CSV.
"""

from __future__ import annotations

import csv
import io
import json

from jinja2 import Environment

from ..model import Override
from ..reports.csv import defuse

FORMATS = ("csv", "json", "html")
COLUMNS = ("id", "recorded_at", "sender", "subject", "findings", "justification")

_PAGE = Environment(autoescape=True).from_string("""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Recorded overrides{% if council %}: {{ council }}{% endif %}</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #999;padding:.4em;vertical-align:top;text-align:left}</style>
</head><body>
<h1>Messages sent past a finding, with the sender's justification</h1>
<p>{{ council }}{% if since %}: recorded since {{ since }}{% endif %}. {{ overrides | length }} recorded.</p>
<table><thead><tr><th>Recorded</th><th>Sender</th><th>Subject</th><th>Findings overridden</th><th>Justification</th><th>Id</th></tr></thead><tbody>
{% for o in overrides %}<tr><td>{{ o.recorded_at }}</td><td>{{ o.sender }}</td><td>{{ o.subject }}</td>
<td>{% for rule, parties in o.findings %}{{ rule }}{% if parties %} ({{ parties | join(", ") }}){% endif %}<br>{% endfor %}</td>
<td>{{ o.justification }}</td><td><code>{{ o.id }}</code></td></tr>
{% endfor %}</tbody></table></body></html>
""")


def _findings_text(override: Override) -> str:
    return "; ".join(f"{rule} ({', '.join(parties)})" if parties else rule for rule, parties in override.findings)


def as_dict(override: Override) -> dict:
    return {
        "id": override.id,
        "recorded_at": override.recorded_at,
        "sender": override.sender,
        "subject": override.subject,
        "findings": [{"rule": rule, "parties": list(parties)} for rule, parties in override.findings],
        "justification": override.justification,
    }


def render(overrides: list[Override], fmt: str, council: str = "", since: str = "") -> str:
    if fmt == "json":
        return json.dumps({"council": council, "since": since, "overrides": [as_dict(o) for o in overrides]},
                          indent=2, ensure_ascii=False) + "\n"
    if fmt == "html":
        return _PAGE.render(overrides=overrides, council=council, since=since)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for o in overrides:
        writer.writerow([defuse(v) for v in (o.id, o.recorded_at, o.sender, o.subject, _findings_text(o), o.justification)])
    return out.getvalue()
