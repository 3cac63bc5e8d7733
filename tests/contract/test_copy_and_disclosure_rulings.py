"""Contract cases for `silent-copy` and `confidential-regulatory-disclosure`.

One case per clause, ruling and failure class of ../shared/protocol-rules.md, each written
from the text of the rules, with its "not flagged" look-alike beside it. Cases that depend
on a file format (MIME alternatives, forward blocks, attached messages, Word and PDF page
headers) are built as real files and go through the real readers; the rest are built with
``correspondence_guard.testing``.
"""

from __future__ import annotations

import io
from email.message import EmailMessage

import docx
import pytest

from correspondence_guard import testing as t
from correspondence_guard.engine import Checker
from correspondence_guard.model import Envelope, Party
from correspondence_guard.policy import Councillor, Officer
from correspondence_guard.sources.email import parse_message
from correspondence_guard.sources.letters import read_letter

OFFICER = "Joe Bloggs <joe.bloggs@council.gov.uk>"
SMITH = "jane.smith@council.gov.uk"
SMITH_GMAIL = "janesmith62@gmail.com"
EVANS = "r.evans@council.gov.uk"
THORNBER = "m.thornber@council.gov.uk"
PRICE = "p.price@council.gov.uk"
RESIDENT = "angry.resident@example.com"
PARISH_CLERK = "clerk@hallowparish.org.uk"

REGISTER = t.register(
    councillors=[
        Councillor("Jane Smith", (SMITH, SMITH_GMAIL), ("Leader of the Council",)),
        Councillor("Robert Evans", (EVANS,), ("Deputy Leader of the Council",)),
        Councillor("Mary Thornber", (THORNBER,), ("Chair of the Planning Committee",)),
        Councillor("Peter Price", (PRICE,), ("Cabinet Member for Highways",)),
    ],
    officers=[Officer("Joe Bloggs", ("joe.bloggs@council.gov.uk",), "Planning Enforcement Officer")],
)
CHECKER = Checker(t.policy(REGISTER))

SIGN_OFF = "\n\nKind regards\n\nJoe Bloggs\nPlanning Enforcement Officer\nTest Borough Council\n"
NOISE = (
    "Dear Cllr Smith,\n\nThe noise abatement notice on The Plough was breached again on Saturday "
    "and we are preparing a prosecution for the statutory nuisance." + SIGN_OFF
)
DISCLAIMER = (
    "\n\nCONFIDENTIAL: This email and any attachments are intended solely for the addressee. "
    "If you have received it in error please notify the sender and delete it.\n"
)


def rules_fired(doc) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for finding in t.checked(CHECKER, doc):
        found.setdefault(finding.rule, set()).update(finding.parties)
    return found


def silent(doc) -> set[str] | None:
    return rules_fired(doc).get("silent-copy")


def disclosed(doc) -> set[str] | None:
    return rules_fired(doc).get("confidential-regulatory-disclosure")


def eml(sender, to, subject, text, **kw) -> bytes:
    """A sent message (dated, with a Message-ID), as the readers will see it."""
    return bytes(t.mime(sender, to, subject, text, date="Mon, 06 Oct 2025 09:00:00 +0100",
                              message_id="<contract@council.gov.uk>", **kw))


def read(raw: bytes):
    return parse_message(raw, "contract.eml")


def to_message(raw: bytes) -> EmailMessage:
    from email import message_from_bytes, policy

    return message_from_bytes(raw, policy=policy.default)


# --- silent-copy: the clause -------------------------------------------------------------


def test_officer_bcc_to_another_councillor_without_a_note_is_flagged():
    doc = t.email(OFFICER, to=[SMITH], bcc=[EVANS], text=NOISE)
    assert silent(doc) == {EVANS}


@pytest.mark.parametrize(
    "hidden",
    [
        pytest.param(dict(bcc=["joe2@council.gov.uk", RESIDENT]), id="bcc-to-officer-and-third-party-only"),
        pytest.param(dict(cc=[EVANS]), id="councillor-in-cc-is-visible"),
        pytest.param(dict(bcc=[SMITH_GMAIL]), id="same-councillor-at-another-address"),
    ],
)
def test_not_a_silent_copy(hidden):
    assert silent(t.email(OFFICER, to=[SMITH], text=NOISE, **hidden)) is None


