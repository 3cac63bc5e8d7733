#!/usr/bin/env python
"""What the rules' screens save: the audit with each message read whole, beside the same
audit reading only as far as a rule can need, on mixes of council correspondence.

A council's mail is mostly everyday service mail: an officer answering a resident about a
bin, a permit or a planning application, naming no councillor. Only the councillor
correspondence (copies to councillors, letters over their names, confidential briefings)
can breach the protocol. This builds, in a temporary folder, mboxes of ``--messages``
messages in which a share of everyday mail (0%, 50% and 90% by default) is mixed into
copies of the shared corpora's correspondence (the mix ``audit_throughput.py`` uses; its
own template without ``../shared``). The everyday mail is generated here: officers of the
joined register writing to residents and firms, with quoted replies, HTML alternatives,
an email disclaimer that calls the message confidential in a quarter of it, and PDF
letters attached to a tenth. Then, for each mix, in one run:

* the share of messages no rule could fire on (read only in outline);
* ``correspondence-guard audit --workers 1 --format jsonl`` msg/s with the policy's
  screens off (``screen: false`` on every rule: each message read whole, the baseline)
  and on (the default), and the speed-up;
* whether the two reports hold the same findings, document by document (they must).

Every audit runs in a fresh child process. Usage:
python benchmarks/screening.py [--messages 4000] [--shares 0,50,90]
"""

from __future__ import annotations

import argparse
import email.utils
import json
import random
import subprocess
import sys
import tempfile
import time
from email.message import EmailMessage
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from audit_throughput import SHARED, Template, _joined_policy, _template_policy, make_message  # noqa: E402

RESIDENTS = [f"{first} {last}" for first in ("Pat", "Sam", "Alex", "Chris", "Jo", "Lee", "Morgan", "Robin")
             for last in ("Okafor", "Nowak", "Fairbairn", "Dhillon", "Quayle", "Ferreira")]
MAIL_HOSTS = ("gmail.com", "btinternet.com", "outlook.com", "yahoo.co.uk", "sky.com", "example-builders.co.uk")
TOPICS = [
    ("Missed bin collection - {road}", "the missed collection of your bin on {road}"),
    ("Your council tax account {ref}", "your council tax account and the instalments due"),
    ("Planning application {ref}/HOU - acknowledgement", "your householder planning application"),
    ("Parking permit renewal", "the renewal of your residents' parking permit"),
    ("Pothole report ref {ref}", "the pothole you reported on {road}"),
    ("Room booking at the library", "your booking of the community room"),
    ("Garden waste subscription", "your garden waste subscription for next year"),
    ("Street light out on {road}", "the street light you reported on {road}"),
    ("Fly-tipping report {ref}", "the fly-tipping you reported on {road}"),
]
ROADS = ("Mill Road", "Station Street", "Orchard Close", "Beacon Way", "Kiln Lane", "Ferry Row")
SENTENCES = [
    "I have passed your report to the team and they aim to attend within five working days.",
    "Your reference number is shown above; please quote it if you contact us again.",
    "The next payment will be taken on the first of the month as usual.",
    "You can check the progress of your request online at any time.",
    "I am sorry for the inconvenience this has caused.",
    "If you need anything further, please reply to this email or call the contact centre.",
    "A crew will return to collect the bin tomorrow morning.",
    "The application has been validated and the consultation period will run for 21 days.",
    "We will write to you again once the assessment is complete.",
]
DISCLAIMER = ("This email and any attachments are confidential and intended solely for the addressee. If you have "
              "received it in error please notify the sender and delete it. The Council may monitor email.")


def officers(policy: dict) -> list[tuple[str, str, str]]:
    """(name, address, title) of the register's officers, or a service mailbox per domain."""
    found = [(o["name"], o["emails"][0], o.get("title", "")) for o in policy.get("officers") or [] if o.get("emails")]
    return found or [("Customer Services", f"customer.services@{d}", "") for d in policy["council"]["domains"]]


