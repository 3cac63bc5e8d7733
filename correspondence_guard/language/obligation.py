"""Does a sentence commit the Council or instruct someone on its behalf?

BTC008 7.2 and Bolsover 8(2): letters that "create obligations or give instructions on
behalf of the Council" must not go out over a councillor's name. The judgement is about
who speaks and how, not about words alone, and every cue is scoped to the clause and the
verb it governs (a "not" three clauses away refuses nothing):

- the speaker: the Council (by name, "the Council", "the County", or the place it is named
  after, "Kingsmere will pay", for an act or a cost), a "we" or "our team"
  that speaks for it, or "I" performing an act that binds it (accept a quotation,
  authorise, instruct, decide to waive); a clause that continues with "and will pay"
  keeps its speaker;
- the verb and its mood: a future or present commitment ("will pay", "accepts
  liability"), also when conditional ("if the site is cleared, the Council will
  withdraw") or passive ("£12,000 will be released"); an imperative or a "could you
  start...?" to a contractor or officer ("please serve the notice", "go ahead Monday",
  "treat this email as my authorisation");
- a promise to refrain from an act against the reader ("the Council will not oppose your
  application", "we won't take enforcement action"), also when conditional;
- what takes it back: a negation or hedge in the same clause (a refusal, "may", "I hope
  the Council will"), a question that asks rather than directs, attribution to a decision
  of a named body of the Council or to officers ("Cabinet approved", "officers tell me"),
  urging another body to act (a representation), and verbs that promise no act of the
  Council ("we will keep pushing", "the Council will be aware").

Words inside quotation marks are someone else's and are blanked first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..policy import Policy
from .text import clauses, fold, plain, sentences


@dataclass(frozen=True)
class Obligation:
    sentence: str
    where: str
    kind: str  # "commitment" or "instruction"
    speaker: str = "council"  # "council" when the Council is named as the one bound; else "we", "i", "you", "passive"


def _alternation(phrases) -> str:
    ordered = sorted({fold(p).strip() for p in phrases if p and p.strip()}, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in ordered) or r"(?!x)x"


_KINDS = r"(?:district|borough|county|city|town|parish|community|metropolitan)"
_MODAL = r"(?:will|shall|is\s+going\s+to|are\s+going\s+to|is\s+to|are\s+to)"
_ADVERB = r"(?:\s+(?:also|now|then|therefore|still|gladly|happily|immediately|duly|definitely|certainly|shortly|of\s+course|in\s+turn))*"
_HEDGE_ADVERB = r"(?:probably|hopefully|possibly|perhaps|likely|maybe|ideally)"
_NEGATION = re.compile(r"(?<![\w-])(?:not|never|cannot|unable|no\s+longer|nothing|neither|nor|refuses?|refused|declines?|declined)(?![\w-])")
_OPINION = re.compile(
    r"(?<![\w-])(?:i|we)\s+(?:would\s+|do\s+|very\s+much\s+|really\s+|sincerely\s+)?(?:hope|think|believe|expect|imagine|suspect|doubt|assume|"
    r"wonder|feel|trust|would\s+like|wish|am\s+not\s+sure|am\s+confident|am\s+sure)(?![\w-])"
)
# Someone else's statement, reported: "thanks for letting me know the Council will pay".
_REPORTED = re.compile(
    r"(?<![\w-])(?:letting\s+me\s+know|let\s+me\s+know|(?:told|tells|telling|informed|informing|assured|assuring)\s+(?:me|us)|"
    r"you\s+(?:say|said|mention|mentioned|suggest|suggested|claim|claimed)|(?:i|we)\s+(?:hear|heard|read|gather)|news\s+that|reports?\s+that|rumou?rs?\s+that)(?![\w-])"
)
# Money the Council pays or forgoes, and works it carries out: bound whoever is the grammatical subject.
_MONEY_DONE = r"(?:paid|refunded|waived|reimbursed|met|covered|released|written\s+off|funded|match-funded|awarded|allocated|granted|transferred|repaid|credited|settled)"
_WORKS_DONE = r"(?:made|carried\s+out|served|issued|started|completed|done|collected|removed|withdrawn|cancelled|installed|repaired|replaced|resurfaced|provided|delivered|cleared)"
_WORKS_SUBJECT = (
    r"(?:payment|the\s+payment|the\s+money|a\s+refund|the\s+refund|compensation|the\s+work|the\s+works|work|repairs|the\s+repairs?|"
    r"the\s+notice|the\s+\w+\s+(?:notice|charge|fee|payment|works?|repairs?)|the\s+(?:charge|fee|cost|costs|invoice|balance))"
)
_DECISION_BODY = r"(?:full\s+council|council\s+at\s+its\s+meeting|cabinet|executive|officers|members|committee|sub-committee|panel|board)"
_DECIDED = r"(?:decided|resolved|approved|agreed|voted|endorsed|determined|authorised|authorized|confirmed)"
_BODY_DECISION = re.compile(
    rf"(?<![\w-]){_DECISION_BODY}\s+(?:has\s+|have\s+|had\s+)?(?:already\s+|unanimously\s+|formally\s+|now\s+)?{_DECIDED}(?![\w-])"
    rf"|(?:was|were|has\s+been|have\s+been|had\s+been)\s+{_DECIDED}\s+(?:by|at)\s+{_DECISION_BODY}"
    rf"|(?<![\w-])(?:decision|resolution|approval)\s+(?:of|by)\s+{_DECISION_BODY}"
)
# What officers say or expect is theirs, whatever follows it in the sentence.
_OFFICERS_SAY = (
    r"(?<![\w-])(?:the\s+)?officers?\s+(?:have\s+|has\s+)?(?:(?:are|is|were|was|have\s+been)\s+(?:confident|clear|satisfied|sure|of\s+the\s+view)|"
    r"(?:expect|believe|think|estimate|anticipate|intend|plan|propose|report|advise|say|tell|confirm|inform|state|indicate|predict)(?:s|ed|d)?)(?![\w-])"
)
# A condition that waits on a Council body's own decision leaves the decision, not a promise.
_DECISION_PENDING = re.compile(
    rf"(?:if|once|when|provided\s+that|subject\s+to)\s+(?:the\s+council|{_DECISION_BODY})\s+(?:were\s+to\s+|was\s+to\s+)?(?:agrees?|approves?|decides?|agree|approve|decide)"
    rf"|subject\s+to\s+(?:the\s+)?(?:approval|agreement|a\s+decision)|subject\s+to\s+(?:cabinet|committee|council|member)\s+approval"
)
# A subject straight after one of these heads a condition or an indirect question ("whether the
# County will pay"), not a main clause; "if the site is cleared the Council will" keeps its main clause.
_SUBORDINATE = re.compile(r"(?:^|\s)(?:if|unless|whether|once|when|provided(?:\s+that)?|as\s+long\s+as|in\s+case)\s*$")
_QUESTION_INSTRUCTION_LEAD = (
    r"(?:could|can|would|will)\s+you\s+(?:please\s+|now\s+|kindly\s+)*(?:be\s+able\s+to\s+)?"
    r"(?:(?:ask|tell|get|instruct)\s+(?:[\w-]+\s+){1,3}?to\s+)?"
)
_WORKS = r"(?:you|the\s+works?|the\s+contractor|them|it|this|the\s+order|the\s+job|the\s+scheme)"
_ACCEPTED_THING = r"(?:quotation|quote|tender|offer|estimate|claim|proposal|price|terms|bid)"


@dataclass(frozen=True)
class _Grammar:
    council: re.Pattern
    commitment: re.Pattern
    deliberative: re.Pattern
    action: re.Pattern
    performative: re.Pattern
    imperative: re.Pattern
    question: re.Pattern
    directive: re.Pattern
    attribution: re.Pattern
    representation: re.Pattern
    place: re.Pattern
    refrain: re.Pattern


@lru_cache(maxsize=16)
def _grammar(council_names: tuple[str, ...], place: str, kind: str, lexicon_key: tuple) -> _Grammar:
    lex = dict(lexicon_key)
    action = _alternation(lex["council_actions"])
    instruct = _alternation(lex["instruction_verbs"])
    names = _alternation(council_names)
    own_kind = rf"|the\s+{kind}(?:\s+council)?" if kind else ""
    council = rf"(?:(?:the|this|our)\s+(?:{_KINDS}\s+)?(?<!parish\s)(?<!town\s)(?:council|authority)(?!\s+tax){own_kind}|{names})"
    if kind in ("parish", "town", "community"):
        council = rf"(?:(?:the|this|our)\s+(?:{kind}\s+)?(?:council|authority)(?!\s+tax)|{names})"
    place_name = _alternation((place,))
    subject = rf"(?P<subject>{council}|{place_name}|we|our\s+(?:\w+\s+){{0,3}}?(?:team|department|service|services|contractor|contractors|officers|staff|crew|engineers|surveyor))"
    committing = (
        r"(?:agrees?|has\s+agreed|have\s+agreed|undertakes?|commits?|(?:is|are)\s+committed|guarantees?|promises?|(?:is|are)\s+(?:prepared|willing|happy|pleased)|"
        r"(?:will|shall)\s+be\s+(?:prepared|willing|happy|pleased|glad)|intends?)\s+to"
    )
    accepting = rf"(?:accepts?|accepted|will\s+accept)\s+(?:full\s+|the\s+|your\s+|our\s+|this\s+)?(?:liability|responsibility|{_ACCEPTED_THING}|settlement)"
    return _Grammar(
        council=re.compile(rf"(?<![\w-]){council}(?![\w-])"),
        commitment=re.compile(
            rf"(?<![\w-]){subject}{_ADVERB}\s+(?:(?P<modal>{_MODAL}){_ADVERB}\s+(?P<rest>.*)|(?P<committing>{committing})\s+(?P<what>.*)|(?P<accepting>{accepting}))"
        ),
        deliberative=re.compile(rf"^(?:{_alternation(lex['deliberative_verbs'])})(?![\w-])"),
        action=re.compile(rf"^(?:{action})(?![\w-])"),
        performative=re.compile(
            rf"(?<![\w-])i\s+(?:am\s+|have\s+|hereby\s+|can\s+|do\s+|now\s+|had\s+)*(?:pleased\s+to\s+|happy\s+to\s+|able\s+to\s+|writing\s+to\s+)?"
            rf"(?:instruct(?:ing)?|authori[sz](?:e|ing|ed)|approv(?:e|ing|ed)|direct(?:ing)?|requir(?:e|ing)|commission(?:ing)?|"
            rf"accept(?:ing|ed)?\s+(?:your|the|this)\s+(?:\w+\s+)?{_ACCEPTED_THING}|"
            rf"(?:agree(?:d)?|decided|chosen|arranged)\s+(?:to\s+(?:{action})|(?:the|your)\s+(?:terms|settlement|price|fee|{_ACCEPTED_THING}))|"
            rf"(?:give|giving|gave|given)\s+(?:you\s+)?(?:the\s+)?(?:go-ahead|green\s+light|authority|approval|permission\s+to\s+(?:{action})))"
        ),
        imperative=re.compile(
            rf"^(?:(?:and|so|then|now)\s+)?(?P<polite>(?:please\s+|kindly\s+|let\s+us\s+|let's\s+|(?:can|could|would|will)\s+you\s+(?:please\s+|now\s+)*)*)"
            rf"(?:(?:{instruct})|(?:treat|take)\s+this\s+(?:letter|email|e-mail|message)\s+as)(?![\w-])"
        ),
        question=re.compile(rf"(?<![\w-]){_QUESTION_INSTRUCTION_LEAD}(?:{instruct})(?![\w-])"),
        directive=re.compile(
            rf"(?<![\w-])(?:you\s+(?:are|were)\s+to\s+|you\s+(?:are|will\s+be)\s+required\s+to\s+|you\s+must\s+(?:now\s+)?(?=(?:{action})\b)|"
            rf"you\s+(?:can|may)\s+(?:now\s+)?(?=(?:start|begin|commence|proceed|go\s+ahead)\b)|"
            rf"(?:happy|content|fine|ok|okay|pleased)\s+for\s+{_WORKS}\s+to\s+(?=(?:start|begin|commence|proceed|go\s+ahead|{instruct})\b)|"
            rf"(?:grateful|obliged|appreciate\s+it)\s+if\s+you\s+(?:could|would|can|will)\s+(?:please\s+|now\s+)?(?=(?:{instruct})\b)|"
            rf"^(?:please\s+)?(?:ask|tell|get|instruct)\s+(?:[\w-]+\s+){{1,3}}?to\s+(?=(?:{instruct})\b)|"
            rf"i\s+(?:have\s+)?(?:agreed|arranged)\s+with\s+(?:[\w-]+\s+){{1,3}}?(?:that\s+)?(?:[\w-]+\s+){{0,3}}?(?:will|can|should|may)\s+(?=(?:{instruct}|{action})\b)|"
            rf"i\s+am\s+asking\s+you\s+to\s+(?=(?:{action}|{instruct})\b)|i\s+ask\s+(?:that\s+)?you\s+(?:to\s+)?(?=(?:{action})\b)|"
            rf"i\s+(?:need|want|expect|require|would\s+like)\s+you\s+to\s+(?:make\s+sure|ensure|(?=(?:{action}|{instruct})\b))|"
            rf"you\s+have\s+(?:my|the\s+council's|our)\s+(?:approval|authority|authorisation|permission|go-ahead|agreement)|"
            rf"consider\s+this\s+(?:letter\s+|email\s+|e-mail\s+|message\s+)?(?:as\s+)?(?:my\s+|your\s+|the\s+council's\s+)?(?:formal\s+)?(?:authority|instruction|authorisation|go-ahead|approval)|"
            rf"i\s+(?:have\s+)?(?:asked|told|instructed|authori[sz]ed)\s+(?:\w+\s+){{1,3}}?to\s+(?=(?:{instruct})\b)|"
            rf"{_ACCEPTED_THING}(?:\s+\S+){{0,5}}?\s+(?:is|has\s+been|is\s+hereby)\s+(?:now\s+)?accepted|"
            rf"(?:treat|take)\s+this\s+(?:letter|email|e-mail|message)\s+as\s+(?:my\s+|your\s+|the\s+council's\s+|our\s+)?(?:formal\s+|written\s+)?(?:instruction|authority|authorisation|order|approval|go-ahead)|"
            rf"on\s+(?:behalf\s+of\s+{council}|the\s+council's\s+behalf)\s*,?\s*i\s+(?:am|have|hereby|will|must)?)"
        ),
        attribution=re.compile(rf"(?<![\w-])(?:{_alternation(lex['attributions'])})(?![\w-])|{_BODY_DECISION.pattern}|{_OFFICERS_SAY}"),
        representation=re.compile(rf"(?<![\w-])(?:{_alternation(lex['representations'])})(?![\w-])"),
        place=re.compile(rf"{place_name}$"),
        refrain=re.compile(rf"^(?:not|never|no\s+longer){_ADVERB}\s+(?:{_alternation(lex['refrain_actions'])})(?![\w-])"),
    )


def _grammar_for(policy: Policy) -> _Grammar:
    register = policy.register
    place = place_name(register.council or "")
    names = tuple(n for n in (register.council, place and place + " council") if n)
    kind = re.search(rf"\b({_KINDS[3:-1]})\s+council\b", fold(register.council or ""))
    keys = ("council_actions", "instruction_verbs", "deliberative_verbs", "attributions", "representations", "refrain_actions")
    return _grammar(names, place, kind.group(1) if kind else "", tuple((k, policy.words(k)) for k in keys))


_STYLE_BEFORE = re.compile(rf"^(?:(?:the|london|royal)\s+)?(?:(?:metropolitan\s+)?{_KINDS}|city\s+and\s+county)\s+of\s+", re.I)
_STYLE_AFTER = re.compile(rf"(?:\s+(?:metropolitan\s+)?{_KINDS})?\s+council$", re.I)


def place_name(name: str) -> str:
    """The place a council is named after ("Kingsmere" for the London Borough of Kingsmere,
    "Ashbourne Vale" for Ashbourne Vale District Council): people write it for the Council."""
    return _STYLE_AFTER.sub("", _STYLE_BEFORE.sub("", name.strip())).strip()


# "Please stop by", "start by reading", "start a new thread": the verb, but not works.
_NOT_WORKS = re.compile(r"\s+(?:by|in\s+on|off|over|a\s+new\s+(?:thread|email|conversation)|(?:a|the|your)\s+(?:petition|campaign|conversation|discussion|thread))\b")
# A bare imperative ("Go ahead Monday", "Stop the works") reads on into an object or a time;
# "Start date to be confirmed" and "Order number 4471" are headings.
_BARE_ORDER = re.compile(
    r"(?:$|\s+(?:the|a|an|this|that|these|those|it|them|all|any|with|on|at|from|in|ahead|now|immediately|straight|today|tonight|tomorrow|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|next|as|and|work|works|£))"
)
_FOR_ME = re.compile(r"\s+(?:me|my|myself|us)\b")
_HEDGE = re.compile(rf"(?<![\w-]){_HEDGE_ADVERB}(?![\w-])")
_TENTATIVE = re.compile(r"(?<![\w-])(?:may|might|could|would|should)(?![\w-])")
_ON_SITE = re.compile(r"be\s+(?:[\w-]+\s+){0,5}?to\s+")
_BE_DONE = re.compile(r"be\s+(?:responsible|liable|\w+ing)(?![\w-])")
_BE_THINKING = re.compile(
    r"be\s+(?:looking|considering|discussing|reviewing|deciding|thinking|meeting|talking|working|monitoring|seeking|waiting|"
    r"asking|pressing|pushing|campaigning|writing|speaking|keeping|watching|following)\b"
)
_CAUSATIVE = re.compile(r"(?:get|have)\s+(?:[\w£-]+\s+){1,4}?(?:\w+ed|\w+en|done|paid|cut|put|set|built|sent)(?![\w-])")
_A_VERB = re.compile(r"[a-z]+(?:\s|$)")
_NO_ACT = re.compile(r"(?:not|never|be|have|get|go|come|do|try)\b")
# "meet the removal and reconnection costs", "cover all reasonable legal fees".
_MEETS_COSTS = re.compile(r"(?:meet|cover|bear|pick\s+up|absorb)\s+(?:[\w£,-]+\s+){0,5}?(?:costs?|bills?|fees?|expenses|charges?)(?![\w-])")
_CONTINUED = re.compile(rf"^(?:(?:and|but|also|then)\s+)*(?={_MODAL}\b)")


def _hedged(lead: str, verb_group: str) -> bool:
    """A hedge or negation that governs this verb: in the words before its subject
    ("I hope", "it is not true that") or in the verb group itself ("will not", "will probably")."""
    return bool(
        _NEGATION.search(lead) or _NEGATION.search(verb_group) or _OPINION.search(lead) or _REPORTED.search(lead)
        or _HEDGE.search(lead) or _HEDGE.search(verb_group) or _TENTATIVE.search(lead[-25:])
    )


def _binds(rest: str, speaker: str, grammar: _Grammar) -> bool:
    """Whether the verb after "will" commits: not a deliberative verb ("consider", "be aware");
    for "we" and "our team" an act, not a promise to keep in touch."""
    if grammar.deliberative.match(rest):
        return False
    on_site = _ON_SITE.match(rest)
    if on_site and grammar.action.match(rest[on_site.end() :]):
        return True
    if rest.startswith("be "):
        return bool(_BE_DONE.match(rest)) and not _BE_THINKING.match(rest)
    if _CAUSATIVE.match(rest):
        return True
    if speaker == "council":
        return rest[:1].isalpha()
    if speaker == "place":
        return bool(grammar.action.match(rest) or _MEETS_COSTS.match(rest))
    return bool(grammar.action.match(rest) or _A_VERB.match(rest) and not _NO_ACT.match(rest))


def _commitment(clause: str, inherited: str, grammar: _Grammar) -> str:
    """The speaker the clause commits ("council", "we"), or "" when it commits no one."""
    text = clause
    continued = _CONTINUED.match(clause) if inherited else None
    if continued:
        text = inherited + " " + clause[continued.end() :]
    for match in grammar.commitment.finditer(text):
        lead = text[: match.start()]
        if _SUBORDINATE.search(lead):
            continue
        subject = match.group("subject")
        speaker = "council" if grammar.council.fullmatch(subject) else "place" if grammar.place.match(subject) else "we"
        if match.group("accepting"):
            if not _hedged(lead, match.group(0)):
                return speaker
            continue
        rest = match.group("rest") if match.group("modal") else match.group("what")
        group = text[match.start() : match.end() - len(rest)]
        if _hedged(lead, group):
            continue
        if _NEGATION.match(rest):
            if grammar.refrain.match(rest):
                return "council" if speaker == "place" else speaker
            continue
        if match.group("committing") and not rest[:1].isalpha():
            continue
        if _binds(rest, speaker, grammar):
            return "council" if speaker == "place" else speaker
    return "passive" if _passive(text, grammar) else ""


_PAID = re.compile(rf"(?<![\w-])(?:will|shall)\s+(?:then\s+|now\s+|also\s+|all\s+)?be\s+{_MONEY_DONE}(?![\w-])")
_DONE = re.compile(rf"(?<![\w-])(?:will|shall)\s+(?:then\s+|now\s+)?be\s+{_WORKS_DONE}(?![\w-])")
_WORKS_BEFORE = re.compile(rf"(?<![\w-]){_WORKS_SUBJECT}(?:\s+of\s+\S+)?\s+$")
_NOT_BOUND_SUBJECT = re.compile(r"(?:^|\s)(?:i|we)\s+$")
_FREE_OR_FOLLOWS = re.compile(
    r"(?<![\w-])(?:(?:there\s+(?:will|shall)\s+be|(?:this|it)\s+will\s+be)\s+(?:no\s+charge|free\s+of\s+charge|at\s+no\s+(?:cost|charge))"
    r"|(?:payment|cheque|refund|reimbursement|grant|compensation)(?:\s+of\s+\S+)?\s+(?:will|shall)\s+(?:follow|be\s+with\s+you|reach\s+you))"
)
_SEE_IT_DONE = re.compile(
    rf"(?<![\w-])(?:i|we)\s+will\s+(?:make\s+sure|ensure|see\s+to\s+it)\s+(?:that\s+)?(?:[\w£-]+\s+){{1,5}}?(?:is|are|gets|get)\s+(?:{_MONEY_DONE}|{_WORKS_DONE})(?![\w-])"
)


_IDIOM = re.compile(r"\s+(?:a\s+visit|tribute|attention|respects?|lip\s+service)\b")
_BY_AGENT = re.compile(r"\s+by\s+(?P<agent>(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)")


def _by_someone_else(after: str, grammar: _Grammar) -> bool:
    """A passive whose agent is named and is not the Council ("by the utility company")."""
    agent = _BY_AGENT.match(after)
    return bool(agent) and not grammar.council.match(agent.group("agent")) and not re.match(r"(?:us|our|we)\b", agent.group("agent"))


def _passive(text: str, grammar: _Grammar) -> bool:
    """A passive commitment: money paid or forgone whoever its subject ("£12,000 will be
    released", "your invoice will be settled"), works done on a works subject ("the repairs
    will be carried out"), "there will be no charge", "I will make sure it is paid"."""
    for match in _PAID.finditer(text):
        lead, after = text[: match.start()], text[match.end() :]
        if lead.strip() and not _NOT_BOUND_SUBJECT.search(lead) and not _IDIOM.match(after):
            if not _hedged(lead, match.group(0)) and not _by_someone_else(after, grammar):
                return True
    for match in _DONE.finditer(text):
        lead = text[: match.start()]
        if _WORKS_BEFORE.search(lead) and not _hedged(lead, match.group(0)) and not _by_someone_else(text[match.end() :], grammar):
            return True
    for found in (_FREE_OR_FOLLOWS.search(text), _SEE_IT_DONE.search(text)):
        if found and not _hedged(text[: found.start()], found.group(0)):
            return True
    return False


def _instruction(clause: str, question: bool, grammar: _Grammar) -> str:
    """Who is told to act: "you" for an imperative, a directive or a "could you start...?"
    put to a contractor or officer; "i" for the councillor's own act that binds the Council."""
    if question:
        found = grammar.question.search(clause)
        ordered = found and not _NEGATION.search(clause[: found.end()]) and not _NOT_WORKS.match(clause, found.end())
        return "you" if ordered else ""
    imperative = grammar.imperative.match(clause)
    if imperative and not _FOR_ME.match(clause, imperative.end()) and not _NOT_WORKS.match(clause, imperative.end()):
        if imperative.group("polite") or _BARE_ORDER.match(clause, imperative.end()):
            return "you"
    directive = grammar.directive.search(clause)
    if directive and not _NEGATION.search(clause[: directive.end()]) and not _OPINION.search(clause[: directive.start()]):
        return "you"
    performative = grammar.performative.search(clause)
    if performative and not _hedged(clause[: performative.start()], performative.group(0)):
        return "i"
    return ""


def obligations(text: str, policy: Policy) -> tuple[Obligation, ...]:
    """Sentences of the author's own text that commit the Council or instruct for it."""
    grammar = _grammar_for(policy)
    found = []
    for sentence in sentences(text):
        words = plain(sentence.text)
        question = words.endswith("?")
        if grammar.attribution.search(words) or _DECISION_PENDING.search(words):
            continue
        inherited = ""
        for clause in clauses(words):
            if grammar.representation.search(clause):
                continue
            speaker = "" if question else _commitment(clause, inherited, grammar)
            if speaker:
                found.append(Obligation(sentence.text, sentence.where, "commitment", speaker))
                break
            speaker = _instruction(clause, question, grammar)
            if speaker:
                found.append(Obligation(sentence.text, sentence.where, "instruction", speaker))
                break
            subject = grammar.commitment.search(clause)
            if subject:
                inherited = subject.group("subject")
    return tuple(found)