def test_a_councillor_who_bccs_is_not_bound_by_the_clause():
    doc = t.email(f"Jane Smith <{SMITH}>", to=["joe.bloggs@council.gov.uk"], bcc=[EVANS], text="Joe, thanks.\n\nJane")
    assert silent(doc) is None


def test_delivered_copy_to_a_councillor_outside_to_and_cc_is_hidden():
    doc = t.email(OFFICER, to=[SMITH], text=NOISE, envelope=Envelope(delivered_to=(EVANS,)))
    assert silent(doc) == {EVANS}


def test_an_envelope_recipient_at_the_gateway_outside_to_and_cc_is_hidden():
    doc = t.email(OFFICER, to=[SMITH], text=NOISE, envelope=Envelope(recipients=(SMITH, EVANS)))
    assert silent(doc) == {EVANS}


# --- silent-copy: copy notes in every form of the rulings ---------------------------------


@pytest.mark.parametrize(
    "note",
    [
        "cc Cllr Robert Evans",
        "Copy: Councillor R. Evans",
        "Copied to: Cllr Evans",
        "Copied to:\nCouncillor Robert Evans",
        "(Cllr Evans is copied in)",
        "Cllr Evans is copied in for information.",
        "I am copying Cllr Evans as ward member.",
        "cc cllr evans",
        "BCC: Councillor Evans",
        "cc Deputy Leader",
        "cc: the Deputy Leader of the Council",
    ],
)
def test_a_copy_note_naming_the_hidden_councillor_makes_the_copy_open(note):
    doc = t.email(OFFICER, to=[SMITH], bcc=[EVANS], text=f"{NOISE}\n{note}\n")
    assert silent(doc) is None


@pytest.mark.parametrize(
    "text",
    [
        "I will brief Cllr Evans separately.",
        "I'll let Cllr Evans know later this week.",
        "I will forward this to Cllr Evans in due course.",
        "cc Cllr J. Evans",
        "cc Cllr Thornber",
        "cc Leader",
    ],
    ids=["promise-to-brief", "promise-to-tell", "promise-to-forward", "initial-of-someone-else", "other-councillor", "leader-is-not-deputy-leader"],
)
def test_what_is_not_a_note_for_the_hidden_councillor(text):
    doc = t.email(OFFICER, to=[THORNBER], bcc=[EVANS], text=f"{NOISE}\n{text}\n")
    assert silent(doc) == {EVANS}


def test_a_short_title_covers_the_councillor_whose_title_starts_with_it():
    doc = t.email(OFFICER, to=[EVANS], bcc=[THORNBER, SMITH], text=f"{NOISE}\ncc Chair, Leader\n")
    assert silent(doc) is None


HUGHES = "a.hughes@council.gov.uk"


@pytest.mark.parametrize(
    "note, hidden",
    [
        ("Copy to: Deputy Leader; Chair of Licensing and Regulatory", None),
        ("cc Chair of the Licensing and Regulatory Committee", None),
        ("Copy to: Deputy Leader; Chair of Planning", {HUGHES}),
    ],
    ids=["short-title-of-a-committee-of-several-words", "full-title", "another-committees-chair"],
)
def test_a_short_title_drops_the_committee_of_a_title_of_several_words(note, hidden):
    """"Chair of the Licensing and Regulatory Committee", shortened by its trailing qualifier
    the way "Chair of the Planning Committee" becomes "Chair of Planning"."""
    register = t.register(
        councillors=[*REGISTER.councillors, Councillor("Anne Hughes", (HUGHES,), ("Chair of the Licensing and Regulatory Committee",))],
        officers=REGISTER.officers,
    )
    doc = t.email(OFFICER, to=[SMITH], bcc=[HUGHES], text=f"{NOISE}\n{note}\n")
    found = {p for f in Checker(t.policy(register), only=("silent-copy",)).check(doc) for p in f.parties}
    assert (found or None) == hidden


