#!/usr/bin/env python3
"""How much time the milter adds to each message at a real Postfix gateway.

Starts Debian's Postfix in a folder of its own (as the end-to-end tests do, with
``tests/gateway/postfix.py``), relaying to an aiosmtpd sink on a loopback port; sends
``--messages`` council messages of realistic size (2-20 KB, some with a PDF or DOCX
attachment, about one in ten with a hidden envelope recipient) from ``--senders``
threads at once, first through Postfix without the milter, then with it (``--action
tag``: every message is checked and tagged); and prints, side by side, the time from
send to sink receipt (median, p99), messages per second, the latency the milter adds,
and the milter's memory (VmRSS/VmHWM from /proc) at the start and at the end of its run.

Run as root on Debian with postfix, libmilter-dev and the test extra installed::

    python benchmarks/gateway_latency.py --messages 2000 --senders 8

It is a benchmark, not a test: it prints figures and does not judge them.
"""

from __future__ import annotations

import argparse
import base64
import email.utils
import json
import random
import re
import smtplib
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests" / "gateway"))

from gwhelpers import (  # noqa: E402
    CLLR_A,
    CLLR_B,
    DOMAIN,
    OFFICER,
    Sink,
    free_port,
    start_milter,
    write_policy,
)
from postfix import Postfix  # noqa: E402

PARAGRAPHS = [
    "Thank you for your email about the resurfacing of Mill Lane. Highways officers inspected the "
    "carriageway last week and the defects you reported have been logged for the next programme.",
    "The agenda for the Overview and Scrutiny Committee will be published on Friday. The report on "
    "the play area refurbishment is item 6 and the appendices are attached for your information.",
    "I have checked with the Revenues team and the account has now been updated. The resident should "
    "receive a revised bill within ten working days; if it does not arrive please let me know.",
    "Members asked at the last meeting for an update on the town centre car parks. Occupancy has "
    "recovered to around 85 per cent of the pre-pandemic level and the ticket machines are being replaced.",
    "The consultation on the draft Local Plan closes on 14 December. Officers will present a summary "
    "of the responses to the Local Plan Working Group in the new year.",
    "Following the ward walkabout, the overgrown hedge at the junction with Station Road has been "
    "referred to the landowner and the grounds maintenance team will cut back the verge.",
]

_MID = re.compile(rb"^Message-ID:\s*(<[^>]+>)", re.IGNORECASE | re.MULTILINE)


def make_message(i: int, rng: random.Random) -> tuple[bytes, list[str]]:
    """One message of 2-20 KB; about one in ten has a hidden envelope recipient."""
    target = rng.randint(2_000, 20_000)
    recipients = [CLLR_A]
    if i % 10 == 3:
        recipients.append(CLLR_B)  # hidden: in neither To nor Cc
    text = ["Dear Councillor Archer,", ""]
    attach = i % 4 == 0 and target > 6_000
    budget = target // 2 if attach else target
    while sum(len(p) + 2 for p in text) < budget - 300:
        text += [rng.choice(PARAGRAPHS), ""]
    text += ["Kind regards,", "Olive Officer", "Democratic Services Officer", "Ashdown Vale District Council"]
    body = "\r\n".join(text) + "\r\n"
    mid = f"<bench-{i}-{rng.getrandbits(32):08x}@{DOMAIN}>"
    head = (
        f"From: Olive Officer <{OFFICER}>\r\nTo: Cllr Alice Archer <{CLLR_A}>\r\n"
        f"Subject: Ward enquiry {i}\r\nMessage-ID: {mid}\r\nDate: {email.utils.formatdate()}\r\nMIME-Version: 1.0\r\n"
    )
    if not attach:
        return (head + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body).encode(), recipients
    blob = base64.encodebytes(rng.randbytes(max(1000, (target - len(body)) * 3 // 4))).decode().replace("\n", "\r\n")
    name, ctype = ("report.pdf", "application/pdf") if i % 8 == 0 else ("notes.bin", "application/octet-stream")
    raw = (
        head + 'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n'
        "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n"
        f'--b1\r\nContent-Type: {ctype}; name="{name}"\r\nContent-Transfer-Encoding: base64\r\n'
        f'Content-Disposition: attachment; filename="{name}"\r\n\r\n' + blob + "\r\n--b1--\r\n"
    )
    return raw.encode(), recipients


class TimedSink(Sink):
    """The sink, recording when each Message-ID arrived."""

    def __init__(self):
        super().__init__()
        self.arrivals: dict[bytes, float] = {}
        handler = self.handler
        original = handler.handle_DATA

        async def handle_DATA(server, session, envelope):
            now = time.perf_counter()
            found = _MID.search(envelope.original_content or envelope.content)
            if found:
                self.arrivals[found.group(1)] = now
            return await original(server, session, envelope)

        handler.handle_DATA = handle_DATA
        handler.messages = _Discard()


class _Discard(list):
    """Keeps no message bodies: a few thousand would only cost memory."""

    def append(self, item) -> None:
        pass


def memory(pid: int) -> dict[str, int]:
    found = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            found[key] = int(value.split()[0])
    return found


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * q))] if values else float("nan")


