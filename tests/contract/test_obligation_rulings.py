"""Contract cases for `councillor-obligation`, one per ruling and failure class.

Each case is written from the text of ../shared/protocol-rules.md (the rule, its "Not flagged"
list and the rulings on points the clauses leave open), not from what the program printed.
A case is one piece of correspondence, built in one line with ``correspondence_guard.testing``
or, where the reader is part of the ruling (drafts, inline answers, alternative parts), written
as a small real .eml file and read by the real reader. The register is a fictional council.
"""

import io
from dataclasses import replace
from email.message import EmailMessage

import docx
import pytest

from correspondence_guard import sources, testing
from correspondence_guard.engine import Checker
from correspondence_guard.policy import Councillor, Officer
from correspondence_guard.sources.letters import read_letter

JANE = Councillor("Jane Smith", ("jane.smith@kestrel.gov.uk", "janesmith1962@gmail.com"), ("Leader of the Council",))
ALAN = Councillor("Alan Smith", ("alan.smith@kestrel.gov.uk",))
TOM = Councillor("Tom Bramley", ("tom.bramley@kestrel.gov.uk", "tbramley@outlook.com"))
JOE = Officer("Joe Bloggs", ("joe.bloggs@kestrel.gov.uk",), "Head of Highways")
POLICY = testing.policy(
    testing.register(councillors=[JANE, ALAN, TOM], officers=[JOE], domains=["kestrel.gov.uk"], council="Kestrel Borough Council")
)
CHECKER = Checker(POLICY, only=("councillor-obligation",))
CONTRACTOR = "office@moorroads.co.uk"
RESIDENT = "p.holroyd@talktalk.net"
COMMITS = "The Council will meet the full cost of a replacement bus shelter and our contractor will install it by 31 October."


def parties(doc) -> set[str] | None:
    """The parties of the councillor-obligation finding, or None when there is none."""
    found = testing.checked(CHECKER, doc)
    return set(found[0].parties) if found else None


def from_tom(text: str, to: str = RESIDENT, **kw):
    return testing.email("tom.bramley@kestrel.gov.uk", to=[to], text=text, **kw)


def from_tom_mime(to: str, subject: str, text: str) -> EmailMessage:
    """A reply Tom Bramley sent from his own address, as a real message."""
    return testing.mime("Tom Bramley <tom.bramley@kestrel.gov.uk>", [to], subject, text, date="Mon, 3 Mar 2025 09:00:00 +0000")


def eml(tmp_path, message: EmailMessage):
    path = tmp_path / "message.eml"
    path.write_bytes(bytes(message))
    (doc,) = list(sources.read([str(path)]))
    return doc


# Who it goes out over ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sign_off",
    [
        "Yours faithfully,\n\nJ. Hirst\npp Councillor Tom Bramley\nCabinet Member for Highways",
        "Yours faithfully,\n\np.p. A. Clerk\n\nCllr Tom Bramley",
        "Yours sincerely,\n\nper pro Councillor Tom Bramley\nJ. Hirst",
        "Yours sincerely,\n\nJ. Hirst pp Cllr Tom Bramley",
    ],
)
def test_a_pp_letter_for_a_councillor_goes_out_over_the_councillor(sign_off):
    letter = testing.letter(f"Dear Clerk,\n\n{COMMITS}\n\n{sign_off}\n", to=["clerk@oxcloseparish.org.uk"])
    assert parties(letter) == {"tom.bramley@kestrel.gov.uk"}


def test_pp_for_an_officer_is_an_officers_letter():
    letter = testing.letter(f"Dear Clerk,\n\n{COMMITS}\n\nYours faithfully,\n\nA. Clerk\npp Joe Bloggs\nHead of Highways\n")
    assert parties(letter) is None


def test_a_letterhead_of_the_councillors_office_with_their_sign_off():
    text = f"From the Office of Councillor Tom Bramley\nKestrel Borough Council\n\nDear Mrs Holroyd,\n\n{COMMITS}\n\nYours sincerely,\n\nTom\n"
    assert parties(testing.letter(text)) == {"tom.bramley@kestrel.gov.uk"}


def test_a_letterhead_in_the_page_header_of_a_word_letter():
    """The letterhead of a .docx usually sits in its page header, not in the body."""
    document = docx.Document()
    for paragraph in ("Dear Mrs Holroyd,", COMMITS, "Yours sincerely,", "Tom"):
        document.add_paragraph(paragraph)
    document.sections[0].header.paragraphs[0].text = "From the Office of Cllr Tom Bramley | Kestrel Borough Council"
    out = io.BytesIO()
    document.save(out)
    letter = read_letter(out.getvalue(), "letter.docx", "letter.docx")
    assert parties(letter) == {"tom.bramley@kestrel.gov.uk"}