def test_a_note_that_appears_only_in_the_html_part_counts():
    text = "Dear Cllr Smith,\n\nThe enforcement notice was served today." + SIGN_OFF
    html = "<html><body><p>Dear Cllr Smith,</p><p>The enforcement notice was served today.</p><p>cc Cllr Evans</p>" \
        "<p>Kind regards</p><p>Joe Bloggs<br>Planning Enforcement Officer</p></body></html>"
    with_note = read(eml(OFFICER, [SMITH], "Enforcement notice", text, bcc=[EVANS], html=html))
    without = read(eml(OFFICER, [SMITH], "Enforcement notice", text, bcc=[EVANS], html=html.replace("<p>cc Cllr Evans</p>", "")))
    assert silent(with_note) is None
    assert silent(without) == {EVANS}


def test_copied_to_as_a_row_of_an_html_header_table_is_a_note():
    table = (
        "<table><tr><td><p><b>To:</b></p></td><td><p>Cllr Jane Smith</p></td></tr>"
        "<tr><td><p><b>From:</b></p></td><td><p>Joe Bloggs</p></td></tr>"
        "<tr><td><p><b>Copied to:</b></p></td><td><p>Cllr Robert Evans</p></td></tr></table>"
    )
    html = f"<html><body>{table}<p>Dear Cllr Smith,</p><p>The enforcement notice was served today.</p>" \
        "<p>Kind regards</p><p>Joe Bloggs</p></body></html>"
    doc = read(eml(OFFICER, [SMITH], "Memo: enforcement", "", bcc=[EVANS], html=html))
    assert silent(doc) is None


# --- silent-copy: forwards ----------------------------------------------------------------

COUNCILLOR_ASKS = "Joe,\n\nWhen will the enforcement notice at Mill Lane be served?\n\nJane\n"
OUTLOOK_BLOCK = (
    "From: Smith, Jane (Cllr) <jane.smith@council.gov.uk>\nSent: 02 October 2025 22:13\n"
    "To: Bloggs, Joe <joe.bloggs@council.gov.uk>\nSubject: Mill Lane\n\n" + COUNCILLOR_ASKS
)
GMAIL_BLOCK = (
    "---------- Forwarded message ---------\nFrom: Joe Bloggs <joe.bloggs@council.gov.uk>\n"
    "Date: Thu, 2 Oct 2025 at 10:01\nSubject: Mill Lane\nTo: Cllr Mary Thornber <m.thornber@council.gov.uk>\n\n"
    "Dear Cllr Thornber,\n\nThe notice at Mill Lane will be served on Monday." + SIGN_OFF
)


def test_an_outlook_forward_of_a_councillors_email_to_another_councillor_is_silent():
    text = "Robert,\n\nFor your information, see below from Cllr Smith.\n\nJoe\n\n" + OUTLOOK_BLOCK
    assert silent(read(eml(OFFICER, [EVANS], "FW: Mill Lane", text))) == {EVANS}


def test_a_gmail_forward_to_a_councillors_personal_address_is_silent():
    text = "Jane, sending to your gmail as asked.\n\nJoe\n\n" + GMAIL_BLOCK
    assert silent(read(eml(OFFICER, [SMITH_GMAIL], "Fwd: Mill Lane", text))) == {SMITH_GMAIL}


def test_a_forward_that_includes_the_first_councillor_is_not_silent():
    text = "Robert, Jane,\n\nSee below.\n\nJoe\n\n" + OUTLOOK_BLOCK
    assert silent(read(eml(OFFICER, [EVANS], "FW: Mill Lane", text, cc=[SMITH]))) is None


def test_a_copy_note_does_not_cure_a_silent_forward():
    text = "Robert,\n\nSee below. cc Cllr Smith\n\nJoe\n\n" + OUTLOOK_BLOCK
    assert silent(read(eml(OFFICER, [EVANS], "FW: Mill Lane", text))) == {EVANS}


def test_a_forward_by_attached_message_is_a_forward():
    original = to_message(eml(f"Jane Smith <{SMITH}>", ["joe.bloggs@council.gov.uk"], "Mill Lane", COUNCILLOR_ASKS))
    doc = read(eml(OFFICER, [EVANS], "Mill Lane", "Robert,\n\nSee attached.\n\nJoe\n", attachments=[("m.eml", original)]))
    assert silent(doc) == {EVANS}


