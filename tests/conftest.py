from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"
ASHBOURNE = SHARED / "ashbourne-vale"


@pytest.fixture
def message_path():
    """The path of an Ashbourne Vale message by its number, e.g. "0021"."""
    return lambda number: next((ASHBOURNE / "messages").glob(f"{number}-*.eml"))


@pytest.fixture
def letter_path():
    return lambda number: next((ASHBOURNE / "letters").glob(f"{number}-*"))