@pytest.mark.parametrize("sign_off", ["Tom", "TB", "T.B."])
def test_first_name_or_initials_from_the_councillors_own_address(sign_off):
    doc = testing.email("tbramley@outlook.com", to=[RESIDENT], text=f"Dear Mrs Holroyd,\n\n{COMMITS}\n\nBest wishes\n{sign_off}\n")
    assert parties(doc) == {"tom.bramley@kestrel.gov.uk", "tbramley@outlook.com"}


def test_unsigned_mail_from_a_councillors_personal_address():
    doc = testing.email("tbramley@outlook.com", to=[RESIDENT], text=f"Mrs Holroyd,\n\n{COMMITS}\n")
    assert parties(doc) == {"tom.bramley@kestrel.gov.uk", "tbramley@outlook.com"}


@pytest.mark.parametrize(
    "sign_off",
    ["Kind regards\n\nSam Okafor\nCaseworker to Cllr Tom Bramley", "Regards\n\nJoe Bloggs\nHead of Highways"],
)
def test_a_councillors_account_signed_by_someone_else_is_not_theirs(sign_off):
    assert parties(from_tom(f"Dear Mrs Holroyd,\n\n{COMMITS}\n\n{sign_off}\n")) is None


def test_a_club_secretarys_we_is_the_club():
    text = "Thank you. The club is happy to accept your price, and we will pay your invoice on completion.\n\nTom\n\n-- \nTom Bramley\nHon. Secretary, Kestrel Cricket Club\n"
    assert parties(from_tom(text, to=CONTRACTOR)) is None


def test_a_school_governors_we_is_the_school():
    text = "Dear Mr Patel,\n\nI am writing as chair of governors of Hollin Bank Primary School. We will pay for the new fence and please start on Monday.\n\nTom Bramley\n"
    assert parties(from_tom(text, to=CONTRACTOR)) is None


@pytest.mark.parametrize(
    "signed_as, text",
    [
        ("Tom Bramley\nChair of Trustees\nHollin Bank Community Larder", "We will pay your invoice for the new kitchen within 30 days."),
        ("Tom Bramley", "I am writing as Vice-Chair of the Governors. We will cover the cost of the new gates."),
    ],
    ids=["chair-of-trustees-under-the-name", "chair-of-governors-in-the-text"],
)
def test_a_councillor_who_chairs_a_board_of_trustees_or_governors_speaks_for_that_body(signed_as, text):
    assert parties(from_tom(f"Dear Mr Patel,\n\n{text}\n\nYours sincerely,\n\n{signed_as}\n", to=CONTRACTOR)) is None


def test_signing_for_a_club_does_not_cover_a_promise_in_the_councils_name():
    text = "Dear Mr Patel,\n\nThe Council will pay for the new pavilion roof.\n\nTom Bramley\nHon. Secretary, Kestrel Cricket Club\n"
    assert parties(from_tom(text, to=CONTRACTOR)) == {"tom.bramley@kestrel.gov.uk"}


def test_a_draft_with_no_date_or_message_id_is_judged_as_if_sent(tmp_path):
    draft = testing.mime(
        "Cllr Tom Bramley <tom.bramley@kestrel.gov.uk>", ["Carnival Committee <carnival@example.org>"], "Carnival tea dance",
        "Dear Ms Hunt,\n\nThe Council will let you have the Civic Hall free of charge and will pay for the stewarding.\n\nBest wishes\n\nCouncillor Tom Bramley\n",
    )
    doc = eml(tmp_path, draft)
    assert not doc.date and not doc.message_id
    assert parties(doc) == {"tom.bramley@kestrel.gov.uk"}


def test_a_shared_surname_is_decided_by_the_sender_and_failing_that_covers_both():
    text = f"Dear Mrs Holroyd,\n\n{COMMITS}\n\nYours sincerely,\n\nCouncillor Smith\n"
    assert parties(testing.email("alan.smith@kestrel.gov.uk", to=[RESIDENT], text=text)) == {"alan.smith@kestrel.gov.uk"}
    assert parties(testing.letter(text)) == {"jane.smith@kestrel.gov.uk", "alan.smith@kestrel.gov.uk"}


def test_a_title_under_the_councillors_name():
    letter = testing.letter(f"Dear Sir,\n\n{COMMITS}\n\nYours faithfully,\n\nJane Smith\nLeader of the Council\n")
    assert parties(letter) == {"jane.smith@kestrel.gov.uk"}


# What commits or instructs -------------------------------------------------------------------