def test_a_fw_subject_makes_a_quoted_thread_a_forward():
    text = "Robert,\n\nFYI.\n\nJoe\n\nOn Thu, 2 Oct 2025 at 22:13, Jane Smith <jane.smith@council.gov.uk> wrote:\n" + "".join(
        f"> {line}\n" for line in COUNCILLOR_ASKS.splitlines()
    )
    assert silent(read(eml(OFFICER, [EVANS], "FW: Mill Lane", text))) == {EVANS}
    assert silent(read(eml(OFFICER, [EVANS], "RE: Mill Lane", text))) is None


def test_a_forwarded_header_showing_only_a_name_is_resolved_by_name():
    block = OUTLOOK_BLOCK.replace(" <jane.smith@council.gov.uk>", "").replace(" <joe.bloggs@council.gov.uk>", "")
    text = "Robert,\n\nSee below.\n\nJoe\n\n" + block
    assert silent(read(eml(OFFICER, [EVANS], "FW: Mill Lane", text))) == {EVANS}


# --- confidential-regulatory-disclosure: markings and where they sit ----------------------


def councillor_forwards(officer_mail, to=(RESIDENT,)):
    """Cllr Smith forwards the officer's correspondence to someone, with her own note."""
    return t.email(f"Jane Smith <{SMITH}>", to=list(to), text="See below.\n\nJane", nested=[t.forwarded(officer_mail)])


def officer_mail(subject="The Plough", text=NOISE, headers=(), to=(SMITH, EVANS), **kw):
    return t.email(OFFICER, to=list(to), subject=subject, text=text, headers=headers, **kw)


@pytest.mark.parametrize(
    "subject,text,headers",
    [
        ("The Plough - Confidential", NOISE, ()),
        ("CONFIDENTIAL - The Plough", NOISE, ()),
        ("The Plough [Private & Confidential]", NOISE, ()),
        ("The Plough", "Private & Confidential\n\n" + NOISE, ()),
        ("The Plough", "NOT FOR PUBLICATION\n\n" + NOISE, ()),
        ("The Plough", "strictly confidential\n\n" + NOISE, ()),
        ("The Plough", "OFFICIAL – SENSITIVE\n\n" + NOISE, ()),
        ("The Plough", "Not for onward transmission.\n\n" + NOISE, ()),
        ("The Plough", "Not for circulation outside the Licensing Sub-Committee.\n\n" + NOISE, ()),
        ("The Plough", "Confidential except to members of the Planning Committee\n\n" + NOISE, ()),
        ("The Plough", NOISE, (("Sensitivity", "Private"),)),
        ("The Plough", NOISE, (("Sensitivity", "Company-Confidential"),)),
        ("The Plough", NOISE, (("msip_labels", "MSIP_Label_1_Enabled=true; MSIP_Label_1_Name=OFFICIAL-SENSITIVE"),)),
    ],
)
def test_marked_regulatory_correspondence_sent_on_to_a_third_party_is_flagged(subject, text, headers):
    assert disclosed(councillor_forwards(officer_mail(subject, text, headers))) == {RESIDENT}


@pytest.mark.parametrize(
    "subject,text,headers",
    [
        ("The Plough", NOISE + DISCLAIMER, ()),
        ("The Plough", "OFFICIAL\n\n" + NOISE, (("msip_labels", "MSIP_Label_1_Enabled=true; MSIP_Label_1_Name=OFFICIAL"),)),
        ("The Plough", NOISE, (("Sensitivity", "Personal"),)),
        ("The Plough", NOISE.replace("Saturday", "Saturday; I cannot discuss confidential legal advice"), ()),
        ("Confidential matters at The Plough", NOISE, ()),
    ],
    ids=["disclaimer", "official-alone", "sensitivity-personal", "passing-use", "word-in-a-subject"],
)
def test_what_is_not_a_marking(subject, text, headers):
    assert disclosed(councillor_forwards(officer_mail(subject, text, headers))) is None


def test_a_marking_only_on_the_councillors_covering_note_does_not_count():
    note = t.email(f"Jane Smith <{SMITH}>", to=[RESIDENT], subject="CONFIDENTIAL - fwd The Plough",
                   text="PRIVATE AND CONFIDENTIAL\n\nSee below.\n\nJane", nested=[t.forwarded(officer_mail())])
    assert disclosed(note) is None


