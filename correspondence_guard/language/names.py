"""Recognising councillors in prose: by full name, surname, initial, first name or title.

The protocol's copy note ("cc Councillor x") and a letter's sign-off name councillors
the way people write them: "Cllr T. Bramley", "Councillor Smith", "cc Vice-Chair". A bare
surname or title covers every councillor who has it; a first name or initial narrows it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..policy import Councillor, Register
from .text import fold

_NOTE_WORDS = {"cc", "bcc", "to", "and", "copy", "copied", "in"}
_HONORIFICS = {"cllr", "cllrs", "councillor", "councillors", "cllr.", "mr", "mrs", "ms", "miss", "dr", "county", "the"}


@dataclass(frozen=True)
class NameForms:
    councillor: Councillor
    full: str
    first: str
    given: tuple[str, ...]
    surname: str
    titles: tuple[str, ...]
    short_titles: tuple[str, ...]


_BODY_WORDS = ("committee", "sub-committee", "board", "panel", "cabinet")


def _title_variants(title: str) -> tuple[str, ...]:
    """A title as people shorten it in a note: "Chair of the Planning Committee" is also
    "Chair of Planning Committee" and "Chair of Planning"; a committee of several words
    shortens alike ("Chair of Environment and Transport")."""
    variants = [title]
    plain = re.sub(r"\b(?:of|for)\s+the\s+", lambda m: m.group(0).split()[0] + " ", title)
    variants.append(plain)
    for body in _BODY_WORDS:
        if plain.endswith(" " + body) and re.search(r"\s(?:of|for)\s+\S.*\s" + body + "$", plain):
            variants.append(plain[: -len(body) - 1])
    return tuple(dict.fromkeys(variants))


def _short_title(title: str) -> str:
    return re.split(r"\s+(?:of|for)\s+", title, maxsplit=1)[0].strip()


@lru_cache(maxsize=64)
def name_forms(register: Register) -> tuple[NameForms, ...]:
    forms = []
    for councillor in register.councillors:
        parts = fold(councillor.name).replace(".", " ").split()
        parts = [p for p in parts if p not in _HONORIFICS] or parts
        titles = tuple(v for t in councillor.titles if t.strip() for v in _title_variants(fold(t)))
        shorts = tuple(s for s in (_short_title(t) for t in titles) if s and s not in titles)
        forms.append(
            NameForms(
                councillor=councillor,
                full=" ".join(parts),
                first=parts[0] if len(parts) > 1 else "",
                given=tuple(parts[:-1]),
                surname=parts[-1] if parts else "",
                titles=titles,
                short_titles=shorts,
            )
        )
    return tuple(forms)


def _spaced(phrase: str) -> str:
    return r"\s+".join(re.escape(p) for p in phrase.split())


def _mentions_surname(form: NameForms, span: str, original: str, lower_case: bool = False) -> bool:
    """Whether the span names this councillor by surname, narrowed by any first name or initial.

    A surname written in lower case is usually a common word ("the hall", "a marsh"); with
    ``lower_case`` (a copy note, where people type "cc cllr thornber") it still counts after a
    title, a note word or one of the councillor's own given names or initials.
    """
    for match in re.finditer(rf"(?<![\w-]){re.escape(form.surname)}(?![\w-])", span):
        before = span[: match.start()].rstrip()
        given = re.search(r"([a-z]+)\.?$", before)
        if original[match.start() : match.start() + 1].islower():
            word = given.group(1) if given else ""
            if not (lower_case and (word in _HONORIFICS | _NOTE_WORDS or word in form.given or (len(word) == 1 and form.first.startswith(word)))):
                continue
        if not given or given.group(1) in _HONORIFICS or _is_function_word(given.group(1), original, match.start()):
            return True
        word = given.group(1)
        if len(word) == 1:
            if form.first.startswith(word):
                return True
            continue
        if word in form.given or (form.first and form.first.startswith(word) and len(word) >= 3):
            return True
    return False


def _is_function_word(word: str, original: str, at: int) -> bool:
    """A lower-case word before a surname ('copy to Smith') is not a first name."""
    found = re.search(rf"({re.escape(word)})\.?\s*$", fold(original[:at]))
    if not found:
        return True
    token = original[found.start(1) : found.end(1)]
    return token[:1].islower() or word in _NOTE_WORDS


def _title_spans(forms: tuple[NameForms, ...], span: str) -> dict[Councillor, list[tuple[int, int]]]:
    spans: dict[Councillor, list[tuple[int, int]]] = {}
    for form in forms:
        patterns = [rf"(?<![\w-]){_spaced(t)}(?![\w-])" for t in form.titles]
        patterns += [rf"(?<![\w-]){_spaced(s)}(?![\w-])(?!\s+(?:of|for)\s)" for s in form.short_titles]
        for pattern in patterns:
            spans.setdefault(form.councillor, []).extend(m.span() for m in re.finditer(pattern, span))
    return spans


def _titled(forms: tuple[NameForms, ...], span: str) -> set[Councillor]:
    """Councillors named by a title, where a title inside a longer one ("Deputy Mayor"
    holds "Mayor") stands only for the longer."""
    spans = _title_spans(forms, span)
    every = [s for found in spans.values() for s in found]
    named = set()
    for councillor, found in spans.items():
        for start, end in found:
            inside = any(a <= start and end <= b and (a, b) != (start, end) for a, b in every)
            qualified = re.search(r"(?:deputy|vice|vice-|assistant|former|acting)[\s-]*$", span[:start])
            if not inside and not qualified:
                named.add(councillor)
    return named


def councillors_named(text: str, register: Register, titles: bool = True, lower_case: bool = False) -> tuple[Councillor, ...]:
    """Every councillor the text names, in register order (see ``_mentions_surname`` for ``lower_case``)."""
    span = fold(text)
    forms = name_forms(register)
    titled = _titled(forms, span) if titles else set()
    named = []
    for form in forms:
        if not form.surname:
            continue
        if (
            form.councillor in titled
            or re.search(rf"(?<![\w-]){_spaced(form.full)}(?![\w-])", span)
            or _mentions_surname(form, span, text, lower_case)
        ):
            named.append(form.councillor)
    return tuple(named)


@lru_cache(maxsize=64)
def _naming_pattern(register: Register) -> re.Pattern:
    """Words one of which every naming of a councillor holds, as a whole word: each surname
    (a full name ends with it) and each title's first words ("chair" of "Chair of the
    Planning Committee"), spaced as :func:`councillors_named` allows."""
    words = set()
    for form in name_forms(register):
        if form.surname:
            words.add(re.escape(form.surname))
            words.update(_spaced(_short_title(title)) for title in form.titles)
    if not words:
        return re.compile(r"(?!x)x")
    return re.compile(rf"(?<![\w-])(?:{'|'.join(sorted(words, key=len, reverse=True))})(?![\w-])")


def could_name_a_councillor(text: str, register: Register) -> bool:
    """A necessary condition for :func:`councillors_named` to find anyone in any part of
    ``text``: some councillor's surname or title stands in it as a word, in any case."""
    return _naming_pattern(register).search(fold(text)) is not None


def plain_name(name: str) -> str:
    """A display name as "given surname": honorifics and "(Cllr)" dropped, "Surname, Given" turned.

    Forwarded header lines often show a name and no address ("From: Kershaw, Bernadette
    (Cllr)"); the rulings resolve such a name against the register by name.
    """
    name = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", fold(name)).replace(".", " ")
    if name.count(",") == 1:
        surname, given = name.split(",")
        name = f"{given} {surname}"
    return " ".join(w for w in name.replace(",", " ").split() if w not in _HONORIFICS)


def first_name_of(councillor: Councillor) -> str:
    parts = [p for p in fold(councillor.name).split() if p not in _HONORIFICS]
    return parts[0] if len(parts) > 1 else ""
