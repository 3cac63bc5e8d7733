"""The judgements the rules rest on, one sentence or line at a time."""

from pathlib import Path

import pytest

from correspondence_guard import testing
from correspondence_guard.language.copy_notes import covered
from correspondence_guard.language.markings import markings
from correspondence_guard.language.obligation import obligations
from correspondence_guard.language.subjects import subject_of
from correspondence_guard.model import Envelope
from correspondence_guard.policy import Councillor, load_policy
from correspondence_guard.engine import Checker

POLICY = load_policy(Path(__file__).parent / "fixtures" / "rules" / "policy.yaml")

COMMITMENTS = [
    "I have looked into it and the Council will reimburse you for the fence panels.",
    "I can confirm that the Council accepts liability and will pay £1,240 in full and final settlement.",
    "Kestrel Borough Council will contribute £15,000 towards the crossing.",
    "I am pleased to tell you that the Council accepts your quotation in the sum of £18,400.",
    "Between ourselves, the Council will be serving an enforcement notice before the end of April.",
    "We will also start work on site within twelve months of a funding decision.",
    "Confirming the council will collect the mattress on Tuesday and there will be no charge.",
    "Our contractor will attend on Friday to clear the drain.",
    "We are happy to accept your quote.",
    "Payment will be made within 14 days of the invoice.",
    "The authority will cover the cost of the replacement gate.",
    "We'll sort the repair at no cost to you.",
    "I can confirm a payment of £200 will be made next week.",
    "The Council shall indemnify you against any claim.",
    "We'll get the bins emptied by Thursday.",
    "Our team will be out on Tuesday to repair the kerb.",
    "I confirm that your invoice will be settled within 30 days.",
    "The Borough will cover the cost of the new lock.",
]
INSTRUCTIONS = [
    "Please serve the abatement notice on the owner tomorrow.",
    "On behalf of the Council I am instructing you to remove the tables from the footway.",
    "You should treat this letter as your instruction to proceed.",
    "Please go ahead with the repairs.",
    "You can start work on Monday.",
    "I have authorised the payment of £500 to you.",
    "I need you to make sure the notice is served this week.",
    "You are to stop using the beer garden after 9pm with immediate effect.",
    "I've asked the contractor to start on Monday.",
    "Your quote of £400 is accepted.",
    "You have my approval to go ahead.",
    "Consider this your authority to proceed.",
    "Please invoice the Council for the work.",
    "Please can you start the clearance on Monday.",
    "Happy for you to proceed with the works as quoted.",
    "I've agreed with the contractor that they will start on Monday.",
    "I'd be grateful if you could start the clearance on the 3rd.",
]
NOT_OBLIGATIONS = [
    "I'll keep an eye on it and chase again if it is still there after the 20th.",
    "I'll raise it with the Licensing Officer first thing on Monday.",
    "At its meeting on Wednesday Full Council approved the spending programme, which includes £40,000 for the play area.",
    "Officers tell me the procurement will run over the summer.",
    "I'm sorry, but the Council won't be paying for the repairs to your driveway.",
    "The Council cannot agree to pay for the damage.",
    "I would urge the Council to look again at the options before any hours are cut.",
    "I urge the Minister to reverse the cut.",
    "I hope the Council will fund the scheme.",
    "The Council will consider your application at its meeting in June.",
    "The council may be able to help with the cost.",
    "Could you send me the latest figures?",
    "Please let me know when the agenda is out.",
    "Please send me a copy of the report.",
    "We will keep pushing for a crossing.",
    'The contractor said "the Council will pay for it", which is not my understanding.',
    "I have asked officers to look into this and let me know.",
    "If the Council were to fund it, I would be delighted.",
    "I'd like the council to reimburse you.",
    "Please remove my name from the list.",
    "Please complete the attached form.",
    "Please put it on the agenda.",
    "We will meet residents on Friday.",
    "We'll keep you posted.",
    "Please stop by the surgery any Saturday.",
    "Start date to be confirmed.",
    "The works will be carried out by the utility company, not the Council.",
    "We will be paid by the county.",
    "Thanks for letting me know the Council will pay.",
    "Officers are confident the Council will complete the works by June.",
    "The Council will face a shortfall of £2 million next year.",
    "Could you ask Highways to look at the potholes?",
    "I'm happy for residents to start a petition.",
]