def test_circulation_among_councillors_and_officers_only_is_not_flagged():
    doc = councillor_forwards(officer_mail("The Plough - Confidential"), to=(EVANS, "joe.bloggs@council.gov.uk"))
    assert disclosed(doc) is None


def test_a_delivered_to_third_party_counts_as_a_recipient():
    doc = officer_mail("The Plough - Confidential", envelope=Envelope(delivered_to=(RESIDENT,)))
    assert disclosed(doc) == {RESIDENT}


@pytest.mark.parametrize("header", ["Delivered-To", "X-Original-To"])
def test_a_stored_delivered_copy_to_a_third_party_counts_as_sent_to_them(header):
    raw = eml(f"Jane Smith <{SMITH}>", [EVANS], "Fwd: The Plough - Confidential", "Robert, see below.\n\nJane\n\n"
              "---------- Forwarded message ---------\nFrom: Joe Bloggs <joe.bloggs@council.gov.uk>\n"
              "Subject: The Plough - Confidential\nTo: Jane Smith <jane.smith@council.gov.uk>\n\n" + NOISE,
              headers=[(header, RESIDENT)])
    assert disclosed(read(raw)) == {RESIDENT}
    assert disclosed(read(raw.replace(f"{header}: {RESIDENT}".encode(), f"{header}: {EVANS}".encode()))) is None


def test_sensitivity_private_on_a_sent_items_copy_with_a_third_party_in_bcc():
    raw = eml(OFFICER, [SMITH, EVANS], "Canal Wharf (25/00302/OUT)", "Dear Cllr Smith,\n\nThe viability figures "
              "are below." + SIGN_OFF, bcc=["agent@planningagents.co.uk"], headers=[("Sensitivity", "Private")])
    assert disclosed(read(raw)) == {"agent@planningagents.co.uk"}


def test_sensitivity_private_on_an_attached_message():
    original = to_message(eml(OFFICER, [SMITH], "The Plough", NOISE, headers=[("Sensitivity", "Private")]))
    doc = read(eml(f"Jane Smith <{SMITH}>", [RESIDENT], "The Plough", "See attached.\n\nJane", attachments=[("p.eml", original)]))
    assert disclosed(doc) == {RESIDENT}
    unmarked = to_message(eml(OFFICER, [SMITH], "The Plough", NOISE, headers=[("Sensitivity", "Personal")]))
    doc = read(eml(f"Jane Smith <{SMITH}>", [RESIDENT], "The Plough", "See attached.\n\nJane", attachments=[("p.eml", unmarked)]))
    assert disclosed(doc) is None


