"""Shared fixtures, and the ``shared`` marker: tests that read ``../shared`` (the labelled
corpora, the public corpus, the protocol seeds beside the checkout).

A fresh clone has no ``../shared``: its marked tests are skipped with one reason, and the
rest of the suite still runs. ``.ci/run`` runs the marked tests in place and fails when
``../shared`` is missing, so CI never passes by skipping them.
"""

from pathlib import Path

import pytest

SHARED_ROOT = Path(__file__).resolve().parents[2] / "shared"
SHARED = SHARED_ROOT / "corpus"
ASHBOURNE = SHARED / "ashbourne-vale"
PUBLIC = SHARED / "public"
SKIP_REASON = "../shared (the corpora and protocol seeds) is not beside this checkout"


def pytest_collection_modifyitems(config, items):
    if SHARED_ROOT.is_dir():
        return
    skip = pytest.mark.skip(reason=SKIP_REASON)
    for item in items:
        if item.get_closest_marker("shared"):
            item.add_marker(skip)


def pytest_terminal_summary(terminalreporter):
    """One line saying how many tests were skipped for lack of ../shared, and why."""
    skipped = [r for r in terminalreporter.stats.get("skipped", []) if SKIP_REASON in str(r.longrepr)]
    if skipped:
        terminalreporter.write_line(f"shared: {len(skipped)} tests skipped: {SKIP_REASON} (marker 'shared')")


@pytest.fixture
def message_path():
    """The path of an Ashbourne Vale message by its number, e.g. "0021"."""
    return lambda number: next((ASHBOURNE / "messages").glob(f"{number}-*.eml"))


@pytest.fixture
def letter_path():
    return lambda number: next((ASHBOURNE / "letters").glob(f"{number}-*"))


READER_FAULTS = {b"[reader:KeyError]": KeyError("a bug in the reader"), b"[reader:MemoryError]": MemoryError()}


@pytest.fixture
def faulty_parser(monkeypatch):
    """The standard library's parser, raising on a message that carries a marker of
    ``READER_FAULTS``: every reading of a message goes through it, and it has raised on
    malformed mail before. Forked workers inherit it."""
    import email

    parse = email.message_from_bytes

    def parse_or_raise(data, *args, **kwargs):
        for marker, exc in READER_FAULTS.items():
            if marker in data:
                raise exc
        return parse(data, *args, **kwargs)

    monkeypatch.setattr(email, "message_from_bytes", parse_or_raise)