@pytest.mark.parametrize("sentence", COMMITMENTS)
def test_commitments(sentence):
    assert [o.kind for o in obligations(sentence, POLICY)] == ["commitment"]


@pytest.mark.parametrize("sentence", INSTRUCTIONS)
def test_instructions(sentence):
    assert [o.kind for o in obligations(sentence, POLICY)] == ["instruction"]


@pytest.mark.parametrize("sentence", NOT_OBLIGATIONS)
def test_not_obligations(sentence):
    assert obligations(sentence, POLICY) == ()


def _names(councillors):
    return sorted(c.name for c in councillors)


@pytest.mark.parametrize(
    "note, expected",
    [
        ("cc Cllr Jane Ward", ["Jane Ward"]),
        ("cc: Cllr J. Ward", ["Jane Ward"]),
        ("Copy to Councillor Ward", ["Jane Ward", "Kevin Ward"]),
        ("copied to Councillor K Ward", ["Kevin Ward"]),
        ("bcc Cllr Lloyd-Jones", ["Bethan Lloyd-Jones"]),
        ("cc Vice-Chair", ["Anil Patel"]),
        ("cc Chair of the Licensing Committee", ["Rhiannon Evans"]),
        ("I have copied in Cllr Patel as ward member.", ["Anil Patel"]),
        ("I've copied you in because you asked.", []),
        ("The council's Leader said nothing.", []),
    ],
)
def test_copy_notes(note, expected):
    assert _names(covered(note, POLICY.register)) == expected


@pytest.mark.parametrize(
    "subject, text, marked",
    [
        ("CONFIDENTIAL - Quarry Road", "", True),
        ("Re: Fw: Private & Confidential - noise", "", True),
        ("[OFFICIAL-SENSITIVE] Anchor Inn", "", True),
        ("Confidential waste collections", "", False),
        ("Anchor Inn", "STRICTLY CONFIDENTIAL - NOT FOR ONWARD TRANSMISSION\n\nDear Cllr", True),
        ("Anchor Inn", "Not for circulation\n\nDear Cllrs", True),
        ("Anchor Inn", "I cannot discuss confidential matters with you.", False),
        ("Anchor Inn", "This email and any attachments are confidential and intended solely for the addressee.", False),
    ],
)
def test_markings(subject, text, marked):
    doc = testing.email("omar.said@kestrel.gov.uk", to=["rhiannon.evans@kestrel.gov.uk"], subject=subject, text=text)
    assert bool(markings(doc, POLICY)) is marked


def test_marking_headers():
    label = "MSIP_Label_1_Enabled=true; MSIP_Label_1_Name=OFFICIAL-SENSITIVE; MSIP_Label_1_SiteId=x"
    for header in [("Sensitivity", "Company-Confidential"), ("msip_labels", label)]:
        doc = testing.email("omar.said@kestrel.gov.uk", headers=[header], text="Dear Cllr Evans")
        assert markings(doc, POLICY)
    public = testing.email("omar.said@kestrel.gov.uk", headers=[("msip_labels", label.replace("OFFICIAL-SENSITIVE", "Public"))])
    assert not markings(public, POLICY)


@pytest.mark.parametrize(
    "text, regulatory",
    [
        ("The breach of condition notice will be served next week.", True),
        ("The premises licence review hearing is on 14 May.", True),
        ("We recorded the compressor; it amounts to a statutory nuisance.", True),
        ("The restructure of the Environmental Health and Licensing teams will delete four posts; staff will be consulted.", False),
        ("The draft budget assumes savings of £2m.", False),
    ],
)
def test_regulatory_subjects(text, regulatory):
    assert subject_of(text, POLICY).regulatory is regulatory