def _docx(body: str, header: str = "", footer: str = "") -> bytes:
    document = docx.Document()
    document.add_paragraph(body)
    section = document.sections[0]
    section.header.paragraphs[0].text = header
    section.footer.paragraphs[0].text = footer
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _pdf(lines: list[str]) -> bytes:
    """A one-page PDF with one line of text per entry, top to bottom."""
    y = 800
    stream = "BT /F1 11 Tf 72 {} Td ".format(y)
    for index, line in enumerate(lines):
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        stream += ("" if index == 0 else "0 -{} Td ".format(700 // max(len(lines) - 1, 1))) + f"({escaped}) Tj "
    stream += "ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def test_the_pdf_helper_makes_a_readable_letter():
    letter = read_letter(_pdf(["OFFICIAL-SENSITIVE", "Dear Councillor", "Regards"]), "x.pdf", "x.pdf")
    assert "OFFICIAL-SENSITIVE" in letter.marks


def test_a_marking_only_in_the_footer_of_an_attached_docx():
    body = "Briefing note for ward members: the enforcement notice on the Mill Lane breach of planning control."
    for footer, expected in (("CONFIDENTIAL - not for circulation", {RESIDENT}), ("Page 1 of 1", None)):
        briefing = eml(OFFICER, [SMITH, EVANS], "Mill Lane briefing", "Dear Councillors,\n\nNote attached." + SIGN_OFF,
                       attachments=[("briefing.docx", _docx(body, footer=footer))])
        doc = read(eml(f"Jane Smith <{SMITH}>", [RESIDENT], "Fwd: Mill Lane", "See attached.\n\nJane",
                       attachments=[("briefing.eml", to_message(briefing))]))
        assert disclosed(doc) == expected, footer


def test_a_marking_in_the_page_header_of_a_pdf_inside_a_forwarded_message():
    pdf = _pdf(["NOT FOR PUBLICATION", "Briefing: premises licence review of The Plough, noise nuisance.", "Page 1"])
    briefing = eml(OFFICER, [SMITH, EVANS], "The Plough briefing", "Dear Councillors,\n\nNote attached." + SIGN_OFF,
                   attachments=[("briefing.pdf", pdf)])
    doc = read(eml(f"Jane Smith <{SMITH}>", [RESIDENT], "Fwd: The Plough", "See attached.\n\nJane",
                   attachments=[("briefing.eml", to_message(briefing))]))
    assert disclosed(doc) == {RESIDENT}


# --- confidential-regulatory-disclosure: what is a regulatory matter ----------------------


@pytest.mark.parametrize(
    "body",
    [
        "Dear Cllr Smith,\n\nThe fly-tipping on Back Lane has been traced and we will issue a fixed penalty.",
        "Dear Cllr Smith,\n\nBuilding control have found a dangerous structure at 4 Mill Lane.",
        "Dear Cllr Smith,\n\nTrading standards are investigating a rogue trader in Hallow.",
        "Dear Cllr Smith,\n\nThe taxi driver's licence has been suspended pending the hearing.",
    ],
    ids=["environmental-crime", "building-control", "trading-standards", "taxi-licensing"],
)
def test_enforcement_of_any_regulatory_regime_is_regulatory(body):
    assert disclosed(councillor_forwards(officer_mail("CONFIDENTIAL", body + SIGN_OFF))) == {RESIDENT}


@pytest.mark.parametrize(
    "body",
    [
        "Dear Cllr Smith,\n\nThe terms of the new licence to occupy the community hall: a three-year licence at "
        "a licence fee of £2,400 a year.",
        "Dear Cllr Smith,\n\nThe hall hire charges for the club will rise in April under the new hire agreement.",
        "Dear Cllr Smith,\n\nThe lease of the depot to the bus company ends in March; a rent review is due.",
        "Dear Cllr Smith,\n\nThe office move for the team goes ahead in May; staff have been told.",
        "Dear Cllr Smith,\n\nThe tender for the grounds maintenance contract closes on Friday; the procurement "
        "timetable is attached.",
    ],
    ids=["licence-to-occupy", "hall-hire", "lease", "staffing", "contract"],
)
def test_the_councils_own_property_contracts_and_staffing_are_not_regulatory(body):
    assert disclosed(councillor_forwards(officer_mail("CONFIDENTIAL", body + SIGN_OFF))) is None


def test_a_job_title_in_the_signature_does_not_make_the_subject_regulatory():
    body = ("Dear Cllr Smith,\n\nThe office move for the team goes ahead in May.\n\nKind regards\n\nAnn Lee\n"
            "Licensing and Environmental Health Manager\nTest Borough Council\n")
    mail = t.email("Ann Lee <ann.lee@council.gov.uk>", to=[SMITH], subject="CONFIDENTIAL", text=body)
    assert disclosed(councillor_forwards(mail)) is None


# --- confidential-regulatory-disclosure: who is an officer, who a third party -------------


def test_another_councils_officer_is_a_third_party_as_author():
    body = "Dear Cllr Smith,\n\nThe parish objects to the planning application at Mill Lane.\n\nRegards\n\nAnn Clerk\nClerk to Hallow Parish Council\n"
    by_address = t.email(f"Ann Clerk <{PARISH_CLERK}>", to=[SMITH], subject="CONFIDENTIAL", text=body)
    by_name_only = t.email(Party(name="Ann Clerk"), to=[SMITH], subject="CONFIDENTIAL", text=body)
    ours = t.email(Party(name="Joe Bloggs"), to=[SMITH], subject="CONFIDENTIAL", text=body.replace("Hallow Parish", "Test Borough"))
    assert disclosed(councillor_forwards(by_address)) is None
    assert disclosed(councillor_forwards(by_name_only)) is None
    assert disclosed(councillor_forwards(ours)) == {RESIDENT}


def test_another_councils_officer_is_a_third_party_as_recipient():
    assert disclosed(councillor_forwards(officer_mail("CONFIDENTIAL"), to=(PARISH_CLERK,))) == {PARISH_CLERK}


def test_an_officers_own_correspondence_with_a_complainant_is_not_covered():
    mail = t.email(OFFICER, to=[RESIDENT], cc=[SMITH], subject="CONFIDENTIAL - The Plough",
                   text="Dear Mr Angry,\n\nThe noise nuisance at The Plough is being investigated." + SIGN_OFF)
    assert disclosed(mail) is None


# --- further forms of the same rulings -----------------------------------------------------


@pytest.mark.parametrize(
    "text,marked",
    [
        (NOISE + "\n\nCONFIDENTIAL\n\nIf you have received this email in error please notify the sender.\n", False),
        ("CONFIDENTIAL - NOT FOR CIRCULATION. This note is intended only for members of the Planning Committee.\n\n" + NOISE, True),
        ("Classification: OFFICIAL-SENSITIVE\n\n" + NOISE, True),
        ("Classification: OFFICIAL\n\n" + NOISE, False),
    ],
    ids=["heading-of-a-disclaimer", "marking-with-its-own-audience", "classification-label", "classification-official"],
)
def test_a_marking_line_and_a_disclaimer_heading(text, marked):
    expected = {RESIDENT} if marked else None
    assert disclosed(councillor_forwards(officer_mail("The Plough", text))) == expected


@pytest.mark.parametrize(
    "mark,marked",
    [("Page 1 of 2 | CONFIDENTIAL", True), ("Confidential: if you have received this in error, tell the sender", False),
     ("Test Borough Council | Page 1", False)],
)
def test_page_header_or_footer_marks(mark, marked):
    briefing = t.letter("Briefing for ward members on the breach of planning control at Mill Lane." + SIGN_OFF,
                        sender=None, to=[SMITH], marks=[mark])
    expected = {RESIDENT} if marked else None
    assert disclosed(councillor_forwards(briefing)) == expected


def test_sensitivity_values_in_any_spacing():
    assert disclosed(councillor_forwards(officer_mail(headers=(("Sensitivity", "company confidential"),)))) == {RESIDENT}


def test_a_councillors_own_marked_covering_letter_does_not_mark_what_it_encloses():
    officer = officer_mail("The Plough")
    covering = t.letter("Dear Mr Angry,\n\nI enclose the officer's note.\n\nYours sincerely\n\nCllr Jane Smith\n",
                        to=[RESIDENT], marks=["CONFIDENTIAL"], nested=[t.forwarded(officer)])
    briefing = t.letter("Briefing note for members\n\nKind regards\n\nJoe Bloggs\nPlanning Enforcement Officer\n",
                        to=[RESIDENT], marks=["CONFIDENTIAL"], nested=[t.forwarded(officer)])
    assert disclosed(covering) is None
    assert disclosed(briefing) == {RESIDENT}


def test_hire_terms_and_conditions_are_not_regulatory():
    body = "Dear Cllr Smith,\n\nThe terms and conditions of hire for the community hall change in April; the conditions are attached."
    assert disclosed(councillor_forwards(officer_mail("CONFIDENTIAL", body + SIGN_OFF))) is None


def test_a_forward_subject_behind_a_mail_system_tag():
    text = "Robert,\n\nFYI.\n\nJoe\n\nOn Thu, 2 Oct 2025 at 22:13, Jane Smith <jane.smith@council.gov.uk> wrote:\n" + "".join(
        f"> {line}\n" for line in COUNCILLOR_ASKS.splitlines()
    )
    assert silent(read(eml(OFFICER, [EVANS], "[EXTERNAL] FW: Mill Lane", text))) == {EVANS}


@pytest.mark.parametrize(
    "note,is_note",
    [
        ("I'm copying Cllr Evans for information.", True),
        ("I’ve also sent this to Cllr Evans.", True),
        ("I have shared this with Councillor Evans.", True),
        ("I will copy this to Cllr Evans tomorrow.", False),
        ("I'll share this with Cllr Evans once the notice is served.", False),
    ],
)
def test_notes_in_other_words_and_promises(note, is_note):
    doc = t.email(OFFICER, to=[SMITH], bcc=[EVANS], text=f"{NOISE}\n{note}\n")
    assert silent(doc) == (None if is_note else {EVANS})


def test_a_forwarded_header_name_with_a_middle_initial_is_still_resolved():
    block = OUTLOOK_BLOCK.replace("Smith, Jane (Cllr) <jane.smith@council.gov.uk>", "Cllr Jane M. Smith")
    text = "Robert,\n\nSee below.\n\nJoe\n\n" + block
    assert silent(read(eml(OFFICER, [EVANS], "FW: Mill Lane", text))) == {EVANS}


@pytest.mark.parametrize("note,covered", [("cc Chair of Planning", True), ("cc Chair of Licensing", False)])
def test_a_title_shortened_inside_its_qualifier(note, covered):
    doc = t.email(OFFICER, to=[SMITH], bcc=[THORNBER], text=f"{NOISE}\n{note}\n")
    assert silent(doc) == (None if covered else {THORNBER})


def test_a_forward_whose_headers_are_an_html_table_is_a_forward():
    rows = "".join(
        f"<tr><td><p><b>{label}</b></p></td><td><p>{value}</p></td></tr>"
        for label, value in (("From:", "Smith, Jane (Cllr) &lt;jane.smith@council.gov.uk&gt;"), ("Sent:", "02 October 2025 22:13"),
                             ("To:", "Bloggs, Joe &lt;joe.bloggs@council.gov.uk&gt;"), ("Subject:", "Mill Lane"))
    )
    html = f"<html><body><p>Robert,</p><p>See below.</p><p>Joe</p><hr><table>{rows}</table>" \
        "<p>Joe,</p><p>When will the enforcement notice at Mill Lane be served?</p><p>Jane</p></body></html>"
    raw = eml(OFFICER, [EVANS], "FW: Mill Lane", "", html=html)
    assert silent(read(raw)) == {EVANS}
    assert silent(read(eml(OFFICER, [EVANS], "FW: Mill Lane", "", cc=[SMITH], html=html))) is None


def test_a_subject_marking_behind_a_mail_system_tag():
    assert disclosed(councillor_forwards(officer_mail("[External] Confidential - The Plough"))) == {RESIDENT}


@pytest.mark.parametrize("subject,expected", [("RE: CONFIDENTIAL - The Plough", {RESIDENT}), ("RE: The Plough", None)])
def test_a_quoted_officer_email_keeps_the_threads_subject(subject, expected):
    quoted = "".join(f"> {line}\n" for line in NOISE.splitlines())
    text = f"Mr Angry,\n\nSee what the officer told me.\n\nJane\n\nOn Thu, 2 Oct 2025 at 10:01, Joe Bloggs <joe.bloggs@council.gov.uk> wrote:\n{quoted}"
    doc = read(eml(f"Jane Smith <{SMITH}>", [RESIDENT], subject, text))
    assert disclosed(doc) == expected


def test_a_note_in_prose_names_only_whom_its_clause_names():
    text = f"{NOISE}\nI have sent the notice to the owner; Cllr Evans asked about it last week.\n"
    assert silent(t.email(OFFICER, to=[SMITH], bcc=[EVANS], text=text)) == {EVANS}


def test_a_two_line_pdf_footer_is_read_as_a_footer():
    pdf = _pdf(["Test Borough Council", "Briefing: breach of planning control at Mill Lane, enforcement notice.",
                "Further text of the briefing.", "Ref BN/24 | CONFIDENTIAL", "Page 1 of 1"])
    briefing = eml(OFFICER, [SMITH, EVANS], "Mill Lane briefing", "Dear Councillors,\n\nNote attached." + SIGN_OFF,
                   attachments=[("briefing.pdf", pdf)])
    doc = read(eml(f"Jane Smith <{SMITH}>", [RESIDENT], "Fwd: Mill Lane", "See attached.\n\nJane",
                   attachments=[("briefing.eml", to_message(briefing))]))
    assert disclosed(doc) == {RESIDENT}
