"""Text helpers shared by the language modules: folding, paragraphs, sentences."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_ABBREVIATIONS = (
    "mr", "mrs", "ms", "dr", "cllr", "no", "nos", "st", "rd", "ave", "ref", "e.g", "i.e", "etc",
    "approx", "tel", "fig", "para", "paras", "cf", "vs", "co", "ltd", "inc", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "prof", "rev", "sq", "ft",
)
_SENTENCE_END = re.compile(r"(?<=[.!?])(?P<close>[\"'”’)]*)\s+(?=[\"'“‘(]?[A-Z0-9£])")
_QUOTED_SPAN = re.compile(r"\"[^\"\n]{3,}?\"|“[^”]{3,}?”|(?<![A-Za-z])‘[^’]{12,}?’(?![A-Za-z])")


_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Lower case without accents, so that 'Siân' matches 'Sian' and 'SIAN'."""
    if text.isascii():
        return text.lower()
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text)).lower()


def paragraphs(text: str) -> list[str]:
    """Paragraphs with their hard line wraps joined, so a sentence is one string."""
    found = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if lines:
            found.append(" ".join(lines))
    return found


@dataclass(frozen=True)
class Sentence:
    text: str
    paragraph: int

    @property
    def where(self) -> str:
        return f"paragraph {self.paragraph}"


def sentences(text: str) -> list[Sentence]:
    """Split text into sentences, keeping abbreviations such as 'Cllr.' and 'No. 9' whole."""
    found: list[Sentence] = []
    for number, paragraph in enumerate(paragraphs(text), start=1):
        start = 0
        for match in _SENTENCE_END.finditer(paragraph):
            before = paragraph[start : match.start()]
            last_word = re.split(r"\s", before)[-1].rstrip(".").lower() if before else ""
            if last_word in _ABBREVIATIONS or re.fullmatch(r"[a-z]", last_word):
                continue
            found.append(Sentence(paragraph[start : match.end("close")].strip(), number))
            start = match.end()
        tail = paragraph[start:].strip()
        if tail:
            found.append(Sentence(tail, number))
    return found


def without_quotations(sentence: str) -> str:
    """The sentence with words inside quotation marks blanked: they are someone else's."""
    return _QUOTED_SPAN.sub(" … ", sentence)


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9£'’-]+", fold(text))


_CONTRACTIONS = {"won't": "will not", "can't": "cannot", "shan't": "shall not", "i'm": "i am", "let's": "let us"}
_CONTRACTION = re.compile(r"\b(?:won't|can't|shan't|i'm|let's|(\w+)n't|(i|we|you|they|it|he|she)'ll|(i|we|you|they)'ve|(we|you|they)'re|(it|that|this|there|what)'s|(i|we|you|they)'d)\b")
_SPELT = ("", " not", " will", " have", " are", " is", " would")


def _spell(match: re.Match) -> str:
    whole = match.group(0)
    if whole in _CONTRACTIONS:
        return _CONTRACTIONS[whole]
    group = next(i for i in range(1, 7) if match.group(i))
    return match.group(group) + _SPELT[group]


def plain(sentence: str) -> str:
    """A sentence as the judgement reads it: folded, straight apostrophes, contractions spelt out,
    quoted words blanked, so that "won't" and "will not" are one negation."""
    text = fold(without_quotations(sentence)).replace("’", "'").replace("‘", "'")
    if "'" in text:
        text = _CONTRACTION.sub(_spell, text)
    return " ".join(text.split())


_CLAUSE_BREAK = re.compile(
    r"\s*[;:]\s+|\s+[-–—]\s+|,\s+|\s+(?:and|but|so|or|then)\s+(?=(?:the|we|i|our|you|please|it|this|there)\b)"
)


def clauses(sentence: str) -> list[str]:
    """A plain sentence cut into clauses at semicolons, dashes, commas and a conjunction before a
    new subject, so that a negation, hedge or question governs only the verb of its own clause."""
    return [c.strip(" ,.!") for c in _CLAUSE_BREAK.split(sentence) if c and c.strip(" ,.!")]
