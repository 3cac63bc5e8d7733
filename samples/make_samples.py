#!/usr/bin/env python3
"""Writes the sample correspondence of the fictional Pendle Brook Borough Council.

The samples are committed; this script is how they were made, so that a change to one
is a change to its text here, not an edit of MIME by hand. Run it from anywhere:
``python samples/make_samples.py``. It needs python-docx (a dependency of the project).
Every person, address and telephone number is invented; numbers are in Ofcom's drama range.
"""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import format_datetime
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOMAIN = "pendlebrook.gov.uk"

CRABTREE = "Martin Crabtree <martin.crabtree@pendlebrook.gov.uk>"
WHITTAKER = "Joanne Whittaker <joanne.whittaker@pendlebrook.gov.uk>"
OKAFOR = "Sam Okafor <sam.okafor@pendlebrook.gov.uk>"
ASHWORTH = "Cllr Rachel Ashworth <rachel.ashworth@pendlebrook.gov.uk>"
QURESHI = "Cllr Imran Qureshi <imran.qureshi@pendlebrook.gov.uk>"
QURESHI_HOME = "Imran Qureshi <imranqureshi.ward@gmail.com>"
THORNBER = "Cllr Gwen Thornber <gwen.thornber@pendlebrook.gov.uk>"
HARGREAVES = "Cllr Peter Hargreaves <peter.hargreaves@pendlebrook.gov.uk>"
BEGUM = "Cllr Aisha Begum <aisha.begum@pendlebrook.gov.uk>"
MEMBERS = "All Members <members@pendlebrook.gov.uk>"


def message(name, sender, to, subject, body, when, cc=(), bcc=(), headers=()):
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = ", ".join(to)
    if cc:
        msg["Cc"] = ", ".join(cc)
    if bcc:
        # A sender's copy from Sent Items keeps the Bcc header: that is what an audit sees.
        msg["Bcc"] = ", ".join(bcc)
    msg["Subject"] = subject
    msg["Date"] = format_datetime(datetime(*when, tzinfo=timezone.utc))
    msg["Message-ID"] = f"<{name}.{when[0]}{when[1]:02d}{when[2]:02d}@{DOMAIN}>"
    for key, value in headers:
        msg[key] = value
    msg.set_content(body.strip() + "\n")
    (HERE / "mail" / f"{name}.eml").write_bytes(bytes(msg))