def run_once(messages: list[tuple[bytes, list[str]]], senders: int, with_milter: bool, workdir: Path, rate: float) -> dict:
    """Send every message; ``rate`` > 0 paces them (messages per second over all senders)."""
    sink = TimedSink()
    sink.__enter__()
    milter_port = free_port()
    postfix = Postfix(
        submit_port=free_port(),
        gateway_port=free_port(),
        milter=f"inet:127.0.0.1:{milter_port}" if with_milter else "",
        relay_port=sink.port,
        extra_main_cf="in_flow_delay = 0\ndefault_process_limit = 200\nsmtp_destination_concurrency_limit = 50\n",
    )
    milter = None
    result: dict = {}
    try:
        postfix.start()
        if with_milter:
            policy = write_policy(workdir, {"mode": "enforce"}, name="bench-policy.yaml")
            milter = start_milter(workdir, policy, action="tag", plugin=False, port=milter_port)
            result["mem_start"] = memory(milter.proc.pid)
        sent: dict[bytes, float] = {}
        transaction: list[float] = []
        refused: list[str] = []
        samples: list[tuple[int, dict]] = []
        lock = threading.Lock()
        queue = list(enumerate(messages))
        queue.reverse()
        marks = {len(messages) // 4, len(messages) // 2, (3 * len(messages)) // 4}

        def sender() -> None:
            smtp = smtplib.SMTP("127.0.0.1", postfix.gateway_port, timeout=60)
            try:
                while True:
                    with lock:
                        if not queue:
                            return
                        index, (raw, rcpts) = queue.pop()
                    if milter is not None and index in marks:
                        samples.append((index, memory(milter.proc.pid)))
                    if rate > 0:
                        delay = began + index / rate - time.perf_counter()
                        if delay > 0:
                            time.sleep(delay)
                    mid = _MID.search(raw).group(1)
                    start = time.perf_counter()
                    try:
                        smtp.sendmail(OFFICER, rcpts, raw)
                        transaction.append((time.perf_counter() - start) * 1000)
                        sent[mid] = start
                    except smtplib.SMTPException as exc:
                        refused.append(f"{mid.decode()}: {exc}")
                        smtp.close()
                        smtp = smtplib.SMTP("127.0.0.1", postfix.gateway_port, timeout=60)
            finally:
                try:
                    smtp.quit()
                except smtplib.SMTPException:
                    smtp.close()

        began = time.perf_counter()
        threads = [threading.Thread(target=sender) for _ in range(senders)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        deadline = time.monotonic() + 120
        while len(set(sent) & set(sink.arrivals)) < len(sent) and time.monotonic() < deadline:
            time.sleep(0.05)
        ended = max((sink.arrivals[m] for m in sent if m in sink.arrivals), default=time.perf_counter())
        latencies = sorted((sink.arrivals[m] - sent[m]) * 1000 for m in sent if m in sink.arrivals)
        result.update(
            sent=len(sent),
            delivered=len(latencies),
            refused=refused,
            median=statistics.median(latencies),
            p99=percentile(latencies, 0.99),
            smtp_median=statistics.median(transaction),
            smtp_p99=percentile(transaction, 0.99),
            rate=len(latencies) / (ended - began),
        )
        if milter is not None:
            result["mem_end"] = memory(milter.proc.pid)
            result["mem_samples"] = sorted(samples, key=lambda s: s[0])
            checks = sorted(r["elapsed_ms"] for r in milter.log_records())
            result["check_median"] = statistics.median(checks)
            result["check_p99"] = percentile(checks, 0.99)
            result["flagged"] = sum(1 for r in milter.log_records() if r["findings"])
    finally:
        if milter is not None:
            milter.stop(grace=6)
        postfix.delete_all() if postfix.running else None
        postfix.stop()
        sink.__exit__(None, None, None)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=2000, help="messages per run (default 2000)")
    parser.add_argument("--senders", type=int, default=8, help="concurrent sending threads (default 8)")
    parser.add_argument("--rate", type=float, default=20, help="paced runs: messages per second over all senders (default 20)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON as well")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    messages = [make_message(i, rng) for i in range(args.messages)]
    sizes = sorted(len(raw) for raw, _ in messages)
    print(
        f"{len(messages)} messages, {sizes[0] // 1024}-{sizes[-1] // 1024} KB (median {statistics.median(sizes) / 1024:.1f} KB), "
        f"{sum(1 for raw, _ in messages if b'multipart/mixed' in raw)} with attachments, "
        f"{sum(1 for _, r in messages if len(r) > 1)} with a hidden recipient; {args.senders} senders",
        flush=True,
    )
    with tempfile.TemporaryDirectory(prefix="cg-bench-") as tmp:
        workdir = Path(tmp)
        runs = {}
        for name, with_milter, rate in (
            ("paced, without milter", False, args.rate),
            ("paced, with milter", True, args.rate),
            ("flat out, without milter", False, 0),
            ("flat out, with milter", True, 0),
        ):
            print(f"run: {name} ...", flush=True)
            runs[name] = run_once(messages, args.senders, with_milter, workdir, rate)

    def row(name: str, a: str, b: str, c: str = "") -> None:
        print(f"{name:<38}{a:>16}{b:>16}{c:>12}")

    def block(title: str, without: dict, with_: dict) -> None:
        print()
        row(title, "without milter", "with milter", "added")
        row("  delivered / sent", f"{without['delivered']}/{without['sent']}", f"{with_['delivered']}/{with_['sent']}")
        for label, key in (("SMTP transaction", "smtp"), ("send -> sink receipt", "")):
            for stat in ("median", "p99"):
                k = f"{key}_{stat}" if key else stat
                row(f"  {label}, {stat} (ms)", f"{without[k]:.1f}", f"{with_[k]:.1f}", f"{with_[k] - without[k]:+.1f}")
        row("  messages / second", f"{without['rate']:.1f}", f"{with_['rate']:.1f}")
        row("  milter's own check, median / p99 (ms)", "", f"{with_['check_median']:.1f} / {with_['check_p99']:.1f}")
        row("  flagged by the milter", "", str(with_["flagged"]))
        trail = [with_["mem_start"]] + [m for _, m in with_["mem_samples"]] + [with_["mem_end"]]
        for key in ("VmRSS", "VmHWM"):
            figures = " ".join(f"{m[key] / 1024:.1f}" for m in trail)
            print(f"  milter {key} at start, 1/4, 1/2, 3/4, end (MB): {figures}")
        refused = without["refused"] + with_["refused"]
        if refused:
            print("  refused:", refused[:5])

    block(f"Paced at {args.rate:g} msg/s", runs["paced, without milter"], runs["paced, with milter"])
    block("Flat out", runs["flat out, without milter"], runs["flat out, with milter"])
    if args.json:
        print(json.dumps(runs, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
