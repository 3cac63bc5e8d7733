"""Word (.docx) letters, read from the package's XML: the body, and the headers and
footers where a protective marking sits.

Only the parts a letter's words are in are opened: the main document and the header and
footer parts its sections name. python-docx, which this replaced, parses every XML part
as it opens a package, the style sheets Word writes into each file included (350 KB and
more, unused here): a typical council letter took 15 ms and some 40 MB of transient heap
to read, and a long audit's worker kept that heap in 5 MB steps as it went.

The text is what Word shows: the text runs of each paragraph (``w:t``, tabs and breaks),
tracked insertions included and deletions left out, tables one line per row, content
controls read through. Text boxes are left out, as python-docx left them (their text
sits twice in a file, once per rendering).
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from typing import Iterator

from lxml import etree

from ..errors import UnreadableDocument, one_line
from ..limits import LimitExceeded, limit_defect
from ..limits import current as current_limits
from .bounds import check_zip, read_member

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_MAIN_DOCUMENT = "/officeDocument"
# What a run's element adds to the text; None: its own text.
_RUN_TEXT = {f"{W}t": None, f"{W}tab": "\t", f"{W}ptab": "\t", f"{W}br": "\n", f"{W}cr": "\n",
             f"{W}noBreakHyphen": "-"}
_LEFT_OUT = {f"{W}txbxContent", f"{W}del", f"{W}moveFrom"}
# Each section's header and footer parts, in the order python-docx gave them.
_HEADER_FOOTER = [(kind, which) for which in ("default", "first", "even") for kind in ("headerReference", "footerReference")]
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)


def read_docx(data: bytes, defects: list[str]) -> tuple[str, tuple[str, ...]]:
    """(the body's text, the distinct texts of its headers and footers).

    Every member's declared size is checked against ``limits.member_bytes``, and the
    parts read are inflated within it; the body is read up to ``limits.characters``.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            check_zip(package)
            main = _main_part(package)
            body = _xml(package, main).find(f"{W}body")
            lines = list(_block_lines(body, current_limits().characters, defects)) if body is not None else []
            marks = _marks(package, main, body)
    except (LimitExceeded, MemoryError):
        raise
    except Exception as exc:  # noqa: BLE001 - whatever the package's damage, the letter is unreadable
        raise UnreadableDocument(f"not a readable Word document: {one_line(exc)}") from None
    return "\n".join(lines), marks


def _main_part(package: zipfile.ZipFile) -> str:
    """The main document's member name, as the package's relationships name it."""
    for target, kind in _relationships(package, "_rels/.rels", "").values():
        if kind.endswith(_MAIN_DOCUMENT):
            return target
    return "word/document.xml"


def _relationships(package: zipfile.ZipFile, rels: str, base: str) -> dict[str, tuple[str, str]]:
    """{id: (member name, relationship type)} of one relationships part (none if absent)."""
    if rels not in package.NameToInfo:
        return {}
    found = {}
    for rel in _xml(package, rels).iter(_RELATIONSHIP):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))
        found[rel.get("Id", "")] = (name, rel.get("Type", ""))
    return found


def _xml(package: zipfile.ZipFile, name: str):
    return etree.fromstring(read_member(package, name), _PARSER)


def _marks(package: zipfile.ZipFile, main: str, body) -> tuple[str, ...]:
    """The texts of the headers and footers the sections define, each once."""
    if body is None:
        return ()
    folder, file = posixpath.split(main)
    parts = _relationships(package, posixpath.join(folder, "_rels", file + ".rels"), folder)
    names: dict[str, None] = {}  # in order, each part once however many sections name it
    for section in body.iter(f"{W}sectPr"):
        references = {(ref.tag[len(W):], ref.get(f"{W}type", "default")): ref.get(_R_ID)
                      for ref in section if ref.tag in (f"{W}headerReference", f"{W}footerReference")}
        for key in _HEADER_FOOTER:
            name = parts.get(references.get(key, ""), ("", ""))[0]
            if name:
                names.setdefault(name)
    marks: dict[str, None] = {}
    for name in names:
        text = "\n".join(_block_lines(_xml(package, name), current_limits().characters, [])).strip()
        if text:
            marks.setdefault(text)
    return tuple(marks)


def _block_lines(container, budget: int, defects: list[str]) -> Iterator[str]:
    """Paragraphs and tables of a body, header or footer in document order, one line per
    paragraph or table row, until ``budget`` characters (then a defect says so)."""
    for line in _blocks(container):
        yield line
        budget -= len(line) + 1
        if budget < 0:
            defects.append(limit_defect("characters", current_limits().characters,
                                        "the rest of the document was not read"))
            return


def _blocks(container) -> Iterator[str]:
    for child in container:
        if child.tag == f"{W}p":
            yield paragraph_text(child)
        elif child.tag == f"{W}tbl":
            yield from _table_rows(child)
        elif child.tag in (f"{W}sdt", f"{W}customXml", f"{W}ins"):
            content = child.find(f"{W}sdtContent") if child.tag == f"{W}sdt" else child
            if content is not None:
                yield from _blocks(content)


def paragraph_text(paragraph) -> str:
    return "".join(_run_text(paragraph))


def _run_text(element) -> Iterator[str]:
    for child in element:
        if child.tag in _LEFT_OUT:
            continue
        if child.tag in _RUN_TEXT:
            added = _RUN_TEXT[child.tag]
            yield (child.text or "") if added is None else added
        elif child.tag != f"{W}p":  # a paragraph's properties, runs, hyperlinks, fields
            yield from _run_text(child)


def _table_rows(table) -> Iterator[str]:
    """One line per row, its cells' texts joined by " | "; a merged cell written once,
    as in the document."""
    for row in table.iterchildren(f"{W}tr"):
        cells: dict[str, None] = {}
        for cell in row.iterchildren(f"{W}tc"):
            cells.setdefault("\n".join(paragraph_text(p) for p in cell.iterchildren(f"{W}p")))
        yield " | ".join(cells)

