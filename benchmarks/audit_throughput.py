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
  /proc) for each report format (jsonl, json, csv, html) at the two sizes;
* the same with ``--scheduler local:N`` beside ``--workers N`` (N the cores figure): a
  second table of msg/s, the ratio to 1 worker and every format's peak RSS, the Dask
  cluster's processes counted in the tree, and its growth line. Every report of a size
  must count the same findings. Without Dask installed (the optional ``[dask]`` extra),
  or with ``--no-dask``, one line says that table was skipped and why.

Every measurement runs in a fresh child process so that the memory figures are its own.
Usage: python benchmarks/audit_throughput.py [--messages 50000] [--small 10000] [--workers N] [--no-dask]
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


def child_audit(mbox: str, policy_path: str, how: list[str], fmt: str, output: str) -> dict:
    """The command a clerk runs: ``correspondence-guard audit --format FMT --output FILE``,
    with ``how`` its workers (``--workers N`` or ``--scheduler local:N``)."""
    from correspondence_guard import cli

    argv = ["audit", mbox, "--policy", policy_path, "--format", fmt, "--output", output,
            *how, "--no-progress", "--fail-on", "never"]
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
    """The RSS of ``root`` and every process below it, found by parent links in /proc.

    A ``--scheduler local:N`` audit is such a tree too: its Dask scheduler runs in the
    audit process, the N Dask workers are its spawned children, and each worker's fork
    server and the watched process it reads in are theirs, so nothing escapes the walk.
    """
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


def dask_missing() -> str:
    """Why the ``--scheduler local:N`` runs cannot be made here; "" when they can."""
    try:
        import dask  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as exc:
        return f"{exc.name} is not installed (pip install 'correspondence-guard[dask]')"
    return ""


class Bench:
    """The built mboxes and the audits run on them, each in a child whose tree is measured."""

    def __init__(self, folder: Path, built: dict, cores: int):
        self.folder = folder
        self.built = built
        self.cores = cores

    def audit(self, size: int, how: list[str], fmt: str) -> tuple[dict, int]:
        """One audit of the ``size`` mbox: its seconds and report summary, and its peak RSS."""
        mbox, policy = map(str, self.built[size])
        output = str(self.folder / f"report-{size}-{how[0].strip('-')}{how[1].replace(':', '')}.{fmt}")
        result, peak = run_child(["--child", "audit", "--mbox", mbox, "--policy", policy,
                                  *how, "--format", fmt, "--output", output])
        if fmt in ("jsonl", "json"):
            result.update(report_summary(output, fmt))
            assert result["documents"] + result["errors"] == size, result
        os.unlink(output)
        return result, peak

    def every_format(self, size: int, how: list[str]) -> tuple[dict, dict[str, int]]:
        """The jsonl run (timed) and the peak RSS of every format, run the same way."""
        timed, jsonl_peak = self.audit(size, how, "jsonl")
        peaks = {"jsonl": jsonl_peak}
        for fmt in FORMATS[1:]:
            held, peaks[fmt] = self.audit(size, how, fmt)
            if fmt == "json":
                assert held["findings"] == timed["findings"], (how, timed, held)
        return timed, peaks

    def measure(self, size: int, with_dask: bool) -> dict:
        """Every figure for one size: the parse loop, 1 worker, N workers and local:N."""
        floor, _ = run_child(["--child", "parse", "--mbox", str(self.built[size][0])])
        assert floor["messages"] == size, floor
        one, one_peak = self.audit(size, ["--workers", "1"], "jsonl")
        many, peaks = self.every_format(size, ["--workers", str(self.cores)])
        row = {"size": size, "floor": floor, "one": one, "one_peak": one_peak, "many": many, "peaks": peaks}
        assert one["findings"] == many["findings"], (one, many)
        if with_dask:
            row["dask"], row["dask_peaks"] = self.every_format(size, ["--scheduler", f"local:{self.cores}"])
            assert row["dask"]["findings"] == many["findings"], (many, row["dask"])
        return row


def _rate(row: dict, run: str) -> float:
    return row["size"] / row[run]["seconds"]


def _mb(kib: int) -> str:
    return f"{kib / 1024:,.0f}MB"


def print_table(headers: list[str], rows: list[list[str]]) -> None:
    """Columns right-aligned, each as wide as its header or widest cell."""
    widths = [max(len(cell) for cell in column) for column in zip(headers, *rows)]
    for line in [headers, *rows]:
        print("  ".join(cell.rjust(width) for cell, width in zip(line, widths)))


def print_workers_table(rows: list[dict], cores: int) -> None:
    many = f"{cores}w"
    print("audit = correspondence-guard audit --format FMT --output FILE; msg/s with --format jsonl")
    headers = ["messages", "email-parse msg/s", "audit 1w msg/s", f"audit {many} msg/s", "1w/parse", f"{many}/1w",
               "peak jsonl 1w", *(f"peak {fmt} {many}" for fmt in FORMATS), "findings"]
    lines = []
    for row in rows:
        f_rate = row["floor"]["messages"] / row["floor"]["seconds"]
        o_rate, m_rate = _rate(row, "one"), _rate(row, "many")
        lines.append([f"{row['size']:,}", f"{f_rate:,.0f}", f"{o_rate:,.0f}", f"{m_rate:,.0f}", f"{o_rate / f_rate:.2f}",
                      f"{m_rate / o_rate:.2f}", _mb(row["one_peak"]), *(_mb(row["peaks"][fmt]) for fmt in FORMATS),
                      f"{row['one']['findings']:,}"])
    print_table(headers, lines)