def mail() -> None:
    message(
        "01-silent-bcc-enforcement-update",
        CRABTREE, [THORNBER],
        "RE: Hardstanding at 22 Cotton Row",
        """
Dear Councillor Thornber,

Thank you for your email of Monday about the hardstanding at 22 Cotton Row.

I visited the site on Wednesday. The area of hardstanding is larger than permitted
development allows, so I have written to the owner asking for a retrospective planning
application within 28 days. If none arrives I will report back on the options.

I will let you know as soon as I hear from the owner.

Kind regards

Martin Crabtree
Planning Enforcement Officer
Pendle Brook Borough Council
01632 960412
""",
        (2025, 3, 6, 10, 14),
        bcc=[HARGREAVES],
    )
    message(
        "02-bcc-with-copy-note",
        OKAFOR, [QURESHI],
        "Ward surgery, Brookside Library, 12 April",
        """
Hi Imran,

The meeting room at Brookside Library is booked for your ward surgery on Saturday
12 April, 10am to 12 noon. The library will put a notice up the week before, and I've
asked them to have the hearing loop switched on.

As you asked, I've copied this to your ward colleague.

cc Cllr Begum

Best wishes,
Sam

Sam Okafor | Democratic Services Officer | Pendle Brook Borough Council | 01632 960587
""",
        (2025, 3, 18, 15, 2),
        bcc=[BEGUM],
    )
    message(
        "03-bcc-all-members",
        WHITTAKER, [QURESHI],
        "Taxi licensing policy review - your questions",
        """
Dear Cllr Qureshi

Thanks for your questions on the draft taxi and private hire licensing policy.

1. The proposed age limit for vehicles would apply to new licences only; existing
   vehicles keep their licence until it next falls due.
2. The consultation closes on 30 May. Responses from drivers' associations will be
   summarised for the Licensing Committee in June.
3. The knowledge test is unchanged.

Happy to talk it through if that would help.

Regards

Joanne Whittaker
Licensing Manager
""",
        (2025, 4, 2, 9, 40),
        bcc=[MEMBERS],
    )
    message(
        "04-leader-instructs-contractor",
        ASHWORTH, ["Dales Groundworks Ltd <estimating@dalesgroundworks.co.uk>"],
        "Brookside Community Centre car park",
        """
Dear Mr Pickup,

Thank you for coming out to look at the car park at Brookside Community Centre.

Your quotation of £18,400 for planing off and resurfacing the car park is accepted.
Please start on Monday 5 May so the work is finished before the summer fair, and
the Council will pay your invoice in full on completion.

Best wishes,

Cllr Rachel Ashworth
Leader of the Council
""",
        (2025, 4, 14, 19, 55),
    )
    message(
        "05-councillor-bccs-colleague",
        QURESHI_HOME, [OKAFOR],
        "Question for Full Council - street lighting on Weavers Lane",
        """
Sam,

Could you tell me the deadline for written questions for the Full Council meeting
on 21 May? Residents on Weavers Lane have been in touch about the lights that were
switched to part-night, and I'd like to ask the portfolio holder when they will be
reviewed.

Also, could you let me have a copy of the report that went to Cabinet in January on
the part-night lighting programme?

Thanks,
Imran
""",
        (2025, 4, 22, 21, 12),
        bcc=[THORNBER],
    )
    message(
        "06-confidential-enforcement-forwarded-to-complainant",
        BEGUM, ["Dave Holt <dave.holt58@gmail.com>"],
        "FW: CONFIDENTIAL - Enforcement update, 14 Mill Street",
        """
Dave,

See below - this is where things stand with next door. I know it's slow, but
it is moving.

Aisha

-----Original Message-----
From: Martin Crabtree <martin.crabtree@pendlebrook.gov.uk>
Sent: 02 May 2025 16:31
To: Cllr Aisha Begum <aisha.begum@pendlebrook.gov.uk>; Cllr Gwen Thornber <gwen.thornber@pendlebrook.gov.uk>
Subject: CONFIDENTIAL - Enforcement update, 14 Mill Street

CONFIDENTIAL

Dear Councillors,

An update on the enforcement case at 14 Mill Street, for your information only.

The owner has now submitted a planning application for the rear extension, and has
told us the rear windows will be obscure-glazed. Our view is that the extension as built
is unlikely to be approved in its current form; if the application is refused we will
consider serving an enforcement notice. Please do not share the detail of this with the
neighbours while the application is live.

Regards

Martin Crabtree
Planning Enforcement Officer
""",
        (2025, 5, 3, 8, 5),
    )
    message(
        "07-unmarked-planning-update-to-complainant",
        CRABTREE, ["Mrs Lorraine Pilling <lpilling@brookmail.co.uk>"],
        "Your complaint: noise from the unit at Calder Works",
        """
Dear Mrs Pilling,

Thank you for your patience while we looked into your complaint about noise at night
from the unit at Calder Works.

Colleagues in Environmental Health installed recording equipment at your home from
14 to 28 April. They are assessing the recordings now and will decide within two weeks
whether the noise amounts to a statutory nuisance. On the planning side, the unit's
permission limits deliveries to 7am to 7pm, and I have written to the operator to remind
them of that condition.

I have copied Councillor Thornber, your ward councillor, who asked to be kept informed.

Yours sincerely,

Martin Crabtree
Planning Enforcement Officer
Pendle Brook Borough Council
""",
        (2025, 5, 7, 11, 20),
        cc=[THORNBER],
    )
    message(
        "08-confidential-licensing-among-councillors",
        HARGREAVES, [ASHWORTH, BEGUM],
        "Fwd: Private and Confidential: Premises licence review, The Fleece, Market Street",
        """
Rachel, Aisha -

Forwarding Joanne's note below ahead of Thursday so you both have the background.
It is marked confidential, so it stays between the three of us.

Peter

---------- Forwarded message ---------
From: Joanne Whittaker <joanne.whittaker@pendlebrook.gov.uk>
Date: Mon, 12 May 2025 at 09:15
Subject: Private and Confidential: Premises licence review, The Fleece, Market Street
To: Cllr Peter Hargreaves <peter.hargreaves@pendlebrook.gov.uk>

PRIVATE AND CONFIDENTIAL

Dear Cllr Hargreaves,

Lancashire Constabulary have applied for a review of the premises licence at The Fleece,
Market Street, following two serious incidents in April. The hearing is provisionally
set for 5 June. Because you chair the sub-committee, please do not discuss the
merits with the licence holder or with residents before the hearing.

Kind regards,
Joanne Whittaker
Licensing Manager
""",
        (2025, 5, 12, 17, 48),
    )


