"""What correspondence is about: a regulatory matter, or something else.

BTC008 7.3 covers regulatory matters: planning, enforcement, licensing, environmental
health and the other regimes a council enforces. Team names appear in all sorts of mail (a
restructure of "Licensing and Environmental Health" is about staff), so the judgement weighs
the regulatory vocabulary against the vocabulary of the subjects the clause does not cover,
such as staffing, budgets and the council's own property and contracts, and takes the matter
that dominates.

Some regulatory words are also the everyday name of a contract: the council grants a
"licence to occupy" its hall, which is a property deal, not licensing. A bare regulatory word
that is the same word as part of a non-regulatory phrase found in the text ("licence" beside
"licence to occupy") is taken to mean that phrase and is not counted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..policy import Policy
from .text import fold


@dataclass(frozen=True)
class Subject:
    regulatory: bool
    topics: tuple[str, ...]
    terms: tuple[str, ...]


@lru_cache(maxsize=32)
def _compile(terms: tuple[str, ...]) -> re.Pattern:
    ordered = sorted({fold(t) for t in terms if t.strip()}, key=len, reverse=True)
    body = "|".join(r"[\s-]+".join(map(re.escape, t.split())) for t in ordered) or r"(?!x)x"
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")


@lru_cache(maxsize=32)
def _compile_references(patterns: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!x)x", re.I)


def _hits(text: str, table) -> dict[str, list[str]]:
    hits: dict[str, list[str]] = {}
    for topic, terms in table.items():
        found = _compile(tuple(terms)).findall(text)
        if found:
            hits[topic] = found
    return hits


def _same_word(a: str, b: str) -> bool:
    """'licence', 'licences', 'license' and 'licensed' are one word for this purpose."""
    a, b = (w.replace("licens", "licenc") for w in (a, b))
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and len(long) - len(short) <= 2


def _discount_shared_words(regulatory: dict[str, list[str]], other: dict[str, list[str]]) -> dict[str, list[str]]:
    phrase_words = {w for found in other.values() for phrase in found if " " in phrase for w in phrase.split()}
    kept = {}
    for topic, found in regulatory.items():
        left = [t for t in found if " " in t or not any(_same_word(t, w) for w in phrase_words)]
        if left:
            kept[topic] = left
    return kept


def subject_of(text: str, policy: Policy) -> Subject:
    """Whether text is about a regulatory matter, with the topics and words that say so.

    A case reference in a regulatory register's format ("25/00302/OUT") counts as a term of
    its topic: officers often name an application by it alone.
    """
    folded = fold(text)
    other = _hits(folded, policy.lexicon.get("other_subjects", {}))
    regulatory = _discount_shared_words(_hits(folded, policy.lexicon.get("regulatory", {})), other)
    for topic, patterns in policy.lexicon.get("regulatory_references", {}).items():
        found = _compile_references(tuple(patterns)).findall(text)
        if found:
            regulatory.setdefault(topic, []).extend(found)
    weight = sum(len(v) for v in regulatory.values())
    against = sum(len(v) for v in other.values())
    terms = tuple(dict.fromkeys(t for v in regulatory.values() for t in v))
    return Subject(regulatory=weight > 0 and weight >= against, topics=tuple(regulatory), terms=terms)
