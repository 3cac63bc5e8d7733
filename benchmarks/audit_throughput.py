#!/usr/bin/env python
"""Audit throughput and memory on a large mbox of council correspondence.

Builds, in a temporary folder, an mbox from the shared corpora's correspondence
(``../shared/corpus/*/messages/*.eml``: long threads, Outlook HTML, attached .docx and .pdf
letters of several councils), each message reused with a fresh Message-ID, a date moved
on and its recipients rotated, and one register joining the corpora's registers. Without
``../shared`` it falls back to its own template of council mail. It then prints, in one run:

* messages per second for a plain loop that only splits the mbox and parses each message
  with Python's ``email`` package (the floor a checker cannot beat);
* messages per second for ``correspondence-guard audit --format jsonl`` with 1 worker and
  with every core, and the ratios;
* the peak memory (RSS high-water mark, summed over the audit's process tree, sampled from
  /proc) for each report format (jsonl, json, csv, html) at the two sizes.

Every measurement runs in a fresh child process so that the memory figures are its own.
Usage: python benchmarks/audit_throughput.py [--messages 50000] [--small 10000] [--workers N]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COUNCIL = "ashvale.gov.uk"
FORMATS = ("jsonl", "json", "csv", "html")
COUNCILLORS = [
    ("Margaret Holloway", "margaret.holloway", "Leader of the Council"),
    ("Derek Pennington", "derek.pennington", "Chair of the Council"),
    ("Nadia Karim", "nadia.karim", ""),
    ("Priya Chaudhry", "priya.chaudhry", "Cabinet Member for Environment"),
    ("Tom Bramley", "tom.bramley", ""),
    ("Helen Bramley", "helen.bramley", ""),
    ("Graham Whitlock", "graham.whitlock", "Chair of the Planning Committee"),
    ("Alastair Fenwick", "alastair.fenwick", "Chair of the Licensing Committee"),
]
OFFICERS = [
    ("Joe Bloggs", "joe.bloggs", "Planning Enforcement Officer"),
    ("Sarah Lund", "sarah.lund", "Licensing Manager"),
    ("Ravi Patel", "ravi.patel", "Environmental Health Officer"),
    ("Claire Dunn", "claire.dunn", "Democratic Services Officer"),
    ("Martin Oake", "martin.oake", "Head of Finance"),
    ("Fiona Reyes", "fiona.reyes", "Waste Services Manager"),
]
THIRD = [
    ("Alan Greaves", "alan.greaves@gmail.com"),
    ("Mary O'Neill", "mary.oneill@btinternet.com"),
    ("Castlegate Roofing", "quotes@castlegateroofing.co.uk"),
    ("Vale Waste Services", "contracts@valewaste.co.uk"),
    ("Dave Turner", "dave.turner@hotmail.co.uk"),
    ("Local Gazette", "newsdesk@localgazette.co.uk"),
]
TOPICS = [
    ("Planning application 24/0{n}/FUL - Holme Lane", "the planning application at Holme Lane and the conditions proposed"),
    ("Noise complaint - Tannery Yard", "the statutory nuisance investigation at Tannery Yard"),
    ("Premises licence review - Red Lion", "the review of the premises licence for the Red Lion"),
    ("Missed bin collections - Mill Lane", "the missed collections reported on Mill Lane"),
    ("Budget monitoring Q{q}", "the quarter {q} budget monitoring figures"),
    ("Enforcement notice - Brook Farm", "the breach of condition at Brook Farm and the notice being considered"),
    ("Street trading consent - Riverside car park", "the street trading consent application for the Riverside car park"),
    ("Pavilion lease", "the draft heads of terms for the pavilion lease"),
    ("Flooding at Riverside Walk", "the culvert at Riverside Walk and the flooding last week"),
    ("Ward surgery follow-up", "the points residents raised at Saturday's ward surgery"),
]
SENTENCES = [
    "I have spoken with colleagues in the relevant service and will update you when I hear more.",
    "The site visit is booked for next Tuesday morning and the case officer will attend.",
    "Residents have raised concerns about traffic, parking and the hours of working.",
    "The report will go to the committee meeting next month with a recommendation.",
    "Please let me know if you would like to discuss this before the deadline.",
    "The Council will provide a further update once the consultation period has closed.",
    "We have written to the owner setting out the steps required and the timescale.",
    "Officers are reviewing the representations received and will report back to members.",
    "The figures attached show the position at the end of the quarter against the profile.",
    "I understand the frustration this has caused and apologise for the delay in replying.",
    "Could you confirm whether the applicant has been told about the revised plans?",
    "The Council has agreed to pay the contractor for the additional works carried out.",
    "I would be grateful if you could raise this with the Clerk at the next meeting.",
    "Please start the works on Monday and invoice the Council for the agreed amount.",
    "This is not for circulation beyond members until the legal advice has been received.",
]


def _person(name: str, local: str) -> tuple[str, str]:
    return name, f"{local}@{COUNCIL}"


def _addr(p: tuple[str, str]) -> str:
    return f'"{p[0]}" <{p[1]}>'


def make_message(n: int, rng: random.Random) -> bytes:
    officer = _person(*rng.choice(OFFICERS)[:2])
    councillor = _person(*rng.choice(COUNCILLORS)[:2])
    other_cllr = _person(*rng.choice(COUNCILLORS)[:2])
    third = rng.choice(THIRD)
    style = rng.random()
    if style < 0.45:
        sender, to, cc = officer, [councillor], []
    elif style < 0.7:
        sender, to, cc = councillor, [officer], []
    elif style < 0.85:
        sender, to, cc = officer, [third], [councillor] if rng.random() < 0.4 else []
    else:
        sender, to, cc = councillor, [third], [officer] if rng.random() < 0.5 else []
    bcc = [other_cllr] if sender == officer and rng.random() < 0.08 else []
    subject, about = rng.choice(TOPICS)
    subject = subject.format(n=n % 10, q=n % 4 + 1)
    about = about.format(q=n % 4 + 1)
    if rng.random() < 0.05:
        subject = "CONFIDENTIAL: " + subject
    paragraphs = [f"Dear {to[0][0].split()[0]},", f"Thank you for your email about {about}."]
    for _ in range(rng.choice([1, 1, 2, 3, 5, 8, 15, 30])):
        paragraphs.append(" ".join(rng.choice(SENTENCES) for _ in range(rng.randint(1, 5))))
    if bcc and rng.random() < 0.5:
        paragraphs.append(f"cc Councillor {bcc[0][0].split()[-1]}")
    paragraphs.append(f"Kind regards\n{sender[0]}\nAshvale District Council")
    body = "\n\n".join(paragraphs)
    kind = rng.random()
    if kind < 0.2:  # a quoted reply
        quoted = "\n".join("> " + line for line in ("Dear " + sender[0].split()[0] + ",\n\n" + " ".join(rng.choice(SENTENCES) for _ in range(4)) + "\n\nThanks\n" + to[0][0]).splitlines())
        body += f"\n\nOn Mon, 3 Jun 2024 at 09:{n % 60:02d}, {to[0][0]} <{to[0][1]}> wrote:\n{quoted}\n"
        subject = "Re: " + subject
    elif kind < 0.3:  # an Outlook forward
        fwd_from = rng.choice([councillor, third])
        body += (
            "\n\n________________________________\n"
            f"From: {fwd_from[0]} <{fwd_from[1]}>\nSent: 03 June 2024 08:{n % 60:02d}\n"
            f"To: {officer[0]} <{officer[1]}>\nSubject: {subject}\n\n"
            + " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(2, 8)))
            + f"\n\nRegards\n{fwd_from[0]}\n"
        )
        subject = "FW: " + subject
    day = 1 + n % 28
    headers = [
        f"From: {_addr(sender)}",
        f"To: {', '.join(_addr(p) for p in to)}",
        *([f"Cc: {', '.join(_addr(p) for p in cc)}"] if cc else []),
        *([f"Bcc: {', '.join(_addr(p) for p in bcc)}"] if bcc else []),
        f"Subject: {subject}",
        f"Date: Mon, {day:02d} Jul 2024 {9 + n % 8:02d}:{n % 60:02d}:00 +0100",
        f"Message-ID: <bench.{n}@{COUNCIL}>",
        "MIME-Version: 1.0",
    ]
    if rng.random() < 0.3:  # HTML alternative
        html = "<html><body>" + "".join(f"<p>{p}</p>" for p in body.split("\n\n")) + "</body></html>"
        boundary = f"b{n}"
        payload = (
            f'Content-Type: multipart/alternative; boundary="{boundary}"\n\n'
            f"--{boundary}\nContent-Type: text/plain; charset=utf-8\n\n{body}\n"
            f"--{boundary}\nContent-Type: text/html; charset=utf-8\n\n{html}\n--{boundary}--\n"
        )
        return ("\n".join(headers) + "\n" + payload).encode("utf-8")
    return ("\n".join(headers) + "\nContent-Type: text/plain; charset=utf-8\n\n" + body + "\n").encode("utf-8")


SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
DAY = 86400


def _template_policy() -> str:
    lines = ["council:", "  name: Ashvale District Council", f"  domains: [{COUNCIL}]", "councillors:"]
    for name, local, title in COUNCILLORS:
        lines.append(f"  - name: {name}\n    emails: [{local}@{COUNCIL}]")
        if title:
            lines.append(f"    titles: [{title}]")
    lines.append("officers:")
    for name, local, title in OFFICERS:
        lines.append(f"  - name: {name}\n    title: {title}\n    emails: [{local}@{COUNCIL}]")
    return "\n".join(lines) + "\n"


def _joined_policy(corpora: list[Path]) -> str:
    """One register holding every corpus's council domains, councillors and officers."""
    import yaml

    joined = {"council": {"name": "Benchmark councils", "domains": []}, "councillors": [], "officers": []}
    for corpus in corpora:
        policy = yaml.safe_load((corpus / "policy.yaml").read_text(encoding="utf-8"))
        joined["council"]["domains"] += policy["council"]["domains"]
        joined["councillors"] += policy.get("councillors") or []
        joined["officers"] += policy.get("officers") or []
    return yaml.safe_dump(joined, allow_unicode=True, sort_keys=False)


