"""The long-running milter after ten bombs: every one is answered (by on_failure), its
worker is killed or retired and replaced, the memory of the milter and its workers is
back to where it was, and the next message is checked as before."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from milterclient import MilterClient

from gwhelpers import CLLR_A, OFFICER, message

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hostile"))
import hostile_inputs as hostile  # noqa: E402
from measure import tree_pids, tree_rss  # noqa: E402

MB = 1024 * 1024
POLICY = {"mode": "enforce", "on_failure": "accept", "timeout_seconds": 2}


def settle(pid: int, workers: int, seconds: float = 20) -> int:
    """Tree RSS once every replacement worker has started and warmed up."""
    deadline = time.monotonic() + seconds
    last = -1
    while time.monotonic() < deadline:
        time.sleep(1)
        now = tree_rss(pid)
        if len(tree_pids(pid)) >= 1 + workers and abs(now - last) < 2 * MB:
            return now
        last = now
    return tree_rss(pid)


def test_ten_bombs_leave_the_milter_as_it_was(milter_factory, tmp_path):
    milter = milter_factory(POLICY)
    client = MilterClient("127.0.0.1", milter.port)

    assert client.check(OFFICER, [CLLR_A], message()).header("X-Correspondence-Guard") == "clean"
    workers = len(tree_pids(milter.proc.pid)) - 1
    baseline = settle(milter.proc.pid, workers)

    _, pdf = hostile.pdf_bomb(64)  # 64 MB inflated: past limits.member_bytes (16 MB)
    bombs = [hostile.attachment_email("plan.pdf", pdf, "application/pdf")[1]] * 4
    # (a huge header is not among them: an MTA cuts headers long before a milter sees them)
    bombs += [hostile.deep_multipart(1000)[1], hostile.many_parts(5000)[1]]
    bombs += [message(subject=f"[fault:sleep=30] Play area {n}") for n in range(4)]  # past timeout_seconds
    answers = [client.check(OFFICER, [CLLR_A], raw, queue_id=f"BOMB{n}") for n, raw in enumerate(bombs)]

    tags = [answer.header("X-Correspondence-Guard") or "" for answer in answers]
    assert all(answer.reply == "accept" for answer in answers)
    assert all(tag.startswith("unchecked; reason=") for tag in tags), tags
    assert sum("limits.member_bytes" in tag for tag in tags) == 4
    assert "limits.mime_depth" in tags[4] and "limits.mime_parts" in tags[5]
    assert all("limits.seconds (2)" in tag for tag in tags[6:])

    after = settle(milter.proc.pid, workers)
    print(f"milter tree RSS: baseline {baseline / MB:.1f} MB, after ten bombs {after / MB:.1f} MB")
    assert after <= baseline + 25 * MB, f"baseline {baseline / MB:.0f} MB, after ten bombs {after / MB:.0f} MB"
    assert len(tree_pids(milter.proc.pid)) == 1 + workers  # stopped workers were reaped, not left behind

    later = client.check(OFFICER, [CLLR_A], message(subject="After the bombs"), queue_id="LATER")
    assert later.header("X-Correspondence-Guard") == "clean"
    assert milter.wait_for_log(12)[-1]["action"] == "clean"
