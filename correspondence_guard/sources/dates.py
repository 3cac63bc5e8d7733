"""Dates as ISO 8601 strings where they can be read, else as written.

Header dates are RFC 5322; the "Sent:" lines of forwarded blocks are whatever the mail
client printed, in British day-first order for the councils this tool serves.
"""

from __future__ import annotations

import email.utils
import re
from datetime import datetime

_FORMATS = (
    "%d %B %Y %H:%M",
    "%d %b %Y %H:%M",
    "%A, %B %d, %Y %I:%M %p",
    "%A, %d %B %Y %H:%M",
    "%A, %d %B %Y %I:%M %p",
    "%a, %d %b %Y %H:%M",
    "%a, %d %b %Y %H:%M:%S",
    "%d %B %Y, %H:%M",
    "%d %b %Y, %H:%M",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y, %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%d %B %Y",
    "%d/%m/%Y",
    "%B %d, %Y %I:%M %p",
    "%B %d, %Y at %I:%M %p",
    "%a, %b %d, %Y at %I:%M %p",
)


def iso_date(value: str) -> str:
    """``value`` in ISO 8601 if it parses as a date, otherwise unchanged (stripped)."""
    text = re.sub(r"\s+", " ", value or "").strip()
    if not text:
        return ""
    try:
        parsed = email.utils.parsedate_to_datetime(text)
        if parsed is not None:
            return parsed.isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text)
    cleaned = re.sub(r",? at ", " ", cleaned).replace("\u202f", " ")
    for candidate in (cleaned, text):
        for fmt in _FORMATS:
            try:
                return datetime.strptime(candidate, fmt).isoformat()
            except ValueError:
                continue
    return text