class Template:
    """One corpus message, split once into header fields and body, for cheap reuse."""

    REPLACED = {"message-id", "date", "to", "cc"}

    def __init__(self, raw: bytes):
        import email.parser
        import email.utils

        raw = raw.replace(b"\r\n", b"\n")
        head, _, self.body = raw.partition(b"\n\n")
        fields = email.parser.BytesHeaderParser().parsebytes(head + b"\n\n")
        self.kept = [(k, v) for k, v in fields.items() if k.lower() not in self.REPLACED]
        self.to = [email.utils.formataddr(a) for a in email.utils.getaddresses(fields.get_all("To", []))]
        self.cc = [email.utils.formataddr(a) for a in email.utils.getaddresses(fields.get_all("Cc", []))]
        when = email.utils.parsedate_tz(fields.get("Date", "") or "")
        self.when = email.utils.mktime_tz(when) if when else 1_700_000_000

    def copy(self, n: int) -> bytes:
        """The message as the n-th copy: its own Message-ID, date moved on, recipients rotated."""
        import email.utils

        def rotated(addresses: list[str]) -> str:
            k = n % len(addresses) if addresses else 0
            return ", ".join(addresses[k:] + addresses[:k])

        lines = [f"{k}: {v}" for k, v in self.kept]
        lines.append(f"Message-ID: <bench.{n}@corpus.invalid>")
        lines.append("Date: " + email.utils.formatdate(self.when + (n % 365) * DAY + n % 3600))
        if self.to:
            lines.append("To: " + rotated(self.to))
        if self.cc:
            lines.append("Cc: " + rotated(self.cc))
        return "\n".join(lines).encode("utf-8", "surrogateescape") + b"\n\n" + self.body


