"""HTML bodies as readable text, for messages that have no text/plain part."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCK = {
    "p", "div", "br", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "hr", "section", "article", "header", "footer", "address", "dd", "dt",
}
_SKIP = {"script", "style", "head", "title", "xml"}


_LABEL = re.compile(r"^[A-Za-z][\w .'-]{0,30}:$")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.rows: list[list[int]] = []

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skipping += 1
            return
        if tag == "tr":
            self.rows.append([])
        if tag in _BLOCK:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            if self.rows:
                self.rows[-1].append(len(self.parts))
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self.skipping = max(self.skipping - 1, 0)
        elif tag in _BLOCK and tag != "br":
            if tag == "tr" and self.rows:
                self._label_row(self.rows.pop())
            self.parts.append("\n")

    def _label_row(self, cells: list[int]) -> None:
        """A header-table row ("From:" | "Jane Smith <jane@...>") becomes one line.

        Outlook and webmail render forwarded headers and memo headers ("Copied to:") as a
        two-column table whose cells hold paragraphs; read cell by cell, the label and its
        value would fall on different lines.
        """
        if len(cells) != 2:
            return
        label = " ".join("".join(self.parts[cells[0] : cells[1]]).split())
        value = "; ".join(" ".join(line.split()) for line in "".join(self.parts[cells[1] :]).split("\n") if line.strip())
        if _LABEL.match(label) and value:
            self.parts[cells[0] :] = [f"{label} {value}"]

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(re.sub(r"[ \t\r\n\f]+", " ", data))


def html_to_text(html: str) -> str:
    """Block elements become line breaks, entities are decoded, scripts and styles dropped.

    Paragraph ends give a single line break, so Outlook's empty ``<p>&nbsp;</p>`` spacers
    yield the blank lines that separate paragraphs in the plain-text rendering.
    """
    parser = _Text()
    try:
        parser.feed(html)
        parser.close()
    except Exception:
        pass
    text = "".join(parser.parts).replace("\xa0", " ")
    lines = [line.strip() for line in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
