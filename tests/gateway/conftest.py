"""Fixtures for the gateway tests (the helpers they use are in ``gwhelpers``)."""

from __future__ import annotations

import pytest

from gwhelpers import MilterProcess, Sink, start_milter, write_policy


@pytest.fixture
def milter_factory(tmp_path):
    """Start milters on free ports; every one is stopped when the test ends."""
    started: list[MilterProcess] = []

    def start(gateway: dict | None = None, action: str | None = None, plugin: bool = True) -> MilterProcess:
        policy = write_policy(tmp_path, gateway, name=f"policy-{len(started)}.yaml")
        milter = start_milter(tmp_path, policy, action=action, plugin=plugin)
        started.append(milter)
        return milter

    yield start
    for milter in started:
        milter.stop()


@pytest.fixture
def smtp_sink():
    with Sink() as sink:
        yield sink
