"""HTML bodies as readable text, for messages that have no text/plain part.

Parsed by libxml2's HTML parser (through lxml, already installed for python-docx): it is
linear in its input, where the standard library's ``html.parser`` rescans an unclosed
``<a href='`` or ``<!--`` from the start each time and took 20 s on 90 KB. The input is
also cut at ``limits.characters`` first.
"""

from __future__ import annotations

import re

from lxml import etree

from ..limits import current as current_limits

_BLOCK = {
    "p", "div", "br", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "hr", "section", "article", "header", "footer", "address", "dd", "dt",
}
_SKIP = {"script", "style", "head", "title", "xml"}
_SPACE = re.compile(r"[ \t\r\n\f]+")


_LABEL = re.compile(r"^[A-Za-z][\w .'-]{0,30}:$")


def _label_row(parts: list[str], cells: list[int]) -> None:
    """A header-table row ("From:" | "Jane Smith <jane@...>") becomes one line.

    Outlook and webmail render forwarded headers and memo headers ("Copied to:") as a
    two-column table whose cells hold paragraphs; read cell by cell, the label and its
    value would fall on different lines.
    """
    if len(cells) != 2:
        return
    label = " ".join("".join(parts[cells[0] : cells[1]]).split())
    value = "; ".join(" ".join(line.split()) for line in "".join(parts[cells[1] :]).split("\n") if line.strip())
    if _LABEL.match(label) and value:
        parts[cells[0] :] = [f"{label} {value}"]


def _parts(root) -> list[str]:
    parts: list[str] = []
    rows: list[list[int]] = []
    skipping = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        tag = tag.rsplit(":", 1)[-1]
        if event == "start":
            if tag in _SKIP:
                skipping += 1
            else:
                if tag == "tr":
                    rows.append([])
                if tag in _BLOCK:
                    parts.append("\n")
                elif tag in ("td", "th"):
                    if rows:
                        rows[-1].append(len(parts))
                    parts.append(" ")
            if not skipping and element.text and isinstance(element.tag, str):
                parts.append(_SPACE.sub(" ", element.text))
            continue
        if tag in _SKIP:
            skipping = max(skipping - 1, 0)
        elif tag in _BLOCK and tag != "br":
            if tag == "tr" and rows:
                _label_row(parts, rows.pop())
            parts.append("\n")
        if not skipping and element.tail:
            parts.append(_SPACE.sub(" ", element.tail))
    return parts


def html_to_text(html: str) -> str:
    """Block elements become line breaks, entities are decoded, scripts and styles dropped.

    Paragraph ends give a single line break, so Outlook's empty ``<p>&nbsp;</p>`` spacers
    yield the blank lines that separate paragraphs in the plain-text rendering.
    """
    html = html[: current_limits().characters]
    if not html.strip():
        return ""
    parser = etree.HTMLParser(recover=True, no_network=True, remove_comments=True, remove_pis=True, encoding="utf-8")
    try:
        root = etree.fromstring(html.encode("utf-8", "surrogatepass"), parser)
    except (etree.LxmlError, ValueError):
        root = None
    if root is None:
        return ""
    text = "".join(_parts(root)).replace("\xa0", " ")
    lines = [line.strip() for line in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