def everyday_message(n: int, rng: random.Random, staff: list, council: str) -> bytes:
    name, address, title = rng.choice(staff)
    resident = rng.choice(RESIDENTS)
    resident_address = f"{resident.lower().replace(' ', '.')}@{rng.choice(MAIL_HOSTS)}"
    road, ref = rng.choice(ROADS), f"{rng.randint(10000, 99999)}"
    subject, about = (part.format(road=road, ref=ref) for part in rng.choice(TOPICS))
    paragraphs = [f"Dear {resident.split()[0]},", f"Thank you for your email about {about}.",
                  " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(1, 4)))]
    paragraphs.append("\n".join(line for line in ("Kind regards", name, title, council) if line))
    if rng.random() < 0.25:
        paragraphs.append(DISCLAIMER)
    body = "\n\n".join(paragraphs)
    if rng.random() < 0.4:
        quoted = f"Hello,\n\nI am writing about {about}. Could you tell me what happens next?\n\n{resident}"
        body += f"\n\nOn 2 June 2025, {resident} <{resident_address}> wrote:\n" + "\n".join("> " + line for line in quoted.splitlines())
        subject = "RE: " + subject
    message = EmailMessage()
    message["From"] = f"{name} <{address}>"
    message["To"] = f"{resident} <{resident_address}>"
    message["Subject"] = subject
    message["Date"] = email.utils.formatdate(1_750_000_000 + n * 97)
    message["Message-ID"] = f"<everyday.{n}@bench.invalid>"
    message.set_content(body)
    if rng.random() < 0.5:
        message.add_alternative("".join(f"<p>{p}</p>" for p in body.split("\n\n")), subtype="html")
    if rng.random() < 0.1:
        from correspondence_guard.testing import pdf_letter

        letter = pdf_letter(f"Dear {resident}\nRe: {subject}\n{rng.choice(SENTENCES)}\nYours sincerely\n{name}\n{title}")
        message.add_attachment(letter, maintype="application", subtype="pdf", filename="letter.pdf")
    return bytes(message)


def build(folder: Path, count: int, share: int, corpus: Path, seed: int = 7) -> tuple[Path, Path, Path]:
    """An mbox of ``count`` messages, ``share`` percent of them everyday mail, and its register."""
    corpora = sorted(p.parent for p in corpus.glob("*/messages") if any(p.glob("*.eml")))
    templates = [Template(p.read_bytes()) for c in corpora for p in sorted((c / "messages").glob("*.eml"))]
    policy_text = _joined_policy(corpora) if templates else _template_policy()
    register = yaml.safe_load(policy_text)
    staff, council = officers(register), register["council"]["name"]
    rng = random.Random(seed)
    mbox = folder / f"mix-{share}.mbox"
    with open(mbox, "wb") as out:
        for n in range(count):
            if rng.random() * 100 < share:
                data = everyday_message(n, rng, staff, council)
            else:
                data = templates[n % len(templates)].copy(n) if templates else make_message(n, rng)
            data = data.replace(b"\r\n", b"\n").replace(b"\nFrom ", b"\n>From ")
            out.write(b"From bench@council.invalid Mon Jul  1 09:00:00 2024\n" + data.rstrip(b"\n") + b"\n\n")
    policy = folder / "policy.yaml"
    policy.write_text(policy_text, encoding="utf-8")
    whole = folder / "whole.yaml"
    register["rules"] = {rule: {"screen": False} for rule in ("silent-copy", "councillor-obligation",
                                                              "confidential-regulatory-disclosure")}
    whole.write_text(yaml.safe_dump(register, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return mbox, policy, whole


def outline_share(mbox: Path, policy: Path) -> float:
    """The share of the mbox's messages the screens leave as outlines (read in this process)."""
    from correspondence_guard.engine import Checker
    from correspondence_guard.policy import load_policy
    from correspondence_guard.sources import iter_mbox, read_message

    checker = Checker(load_policy(policy))
    read = [read_message(data, f"#{n}", screen=checker.could_fire) for n, data in enumerate(iter_mbox(str(mbox)))]
    return sum(getattr(doc, "outline", False) for doc in read) / max(len(read), 1)


def audit(mbox: Path, policy: Path, output: Path) -> float:
    """Seconds for ``audit --workers 1 --format jsonl`` in a fresh process."""
    command = [sys.executable, "-c", "import sys; from correspondence_guard.cli import main; sys.exit(main(sys.argv[1:]))",
               "audit", str(mbox), "--policy", str(policy),
               "--format", "jsonl", "--output", str(output), "--workers", "1", "--no-progress", "--fail-on", "never"]
    start = time.perf_counter()
    subprocess.run(command, check=True)
    return time.perf_counter() - start


def findings(report: Path) -> list:
    lines = [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]
    return [(line["source"], line["findings"]) for line in lines if line["type"] in ("document", "duplicate")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=4000)
    parser.add_argument("--shares", default="0,50,90", help="percentages of everyday mail, comma-separated")
    parser.add_argument("--corpus", type=Path, default=SHARED)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="cg-screen-") as tmp:
        folder = Path(tmp)
        for share in (int(s) for s in args.shares.split(",")):
            mbox, policy, whole = build(folder, args.messages, share, args.corpus)
            outlines = outline_share(mbox, policy)
            seconds_whole = audit(mbox, whole, folder / "whole.jsonl")
            seconds_screened = audit(mbox, policy, folder / "screened.jsonl")
            same = findings(folder / "whole.jsonl") == findings(folder / "screened.jsonl")
            count = sum(f != [] for _, f in findings(folder / "screened.jsonl"))
            rows.append((share, outlines, args.messages / seconds_whole, args.messages / seconds_screened, same, count))
            print(f"measured {share}% everyday mail", flush=True)
    print(f"\n{args.messages:,} messages per mix, audit --workers 1 --format jsonl, each in a fresh process\n")
    print("| everyday mail | read in outline | whole msg/s (screen: false) | screened msg/s | speed-up | same findings | documents with findings |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for share, outlines, whole, screened, same, count in rows:
        print(f"| {share}% | {outlines:.0%} | {whole:.0f} | {screened:.0f} | {screened / whole:.2f}x | {'yes' if same else 'NO'} | {count:,} |")


if __name__ == "__main__":
    main()
