"""Does a sentence commit the Council or instruct someone on its behalf?

BTC008 7.2 and Bolsover 8(2): letters that "create obligations or give instructions on
behalf of the Council" must not go out over a councillor's name. The judgement is about
who speaks and how, not about words alone:

- the speaker: the Council (by name, "the Council", "the authority"), a "we" or "our
  team" that speaks for it, or "I" performing an act that binds it (accept a quotation,
  authorise, instruct, agree terms);
- the verb and its mood: a future or present commitment ("will pay", "accepts
  liability"), a passive one ("payment will be made"), an imperative to a contractor or
  officer ("please serve the notice", "treat this letter as your instruction");
- what takes it back out: negation (a refusal), a question, a hedge ("may", "would"),
  attribution to a Council decision or to officers ("officers tell me", "Full Council
  approved"), and urging another body to act (a representation).

Words inside quotation marks are someone else's and are blanked first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..policy import Policy
from .text import fold, sentences, without_quotations


@dataclass(frozen=True)
class Obligation:
    sentence: str
    where: str
    kind: str  # "commitment" or "instruction"


def _alternation(phrases) -> str:
    ordered = sorted({fold(p).strip() for p in phrases if p and p.strip()}, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in ordered) or r"(?!x)x"


@dataclass(frozen=True)
class _Grammar:
    council: re.Pattern
    commitment: re.Pattern
    performative: re.Pattern
    passive: re.Pattern
    waiver: re.Pattern
    we_action: re.Pattern
    imperative: re.Pattern
    directive: re.Pattern
    negation: re.Pattern
    hedge: re.Pattern
    attribution: re.Pattern
    representation: re.Pattern


@lru_cache(maxsize=16)
def _grammar(council_names: tuple[str, ...], lexicon_key: tuple) -> _Grammar:
    lex = dict(lexicon_key)
    action = _alternation(lex["council_actions"])
    instruct = _alternation(lex["instruction_verbs"])
    deliberative = _alternation(lex["deliberative_verbs"])
    names = _alternation(council_names)
    council = (
        rf"(?:(?:the|this|our)\s+(?:(?:district|borough|county|city|town|parish|community|metropolitan)\s+)?"
        rf"(?:council|authority)|{names})"
    )
    modal = r"(?:will|shall|'ll|’ll|is\s+going\s+to|are\s+going\s+to|is\s+to|are\s+to)"
    adverb = r"(?:\s+(?:also|now|then|therefore|still|gladly|happily|immediately|duly|definitely|certainly|shortly|also\s+now))?"
    committing = (
        r"(?:agrees?|has\s+agreed|have\s+agreed|undertakes?|undertake|commits?|(?:is|are)\s+committed|guarantees?|promises?|(?:is|are)\s+prepared|(?:is|are)\s+willing|"
        r"(?:is|are)\s+happy|(?:is|are)\s+pleased|intends?)\s+to"
    )
    accepting = r"(?:accepts?|accepted|will\s+accept)\s+(?:full\s+|the\s+|your\s+|our\s+)?(?:liability|responsibility|quotation|quote|tender|offer|terms|estimate|proposal|claim|settlement)"
    subject = rf"(?:{council}|we|our\s+(?:\w+\s+){{0,3}}?(?:team|department|service|services|contractor|contractors|officers|staff|crew|engineers|surveyor))"
    return _Grammar(
        council=re.compile(rf"(?<![\w-]){council}(?![\w-])"),
        commitment=re.compile(
            rf"(?<![\w-]){subject}{adverb}(?:\s+|(?=')|(?=’))(?:{modal}{adverb}\s+(?:be\s+)?(?!(?:{deliberative})\b)(?P<verb>[a-z-]+)|{committing}|{accepting})"
        ),
        performative=re.compile(
            rf"(?<![\w-])i\s+(?:am\s+|have\s+|hereby\s+|can\s+|do\s+|now\s+)*(?:pleased\s+to\s+|happy\s+to\s+|able\s+to\s+|writing\s+to\s+)?"
            rf"(?:instruct(?:ing)?|authori[sz](?:e|ing|ed)|approv(?:e|ing|ed)|direct(?:ing)?|requir(?:e|ing)|commission(?:ing)?|"
            rf"accept(?:ing)?\s+(?:your|the|this)\s+(?:quotation|quote|tender|offer|estimate|terms|proposal|claim)|"
            rf"agree(?:d)?\s+(?:to\s+(?:{action})|(?:the|your)\s+(?:terms|settlement|price|fee|quotation|quote))|"
            rf"(?:give|giving|gave)\s+(?:you\s+)?(?:the\s+)?(?:go-ahead|authority|approval|permission\s+to\s+(?:{action})))"
        ),
        passive=re.compile(
            rf"(?<![\w-])(?:payment|the\s+payment|the\s+money|a\s+refund|the\s+refund|compensation|the\s+work|the\s+works|work|the\s+notice|"
            rf"the\s+(?:charge|fee|cost|costs|invoice|balance)|the\s+\w+\s+(?:notice|charge|fee|payment))(?:\s+of\s+\S+)?\s+(?:will|shall)\s+(?:then\s+|now\s+)?be\s+"
            rf"(?:made|paid|refunded|waived|reimbursed|met|covered|carried\s+out|served|issued|started|completed|done|collected|removed|withdrawn|cancelled|written\s+off)"
        ),
        waiver=re.compile(r"(?<![\w-])(?:there\s+(?:will|shall)\s+be|(?:this|it)\s+will\s+be)\s+(?:no\s+charge|free\s+of\s+charge|at\s+no\s+(?:cost|charge))"),
        we_action=re.compile(rf"^(?:{action})(?![\w-])"),
        imperative=re.compile(
            rf"^(?:please\s+|kindly\s+|so\s+please\s+|can\s+you\s+now\s+)?(?:(?:{instruct})|treat\s+this\s+(?:letter|email|message)\s+as)(?![\w-])"
        ),
        directive=re.compile(
            rf"(?<![\w-])(?:you\s+(?:are|were)\s+to\s+|you\s+(?:are|will\s+be)\s+required\s+to\s+|you\s+must\s+(?:now\s+)?(?=(?:{action})\b)|"
            rf"you\s+(?:can|may)\s+(?:now\s+)?(?=(?:start|begin|commence|proceed|go\s+ahead)\b)|"
            rf"(?:i\s+am|i'm)\s+asking\s+you\s+to\s+(?=(?:{action})\b)|i\s+ask\s+(?:that\s+)?you\s+(?:to\s+)?(?=(?:{action})\b)|"
            rf"i\s+(?:need|want|expect|require|would\s+like)\s+you\s+to\s+(?:make\s+sure|ensure|(?=(?:{action})\b))|"
            rf"you\s+have\s+(?:my|the\s+council's|our)\s+(?:approval|authority|authorisation|permission|go-ahead)|"
            rf"consider\s+this\s+(?:letter\s+|email\s+|message\s+)?(?:as\s+)?(?:your\s+)?(?:formal\s+)?(?:authority|instruction|authorisation|go-ahead)|"
            rf"i(?:\s+have|'ve)?\s+(?:asked|told|instructed|authori[sz]ed)\s+(?:\w+\s+){{1,3}}?to\s+(?=(?:{instruct})\b)|"
            rf"(?:quotation|quote|tender|offer|estimate|claim|proposal)(?:\s+\S+){{0,5}}?\s+(?:is|has\s+been|is\s+hereby)\s+accepted|"
            rf"(?:treat|take)\s+this\s+(?:letter|email|message)\s+as\s+(?:your\s+)?(?:formal\s+)?(?:instruction|authority|authorisation|order)|"
            rf"on\s+behalf\s+of\s+{council}\s*,?\s*i\s+(?:am|have|hereby|will|must)?)"
        ),
        negation=re.compile(r"(?<![\w-])(?:not|n't|n’t|never|cannot|unable|no\s+longer|refuse[sd]?|declined?)(?![\w-])"),
        hedge=re.compile(r"(?<![\w-])(?:may|might|could|would|should|hope|hopefully|perhaps|possibly|probably|if\s+the\s+council\s+(?:were|was|decides?|agrees?))(?![\w-])"),
        attribution=re.compile(rf"(?<![\w-])(?:{_alternation(lex['attributions'])})(?![\w-])"),
        representation=re.compile(rf"(?<![\w-])(?:{_alternation(lex['representations'])})(?![\w-])"),
    )


def _grammar_for(policy: Policy) -> _Grammar:
    register = policy.register
    names = tuple(n for n in (register.council, _short_council_name(register.council)) if n)
    keys = ("council_actions", "instruction_verbs", "deliberative_verbs", "attributions", "representations")
    return _grammar(names, tuple((k, policy.words(k)) for k in keys))


def _short_council_name(name: str) -> str:
    short = re.sub(r"\b(district|borough|county|city|town|parish|community|metropolitan)?\s*council\b", "", name, flags=re.I)
    return short.strip() + " council" if short.strip() else ""


_PERSONAL = re.compile(r"(?<![\w-])(?:me|my|myself)(?![\w-])")


def _clauses(sentence: str) -> list[str]:
    return [c.strip() for c in re.split(r"[;:]|,\s*(?:and|but|so)\s+|\s+(?:and|but)\s+(?=(?:the|we|i|our|you|please)\b)", sentence) if c.strip()]


def _commitment(clause: str, grammar: _Grammar) -> bool:
    for match in grammar.commitment.finditer(clause):
        lead = clause[: match.start()]
        tail = clause[match.start() : match.end() + 12]
        if grammar.negation.search(tail) or grammar.hedge.search(lead[-40:] + tail):
            continue
        if match.group(0).startswith("we") and match.group("verb") and not grammar.we_action.match(
            clause[match.start("verb") :]
        ):
            continue
        return True
    return bool(grammar.passive.search(clause) or grammar.waiver.search(clause))


def _instruction(clause: str, grammar: _Grammar) -> bool:
    if grammar.negation.search(clause[:60]):
        return False
    if grammar.directive.search(clause):
        return True
    if grammar.imperative.search(clause) and not _PERSONAL.search(clause):
        return True
    performative = grammar.performative.search(clause)
    return bool(performative) and not grammar.hedge.search(clause[: performative.end()])


def obligations(text: str, policy: Policy) -> tuple[Obligation, ...]:
    """Sentences of the author's own text that commit the Council or instruct for it."""
    grammar = _grammar_for(policy)
    found = []
    for sentence in sentences(text):
        plain = fold(without_quotations(sentence.text)).replace("’", "'")
        if plain.rstrip().endswith("?") or grammar.attribution.search(plain) or grammar.representation.search(plain):
            continue
        for clause in _clauses(plain):
            if _commitment(clause, grammar):
                found.append(Obligation(sentence.text, sentence.where, "commitment"))
                break
            if _instruction(clause, grammar):
                found.append(Obligation(sentence.text, sentence.where, "instruction"))
                break
    return tuple(found)
