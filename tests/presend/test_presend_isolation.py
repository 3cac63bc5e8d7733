"""A draft that stalls or eats memory costs its own check, never the service (issue 9).

The service runs under a real uvicorn with a rule plug-in installed the way a council's
would be: it stalls for ever on a draft saying "stall-for-ever" and allocates without
end on one saying "allocate-for-ever". Each such draft must be answered 503 naming the
limit, its worker killed and replaced, no thread of the service left behind it, and the
next ordinary draft checked as before.
"""

from __future__ import annotations

import copy
import os
import time
from pathlib import Path

import pytest

from correspondence_guard.testing import rule_plugin
from presend_helpers import CLEAN_DRAFT, SILENT_BCC_DRAFT, call, start_service, write_policy

PLUGIN = '''
import time

from correspondence_guard.rules import rule


@rule("hostile-test", severity="warning", clause="T 1", remedy="None.")
def hostile_test(doc, policy):
    """Stalls or allocates without end when the draft asks it to (a stand-in for a bomb)."""
    text = doc.own_text
    if "stall-for-ever" in text:
        time.sleep(3600)
    hoard = []
    while "allocate-for-ever" in text:
        hoard.append(bytearray(16 * 1024 * 1024))
    return ()
'''


def _children(pid: int) -> set[int]:
    """The worker processes of the service: its spawned children (not multiprocessing's
    resource tracker)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            if parent == pid and b"spawn_main" in (stat.parent / "cmdline").read_bytes():
                found.add(int(stat.parent.name))
        except (OSError, ValueError):
            continue
    return found


def _threads(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/task"))


def _draft(words: str) -> dict:
    draft = copy.deepcopy(CLEAN_DRAFT)
    draft["body"]["text"] = draft["body"]["text"].replace("I visited the site", f"{words}. I visited the site")
    return draft


@pytest.fixture(scope="module")
def hostile_service(tmp_path_factory):
    folder = tmp_path_factory.mktemp("presend-isolation")
    # presend.timeout_seconds (3 s), shorter than limits.seconds (20 s), is the clock here.
    policy = write_policy(folder, timeout_seconds=3, workers=1)
    text = policy.read_text(encoding="utf-8") + "limits:\n  memory_mb: 256\n"
    policy.write_text(text, encoding="utf-8")
    service = start_service(folder, policy, env=rule_plugin(folder, "hostile-test", PLUGIN))
    yield service
    service.stop()


def check(service, draft):
    return call(service.url + "/v1/check", draft)


def _settled(service, workers: set[int]) -> set[int]:
    """The service's workers once the replacement for a killed one has started."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        now = _children(service.process.pid)
        if len(now) == len(workers) and now != workers:
            return now
        time.sleep(0.1)
    return _children(service.process.pid)


@pytest.mark.parametrize("words, limit", [("stall-for-ever", "limits.seconds"), ("allocate-for-ever", "limits.memory_mb")])
def test_a_hostile_draft_is_answered_503_and_the_next_draft_is_checked(hostile_service, words, limit):
    assert check(hostile_service, SILENT_BCC_DRAFT)[1]["verdict"] == "block"
    pid = hostile_service.process.pid
    workers, threads = _children(pid), _threads(pid)
    assert workers

    started = time.monotonic()
    status, answer, _ = check(hostile_service, _draft(words))
    assert status == 503 and answer["error"].startswith("the draft was not checked: over " + limit)
    assert time.monotonic() - started < 15  # answered at the limit, not when the rule gave up

    replaced = _settled(hostile_service, workers)
    assert len(replaced) == len(workers) and not workers & replaced  # the worker was killed and replaced
    status, answer, _ = check(hostile_service, SILENT_BCC_DRAFT)
    assert status == 200 and answer["verdict"] == "block"
    assert check(hostile_service, CLEAN_DRAFT)[1]["verdict"] == "send"
    assert _threads(pid) == threads  # no thread was left running the hostile draft
    assert _children(pid) == replaced
