"""The audit on a real Dask cluster (a ``dask scheduler`` and two ``dask worker``
processes on loopback) gives the very report a local audit gives."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from test_parallel import message, write_mbox

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
BIN = Path(sys.executable).parent


def wait_for(condition, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError(f"{what} did not happen within {seconds} s")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """A scheduler and two single-threaded workers, as a council would start them."""
    folder = tmp_path_factory.mktemp("dask")
    address_file = folder / "scheduler.json"
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    dask = str(BIN / "dask")
    processes = [subprocess.Popen(
        [dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
         "--scheduler-file", str(address_file)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        wait_for(address_file.exists, 60, "the scheduler starting")
        address = wait_for(lambda: json.loads(address_file.read_text() or "{}").get("address"), 30, "its address")
        for _ in range(2):
            processes.append(subprocess.Popen(
                [dask, "worker", "--scheduler-file", str(address_file), "--nthreads", "1", "--nworkers", "1",
                 "--no-dashboard", "--host", "127.0.0.1"],
                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        # waited for in a child: Dask's threads stay out of this process, whose forked
        # audit workers would otherwise inherit their address space under the memory cap
        subprocess.run([sys.executable, "-c", "import sys; from distributed import Client; "
                        "Client(sys.argv[1], timeout=30).wait_for_workers(2, timeout=90)", address],
                       check=True, timeout=150, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        yield address
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def audit(*args: str) -> tuple[int, str]:
    done = subprocess.run([str(BIN / "correspondence-guard"), "audit", "--format", "json",
                           "--policy", str(SAMPLES / "policy.yaml"), *args],
                          capture_output=True, text=True, timeout=300)
    return done.returncode, done.stdout


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """samples/ and an mbox of 450 messages (three byte ranges), with one duplicate."""
    folder = tmp_path_factory.mktemp("export")
    write_mbox(folder / "inbox.mbox", 450)
    (folder / "copy.eml").write_bytes(message(7))
    return [str(SAMPLES), str(folder)]


def test_the_cluster_report_is_the_local_report_byte_for_byte(cluster, corpus):
    status, local = audit("--workers", "2", *corpus)
    cluster_status, remote = audit("--scheduler", cluster, *corpus)
    assert cluster_status == status
    report = json.loads(remote)
    assert report["summary"]["documents"] >= 450
    assert any(doc.get("also_found_in") for doc in report["documents"])
    assert remote == local


def test_local_n_starts_its_own_cluster_with_the_same_report(corpus):
    status, local = audit("--workers", "1", *corpus)
    assert audit("--scheduler", "local:2", *corpus) == (status, local)


def test_a_scheduler_nobody_answers_is_a_usage_error(tmp_path):
    done = subprocess.run([str(BIN / "correspondence-guard"), "audit", "--scheduler", "tcp://127.0.0.1:9",
                           str(SAMPLES)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in done.stderr


def test_a_second_audit_on_the_same_workers_uses_its_own_policy_and_rules(cluster, corpus):
    first = audit("--scheduler", cluster, *corpus)
    narrowed = audit("--scheduler", cluster, "--rule", "silent-copy", *corpus)
    assert narrowed == audit("--workers", "2", "--rule", "silent-copy", *corpus)
    assert narrowed != first
    assert {f["rule"] for d in json.loads(narrowed[1])["documents"] for f in d["findings"]} == {"silent-copy"}
