"""Address headers and the address lines of forwarded blocks, as ``Party`` values.

flanker parses each address; the header is first cut into single addresses here, so
that one malformed entry or an RFC 5322 group ("undisclosed-recipients:;") does not make
flanker reject the whole list. What flanker rejects falls back to the standard library
and is recorded as a defect: a reader never raises on an address.
"""

from __future__ import annotations

import contextlib
import email.header
import email.utils
import functools
import io
import logging
import re

from ..limits import current as current_limits
from ..limits import limit_defect
from ..model import Party

# flanker builds ply parser tables at import time and ply reports grammar warnings and
# lexer errors through these loggers or straight to stderr: none of it is for the user.
for _name in ("flanker", "flanker.addresslib._parser.lexer", "flanker.addresslib._parser.parser", "ply"):
    logging.getLogger(_name).setLevel(logging.ERROR)
with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
    from flanker.addresslib import address as _flanker
for _name in ("flanker.addresslib._parser.lexer", "flanker.addresslib._parser.parser"):
    logging.getLogger(_name).setLevel(logging.ERROR)

_OPEN = {"<": ">", "(": ")", "[": "]"}
_ADDR = re.compile(r"[\w.!#$%&'*+/=?^`{|}~\-]+@[\w\-]+(?:\.[\w\-]+)+", re.UNICODE)
_MAILTO = re.compile(r"\[\s*mailto:\s*([^\]\s]+)\s*\]", re.IGNORECASE)


#: How many distinct header values and addresses are remembered: an export names the same
#: councillors and officers on message after message, so each is parsed once (flanker's
#: parser is the slow part); bounded, so memory stays flat.
CACHED = 4096


def parse_addresses(value: str, header: str = "address") -> tuple[tuple[Party, ...], tuple[str, ...]]:
    """Parse one raw (possibly RFC 2047 encoded) address header: (parties, defects)."""
    return _parse_addresses(value, header, current_limits().addresses)


@functools.lru_cache(maxsize=CACHED)
def _parse_addresses(value: str, header: str, most: int) -> tuple[tuple[Party, ...], tuple[str, ...]]:
    parties: list[Party] = []
    defects: list[str] = []
    pieces = _pieces(_unfold(value))
    if len(pieces) > most:
        defects.append(limit_defect("addresses", most, f"{header}: {len(pieces)} addresses, only the first {most} read"))
        pieces = pieces[:most]
    for piece in pieces:
        if piece.startswith("(") and piece.endswith(")"):
            continue
        party = _flanker_party(piece)
        if party is None:
            party = _fallback_party(piece)
            if party is None or not party.address:
                defects.append(f"{header}: unparsable address {_short(piece)!r}")
            if party is None:
                continue
        parties.append(party)
    return tuple(parties), tuple(defects)


def parse_address_text(text: str) -> tuple[Party, ...]:
    """Parties named on a header line inside a forwarded block or at a letter's foot.

    These lines are written for people, not parsers: "Name [mailto:addr]", names with no
    address, Outlook's ";" separators. A name with no address becomes a name-only Party.
    """
    text = _MAILTO.sub(lambda m: f"<{m.group(1)}>", _unfold(text))
    if ";" in text and "<" not in text.split(";", 1)[0].split(":", 1)[0]:
        pieces = [p.strip() for p in _pieces(text, separators=";")]
    else:
        pieces = _surname_first(_pieces(text))
    found = []
    for piece in pieces[: current_limits().addresses]:
        party = _flanker_party(piece) or _fallback_party(piece)
        if party is None:
            name = _decode(piece).strip().strip("'\"").strip()
            party = Party(name=name) if name else None
        if party is not None:
            found.append(party)
    return tuple(found)


_SURNAME = re.compile(r"^[A-Z][\w'’-]*$")
_GIVEN = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}\s*(?:\([^)]*\))?\s*(?:<[^>]*>)?$")


def _surname_first(pieces: list[str]) -> list[str]:
    """Join Outlook's "Surname, Given (Cllr) <address>" back into one party.

    Outlook writes forwarded header lines surname first and separates recipients with ";",
    so on a line without ";" a lone capitalised word followed by a given name is one name.
    """
    joined: list[str] = []
    for piece in pieces:
        if joined and _SURNAME.match(joined[-1]) and _GIVEN.match(piece):
            joined[-1] = f"{joined[-1]}, {piece}"
        else:
            joined.append(piece)
    return joined


def _unfold(value: str) -> str:
    return re.sub(r"\s*\r?\n\s+", " ", value or "").strip()


def _pieces(value: str, separators: str = ",;") -> list[str]:
    """Cut a list at top-level separators, dropping group names and group ends."""
    pieces: list[str] = []
    current: list[str] = []
    closers: list[str] = []
    quoted = False
    escaped = False
    for char in value:
        if escaped:
            current.append(char)
            escaped = False
            continue
        if char == "\\" and quoted:
            escaped = True
        elif char == '"':
            quoted = not quoted
        elif not quoted and char in _OPEN:
            closers.append(_OPEN[char])
        elif not quoted and closers and char == closers[-1]:
            closers.pop()
        elif not quoted and not closers:
            if char in separators:
                pieces.append("".join(current))
                current = []
                continue
            if char == ":" and "@" not in "".join(current) and separators != ";":
                current = []
                continue
        current.append(char)
    pieces.append("".join(current))
    return [piece.strip() for piece in pieces if piece.strip()]


@functools.lru_cache(maxsize=CACHED)
def _flanker_party(piece: str) -> Party | None:
    try:
        parsed = _flanker.parse(piece)
    except Exception:
        return None
    if parsed is None or getattr(parsed, "addr_type", "") != "email":
        return None
    return Party(address=str(parsed.address).lower(), name=_name(parsed.display_name or ""))


def _fallback_party(piece: str) -> Party | None:
    try:
        name, address = email.utils.parseaddr(piece)
    except Exception:
        name, address = "", ""
    if not address or "@" not in address:
        match = _ADDR.search(piece)
        if not match:
            return None
        address = match.group(0)
        name = piece[: match.start()].strip(" <>\"'")
    return Party(address=address.strip().lower(), name=_name(_decode(name)))


def _name(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip().strip("'\"").strip()


def _decode(text: str) -> str:
    """Decode RFC 2047 encoded-words, keeping the raw text when a charset is unknown."""
    if "=?" not in text:
        return text
    try:
        return str(email.header.make_header(email.header.decode_header(text)))
    except Exception:
        return text


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."
