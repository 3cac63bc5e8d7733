#!/usr/bin/env python3
"""How long the sender waits on Send: ``POST /v1/check`` beside ``check`` as a process.

Starts ``correspondence-guard serve`` (the samples' register) on a loopback port and posts
``--drafts`` typical drafts as the Outlook add-in does (JSON, one kept-alive connection):
2-20 KB of an officer's reply to a councillor, one in four with a PDF letter attached,
one in ten with a silent Bcc. Then runs ``correspondence-guard check`` as a new process on
``--processes`` of the same drafts written as .eml files, the way a script would call it.
Prints p50, p99 and the slowest time of each, side by side, from one run.

    python benchmarks/presend_latency.py --drafts 500 --processes 40

It is a benchmark, not a test: it prints figures and does not judge them.
"""

from __future__ import annotations

import argparse
import base64
import http.client
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests" / "presend"))

from correspondence_guard.presend.drafts import draft_message  # noqa: E402
from correspondence_guard.testing import pdf_letter  # noqa: E402
from presend_helpers import CLI, CLLR_QURESHI, CLLR_THORNBER, OFFICER, SIGNED, start_service, write_policy  # noqa: E402

PARAGRAPHS = [
    "Thank you for your email about the resurfacing of Cotton Row. Highways officers inspected the "
    "carriageway last week and the defects you reported have been logged for the next programme.",
    "The agenda for the Overview and Scrutiny Committee will be published on Friday. The report on "
    "the play area refurbishment is item 6 and the appendices are attached for your information.",
    "I have checked with the Revenues team and the account has now been updated. The resident should "
    "receive a revised bill within ten working days; if it does not arrive please let me know.",
    "Following the ward walkabout, the overgrown hedge at the junction with Station Road has been "
    "referred to the landowner and the grounds maintenance team will cut back the verge.",
]
LETTER = (REPO / "samples" / "letters" / "11-officer-signed-notice-letter.txt").read_text(encoding="utf-8")


def make_draft(i: int, rng: random.Random) -> dict:
    target = rng.randint(2_000, 20_000)
    draft = {"from": {"name": "Martin Crabtree", "address": OFFICER}, "to": [CLLR_THORNBER],
             "subject": f"Ward enquiry {i}", "attachments": []}
    if i % 10 == 3:
        draft["bcc"] = [CLLR_QURESHI]
    if i % 4 == 0:
        letter = base64.b64encode(pdf_letter(LETTER)).decode()
        draft["attachments"].append({"name": "letter.pdf", "content_type": "application/pdf", "content": letter})
    text = ["Dear Councillor Thornber,", ""]
    draft["body"] = {"text": SIGNED}
    while len(draft_message(draft)) < target:
        text += [rng.choice(PARAGRAPHS), ""]
        draft["body"] = {"text": "\n".join(text) + SIGNED}
    return draft


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * q))]


def over_http(url: str, drafts: list[bytes]) -> tuple[list[float], int]:
    host, port = url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    times, blocked = [], 0
    for body in drafts:
        started = time.perf_counter()
        connection.request("POST", "/v1/check", body, {"Content-Type": "application/json"})
        response = connection.getresponse()
        answer = json.loads(response.read())
        times.append((time.perf_counter() - started) * 1000)
        assert response.status == 200, answer
        blocked += answer["verdict"] == "block"
    connection.close()
    return times, blocked


def as_processes(folder: Path, policy: Path, drafts: list[dict]) -> list[float]:
    times = []
    for i, draft in enumerate(drafts):
        path = folder / f"draft-{i}.eml"
        path.write_bytes(draft_message(draft))
        started = time.perf_counter()
        subprocess.run([CLI, "check", str(path), "--policy", str(policy)], capture_output=True, check=False)
        times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drafts", type=int, default=500)
    parser.add_argument("--processes", type=int, default=40)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    drafts = [make_draft(i, rng) for i in range(args.drafts)]
    bodies = [json.dumps(d).encode() for d in drafts]
    sizes = sorted(len(draft_message(d)) for d in drafts)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        policy = write_policy(folder)
        service = start_service(folder, policy)
        try:
            over_http(service.url, bodies[:20])  # warm the connection and the readers
            http_ms, blocked = over_http(service.url, bodies)
        finally:
            service.stop()
        process_ms = as_processes(folder, policy, drafts[: args.processes])
    print(f"{len(drafts)} drafts, {sizes[0] / 1024:.1f}-{sizes[-1] / 1024:.1f} KB as sent"
          f" ({sum(1 for d in drafts if d['attachments'])} with a PDF letter, {blocked} blocked)")
    print(f"{'':28} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    with_pdf = [t for t, d in zip(http_ms, drafts) if d["attachments"]]
    rows = (("POST /v1/check (HTTP)", http_ms), ("  of which with a PDF letter", with_pdf),
            (f"check as a process (n={len(process_ms)})", process_ms))
    for label, times in rows:
        print(f"{label:28} {percentile(times, 0.5):8.1f} {percentile(times, 0.99):8.1f} {max(times):8.1f}")


if __name__ == "__main__":
    main()