def letters() -> None:
    (HERE / "letters" / "09-leader-commits-grant.txt").write_text(
        """Pendle Brook Borough Council
Town Hall, Market Street, Pendle Brook PB1 1AA

Ms Carol Duckworth
Chair, Brookside Youth Club
The Old Chapel, Canal Street
Pendle Brook PB3 4EQ

17 March 2025

Dear Ms Duckworth,

Brookside Youth Club - summer programme

It was a pleasure to meet the young people at the club last week, and to hear how much
the summer programme means to families on the estate.

I am pleased to confirm that the Council will provide a grant of £5,000 towards the
programme this year, and we will also cover the hire of the sports hall at Brookside
Leisure Centre on Tuesday evenings from June to August. Please send your bank details
to the Council so that the first payment can be made in April.

Yours sincerely,

Councillor Rachel Ashworth
Leader of the Council
""",
        encoding="utf-8",
    )
    (HERE / "letters" / "10-councillor-views-and-refusal.txt").write_text(
        """Cllr Gwen Thornber
Member for Brookside Ward
gwen.thornber@pendlebrook.gov.uk

Mr Alan Greenwood
Secretary, Canal Side Allotment Association
By email

9 April 2025

Dear Mr Greenwood,

Fencing at Canal Side allotments

Thank you for showing me round on Saturday. I saw for myself the damage to the fencing
along the towpath, and I understand why plot holders are worried after the break-ins.

I have to be straight with you: the Council cannot agree to pay for a new fence this
year. At its meeting on 26 February the Council resolved to hold allotment spending at
last year's level, and that decision stands until the budget is next set.

For my part, I think the Association has a strong case, and I will raise it with the
Head of Parks and ask whether the fencing can be considered for next year's programme.
You may also want to apply to the Community Chest fund, which opens in May; I would be
glad to support an application.

Best wishes,

Gwen Thornber
Councillor, Brookside Ward
""",
        encoding="utf-8",
    )
    (HERE / "letters" / "11-officer-signed-notice-letter.txt").write_text(
        """PENDLE BROOK BOROUGH COUNCIL
Planning and Regulatory Services

Our ref: ENF/25/0142

The Owner/Occupier
7 Weavers Lane
Pendle Brook PB2 6LT

20 May 2025

Dear Sir or Madam,

Unauthorised advertisement hoarding, 7 Weavers Lane

The advertisement hoarding on the gable wall of 7 Weavers Lane does not have
advertisement consent. You must remove the hoarding within 28 days of the date of this
letter. If it has not been removed by then, the Council will consider prosecution under
the Town and Country Planning (Control of Advertisements) (England) Regulations 2007.

If you would like to discuss this, please ring me on 01632 960412.

Yours faithfully,

Martin Crabtree
Planning Enforcement Officer
""",
        encoding="utf-8",
    )
    minister_letter()


def minister_letter() -> None:
    """A representation to a Minister over the Leader's name: allowed, it commits nothing."""
    import docx

    document = docx.Document()
    document.core_properties.author = "Pendle Brook Borough Council"
    document.core_properties.title = "Rural bus services"
    paragraphs = [
        "Pendle Brook Borough Council",
        "Town Hall, Market Street, Pendle Brook PB1 1AA",
        "",
        "The Rt Hon the Secretary of State for Transport",
        "Department for Transport",
        "Great Minster House",
        "33 Horseferry Road",
        "London SW1P 4DR",
        "",
        "28 April 2025",
        "",
        "Dear Secretary of State,",
        "",
        "Rural bus services in Pendle Brook",
        "",
        "I am writing on behalf of the residents of Pendle Brook to ask the Government to "
        "restore the rural bus grant that supported the 27 and 28 services to the upland villages.",
        "",
        "Since the grant ended in January, the 28 has been cut to two journeys a day and the "
        "Sunday service has gone altogether. Older residents in Higher Clough and Salter Fold "
        "tell me they can no longer reach the hospital in Burnside without a taxi they cannot "
        "afford, and the sixth-form college reports that students from the villages are missing lessons.",
        "",
        "I urge you to reinstate the grant in this year's settlement, and I would welcome the "
        "chance to meet you or your officials to explain the position.",
        "",
        "Yours sincerely,",
        "",
        "Councillor Rachel Ashworth",
        "Leader of the Council",
    ]
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(HERE / "letters" / "12-minister-representation-buses.docx")


def main() -> None:
    (HERE / "mail").mkdir(exist_ok=True)
    (HERE / "letters").mkdir(exist_ok=True)
    mail()
    letters()


if __name__ == "__main__":
    main()
