"""A real ``correspondence-guard serve`` on a free port, and plain HTTP to it (urllib)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
CLI = next(
    (str(p) for p in (Path(sys.executable).parent / "correspondence-guard",) if p.exists()),
    shutil.which("correspondence-guard"),
)
OFFICER = "martin.crabtree@pendlebrook.gov.uk"
LEADER = "rachel.ashworth@pendlebrook.gov.uk"
CLLR_THORNBER = "gwen.thornber@pendlebrook.gov.uk"
CLLR_QURESHI = "imran.qureshi@pendlebrook.gov.uk"
TOKEN = "s3cret-token-for-tests"

SIGNED = "\n\nKind regards\n\nMartin Crabtree\nPlanning Enforcement Officer\nPendle Brook Borough Council\n"
SILENT_BCC_DRAFT = {
    "from": {"name": "Martin Crabtree", "address": OFFICER},
    "to": [{"name": "Cllr Gwen Thornber", "address": CLLR_THORNBER}],
    "bcc": [{"name": "Cllr Imran Qureshi", "address": CLLR_QURESHI}],
    "subject": "Hardstanding at 22 Cotton Row",
    "body": {"text": "Dear Councillor Thornber,\n\nI visited the site on Wednesday and have written to the owner." + SIGNED},
}
CLEAN_DRAFT = {
    "from": OFFICER,
    "to": [CLLR_THORNBER],
    "cc": [CLLR_QURESHI],
    "subject": "Hardstanding at 22 Cotton Row",
    "body": {"text": "Dear Councillor Thornber,\n\nI visited the site on Wednesday and have written to the owner." + SIGNED},
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_policy(folder: Path, **presend) -> Path:
    """The samples' register with a ``presend:`` section; the override store sits beside it."""
    document = yaml.safe_load((SAMPLES / "policy.yaml").read_text(encoding="utf-8"))
    document["presend"] = {"overrides": "overrides.sqlite", **presend}
    path = folder / f"policy-{len(list(folder.glob('policy-*.yaml')))}.yaml"
    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    return path


@dataclass
class Service:
    process: subprocess.Popen
    url: str
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_service(folder: Path, policy: Path, host: str = "127.0.0.1", env: dict | None = None) -> Service:
    port = free_port()
    log_path = folder / f"serve-{port}.log"
    process = subprocess.Popen(
        [CLI, "serve", "--policy", str(policy), "--host", host, "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=open(log_path, "wb"), env={**os.environ, **(env or {})},
    )
    service = Service(process, f"http://127.0.0.1:{port}", log_path)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"serve exited {process.returncode}: {service.log()}")
        try:
            if call(service.url + "/v1/health")[0] == 200:
                return service
        except OSError:
            time.sleep(0.1)
    service.stop()
    raise AssertionError(f"serve did not answer within 30 s: {service.log()}")


def call(url: str, body: bytes | dict | None = None, headers: dict | None = None, method: str | None = None, timeout: float = 30):
    """(status, JSON answer, response headers) of one request."""
    data = json.dumps(body).encode() if isinstance(body, dict) else body
    headers = dict(headers or {})
    if isinstance(body, dict):
        headers.setdefault("Content-Type", "application/json")
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, _answer(response.read(), response.headers), dict(response.headers)
    except urllib.error.HTTPError as exc:
        return exc.code, _answer(exc.read(), exc.headers), dict(exc.headers)


def _answer(raw: bytes, headers):
    """JSON when the service says so; a CORS preflight answers in plain text."""
    if headers.get("content-type", "").startswith("application/json"):
        return json.loads(raw)
    return raw.decode("utf-8", "replace")


def bearer(token: str = TOKEN) -> dict:
    return {"Authorization": f"Bearer {token}"}