def test_gateway_envelope_recipient_is_a_hidden_copy():
    """At a gateway the Bcc header is gone; an extra RCPT TO councillor is the silent copy."""
    doc = testing.email(
        "Carol Dent <carol.dent@kestrel.gov.uk>",
        to=["jane.ward@kestrel.gov.uk"],
        text="Dear Cllr Ward,\n\nAn update on the yard.\n\nCarol",
        envelope=Envelope(sender="carol.dent@kestrel.gov.uk", recipients=("jane.ward@kestrel.gov.uk", "anil.patel@kestrel.gov.uk")),
    )
    (finding,) = Checker(POLICY).check(doc)
    assert finding.rule == "silent-copy" and finding.parties == ("anil.patel@kestrel.gov.uk",)
    assert "RCPT TO" in finding.evidence[0].where


def test_exemptions_and_switches():
    doc = testing.email("carol.dent@kestrel.gov.uk", to=["jane.ward@kestrel.gov.uk"], bcc=["anil.patel@kestrel.gov.uk"], text="Hi")
    assert Checker(POLICY).check(doc)
    from correspondence_guard.policy import RuleSettings

    exempt = POLICY.clone(rules={**POLICY.rules, "silent-copy": RuleSettings(exempt_recipients=frozenset({"anil.patel@kestrel.gov.uk"}))})
    assert Checker(exempt).check(doc) == ()
    off = POLICY.clone(rules={**POLICY.rules, "silent-copy": RuleSettings(enabled=False)})
    assert Checker(off).check(doc) == ()
    warn = POLICY.clone(rules={**POLICY.rules, "silent-copy": RuleSettings(severity="warning")})
    assert Checker(warn).check(doc)[0].severity == "warning"


def test_compound_and_middle_names_in_copy_notes():
    from correspondence_guard.policy import Councillor

    register = testing.register(
        councillors=[
            Councillor("Bethan Lloyd Jones", ("b@c.gov.uk",)),
            Councillor("Gareth Jones", ("g@c.gov.uk",)),
            Councillor("Jane Mary Smith", ("j@c.gov.uk",)),
        ]
    )
    assert _names(covered("cc Cllr Lloyd Jones", register)) == ["Bethan Lloyd Jones"]
    assert _names(covered("cc Cllr Jones", register)) == ["Bethan Lloyd Jones", "Gareth Jones"]
    assert _names(covered("cc Cllr G. Jones", register)) == ["Gareth Jones"]
    assert _names(covered("cc Cllr Mary Smith", register)) == ["Jane Mary Smith"]


def test_a_title_inside_a_longer_title_names_only_the_longer():
    from correspondence_guard.policy import Councillor

    register = testing.register(
        councillors=[Councillor("Eirlys Pritchard", ("e@c.gov.uk",), ("Mayor",)), Councillor("Rhodri Jones", ("r@c.gov.uk",), ("Deputy Mayor",))]
    )
    assert _names(covered("cc Deputy Mayor", register)) == ["Rhodri Jones"]
    assert _names(covered("cc Mayor", register)) == ["Eirlys Pritchard"]
    assert _names(covered("cc the Mayor and Deputy Mayor", register)) == ["Eirlys Pritchard", "Rhodri Jones"]


def test_passive_copy_note():
    assert _names(covered("Cllr Patel is copied for information.", POLICY.register)) == ["Anil Patel"]
    assert _names(covered("Councillors Evans and Patel have been copied in.", POLICY.register)) == ["Anil Patel", "Rhiannon Evans"]


def test_a_quoted_sentence_keeps_its_closing_mark_and_is_someone_elses():
    text = 'The Head of Highways wrote to me: "We will repair the footway before term." I will check it.'
    assert obligations(text, POLICY) == ()
