"""What the author wrote, wherever the message keeps it: every alternative part, a memo header.

The rulings make every alternative part of a message the author's own text: a copy note
typed only into the HTML counts, though the plain part is what the rest of the reader
splits and signs. And a memo sent as an email may open with a header table that reads like
a forwarded block but is the author's own.
"""

from __future__ import annotations

import re
from html import unescape

from ..model import Nested, Party, Relation
from .html import html_to_text
from .nesting import FORWARD_SUBJECT, split_text


def memo_header(own: str, nested: tuple[Nested, ...], sender: Party | None, subject: str) -> bool:
    """Whether the "forwarded" block that opens the body is the author's own memo header.

    A memo or briefing sent as an email often opens with a header table ("To: Cllr Smith /
    From: Joe Bloggs / Copied to: Cllr Evans"). It reads like a forwarded header block, but it
    is the sender's own: nothing stands above it, the subject is no FW/Fwd, and the From it
    shows is the sender.
    """
    if own.strip() or len(nested) != 1 or nested[0].relation is not Relation.FORWARDED or sender is None:
        return False
    if FORWARD_SUBJECT.match(subject or ""):
        return False
    shown = nested[0].correspondence.sender
    if shown is None:
        return False
    if shown.address:
        return shown.address.lower() == (sender.address or "").lower()
    return bool(sender.name) and _plain_words(shown.name) == _plain_words(sender.name)


_WORD = re.compile(r"\w+")


def _plain_words(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def with_html_only_lines(own: str, body: str, html: str, subject: str, source: str) -> str:
    """The plain-text own text, followed by any line of the HTML alternative's own text that
    the plain part lacks.

    Every alternative part is the author's own text (a copy note may be typed only into the
    HTML). Lines are compared by their words, so the plain part's hard wrapping and the HTML's
    markup do not make a line look new; the sign-off is still read from the plain part. Most
    mail has nothing in its HTML that the plain part lacks: when every paragraph of the HTML
    above its quoted part also stands, word for word, in the plain part, the HTML is not read
    further.
    """
    if not _news_in_html(body, html):
        return own
    html_own, _ = split_text(html_to_text(html), subject=subject, source=source)
    present = _plain_words(own)
    extra = [line for line in html_own.splitlines() if (words := _plain_words(line)) and words not in present]
    return "\n\n".join([own, *extra]) if extra else own


_HIDDEN = re.compile(r"(?is)<(style|script|head|title)\b.*?</\1\s*>|<!--.*?-->")
_BLOCKS = re.compile(r"(?i)</?(?:p|div|br|tr|td|th|li|h[1-6]|table|blockquote|hr)\b[^>]*>")
_TAGS = re.compile(r"</?[a-zA-Z][\w:-]*(?:\s[^>]*)?/?>|<![^>]*>")
# Where mail clients start the quoted or forwarded part of an HTML body; the author's own
# HTML stands above it.
_QUOTE_START = re.compile(
    r"(?i)<blockquote\b|class=\"?gmail_(?:quote|attr)|id=\"?(?:divRplyFwdMsg|appendonsend)|-{3,}\s*Original Message|"
    r"-{3,}\s*Forwarded message|border-top:\s*solid\s+#E1E1E1"
)


def _news_in_html(body: str, html: str) -> bool:
    """Whether some paragraph of the HTML's own part is not, word for word, in the plain part."""
    plain = _plain_words(body)
    above = _HIDDEN.sub(" ", _QUOTE_START.split(html, maxsplit=1)[0])
    for block in _BLOCKS.split(above):
        words = _plain_words(unescape(_TAGS.sub(" ", block)))
        if words and words not in plain:
            return True
    return False
