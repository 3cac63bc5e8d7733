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


def fold(text: str) -> str:
    """Lower case without accents, so that 'Siân' matches 'Sian' and 'SIAN'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


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


_CONTRACTIONS = (
    (r"\bwon't\b", "will not"), (r"\bcan't\b", "cannot"), (r"\bshan't\b", "shall not"),
    (r"\b(\w+)n't\b", r"\1 not"), (r"\b(i|we|you|they|it|he|she)'ll\b", r"\1 will"),
    (r"\b(i|we|you|they)'ve\b", r"\1 have"), (r"\bi'm\b", "i am"), (r"\b(we|you|they)'re\b", r"\1 are"),
    (r"\b(it|that|this|there|what)'s\b", r"\1 is"), (r"\b(i|we|you|they)'d\b", r"\1 would"),
)


def plain(sentence: str) -> str:
    """A sentence as the judgement reads it: folded, straight apostrophes, contractions spelt out,
    quoted words blanked, so that "won't" and "will not" are one negation."""
    text = fold(without_quotations(sentence)).replace("’", "'").replace("‘", "'")
    for pattern, spelt in _CONTRACTIONS:
        text = re.sub(pattern, spelt, text)
    return re.sub(r"\s+", " ", text).strip()


_CLAUSE_BREAK = re.compile(
    r"\s*[;:]\s+|\s+[-–—]\s+|,\s+|\s+(?:and|but|so|or|then)\s+(?=(?:the|we|i|our|you|please|it|this|there)\b)"
)


def clauses(sentence: str) -> list[str]:
    """A plain sentence cut into clauses at semicolons, dashes, commas and a conjunction before a
    new subject, so that a negation, hedge or question governs only the verb of its own clause."""
    return [c.strip(" ,.!") for c in _CLAUSE_BREAK.split(sentence) if c and c.strip(" ,.!")]
