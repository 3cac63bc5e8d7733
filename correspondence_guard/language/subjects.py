"""What correspondence is about: a regulatory matter, or something else.

BTC008 7.3 covers regulatory matters: planning, enforcement, licensing and environmental
health. Team names appear in all sorts of mail (a restructure of "Licensing and
Environmental Health" is about staff), so the judgement weighs the regulatory vocabulary
against the vocabulary of the subjects the clause does not cover, such as staffing and
budgets, and takes the matter that dominates.
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


def _hits(text: str, table) -> dict[str, list[str]]:
    hits: dict[str, list[str]] = {}
    for topic, terms in table.items():
        found = _compile(tuple(terms)).findall(text)
        if found:
            hits[topic] = found
    return hits


def subject_of(text: str, policy: Policy) -> Subject:
    """Whether text is about a regulatory matter, with the topics and words that say so."""
    folded = fold(text)
    regulatory = _hits(folded, policy.lexicon.get("regulatory", {}))
    other = _hits(folded, policy.lexicon.get("other_subjects", {}))
    weight = sum(len(v) for v in regulatory.values())
    against = sum(len(v) for v in other.values())
    terms = tuple(dict.fromkeys(t for v in regulatory.values() for t in v))
    return Subject(regulatory=weight > 0 and weight >= against, topics=tuple(regulatory), terms=terms)
