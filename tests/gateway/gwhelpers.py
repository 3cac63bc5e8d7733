"""Helpers for the gateway tests: a council, policy files, the milter as a process, an SMTP sink.

Everything runs for real: the milter is the ``correspondence-guard milter`` command in a
subprocess, spoken to over TCP with the milter protocol; notifications go to an aiosmtpd
server. The rule plug-in in ``plugin/`` (found through its entry point when that folder is
on ``PYTHONPATH``) raises or sleeps on request, to drive the failure paths.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from aiosmtpd.controller import Controller

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
PLUGIN_DIR = HERE / "plugin"

DOMAIN = "ashdownvale.gov.uk"
OFFICER = f"olive.officer@{DOMAIN}"
CLLR_A = f"alice.archer@{DOMAIN}"
CLLR_B = f"brian.baker@{DOMAIN}"
RESIDENT = "rita.resident@example.org"
COMPLIANCE = f"monitoring.officer@{DOMAIN}"

REGISTER = {
    "council": {"name": "Ashdown Vale District Council", "domains": [DOMAIN]},
    "councillors": [
        {"name": "Alice Archer", "emails": [CLLR_A]},
        {"name": "Brian Baker", "emails": [CLLR_B]},
    ],
    "officers": [{"name": "Olive Officer", "title": "Democratic Services Officer", "emails": [OFFICER]}],
}


def message(
    subject: str = "Your query about the play area",
    to: str = f"Cllr Alice Archer <{CLLR_A}>",
    body: str | None = None,
    extra_headers: str = "",
    message_id: str = "<play-area-1@ashdownvale.gov.uk>",
) -> bytes:
    """An officer's reply to councillor A: clean unless the envelope says otherwise."""
    body = body or (
        "Dear Councillor Archer,\r\n\r\n"
        "Thank you for your email about the play area on Mill Lane. The repairs are booked\r\n"
        "for next month and I will let you know when they start.\r\n\r\n"
        "Kind regards,\r\nOlive Officer\r\nDemocratic Services Officer\r\n"
    )
    return (
        f"From: Olive Officer <{OFFICER}>\r\n"
        f"To: {to}\r\n"
        f"Subject: {subject}\r\n"
        f"Message-ID: {message_id}\r\n"
        "Date: Mon, 2 Nov 2026 10:00:00 +0000\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n"
        f"{extra_headers}"
        "\r\n"
        f"{body}"
    ).encode("utf-8")


def write_policy(directory: Path, gateway: dict | None = None, name: str = "policy.yaml") -> Path:
    doc = dict(REGISTER)
    if gateway is not None:
        doc["gateway"] = gateway
    path = directory / name
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    return path


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, timeout: float, proc: subprocess.Popen | None = None, what: str = "server") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"{what} exited with {proc.returncode} before listening on {port}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"{what} did not listen on 127.0.0.1:{port} within {timeout} s")


def cli_env(plugin: bool = False) -> dict[str, str]:
    env = dict(os.environ)
    paths = [str(REPO)]
    if plugin:
        paths.insert(0, str(PLUGIN_DIR))
    if env.get("PYTHONPATH"):
        paths.append(env["PYTHONPATH"])
    env["PYTHONPATH"] = os.pathsep.join(paths)
    return env


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "correspondence_guard.cli", *args]


@dataclass
class MilterProcess:
    proc: subprocess.Popen
    port: int
    log_path: Path
    stderr_path: Path

    def log_records(self) -> list[dict]:
        if not self.log_path.exists():
            return []
        return [json.loads(line) for line in self.log_path.read_text(encoding="utf-8").splitlines() if line.strip()]

    def wait_for_log(self, count: int, timeout: float = 5.0) -> list[dict]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            records = self.log_records()
            if len(records) >= count:
                return records
            time.sleep(0.02)
        return self.log_records()

    def stop(self, grace: float = 1.0) -> None:
        """SIGTERM, then SIGKILL after ``grace`` seconds (libmilter may take ~5 s to wind down)."""
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)


def start_milter(
    directory: Path,
    policy: Path,
    action: str | None = None,
    plugin: bool = True,
    port: int | None = None,
    host: str = "127.0.0.1",
) -> MilterProcess:
    port = port or free_port()
    log_path = directory / f"milter-{port}.log"
    stderr_path = directory / f"milter-{port}.stderr"
    args = ["milter", "--socket", f"inet:{port}@{host}", "--policy", str(policy), "--log", str(log_path)]
    if action:
        args += ["--action", action]
    stderr = open(stderr_path, "wb")
    proc = subprocess.Popen(cli(*args), env=cli_env(plugin), stdout=subprocess.DEVNULL, stderr=stderr, cwd=directory)
    stderr.close()
    milter = MilterProcess(proc=proc, port=port, log_path=log_path, stderr_path=stderr_path)
    try:
        wait_for_port(port, 30, proc, what=f"the milter ({stderr_path.read_text(errors='replace') if stderr_path.exists() else ''})")
    except BaseException:
        milter.stop()
        raise
    return milter



@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    data: bytes
    at: float


@dataclass
class SinkHandler:
    messages: list[Received] = field(default_factory=list)
    arrived: threading.Condition = field(default_factory=threading.Condition)

    async def handle_DATA(self, server, session, envelope):
        with self.arrived:
            self.messages.append(
                Received(envelope.mail_from, list(envelope.rcpt_tos), bytes(envelope.original_content or envelope.content), time.monotonic())
            )
            self.arrived.notify_all()
        return "250 OK"

    def wait_for(self, count: int, timeout: float = 10.0) -> list[Received]:
        deadline = time.monotonic() + timeout
        with self.arrived:
            while len(self.messages) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self.arrived.wait(left)
            return list(self.messages)


class Sink:
    """An aiosmtpd server on a free loopback port that keeps every message it receives."""

    def __init__(self, port: int | None = None):
        self.port = port or free_port()
        self.handler = SinkHandler()
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port, data_size_limit=None)

    def __enter__(self) -> "Sink":
        self.controller.start()
        return self

    def __exit__(self, *exc) -> None:
        self.controller.stop()

    @property
    def messages(self) -> list[Received]:
        return list(self.handler.messages)

    def wait_for(self, count: int, timeout: float = 10.0) -> list[Received]:
        return self.handler.wait_for(count, timeout)