def build(folder: Path, count: int, shared: Path = SHARED, seed: int = 4) -> tuple[Path, Path]:
    """The mbox (and its register) of ``count`` messages: corpus copies, or the template's."""
    corpora = sorted(p.parent for p in shared.glob("*/messages") if any(p.glob("*.eml")))
    templates = [Template(p.read_bytes()) for c in corpora for p in sorted((c / "messages").glob("*.eml"))]
    rng = random.Random(seed)
    mbox = folder / f"export-{count}.mbox"
    with open(mbox, "wb") as out:
        for n in range(count):
            data = templates[n % len(templates)].copy(n) if templates else make_message(n, rng)
            data = data.replace(b"\nFrom ", b"\n>From ")
            out.write(b"From bench@council.invalid Mon Jul  1 09:00:00 2024\n" + data.rstrip(b"\n") + b"\n\n")
    policy = folder / "policy.yaml"
    policy.write_text(_joined_policy(corpora) if templates else _template_policy(), encoding="utf-8")
    return mbox, policy


# --------------------------------------------------------------------------- children


def child_audit(mbox: str, policy_path: str, workers: int, fmt: str, output: str) -> dict:
    """The command a clerk runs: ``correspondence-guard audit --format FMT --output FILE``."""
    from correspondence_guard import cli

    argv = ["audit", mbox, "--policy", policy_path, "--format", fmt, "--output", output,
            "--workers", str(workers), "--no-progress", "--fail-on", "never"]
    start = time.perf_counter()
    status = cli.main(argv)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"audit exited {status}")
    return {"seconds": elapsed}