def print_dask_table(rows: list[dict], cores: int) -> None:
    many, local = f"{cores}w", f"local:{cores}"
    print(f"audit --scheduler {local} (a Dask cluster the audit starts) beside --workers {cores}, the same mboxes;"
          " msg/s with --format jsonl")
    headers = ["messages", f"audit {many} msg/s", f"audit {local} msg/s", f"{many}/1w", f"{local}/1w",
               *(f"peak {fmt} {local}" for fmt in FORMATS), "findings"]
    lines = []
    for row in rows:
        o_rate, m_rate, d_rate = _rate(row, "one"), _rate(row, "many"), _rate(row, "dask")
        lines.append([f"{row['size']:,}", f"{m_rate:,.0f}", f"{d_rate:,.0f}", f"{m_rate / o_rate:.2f}",
                      f"{d_rate / o_rate:.2f}", *(_mb(row["dask_peaks"][fmt]) for fmt in FORMATS),
                      f"{row['dask']['findings']:,}"])
    print_table(headers, lines)


def print_growth(rows: list[dict], key: str, label: str) -> None:
    if len(rows) == 2:
        growth = ", ".join(f"{fmt} {rows[1][key][fmt] / rows[0][key][fmt] - 1:+.0%}" for fmt in FORMATS)
        print(f"peak RSS growth ({label}) from {rows[0]['size']:,} to {rows[1]['size']:,} messages: {growth}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=50_000)
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=None, help="the 'all cores' figure (default: every core)")
    parser.add_argument("--corpus", type=Path, default=SHARED, help="the corpora folder (default: ../shared/corpus)")
    parser.add_argument("--no-dask", action="store_true", help="leave out the --scheduler local:N runs (half the time)")
    parser.add_argument("--child", choices=["audit", "parse"], help=argparse.SUPPRESS)
    parser.add_argument("--mbox", help=argparse.SUPPRESS)
    parser.add_argument("--policy", help=argparse.SUPPRESS)
    parser.add_argument("--scheduler", help=argparse.SUPPRESS)
    parser.add_argument("--format", default="jsonl", help=argparse.SUPPRESS)
    parser.add_argument("--output", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "audit":
        how = ["--scheduler", args.scheduler] if args.scheduler else ["--workers", str(args.workers or 1)]
        print(json.dumps(child_audit(args.mbox, args.policy, how, args.format, args.output)))
        return
    if args.child == "parse":
        print(json.dumps(child_parse(args.mbox)))
        return

    from correspondence_guard.audit import default_workers

    cores = args.workers or default_workers()
    skipped = "--no-dask was given" if args.no_dask else dask_missing()
    with tempfile.TemporaryDirectory(prefix="cg-bench-") as tmp:
        folder = Path(tmp)
        sizes = sorted({min(args.small, args.messages), args.messages})
        bench = Bench(folder, build_all(folder, sizes, args.corpus), cores)
        rows = []
        for size in sizes:
            rows.append(bench.measure(size, with_dask=not skipped))
            print(f"measured {size:,}", flush=True)

    print()
    print(f"cores used for the parallel figure: {cores} (os.sched_getaffinity: {default_workers()})")
    print_results(rows, cores, skipped)


def build_all(folder: Path, sizes: list[int], corpus: Path) -> dict:
    """Every size's mbox and register, saying what each was built from."""
    origin = f"copies of the messages under {corpus}" if corpus.is_dir() else "the built-in template"
    built = {}
    for size in sizes:
        start = time.perf_counter()
        built[size] = build(folder, size, corpus)
        mb = built[size][0].stat().st_size / 1e6
        print(f"built {size:,} messages from {origin} ({mb:,.1f} MB mbox) in {time.perf_counter() - start:.1f}s", flush=True)
    return built


def print_results(rows: list[dict], cores: int, skipped: str) -> None:
    """Both tables (or the line saying why local:N was not run), the growth lines, the notes."""
    local = f"local:{cores}"
    print_workers_table(rows, cores)
    print()
    if skipped:
        print(f"the --scheduler {local} table was skipped: {skipped}")
    else:
        print_dask_table(rows, cores)
    if len(rows) == 2:
        print()
        print_growth(rows, "peaks", f"--workers {cores}")
        if not skipped:
            print_growth(rows, "dask_peaks", f"--scheduler {local}")
    print("\npeak: RSS high-water mark of the audit process and all its workers together, sampled every 50 ms.")
    if not skipped:
        print(f"For {local} that takes in the Dask scheduler (in the audit process), its {cores} worker processes and"
              f" the watched process each reads in;\n{local} msg/s include starting and stopping the cluster."
              " Every report of a size counts the same findings.")


if __name__ == "__main__":
    main()
