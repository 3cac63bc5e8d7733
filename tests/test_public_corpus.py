"""Every messy public file yields something, and nothing escapes read()."""

import time
from collections import Counter
from pathlib import Path

import pytest

from correspondence_guard.model import Correspondence, Unreadable
from correspondence_guard.sources import read

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"

PUBLIC = SHARED / "public"


def _file_of(source: str) -> str:
    """The file a source names: mbox messages add "#N", PST items add ":/folder/..."."""
    source = source.split("#", 1)[0]
    head, sep, _ = source.partition(".pst:")
    return head + ".pst" if sep else source


@pytest.mark.skipif(not PUBLIC.is_dir(), reason="public corpus not present")
def test_every_public_file_yields_a_document_or_an_error():
    skipped = (".yaml", ".yml", ".md", ".py")
    files = sorted(
        str(p) for p in PUBLIC.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(PUBLIC).parts)
        and not p.name.lower().endswith(skipped)
    )
    seen: Counter = Counter()
    started = time.monotonic()
    for doc in read([str(PUBLIC)]):
        assert isinstance(doc, (Correspondence, Unreadable))
        seen[_file_of(doc.source)] += 1
    assert sorted(seen) == files
    assert time.monotonic() - started < 300
