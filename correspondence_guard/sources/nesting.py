"""Separate what an author wrote from what their text quotes or forwards.

quotequail finds reply and forward header blocks (Outlook, "-----Original Message-----",
Gmail, Apple Mail, "On ... wrote:") and cuts the text there; this module decides whether
the piece below is forwarded or quoted, reads its header block into a ``Correspondence``
and recurses into it, so a forward of a forward nests twice. ">"-quoted runs that
quotequail leaves in place (interleaved replies, quotes with no header line) become
quoted pieces too, because rules must never read them as the author's own words.
"""

from __future__ import annotations

import re

import quotequail

from ..model import Correspondence, Nested, Party, Relation
from .addresses import parse_address_text
from .dates import iso_date
from .signature import split_signature

# quotequail's header search is quadratic in the number of lines: past this size the
# text is only split at ">" quoting.
_MAX_UNWRAP = 100_000
_MAX_DEPTH = 20
_FORWARD_MARK = re.compile(
    r"^\s*(?:-+\s*Forwarded message\s*-+|Begin forwarded message:|-+\s*Forwarded by\b|"
    r"-+\s*Message transféré\s*-+|-+\s*Weitergeleitete Nachricht\s*-+)",
    re.IGNORECASE | re.MULTILINE,
)
_REPLY_MARK = re.compile(
    r"^\s*(?:-+\s*Original Message\s*-+|_{10,}|On\b.*\bwrote:|.*\bwrote:\s*$|>)",
    re.IGNORECASE | re.MULTILINE,
)
# "FW:", "Fwd:", "TR:", "WG:", also behind a mail system's tag ("[EXTERNAL] FW: ...").
FORWARD_SUBJECT = re.compile(r"^\s*(?:\[[^\]]{1,30}\]\s*)*(?:fwd?|fw|tr|wg)\s*:", re.IGNORECASE)
_REPLY_SUBJECT = re.compile(r"^\s*(?:re|aw|sv)\s*:", re.IGNORECASE)
_WROTE = re.compile(
    r"^\s*On\s+(?P<date>.*?),?\s*(?P<who>\"[^\"]*\"\s*<[^>]*>|[^,]*?<[^>]*>|[^,]+?)\s+wrote:\s*$",
    re.IGNORECASE | re.DOTALL,
)
_QUOTED_LINE = re.compile(r"^[ \t]*>")
# A cheap first look: quotequail is only asked when some line could start a reply or
# forward header block. Most outgoing mail has none, and quotequail is the reader's
# costliest step on long messages.
_MAY_NEST = re.compile(
    r"^[ \t*]*(?:from|von|de|da|van|od|fra|från|oddi wrth|sent|date)[ \t*]*:|"
    r"^.*\b(?:wrote|schrieb|écrit|escribió|ysgrifennodd|scrisse|schreef)[ \t]*:?[ \t]*$|"
    r"^[ \t]*-{2,}.*(?:forward|original|message|weitergeleitet|transf)|^[ \t]*begin forwarded|^[ \t]*_{10,}|^[ \t]*>",
    re.IGNORECASE | re.MULTILINE,
)


def split_text(text: str, subject: str = "", source: str = "", _depth: int = 0) -> tuple[str, tuple[Nested, ...]]:
    """Return (the author's own text, the pieces it forwards or quotes).

    ``subject`` is the carrier's subject: "Fwd:"/"FW:" makes a header block forwarded,
    "RE:" makes it quoted, when the block itself has no explicit forward separator; a
    header block with neither is taken as forwarded (people edit forwarded subjects).
    """
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip() or _depth >= _MAX_DEPTH:
        return text.strip("\n"), ()
    try:
        found = quotequail.unwrap(text) if len(text) <= _MAX_UNWRAP and _MAY_NEST.search(text) else None
    except Exception:
        found = None
    if not found or found.get("text") is None:
        return _quoted_runs(text, source, _depth)
    top = found.get("text_top") or ""
    bottom = found.get("text_bottom") or ""
    relation = _relation(found.get("type", ""), text, top, subject)
    inner = _inner(found, text, top, source, _depth)
    own, quoted = _quoted_runs("\n\n".join(part for part in (top, bottom) if part.strip()), source, _depth)
    return own, (*quoted, Nested(relation, inner))