FLAGGED = {
    "acceptance of a quote": ("Dear Mr Patel, thank you for your quote of £4,200 for the drainage works. Your quote is accepted.", CONTRACTOR),
    "go-ahead": ("Thanks Dave. Go ahead Monday.", CONTRACTOR),
    "authorisation in the councillor's own words": ("Please treat this email as my authorisation to proceed with the works.", CONTRACTOR),
    "spending directed to an officer": ("Joe, please release £5,000 to the Friends of Hollin Park this week.", "joe.bloggs@kestrel.gov.uk"),
    "an officer told to serve a notice": ("Joe, please serve the abatement notice on the owner before Friday.", "joe.bloggs@kestrel.gov.uk"),
    "an officer told to apply for the Council": ("Please apply for a review of the premises licence on the Council's behalf.", "joe.bloggs@kestrel.gov.uk"),
    "conditional commitment": ("If the site is cleared the Council will withdraw the enforcement notice.", RESIDENT),
    "conditional, condition first with a comma": ("If your client clears the yard by 31 August, the Council will withdraw the notice.", RESIDENT),
    "passive commitment": ("£12,000 will be released to your group in April.", RESIDENT),
    "question to a contractor": ("Could you start the resurfacing on Monday?", CONTRACTOR),
    "we will, with a verb no list holds": ("We will repaint the railings on Church Walk next month.", RESIDENT),
    "a continued clause keeps its speaker": ("I am delighted to confirm that the Council will let you have the hall, and will pay for the stewarding.", RESIDENT),
    "the Borough by its short name": ("The Borough will meet the cost of replacing your fence panels.", RESIDENT),
    "the Council by its place name": ("Kestrel will cover all reasonable legal fees your tenants incur.", RESIDENT),
    "a promise to refrain": ("We won't charge your group for the use of the park.", RESIDENT),
    "a conditional promise to refrain from enforcement": ("As long as the shed comes down by the end of May, the Council will not take any enforcement action.", RESIDENT),
    "a conditional promise not to oppose": ("If you cut your opening hours to 11pm, the Council won't object to the renewal.", RESIDENT),
    "the councillor's own decision": ("I have decided to waive the hire charge for your group.", RESIDENT),
    "consider this my authorisation": ("Consider this my authorisation to order the new bins.", CONTRACTOR),
    "a promise to see a payment made": ("Send the quote to me and I'll make sure it's paid.", RESIDENT),
    "a negation in another clause refuses nothing": ("I am not surprised it has taken so long, but the Council will pay for the repair.", RESIDENT),
    "a hedge in another clause hedges nothing": ("Perhaps you could send me the photographs; the Council will replace the bin on Friday.", RESIDENT),
    "an adjective is no attribution": ("There is room in the approved budget, so the Council will pay for the new gate.", RESIDENT),
    "'my' later in the sentence is no personal request": ("Please pay the invoice from my ward budget.", "joe.bloggs@kestrel.gov.uk"),
}


@pytest.mark.parametrize("sentence, to", FLAGGED.values(), ids=FLAGGED.keys())
def test_commits_or_instructs(sentence, to):
    assert parties(from_tom(f"Dear all,\n\n{sentence}\n\nCllr Tom Bramley\n", to=to)) == {"tom.bramley@kestrel.gov.uk"}


NOT_FLAGGED = {
    "the Council will be aware": ("The Council will be aware of residents' concerns about the car park.", RESIDENT),
    "the Council is looking at": ("The Council is looking at options for the library.", RESIDENT),
    "a named body's decision reported": ("Cabinet approved £40,000 for the play area at its meeting on 4 March.", RESIDENT),
    "a committee's decision reported with its consequence": ("The Planning Committee resolved that the Council will serve a notice.", RESIDENT),
    "officers' statement reported": ("Officers tell me the Council will resurface Mill Lane in the spring.", RESIDENT),
    "casework question to an officer": ("Could you look into the potholes on Mill Lane?", "joe.bloggs@kestrel.gov.uk"),
    "casework request to an officer": ("Please chase Highways about the potholes on Mill Lane and report back.", "joe.bloggs@kestrel.gov.uk"),
    "a question to an officer": ("Could the Council pay for the repair?", "joe.bloggs@kestrel.gov.uk"),
    "an indirect question": ("Mrs Holroyd has asked me whether the Council will pay for the repair.", "joe.bloggs@kestrel.gov.uk"),
    "a refusal": ("I am sorry, but the Council cannot agree to pay for the damage.", RESIDENT),
    "a refusal of what was asked": ("I'm afraid the Council will not refund the parking charge.", RESIDENT),
    "the place as a place": ("Kestrel will be packed on carnival weekend and will see a lot of visitors.", RESIDENT),
    "a promise of the councillor's own action": ("I will raise this with the Clerk on Monday.", RESIDENT),
    "the councillor's own view": ("I hope the Council will fund the crossing.", RESIDENT),
    "a decision the Council has yet to take": ("If Cabinet agrees, the Council will fund the crossing.", RESIDENT),
    "a representation urging a Minister": ("I urge you to approve the bid in the autumn funding round.", "ministers@dft.gov.uk"),
    "a quoted promise is someone else's": ('The contractor said "the Council will pay for it", which is news to me.', RESIDENT),
    "another council's promise": ("The Parish Council will pay for the new bench.", RESIDENT),
}


