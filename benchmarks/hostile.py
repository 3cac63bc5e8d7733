#!/usr/bin/env python
"""Peak memory and time of each class of hostile input, beside a normal message.

For every class of issue 9, at the sizes the issue reports (a .docx inflating to 1 GB, a
10,000-page PDF, a 100 MB .eml, ...), writes the file to a temporary folder and runs
``correspondence-guard audit --format json --workers 1`` on it in a fresh process under the
shipped limits, printing the peak resident memory of the whole process tree (the command
and its worker, sampled from /proc), the wall time, and what the report says of the
document (the defect or error naming the limit). The first row, a normal message measured
in the same run, is the baseline: most of its time is starting Python and a worker.

A last row times ``filter`` on a policy file holding a YAML alias bomb.

Usage: python benchmarks/hostile.py [--scale 1.0]   (--scale 0.1 for a quick look)
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "hostile"))

import hostile_inputs as hostile  # noqa: E402
from measure import run_measured  # noqa: E402

POLICY = "council: {name: Test Council, domains: [test.gov.uk]}\ncouncillors: [{name: Brian Baker, emails: [brian.baker@test.gov.uk]}]\n"


def classes(scale: float) -> list[tuple[str, callable]]:
    def n(value: int) -> int:
        return max(1, int(value * scale))

    return [
        ("normal message (baseline)", hostile.normal_message),
        (f".docx inflating to {n(1024)} MB", lambda: hostile.docx_bomb(n(1024))),
        (f"PDF stream inflating to {n(1024)} MB", lambda: hostile.pdf_bomb(n(1024))),
        (f"PDF of {n(10000):,} pages", lambda: hostile.pdf_pages(n(10000))),
        (f".docx table {n(2000):,} x 200", lambda: hostile.docx_table(n(2000), 200)),
        (f"HTML of {n(20000):,} unclosed <a href='", lambda: hostile.html_unclosed(n(20000))),
        (f"HTML of {n(40000):,} unclosed <!--", lambda: hostile.html_unclosed(n(40000), "<!--")),
        (f"Subject of {n(50000):,} RFC 2047 words", lambda: hostile.rfc2047_subject(n(50000))),
        (f"{n(100000):,} addresses in Bcc", lambda: hostile.many_addresses(n(100000))),
        (f".eml of {n(100)} MB", lambda: hostile.big_message(n(100))),
        ("NUL byte in the first KB", hostile.nul_in_header),
        (f"multipart nested {n(1000):,} deep", lambda: hostile.deep_multipart(n(1000))),
        (f"{n(20000):,} MIME parts", lambda: hostile.many_parts(n(20000))),
    ]


def outcome(report: dict, source: str) -> str:
    for error in report.get("errors", []):
        if error["source"] == source:
            return "error: " + error["error"]
    for document in report.get("documents", []):
        if document["source"] == source:
            defects = document.get("defects") or []
            limited = [d for d in defects if "limits." in d]
            return "defect: " + limited[0] if limited else ("read, defects: " + "; ".join(defects) if defects else "read whole")
    return "?"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size (0.1 for a quick look)")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        policy = Path(tmp) / "policy.yaml"
        policy.write_text(POLICY, encoding="utf-8")
        for index, (label, make) in enumerate(classes(args.scale)):
            folder = Path(tmp) / f"class{index}"
            folder.mkdir()
            name, data = make()
            path = folder / name
            path.write_bytes(data)
            del data
            done, peak, seconds = run_measured(
                [sys.executable, "-m", "correspondence_guard.cli", "audit", str(folder), "--policy", str(policy),
                 "--format", "json", "--workers", "1", "--fail-on", "never"], cwd=REPO)
            said = outcome(json.loads(done.stdout), str(path)) if done.returncode == 0 else f"exit {done.returncode}"
            rows.append((label, path.stat().st_size, peak, seconds, said))
            path.unlink()
        bomb = Path(tmp) / "bomb-policy.yaml"
        levels = ['  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
        levels += [f"  {b}: &{b} [{', '.join(['*' + a] * 9)}]" for a, b in zip("abcdefgh", "bcdefghi")]
        bomb.write_text(POLICY + "lexicon:\n" + "\n".join(levels) + "\n", encoding="utf-8")
        _, raw = hostile.normal_message()
        done, peak, seconds = run_measured(
            [sys.executable, "-m", "correspondence_guard.cli", "filter", "--policy", str(bomb), "--sender",
             hostile.SENDER, "--recipient", hostile.COUNCILLOR], cwd=REPO, input=raw)
        rows.append(("policy with a YAML alias bomb (filter)", bomb.stat().st_size, peak, seconds,
                     f"exit {done.returncode}: {done.stderr.decode().strip()[:90]}"))

    print(f"{'class':42} {'file':>10} {'peak RSS':>9} {'time':>7}  outcome")
    for label, size, peak, seconds, said in rows:
        print(f"{label:42} {size / 1024:>8.0f}KB {peak / 2**20:>7.0f}MB {seconds:>6.2f}s  {said[:110]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
