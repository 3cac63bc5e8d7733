"""Fixtures for the pre-send tests: a real service on a free port, stopped after the module."""

from __future__ import annotations

import pytest

from presend_helpers import TOKEN, start_service, write_policy


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    """One service for the module: token required, a small request limit, CORS for one origin."""
    folder = tmp_path_factory.mktemp("presend")
    policy = write_policy(folder, token=TOKEN, addin_origin="https://addin.pendlebrook.gov.uk", max_request_bytes=300_000)
    started = start_service(folder, policy)
    started.policy = policy
    yield started
    started.stop()
