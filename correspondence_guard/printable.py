"""Text safe to show: names of files and words from mail, on a terminal or in a report.

File names are bytes; Python hands them over as ``str`` with each undecodable byte as a
surrogate escape. Such a string cannot be written as UTF-8, and a name or subject holding
escape sequences could move a terminal's cursor. Every report and every stderr notice
shows such text through :func:`display_name`.
"""

from __future__ import annotations


def display_name(text: str) -> str:
    """``text`` safe to print and to encode as UTF-8: surrogate-escaped bytes and control
    characters written as ``\\xNN`` (``\\uNNNN`` above 0xff)."""
    if text.isprintable():
        return text
    out = []
    for ch in text:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:
            out.append(f"\\x{code - 0xDC00:02x}")
        elif ch.isprintable():
            out.append(ch)
        else:
            out.append(f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}")
    return "".join(out)