@pytest.mark.parametrize("sentence, to", NOT_FLAGGED.values(), ids=NOT_FLAGGED.keys())
def test_does_not_commit_or_instruct(sentence, to):
    assert parties(from_tom(f"Dear all,\n\n{sentence}\n\nCllr Tom Bramley\n", to=to)) is None


def test_a_representation_to_a_minister_is_flagged_for_its_commitments():
    text = (
        "Dear Secretary of State,\n\nI urge you to approve the bid for the relief road.\n\nTo give you confidence, I can confirm "
        "that Kestrel Borough Council will contribute £3.2 million of match funding, will meet any cost overrun above the "
        "approved budget, and will begin construction in April 2026 if the bid is approved.\n\nYours sincerely,\n\n"
        "Councillor Jane Smith\nLeader of the Council\n"
    )
    assert parties(testing.letter(text, to=["ministers@dft.gov.uk"])) == {"jane.smith@kestrel.gov.uk"}


def test_a_representation_that_only_urges_is_not_flagged():
    text = "Dear Minister,\n\nI urge you to approve the bid. The road would take 9,000 vehicles a day out of the town.\n\nYours sincerely,\n\nCouncillor Jane Smith\n"
    assert parties(testing.letter(text, to=["ministers@dft.gov.uk"])) is None


# Author's own text ---------------------------------------------------------------------------


def test_answers_typed_inline_between_quoted_questions_are_the_authors(tmp_path):
    reply = from_tom_mime(
        f"Moor Roads <{CONTRACTOR}>", "Re: Mill Lane",
        "Answers below.\n\n> Can we start on site next week?\nYes, go ahead on Monday.\n\n"
        "> Who pays for the traffic lights?\nThe Council will pay for them.\n\nTom\n"
    )
    assert parties(eml(tmp_path, reply)) == {"tom.bramley@kestrel.gov.uk"}


def test_an_obligation_only_in_quoted_text_is_someone_elses(tmp_path):
    reply = from_tom_mime(RESIDENT, "Re: fence", "Thanks, noted.\n\nTom\n\n> The Council will pay for the fence.\n> Joe Bloggs\n")
    assert parties(eml(tmp_path, reply)) is None


def test_a_commitment_only_in_the_html_part_counts():
    """The readers add the lines only an HTML alternative holds after the plain part's text
    (with its sign-off); the rule reads them as the author's own text."""
    doc = from_tom("Dear Mrs Holroyd,\n\nThank you for your email.\n\nBest wishes\n\nTom Bramley\n")
    assert parties(doc) is None
    with_html_line = replace(doc, own_text=doc.own_text + "\n\nThe Council will pay for your fence.")
    assert parties(with_html_line) == {"tom.bramley@kestrel.gov.uk"}


def test_answers_typed_into_the_quoted_message_under_the_councillors_initials(tmp_path):
    reply = from_tom_mime(
        f"Moor Roads <{CONTRACTOR}>", "RE: Mill Lane resurfacing",
        "See my answers in your email below.\n\nTom\n\n"
        "From: Dave Moor <dave@moorroads.co.uk>\nSent: 28 February 2025 16:02\nTo: Tom Bramley\nSubject: Mill Lane resurfacing\n\n"
        "Dear Cllr Bramley,\n\nCan we start on site on Monday 10 March? [TB: yes, go ahead on the 10th]\n\n"
        "Will the Council pay for the traffic lights? [TB: the Council will pay for them]\n\nDave\n"
    )
    assert parties(eml(tmp_path, reply)) == {"tom.bramley@kestrel.gov.uk"}


def test_someone_elses_initials_in_the_quoted_message_are_not_the_councillors(tmp_path):
    reply = from_tom_mime(
        RESIDENT, "RE: Mill Lane",
        "Thanks, noted.\n\nTom\n\nFrom: Joe Bloggs <joe.bloggs@kestrel.gov.uk>\nSent: 28 February 2025 16:02\nTo: Tom Bramley\n"
        "Subject: Mill Lane\n\nCan we start on Monday? [JB: yes, go ahead]\n\nJoe\n"
    )
    assert parties(eml(tmp_path, reply)) is None
