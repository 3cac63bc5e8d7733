"""Find the sign-off of a piece of text: the valediction and the signatory's block.

Rules decide whose name a letter or email goes out over from this block, so the parser
is conservative: it would rather return no signature than swallow a body paragraph.
"""

from __future__ import annotations

import re

from ..model import Signature

_VALEDICTIONS = (
    r"yours\s+(?:sincerely|faithfully|truly|ever|aye)|sincerely(?:\s+yours)?|faithfully|"
    r"(?:very\s+|with\s+)?(?:kind|kindest|warm|warmest|best|many|with|all\s+good)?\s*regards|"
    r"best(?:\s+wishes)?|(?:with\s+)?best\s+wishes|all\s+the\s+best|"
    r"(?:many\s+|with\s+|thanks\s+and\s+)?thanks(?:\s+again)?(?:\s+and\s+regards)?|thank\s+you|"
    r"cheers|respectfully(?:\s+yours)?|cordially|take\s+care|speak\s+soon|warm\s+wishes|"
    r"(?:with\s+)?(?:kind|good|best)\s+wishes|ta"
)
_VALEDICTION = re.compile(rf"^\s*(?P<v>(?:{_VALEDICTIONS}))\s*[,.!]?\s*$", re.IGNORECASE)
# "Kind regards, Stuart": a valediction and a short name on one line.
_VALEDICTION_AND_NAME = re.compile(
    rf"^\s*(?P<v>(?:{_VALEDICTIONS}))\s*[,\-–]\s*(?P<name>[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){{0,3}})\s*$",
    re.IGNORECASE,
)
_PER_PRO = re.compile(r"^\s*(?:p\.?\s?p\.?|per\s+pro(?:curationem)?\.?)(?:\s+(?P<name>.*?))?\s*$", re.IGNORECASE)
# "J. Hirst pp Cllr Haworth": the signer and the pp on one line.
_PER_PRO_AFTER = re.compile(r"^(?P<signer>.+?)\s+(?:p\.?\s?p\.?|per\s+pro\.?)\s+(?P<name>.+)$", re.IGNORECASE)
_STOP = re.compile(
    r"^\s*(?:b?cc\b\s*:?|copy\s+to\b|copies\s+to\b|copied\s+to\b|enc(?:l|s|losures?)?\b\.?|"
    r"disclaimer\b|this\s+e-?mail\b|this\s+message\b|the\s+information\s+(?:contained|in)\b|"
    r"confidentiality\s+notice|sent\s+from\s+my\b|get\s+outlook\b|p\.?s\.?\b|"
    r"-{3,}|_{5,}|on\s.*wrote:\s*$|from:\s|begin\s+forwarded\b|>)",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"^--\s?$")
_TITLE = r"(?:cllr|councillor|cllr\.|mr|mrs|ms|miss|dr|prof|sir|dame|rev|revd|lord|lady)\.?"
_NAME_LINE = re.compile(
    rf"^\s*(?:{_TITLE}\s+)?[A-Z][\w'’\-]*\.?(?:\s+(?:[A-Z][\w'’\-]*\.?|de|van|von|la|le|du|of)){{0,4}}\s*$",
    re.UNICODE,
)
_MAX_BLOCK_LINES = 12
_MAX_LINE = 100


def split_signature(text: str) -> tuple[str, Signature | None]:
    """Return (the text before the sign-off, the parsed Signature or None)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        match = _VALEDICTION.match(line)
        extra: tuple[str, ...] = ()
        if not match:
            match = _VALEDICTION_AND_NAME.match(line)
            if not match or not _is_name(match.group("name")):
                continue
            extra = (match.group("name").strip(),)
        block = _block(lines[index + 1 :])
        if block is None:
            continue
        body_lines, per_pro = block
        before = "\n".join(lines[:index]).rstrip()
        return before, Signature(_clean(match.group("v")), extra + body_lines, per_pro is not None, per_pro or "")
    return _unsigned(lines)


def _clean(valediction: str) -> str:
    return re.sub(r"\s+", " ", valediction.strip())


def _is_name(line: str) -> bool:
    words = line.split()
    if line.endswith(".") and len(words[-1]) > 2:
        return False
    return bool(_NAME_LINE.match(line)) and 1 <= len(words) <= 5 and len(line) <= 60


def _block(lines: list[str]) -> tuple[tuple[str, ...], str | None] | None:
    """The signatory's lines under a valediction, or None when body text follows it.

    A valediction that is followed by a long line before any stop line is a phrase in
    the middle of the body ("Thanks." as a paragraph), not a sign-off. A "pp" line is kept
    apart: its name (possibly empty) is returned second, None when nobody signed pp.
    """
    found: list[str] = []
    per_pro: str | None = None
    for line in lines:
        stripped = line.strip()
        if not stripped or _SEPARATOR.match(stripped):
            continue
        pp = _PER_PRO.match(stripped) or _PER_PRO_AFTER.match(stripped)
        if pp and per_pro is None and len(stripped) <= _MAX_LINE:
            per_pro = (pp.group("name") or "").strip()
            if "signer" in pp.groupdict():
                found.append(pp.group("signer").strip())
            continue
        if _STOP.match(stripped):
            break
        if len(stripped) > _MAX_LINE or _VALEDICTION.match(stripped):
            return None
        found.append(stripped)
        if len(found) > _MAX_BLOCK_LINES:
            return None
    return tuple(found), per_pro


def _unsigned(lines: list[str]) -> tuple[str, Signature | None]:
    """A sign-off without a valediction: a "-- " block, or a trailing name-like block.

    The trailing block must start with a line that reads as a name ("Graham", "Cllr
    Graham Whitlock"); lines under it must be short and must not end like sentences.
    """
    for index in range(len(lines) - 1, -1, -1):
        if _SEPARATOR.match(lines[index].rstrip()) and lines[index].startswith("--"):
            block = _block(lines[index + 1 :])
            if block and block[0]:
                return "\n".join(lines[:index]).rstrip(), Signature("", block[0], block[1] is not None, block[1] or "")
            break
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    paragraphs: list[tuple[int, int]] = []
    start = end
    while start > 0 and len(paragraphs) < 3:
        stop = start
        while start > 0 and lines[start - 1].strip():
            start -= 1
        if start == stop:
            break
        paragraphs.append((start, stop))
        while start > 0 and not lines[start - 1].strip():
            start -= 1
    chosen = None
    for first, last in paragraphs:
        para = [line.strip() for line in lines[first:last]]
        if not _signature_like(para):
            break
        chosen = first
    if chosen is None:
        return "\n".join(lines).rstrip(), None
    found = tuple(line.strip() for line in lines[chosen:end] if line.strip())
    if len(found) > _MAX_BLOCK_LINES or len(found) == len(tuple(line for line in lines if line.strip())):
        return "\n".join(lines).rstrip(), None
    return "\n".join(lines[:chosen]).rstrip(), Signature("", found, False)


def _signature_like(para: list[str]) -> bool:
    if not para or len(para) > 8 or not _is_name(para[0]):
        return False
    return all(len(line) <= 80 and not line.endswith(("?", ":")) and not _STOP.match(line) for line in para) and not any(
        line.endswith(".") and len(line.split()) > 4 for line in para
    )