def _relation(kind: str, text: str, top: str, subject: str) -> Relation:
    if kind in ("reply", "quote"):
        return Relation.QUOTED
    rest = text[max(len(top) - 5, 0) :]
    forward = _FORWARD_MARK.search(rest)
    reply = _REPLY_MARK.search(rest)
    if forward and (not reply or forward.start() <= reply.start()):
        return Relation.FORWARDED
    if FORWARD_SUBJECT.match(subject or ""):
        return Relation.FORWARDED
    if _REPLY_SUBJECT.match(subject or ""):
        return Relation.QUOTED
    return Relation.FORWARDED


def _inner(found: dict, text: str, top: str, source: str, depth: int) -> Correspondence:
    """The quoted or forwarded piece as correspondence, read from its header block."""
    sender_text = found.get("from") or ""
    date = found.get("date") or ""
    if not sender_text:
        sender_text, date = _wrote_line(text, top) or ("", date)
    senders = parse_address_text(sender_text) if sender_text else ()
    subject = _one_line(found.get("subject") or "")
    headers = tuple(
        (name, _one_line(found[key]))
        for name, key in (("From", "from"), ("To", "to"), ("Cc", "cc"), ("Bcc", "bcc"), ("Date", "date"), ("Subject", "subject"))
        if found.get(key)
    )
    own, nested = split_text(found.get("text") or "", subject=subject, source=source, _depth=depth + 1)
    return Correspondence(
        kind="email",
        source=source,
        sender=senders[0] if senders else None,
        to=_parties(found.get("to")),
        cc=_parties(found.get("cc")),
        bcc=_parties(found.get("bcc")),
        subject=subject,
        date=iso_date(date),
        headers=headers,
        own_text=own,
        signature=split_signature(own)[1],
        nested=nested,
    )


def _parties(value: str | None) -> tuple[Party, ...]:
    return parse_address_text(value) if value else ()


def _one_line(value: str) -> str:
    return re.sub(r"\s+", " ", value or "").strip()


def _wrote_line(text: str, top: str) -> tuple[str, str] | None:
    """(who, date) from an "On <date>, <who> wrote:" line that quotequail did not read."""
    rest = text[max(len(top) - 5, 0) :]
    lines = rest.split("\n")
    for index, line in enumerate(lines[:40]):
        if not re.search(r"wrote:\s*$", line, re.IGNORECASE):
            continue
        for start in range(index, max(index - 3, -1), -1):
            candidate = " ".join(part.strip() for part in lines[start : index + 1])
            match = _WROTE.match(candidate)
            if match:
                return match.group("who").strip(), match.group("date").strip()
        break
    return None


def _quoted_runs(text: str, source: str, depth: int) -> tuple[str, tuple[Nested, ...]]:
    """Move every run of ">"-prefixed lines out of ``text`` into quoted pieces."""
    if ">" not in text:
        return text.strip("\n"), ()
    own: list[str] = []
    pieces: list[Nested] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            body = "\n".join(re.sub(r"^[ \t]*> ?", "", line, count=1) for line in run)
            inner_own, inner_nested = split_text(body, source=source, _depth=depth + 1)
            piece = Correspondence(
                kind="email",
                source=source,
                own_text=inner_own,
                signature=split_signature(inner_own)[1],
                nested=inner_nested,
            )
            pieces.append(Nested(Relation.QUOTED, piece))
            run.clear()

    for line in text.split("\n"):
        if _QUOTED_LINE.match(line):
            run.append(line)
        else:
            flush()
            own.append(line)
    flush()
    return "\n".join(own).strip("\n"), tuple(pieces)