def report_summary(path: str, fmt: str) -> dict:
    """The summary the audit wrote (read by the parent, after the child's memory is measured)."""
    if fmt == "jsonl":
        with open(path, "rb") as handle:
            handle.seek(max(0, os.path.getsize(path) - 65536))
            last = handle.read().decode("utf-8").strip().splitlines()[-1]
        return json.loads(last)["summary"]
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)["summary"]


def child_parse(mbox: str) -> dict:
    """The floor: split the mbox on From_ lines and parse each message with ``email``."""
    import email
    import email.policy

    start = time.perf_counter()
    count = 0
    current: list[bytes] = []

    def parse(lines: list[bytes]) -> None:
        message = email.message_from_bytes(b"".join(lines), policy=email.policy.default)
        message.get("From"), message.get("To"), message.get("Subject")

    with open(mbox, "rb") as handle:
        for line in handle:
            if line.startswith(b"From "):
                if current:
                    parse(current)
                    count += 1
                current = []
            else:
                current.append(line)
    if current:
        parse(current)
        count += 1
    return {"messages": count, "seconds": time.perf_counter() - start}


# --------------------------------------------------------------------------- memory


def _tree_rss_kb(root: int) -> int:
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{entry}/statm") as f:
                rss[int(entry)] = int(f.read().split()[1]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def run_child(args: list[str]) -> tuple[dict, int]:
    """Run this script as a child; return its JSON result and the peak RSS (KiB) of its tree."""
    process = subprocess.Popen([sys.executable, __file__, *args], stdout=subprocess.PIPE, text=True)
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_rss_kb(process.pid))
        time.sleep(0.05)
    out = process.stdout.read()
    if process.returncode:
        raise SystemExit(f"child {args} failed with status {process.returncode}")
    return json.loads(out.strip().splitlines()[-1]), peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=50_000)
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=None, help="the 'all cores' figure (default: every core)")
    parser.add_argument("--corpus", type=Path, default=SHARED, help="the corpora folder (default: ../shared/corpus)")
    parser.add_argument("--child", choices=["audit", "parse"], help=argparse.SUPPRESS)
    parser.add_argument("--mbox", help=argparse.SUPPRESS)
    parser.add_argument("--policy", help=argparse.SUPPRESS)
    parser.add_argument("--format", default="jsonl", help=argparse.SUPPRESS)
    parser.add_argument("--output", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "audit":
        print(json.dumps(child_audit(args.mbox, args.policy, args.workers or 1, args.format, args.output)))
        return
    if args.child == "parse":
        print(json.dumps(child_parse(args.mbox)))
        return

    from correspondence_guard.audit import default_workers

    cores = args.workers or default_workers()
    origin = f"copies of the messages under {args.corpus}" if args.corpus.is_dir() else "the built-in template"
    with tempfile.TemporaryDirectory(prefix="cg-bench-") as tmp:
        folder = Path(tmp)
        sizes = sorted({min(args.small, args.messages), args.messages})
        built = {}
        for size in sizes:
            start = time.perf_counter()
            built[size] = build(folder, size, args.corpus)
            mb = built[size][0].stat().st_size / 1e6
            print(f"built {size:,} messages from {origin} ({mb:,.1f} MB mbox) in {time.perf_counter() - start:.1f}s", flush=True)

        def audit(size: int, workers: int, fmt: str) -> tuple[dict, int]:
            mbox, policy = map(str, built[size])
            output = str(folder / f"report-{size}-{workers}.{fmt}")
            result, peak = run_child(["--child", "audit", "--mbox", mbox, "--policy", policy,
                                      "--workers", str(workers), "--format", fmt, "--output", output])
            if fmt in ("jsonl", "json"):
                result.update(report_summary(output, fmt))
                assert result["documents"] + result["errors"] == size, result
            os.unlink(output)
            return result, peak

        rows = []
        for size in sizes:
            floor, _ = run_child(["--child", "parse", "--mbox", str(built[size][0])])
            one, one_peak = audit(size, 1, "jsonl")
            many, many_peak = audit(size, cores, "jsonl")
            peaks = {"jsonl": many_peak}
            for fmt in FORMATS[1:]:
                held, peaks[fmt] = audit(size, cores, fmt)
                if fmt == "json":
                    assert one["findings"] == many["findings"] == held["findings"], (one, many, held)
            assert floor["messages"] == size, floor
            rows.append((size, floor, one, many, one_peak, peaks))
            print(f"measured {size:,}", flush=True)

    print()
    print(f"cores used for the parallel figure: {cores} (os.sched_getaffinity: {default_workers()})")
    print("audit = correspondence-guard audit --format FMT --output FILE; msg/s with --format jsonl")
    print(f"{'messages':>9} {'email-parse msg/s':>18} {'audit 1w msg/s':>15} {'audit %dw msg/s' % cores:>15}"
          f" {'1w/parse':>9} {'%dw/1w' % cores:>7} {'peak jsonl 1w':>14}"
          + "".join(f" {'peak %s %dw' % (fmt, cores):>15}" for fmt in FORMATS) + f" {'findings':>9}")
    for size, floor, one, many, one_peak, peaks in rows:
        f_rate = floor["messages"] / floor["seconds"]
        o_rate = size / one["seconds"]
        m_rate = size / many["seconds"]
        print(f"{size:>9,} {f_rate:>18,.0f} {o_rate:>15,.0f} {m_rate:>15,.0f} {o_rate / f_rate:>9.2f}"
              f" {m_rate / o_rate:>7.2f} {one_peak / 1024:>12,.0f}MB"
              + "".join(f" {peaks[fmt] / 1024:>13,.0f}MB" for fmt in FORMATS) + f" {one['findings']:>9,}")
    if len(rows) == 2:
        growth = ", ".join(f"{fmt} {rows[1][5][fmt] / rows[0][5][fmt] - 1:+.0%}" for fmt in FORMATS)
        print(f"\npeak RSS growth from {rows[0][0]:,} to {rows[1][0]:,} messages: {growth}")
    print("\npeak: RSS high-water mark of the audit process and all its workers together, sampled every 50 ms.")


if __name__ == "__main__":
    main()
