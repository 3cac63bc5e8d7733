#!/usr/bin/env python3
"""Rebuild the Thornbury Fen Council labelled correspondence corpus.

A fictional large English unitary council: fourteen councillors, two council mail domains
(thornburyfen.gov.uk and tfcouncil.org.uk), only three officers named in the register (the
rest are officers because they write from a council domain), and distribution lists, one of
which reaches every councillor. Every person, address, case and telephone number is invented
(numbers are in Ofcom's drama ranges: 01632 960xxx, 07700 900xxx).

    . ../../../.venv/bin/activate                    # python-docx and PyYAML
    python make_corpus.py            # rebuild everything, then check it
    python make_corpus.py --check    # only check what is on disk

It writes, beside itself: messages/*.eml, letters/*.txt|*.docx, policy.yaml, labels.yaml and
README.md. Generation is deterministic (fixed dates, ids, MIME boundaries, zip timestamps).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))   # tests/corpora, for corpus_kit
sys.dont_write_bytecode = True   # no tests/corpora/__pycache__: tests/test_corpus.py takes every folder for a corpus

import corpus_kit as kit  # noqa: E402
from corpus_kit import (CF, OB, SC, Letter, cf, gmail_reply_attr, received, sc, sig,  # noqa: E402
                        when)


HERE = Path(__file__).resolve().parent
COUNCIL = "Thornbury Fen Council"
DOMAINS = ["thornburyfen.gov.uk", "tfcouncil.org.uk"]
OFFICE_ADDRESS = ["Fen House", "Market Place", "Thornbury Fen", "PE99 2TF"]
OFFICE_PHONE = "01632 960100"

# key: (name, [emails; the first is the party of a councillor-obligation finding], [titles])
COUNCILLORS = {
    "fairbrother": ("Andrew Fairbrother",
                    ["andrew.fairbrother@thornburyfen.gov.uk", "cllr.fairbrother@tfcouncil.org.uk",
                     "a.fairbrother1959@gmail.com"], ["Leader of the Council"]),
    "okafor": ("Grace Okafor", ["grace.okafor@thornburyfen.gov.uk"],
               ["Deputy Leader of the Council", "Cabinet Member for Housing"]),
    "whitmore": ("Simon Whitmore", ["simon.whitmore@thornburyfen.gov.uk", "simonwhitmore.fen@outlook.com"],
                 ["Cabinet Member for Environment and Waste"]),
    "haldane": ("Rosalind Haldane", ["rosalind.haldane@thornburyfen.gov.uk"],
                ["Chair of the Licensing and Regulatory Committee"]),
    "patel": ("Vikram Patel", ["vikram.patel@thornburyfen.gov.uk", "vpatel.thornbury@gmail.com"], []),
    "cashby": ("Claire Ashby", ["claire.ashby@thornburyfen.gov.uk"], []),
    "mashby": ("Martin Ashby", ["martin.ashby@thornburyfen.gov.uk", "m.ashby62@btinternet.com"], []),
    "kowalski": ("Ewa Kowalski", ["ewa.kowalski@thornburyfen.gov.uk"], []),
    "greenhalgh": ("Tobias Greenhalgh", ["tobias.greenhalgh@thornburyfen.gov.uk"], ["Chair of Planning Committee"]),
    "nuttall": ("Sandra Nuttall", ["sandra.nuttall@tfcouncil.org.uk"], []),
    "obrien": ("Declan O'Brien", ["declan.obrien@thornburyfen.gov.uk", "declanobrien.ward@hotmail.com"], []),
    "fisher": ("Harriet Fisher", ["harriet.fisher@thornburyfen.gov.uk"], ["Chair of the Council"]),
    "mensah": ("Kwame Mensah", ["kwame.mensah@thornburyfen.gov.uk"], ["Cabinet Member for Communities"]),
    "reddy": ("Pauline Reddy", ["pauline.reddy@thornburyfen.gov.uk"], []),
}

# key: (name, title, [emails])
OFFICERS = {
    "corrigan": ("Helena Corrigan", "Chief Executive",
                 ["helena.corrigan@thornburyfen.gov.uk", "chief.executive@thornburyfen.gov.uk"]),
    "sandhu": ("Raj Sandhu", "Director of Law and Governance (Monitoring Officer)",
               ["raj.sandhu@thornburyfen.gov.uk", "monitoring.officer@tfcouncil.org.uk"]),
    "lowry": ("Beth Lowry", "Democratic Services Manager",
              ["beth.lowry@thornburyfen.gov.uk", "democratic.services@thornburyfen.gov.uk"]),
}

# Officers at the council's domains who are not in the register (officers by domain).
UNLISTED = {
    "tennant": ("Mark Tennant", "mark.tennant@tfcouncil.org.uk"),
    "shah": ("Priti Shah", "priti.shah@tfcouncil.org.uk"),
    "barraclough": ("Lee Barraclough", "lee.barraclough@thornburyfen.gov.uk"),
    "ormerod": ("Neil Ormerod", "neil.ormerod@thornburyfen.gov.uk"),
    "kemp": ("Joanna Kemp", "food.safety@tfcouncil.org.uk"),
    "hale": ("Dominic Hale", "licensing.team@tfcouncil.org.uk"),
    "waste": ("Waste Services", "waste.services@tfcouncil.org.uk"),
}
UNLISTED_OFFICERS = {a for _n, a in UNLISTED.values()}

LISTS = [
    {"address": "members@thornburyfen.gov.uk", "name": "All Members", "members": ["councillors"]},
    {"address": "regulatory-managers@tfcouncil.org.uk", "name": "Regulatory Services Managers",
     "members": ["priti.shah@tfcouncil.org.uk", "lee.barraclough@thornburyfen.gov.uk",
                 "neil.ormerod@thornburyfen.gov.uk", "Raj Sandhu"]},
    {"address": "planning-committee@thornburyfen.gov.uk", "name": "Planning Committee",
     "members": ["Tobias Greenhalgh", "Vikram Patel", "Claire Ashby", "Sandra Nuttall", "Declan O'Brien"]},
]

THIRD = {
    "hollis": ("Janet Hollis", "janet.hollis@btinternet.com"),
    "doyle": ("Kieran Doyle", "kieran.doyle94@gmail.com"),
    "prescott": ("Amy Prescott", "amy.prescott@fenchronicle.co.uk"),
    "moretti": ("Luca Moretti", "luca@morettis-kitchen.co.uk"),
    "bright": ("Owen Bright", "owen.bright@southfenland.gov.uk"),
    "marshra": ("Marsh Lane Residents' Association", "secretary@marshlane-ra.org.uk"),
    "fenroad": ("FenRoad Surfacing Ltd - Contracts", "contracts@fenroad-surfacing.co.uk"),
    "parish": ("Thornbury St Mary Parish Council - Clerk", "clerk@thornburystmary-pc.gov.uk"),
    "kelly": ("Shauna Kelly", "shauna.kelly@outlook.com"),
    "raines": ("Tom Raines", "tom.raines@tf-unison.org.uk"),
    "fowler": ("Derek Fowler", "derek.fowler@talktalk.net"),
    "nair": ("Priya Nair", "priya.nair.fen@gmail.com"),
    "stokes": ("Gary Stokes", "gary@theploughinn-fen.co.uk"),
    "tigers": ("Fen Tigers Youth FC", "secretary@fentigersyfc.org.uk"),
    "burrows": ("Alan Burrows", "alan.burrows@gmail.com"),
}


# --------------------------------------------------------------------------
# Signature blocks
# --------------------------------------------------------------------------

SIG = {
    "corrigan": """
        Helena Corrigan
        Chief Executive
        Thornbury Fen Council | Fen House | Market Place | Thornbury Fen PE99 2TF""",
    "sandhu": """
        Raj Sandhu
        Director of Law and Governance and Monitoring Officer
        Thornbury Fen Council
        01632 960120""",
    "lowry": """
        Beth Lowry
        Democratic Services Manager
        Thornbury Fen Council
        01632 960131 | democratic.services@thornburyfen.gov.uk""",
    "tennant": """
        Mark Tennant
        Director of Place
        Thornbury Fen Council
        Mobile 07700 900611""",
    "shah": """
        Priti Shah MRTPI
        Senior Planning Enforcement Officer
        Place Directorate | Thornbury Fen Council
        01632 960274""",
    "barraclough": """
        Lee Barraclough
        Private Sector Housing Officer (HMO Licensing)
        Thornbury Fen Council
        01632 960388""",
    "ormerod": """
        Neil Ormerod
        Environmental Crime Officer
        Neighbourhood Enforcement Team | Thornbury Fen Council
        01632 960452""",
    "kemp": """
        Joanna Kemp
        Food Safety Officer
        Environmental Health | Thornbury Fen Council
        01632 960417""",
    "hale": """
        Dominic Hale
        Licensing Officer
        Thornbury Fen Council
        01632 960366 | licensing.team@tfcouncil.org.uk""",
    "waste": """
        Waste Services
        Thornbury Fen Council
        01632 960500""",
}

NOTICE = ("Thornbury Fen Council: this email and any attachments are confidential and intended only "
          "for the addressee. If you have received it in error please tell the sender and delete it.")


# --------------------------------------------------------------------------
# The register and the corpus, as corpus_kit builds them; the names the documents below use
# --------------------------------------------------------------------------

REG = kit.Register(council=COUNCIL, domains=DOMAINS, office_address=OFFICE_ADDRESS,
                   office_phone=OFFICE_PHONE, councillors=COUNCILLORS, officers=OFFICERS,
                   unlisted=UNLISTED, lists=LISTS, third=THIRD, sigs=SIG)
CORPUS = kit.Corpus(REG, HERE)
C, Cl, O, U, T, first, ob = REG.C, REG.Cl, REG.O, REG.U, REG.T, REG.first, REG.ob
Earlier, council_letterhead = REG.earlier, REG.council_letterhead
email, inner_message, letter = CORPUS.email, CORPUS.inner_message, CORPUS.letter


def build_emails():
    # ---------------------------------------------------------------- 0001
    t = when(2025, 9, 17, 17, 48, 2)
    email(1, "fenside-depot-future", style="outlook",
          expect=[sc(*[first(k) for k in COUNCILLORS if k != "patel"])],
          why="The Director of Place replies to Cllr Patel and blind-copies the All Members list, so every other councillor gets a silent copy.",
          frm=U("tennant"), to=[Cl("patel")],
          bcc=[("All Members", "members@thornburyfen.gov.uk")],
          date=t, subject="RE: Fenside depot - what happens to the site?", in_reply_to=True,
          own=f"""
            Vikram,

            Thanks for your email. No decision has been taken on the Fenside depot. The options appraisal looks at three routes: keeping the depot and modernising it, moving the fleet to the Hawthorn Road site and selling Fenside for housing, or a shared depot with South Fenland. It will go to Cabinet in November with the officer recommendation.

            I know the staff at Fenside are anxious, and I am meeting the unions next week. I would be grateful if members could avoid speculating in public about which option is preferred until the report is published.

            Regards

            {sig('tennant')}
            """)

    # ---------------------------------------------------------------- 0002
    t = when(2025, 6, 4, 11, 19, 37)
    email(2, "cuckoo-drove-hardstanding", style="outlook", html_only=True,
          expect=[sc(C("obrien", 1))],
          why="An HTML-only Outlook email from an enforcement officer to Cllr Greenhalgh blind-copies Cllr O'Brien's hotmail address with no copy note.",
          frm=U("shah"), to=[Cl("greenhalgh")],
          bcc=[C("obrien", 1, display="Declan O'Brien")],
          date=t, subject="Cuckoo Drove - unauthorised hardstanding (ENF/25/0212)",
          own=f"""
            Dear Cllr Greenhalgh,

            You asked for an update on the land at Cuckoo Drove. I visited on 2 June: about 1,800 square metres of the field has been covered in road planings and there are now four touring caravans and a storage container on it.

            I have served a Planning Contravention Notice on the registered owner and have asked the Council's legal team whether a temporary stop notice is justified, given the risk of further caravans arriving before the bank holiday.

            I will update you again once I have the owner's response.

            Kind regards

            {sig('shah')}
            """)

    # ---------------------------------------------------------------- 0003
    t = when(2025, 5, 21, 10, 4, 12)
    email(3, "hartley-street-hmo-inspection", style="outlook",
          expect=[], why="Cllr Okafor is blind-copied, and the officer's note names her by her register title, 'cc Cabinet Member for Housing'.",
          frm=U("barraclough"), to=[Cl("kowalski")],
          bcc=[Cl("okafor")],
          date=t, subject="Licensed HMO inspections - Hartley Street",
          own=f"""
            Dear Cllr Kowalski,

            Following your question at the ward walkabout: all six licensed HMOs on Hartley Street were inspected between March and May. Four were compliant. Two had missing fire doors and have been given 28 days to fit them, with re-inspections booked for mid-June.

            As the Housing portfolio has asked to see the results of this round of inspections, I have shared this with the Cabinet Member.

            cc Cabinet Member for Housing

            Regards

            {sig('barraclough')}
            """)

    # ---------------------------------------------------------------- 0004
    t = when(2025, 7, 1, 14, 36, 55)
    email(4, "sluice-lane-fly-tipping-camera", style="outlook",
          expect=[sc(C("mashby"))],
          why="Cllr Martin Ashby is blind-copied, but the note 'cc Cllr C. Ashby' names Claire Ashby only.",
          frm=U("ormerod"), to=[Cl("reddy")],
          bcc=[Cl("mashby")],
          date=t, subject="Sluice Lane - deployable camera",
          own=f"""
            Dear Cllr Reddy,

            The deployable CCTV camera went up at the Sluice Lane lay-by on Friday and has already recorded one van tipping builders' waste on Sunday evening. The registration has gone to the DVLA and I will be writing to the keeper under caution.

            The camera will stay for six weeks and then move to Black Drove.

            cc Cllr C. Ashby

            Regards

            {sig('ormerod')}
            """)

    # ---------------------------------------------------------------- 0005
    t = when(2025, 3, 26, 9, 15, 48)
    email(5, "market-square-a-boards", style="outlook",
          expect=[], why="The only Bcc recipients are officers: a distribution list of regulatory managers and the Monitoring Officer.",
          frm=U("shah"), to=[Cl("mensah")],
          bcc=[("Regulatory Services Managers", "regulatory-managers@tfcouncil.org.uk"),
               O("sandhu", 1, display="Monitoring Officer")],
          date=t, subject="A-boards and advertisement consent, Market Square",
          own=f"""
            Dear Cllr Mensah,

            A-boards on the highway do not normally need advertisement consent, but they do need the highway authority's permission, and the Market Square boards have been put out without it. Rather than enforce straight away I suggest a letter to all the traders setting out the rules, with a month's grace. I'm happy to draft it for you to see first.

            Kind regards

            {sig('shah')}
            """)

    # ---------------------------------------------------------------- 0006
    t = when(2025, 4, 14, 21, 8, 3)
    email(6, "garden-waste-charges-question", style="outlook",
          expect=[], why="A councillor, not an officer, blind-copies another councillor, and his email only asks questions.",
          frm=Cl("whitmore"), to=[U("tennant")],
          bcc=[Cl("fisher")],
          date=t, subject="Garden waste subscriptions - numbers",
          own="""
            Mark,

            Before the scrutiny session on the 24th, could you tell me how many households have renewed their garden waste subscription so far this year compared with last? And do we know how many have cancelled since the price went up to £52?

            Thanks,
            Simon

            Cllr Simon Whitmore
            Cabinet Member for Environment and Waste
            """)

    # ---------------------------------------------------------------- 0007
    t = when(2025, 2, 27, 8, 12, 19)
    email(7, "ward-budget-forward-to-leader", style="outlook",
          expect=[sc(C("fairbrother"))],
          why="The Chief Executive forwards Cllr Nuttall's email to her to the Leader without Cllr Nuttall among the recipients.",
          frm=O("corrigan"), to=[Cl("fairbrother")],
          date=t, subject="FW: Ward budgets - proposal to pool them",
          own=f"""
            Andrew,

            For your information ahead of Group. I think Sandra's idea has merit but it would need a change to the scheme of delegation.

            Helena

            {sig('corrigan')}
            """,
          earlier=Earlier("outlook", Cl("nuttall"), when(2025, 2, 26, 19, 55), [O("corrigan")],
                          "Ward budgets - proposal to pool them", """
            Helena,

            Several of us in the rural wards would like to pool our ward budgets to pay for a community transport minibus. Is that allowed under the current scheme, and who would need to agree it?

            Sandra
            """))

    # ---------------------------------------------------------------- 0008
    t = when(2025, 10, 2, 15, 30, 40)
    email(8, "youth-centre-opening-hours-forward", style="outlook",
          expect=[], why="Democratic Services forwards Cllr Kowalski's email to Cllr Mensah with Cllr Kowalski visibly in Cc.",
          frm=O("lowry"), to=[Cl("mensah")], cc=[Cl("kowalski")],
          date=t, subject="FW: Youth centre opening hours",
          own=f"""
            Cllr Mensah,

            Cllr Kowalski's question below is really one for your portfolio, so I am passing it to you, with Cllr Kowalski copied.

            Kind regards

            {sig('lowry')}
            """,
          earlier=Earlier("outlook", Cl("kowalski"), when(2025, 10, 2, 9, 41), [O("lowry", 1)],
                          "Youth centre opening hours", """
            Beth,

            Is there any chance of the Marsh Lane youth centre opening on Saturday afternoons again? Who decides?

            Ewa
            """))

    # ---------------------------------------------------------------- 0009
    t = when(2025, 8, 6, 13, 22, 31)
    rc = received(when(2025, 8, 6, 13, 22, 35), C("patel", 1)[1], seed="tf0009",
                  frm="mail-lo4gbr01on2104.outbound.protection.outlook.com", ip="192.0.2.114")
    email(9, "wherry-road-shopfront-delivered", style="outlook",
          expect=[], why="This delivered copy went to Cllr Patel's own gmail (his council mail is forwarded there); he is the visible recipient, so no other councillor received it.",
          frm=U("shah"), to=[Cl("patel")],
          date=t, subject="Wherry Road - unauthorised shopfront and roller shutter",
          prepend=[("Delivered-To", C("patel", 1)[1]), ("Received", rc),
                   ("X-Original-To", C("patel")[1])],
          delivered=[C("patel", 1)[1]],
          own=f"""
            Dear Cllr Patel,

            The new shopfront and external roller shutter at 31 Wherry Road were installed without planning permission. The owner's agent has been in touch and a retrospective application is promised within 28 days; if it arrives I will let you know so that you can comment.

            Kind regards

            {sig('shah')}
            """)

    # ---------------------------------------------------------------- 0010
    t = when(2025, 11, 12, 16, 5, 9)
    email(10, "taxi-rank-market-place-consultation", style="outlook",
          expect=[sc(C("whitmore", 1))],
          why="Two councillors are blind-copied; the note names only Cllr Harriet Fisher, so Cllr Whitmore's personal-address copy is silent.",
          frm=U("hale"), to=[Cl("haldane")],
          bcc=[Cl("fisher"), C("whitmore", 1, display="Simon Whitmore")],
          date=t, subject="Hackney carriage rank, Market Place - consultation",
          own=f"""
            Dear Cllr Haldane,

            The consultation on moving the Market Place taxi rank to Bridge Street closed on Friday. We received 41 responses: 29 from the trade, almost all against, and 12 from residents and businesses, mostly in favour. I will summarise them for the Licensing and Regulatory Committee on 2 December.

            cc Cllr Harriet Fisher

            Regards

            {sig('hale')}
            """)

    # ---------------------------------------------------------------- 0011
    t = when(2025, 7, 3, 10, 40, 26)
    email(11, "black-drove-fly-tipping-reply", style="outlook",
          expect=[], why="The officer's reply goes only to a complainant; the ward councillor is blind-copied but no councillor is a visible recipient.",
          frm=U("ormerod"), to=[T("hollis")],
          bcc=[Cl("reddy")],
          date=t, subject="RE: Fly-tipping at Black Drove - our ref EC/25/1187", in_reply_to=True,
          own=f"""
            Dear Mrs Hollis,

            Thank you for reporting the tipped kitchen units at Black Drove. The waste was cleared on Tuesday. I searched it before clearance and found paperwork with a name and address, which I am following up.

            Regards

            {sig('ormerod')}
            """)

    # ---------------------------------------------------------------- 0012
    t = when(2025, 9, 9, 12, 1, 44)
    email(12, "marsh-lane-flats-damp", style="outlook",
          expect=[], why="Cllr Reddy is blind-copied, and the officer's text says 'I have copied this to Councillor Reddy'.",
          frm=U("barraclough"), to=[Cl("obrien")],
          bcc=[Cl("reddy")],
          date=t, subject="Damp and mould - Marsh Lane flats",
          own=f"""
            Dear Cllr O'Brien,

            I inspected the three flats at 2-6 Marsh Lane on Thursday. Flat 4 has a category 1 damp and mould hazard under the Housing Health and Safety Rating System; the other two have lesser hazards. I will be serving an improvement notice on the landlord for flat 4 and writing to him about the others.

            Because the block sits on the boundary of her ward, I have copied this to Councillor Reddy.

            Regards

            {sig('barraclough')}
            """)

    # ---------------------------------------------------------------- 0013
    t = when(2025, 1, 21, 18, 33, 0)
    email(13, "temporary-accommodation-costs", style="outlook",
          expect=[ob("okafor")],
          why="Signed by the Cabinet Member, the email tells a tenant the Council will pay for her temporary accommodation and storage.",
          frm=Cl("okafor"), to=[T("kelly")],
          date=t, subject="Your flat at Fenview Court",
          own="""
            Dear Ms Kelly,

            I was very sorry to hear about the ceiling collapse at your flat and relieved that nobody was hurt.

            I can confirm the authority will cover the cost of your stay at the Fen Lodge Hotel until the repairs are finished, and will also pay for your furniture to go into storage in the meantime. Please keep your receipts for meals and travel and send them to me.

            Yours sincerely,

            Cllr Grace Okafor
            Deputy Leader and Cabinet Member for Housing
            """)

    # ---------------------------------------------------------------- 0014
    t = when(2025, 5, 30, 7, 2, 18)
    email(14, "market-place-car-park-resurfacing", style="outlookcom",
          expect=[ob("whitmore", C("whitmore", 1)[1])],
          why="From his personal outlook address and over his Cabinet title, Cllr Whitmore gives a contractor approval to start the resurfacing.",
          frm=C("whitmore", 1, display="Simon Whitmore"), to=[T("fenroad")],
          date=t, subject="RE: Market Place car park - resurfacing programme", in_reply_to=True,
          own="""
            Thanks for the revised programme.

            You have my approval to go ahead with the resurfacing of the Market Place car park from Monday 9 June, working in two halves so that half the spaces stay open. Send the invoice to Fen House as usual.

            Simon Whitmore
            Cabinet Member for Environment and Waste
            Thornbury Fen Council
            """)

    # ---------------------------------------------------------------- 0015
    t = when(2025, 2, 18, 16, 44, 52)
    email(15, "st-mary-verge-reinstatement", style="outlook",
          expect=[ob("fairbrother", C("fairbrother", 1)[1])],
          why="Sent from the Leader's second council address and signed by him, it reports terms he has agreed with a contractor and commits the Council to the cost.",
          frm=Cl("fairbrother", 1), to=[T("parish")],
          date=t, subject="Verges on Church Lane, Thornbury St Mary",
          own="""
            Dear Mrs Rowe,

            Thank you for the photographs of the verges on Church Lane after the drainage works.

            I've agreed with the contractor that they will return on 3 March to reinstate the verges and reseed them, and the Council will meet the cost so that the parish is not out of pocket. They will also replace the two bollards by the lychgate.

            Best wishes,

            Andrew Fairbrother
            Leader of the Council
            """)

    # ---------------------------------------------------------------- 0016
    t = when(2025, 10, 21, 9, 3, 27)
    email(16, "plough-inn-review-withdraw", style="outlook",
          expect=[ob("haldane")],
          why="The Committee chair tells the licensing team to withdraw the Council's review application and commits the Council to not pursuing it.",
          frm=Cl("haldane"), to=[U("hale")],
          date=t, subject="The Plough Inn - review application",
          own="""
            Dominic,

            I met Mr Stokes and the residents at the Plough on Saturday and I am satisfied that the new door supervisor arrangements have dealt with the problems.

            Please withdraw the Council's application for a review of the Plough's premises licence today and let Mr Stokes know that the Council will not be pursuing the matter further.

            Rosalind Haldane
            Chair of the Licensing and Regulatory Committee
            """)

    # ---------------------------------------------------------------- 0017
    t = when(2025, 8, 12, 22, 47, 5)
    email(17, "wherry-road-alley-mattresses", style="gmail",
          expect=[ob("patel", C("patel", 1)[1])],
          why="An unsigned email from Cllr Patel's personal gmail commits the Council to clearing the waste by Friday free of charge.",
          frm=C("patel", 1, display="Vikram Patel"), to=[T("fowler")],
          date=t, subject="Re: Alley behind Wherry Road", in_reply_to=True, unsigned=True,
          own="""
            Mr Fowler, the council will clear the mattresses and the fridge from the alley behind Wherry Road by Friday and there will be no charge to any of the residents. I've seen the photos and it is not acceptable.
            """,
          quoted=(gmail_reply_attr(when(2025, 8, 12, 19, 5), T("fowler")), """
            Cllr Patel, three mattresses and a fridge have been dumped in the alley behind us since last week. The council website says a bulky collection costs £35. Why should we pay to clear someone else's rubbish?

            Derek Fowler
            """))

    # ---------------------------------------------------------------- 0018
    t = when(2025, 11, 27, 11, 15, 38)
    email(18, "community-hubs-cabinet-decision", style="outlook",
          expect=[], why="The councillor reports a decision Cabinet has already taken and adds only her own plans.",
          frm=Cl("mensah"), to=[T("marshra")],
          date=t, subject="Marsh Lane community hub",
          own="""
            Dear Mrs Wainwright,

            I promised to let the Association know the outcome. Cabinet agreed on Tuesday to keep the Marsh Lane community hub open five days a week until at least March 2027, and to move the library service into the hub building next summer.

            I will come to your January meeting to answer questions if that would help.

            Kind regards,

            Cllr Kwame Mensah
            Cabinet Member for Communities
            """)

    # ---------------------------------------------------------------- 0019
    t = when(2025, 12, 3, 19, 50, 12)
    email(19, "marsh-lane-street-lights", style="outlook",
          expect=[], why="The Council's intention is attributed to its officers; the councillor promises only to keep chasing.",
          frm=Cl("kowalski"), to=[T("nair")],
          date=t, subject="Street lights on Marsh Lane",
          own="""
            Dear Ms Nair,

            Thank you for letting me know about the lights. Officers in the street lighting team have told me that the Council will replace the three failed columns on Marsh Lane within the next fortnight, once the new cable is in.

            I'll keep chasing and will let you know if that date slips.

            Best wishes,

            Ewa Kowalski
            Councillor, Marsh Lane ward
            """)

    # ---------------------------------------------------------------- 0020
    t = when(2025, 6, 16, 8, 40, 59)
    email(20, "full-council-agenda-item-request", style="outlook",
          expect=[], why="The Chair of the Council asks Democratic Services for an agenda item and a room: everyday requests, not instructions.",
          frm=Cl("fisher"), to=[O("lowry")],
          date=t, subject="Full Council 10 July - agenda item and room",
          own="""
            Beth,

            Please could you add an item to the Full Council agenda on 10 July for the presentation to the retiring honorary aldermen, and book the Committee Room for a pre-meeting with the group leaders at 6pm?

            Thank you,

            Harriet

            Cllr Harriet Fisher
            Chair of the Council
            """)

    # ---------------------------------------------------------------- 0021
    t = when(2025, 3, 10, 17, 12, 3)
    email(21, "sycamore-close-tree-root-claim", style="outlook",
          expect=[], why="The Leader refuses the claim on the Council's behalf ('the Council cannot accept liability'); a refusal creates no obligation.",
          frm=Cl("fairbrother"), to=[T("burrows")],
          date=t, subject="Your claim - 7 Sycamore Close",
          own="""
            Dear Mr Burrows,

            Thank you for writing to me about the cracks in your driveway.

            I have read the insurer's report. The roots under your drive come from the tree in your neighbour's garden, not from the Council's street tree, and so I'm afraid the Council cannot accept liability, and I am not able to agree to a payment.

            If you have further evidence, you can ask for the claim to be looked at again through the insurers.

            Yours sincerely,

            Cllr Andrew Fairbrother
            Leader of the Council
            """)

    # ---------------------------------------------------------------- 0022
    t = when(2025, 8, 20, 12, 25, 47)
    email(22, "st-marys-school-footway", style="outlook",
          expect=[], why="The only commitment is quoted, in quotation marks, from an officer's letter; the councillor herself promises nothing for the Council.",
          frm=Cl("cashby"), to=[T("nair")],
          date=t, subject="Footway outside St Mary's school",
          own="""
            Dear Ms Nair,

            I raised the broken paving outside St Mary's with the highways department. The Head of Highways wrote to me yesterday: "We will repair the footway outside St Mary's school before the start of term." I'll walk past on 1 September to check it has been done.

            Regards,

            Claire Ashby
            Councillor, Thornbury Central
            """)

    # ---------------------------------------------------------------- 0023
    t = when(2025, 4, 2, 10, 52, 26)
    email(23, "southfen-quarry-extension-representation", style="outlook",
          expect=[], why="A councillor's representation to a neighbouring council asks it to refuse an application and to hold a hearing; it creates no obligation.",
          frm=Cl("greenhalgh"), to=[T("bright")],
          date=t, subject="SF/25/0144 - extension of Fen Edge quarry",
          own="""
            Dear Mr Bright,

            I am writing as Chair of Thornbury Fen's Planning Committee about South Fenland's application SF/25/0144 for the extension of Fen Edge quarry.

            The haul route runs through three of our villages on roads that were never built for forty HGV movements a day. In my view the application should be refused unless the lorries are routed via the A1199, and I would urge you to bring it to your Planning Committee rather than decide it under delegated powers. I would be glad to speak at the meeting.

            Yours sincerely,

            Cllr Tobias Greenhalgh
            Chair of Planning Committee, Thornbury Fen Council
            """)

    # ---------------------------------------------------------------- 0024
    hmo = Earlier("outlook", U("barraclough"), when(2025, 4, 29, 14, 7), [Cl("kowalski")],
                  "[CONFIDENTIAL] HMO licence application - 14 Wherry Road", f"""
            Dear Cllr Kowalski,

            You asked about 14 Wherry Road. The landlord applied for an HMO licence in February for seven occupiers. When I inspected on 24 April there were nine people living there, two of them in an unconverted loft with no fire escape. I am minded to refuse the licence and will be considering a prosecution for operating an overcrowded HMO.

            The landlord has not yet been told, so please do not share this with the tenants until I have written to him.

            Regards

            {sig('barraclough')}
            """)
    email(24, "wherry-road-hmo-to-tenant", style="outlook",
          expect=[cf(T("doyle"))],
          why="Cllr Kowalski forwards an HMO licensing officer's email to her, tagged [CONFIDENTIAL] in its subject, to a tenant of the property.",
          frm=Cl("kowalski"), to=[T("doyle")],
          date=when(2025, 4, 29, 20, 31, 9), subject="FW: [CONFIDENTIAL] HMO licence application - 14 Wherry Road",
          own="""
            Kieran,

            This is where things are. Please keep it between us for now.

            Ewa
            """,
          earlier=hmo)

    # ---------------------------------------------------------------- 0025
    tip = Earlier("bt", U("ormerod"), when(2025, 9, 24, 9, 10), [Cl("mashby"), Cl("reddy")],
                  "Strictly Private & Confidential - Sluice Lane fly-tipping prosecution", f"""
            STRICTLY PRIVATE & CONFIDENTIAL

            Dear Councillors,

            I can now tell you that the Council's legal team has authorised a prosecution of the keeper of the van caught on camera tipping at Sluice Lane in July. The first hearing at Fen Magistrates' Court is on 14 October. The defendant has not yet been served with the summons, so please do not discuss the case with anyone until it has been.

            Regards

            {sig('ormerod')}
            """)
    mid = Earlier("gmail", C("mashby", 1, display="Martin Ashby"), when(2025, 9, 24, 18, 2),
                  [C("patel", 1, display="Vikram Patel")],
                  "Fw: Strictly Private & Confidential - Sluice Lane fly-tipping prosecution", """
            Vikram - FYI, as it affects your side of the drove too. Martin
            """, inner=tip)
    email(25, "sluice-lane-prosecution-to-press", style="gmail",
          expect=[cf(T("prescott"))],
          why="A forward of a forward: Cllr Patel sends a reporter the Environmental Crime Officer's 'Strictly Private & Confidential' email to ward councillors about a fly-tipping prosecution.",
          frm=C("patel", 1, display="Vikram Patel"), to=[T("prescott")],
          date=when(2025, 9, 25, 7, 41, 33), subject="Fwd: Fw: Strictly Private & Confidential - Sluice Lane fly-tipping prosecution",
          own="""
            Amy,

            You asked whether anything was happening about Sluice Lane. See below.

            Vikram
            """,
          earlier=mid)

    # ---------------------------------------------------------------- 0026
    food = Earlier("iphone", U("kemp"), when(2025, 10, 8, 15, 26, 40), [Cl("mensah")],
                   "OFFICIAL-SENSITIVE: PERSONAL - food hygiene inspection, Moretti's Kitchen", f"""
            OFFICIAL-SENSITIVE: PERSONAL

            Dear Cllr Mensah,

            You asked about Moretti's Kitchen on Bridge Street after the complaints on social media. I inspected on 6 October. There was evidence of mice in the dry store and the walk-in chiller was running at 11C. The business has been given a food hygiene rating of 0 and I have served a hygiene improvement notice; a hygiene emergency prohibition was considered but was not needed as the owner closed voluntarily for a deep clean.

            The rating will not be published for 21 days, while the owner can appeal.

            {sig('kemp')}
            """)
    email(26, "morettis-kitchen-inspection-forward", style="iphone", cte="quoted-printable",
          expect=[cf(T("moretti"))],
          why="Cllr Mensah forwards, from his phone, the Food Safety Officer's 'OFFICIAL-SENSITIVE: PERSONAL' email to him about a food hygiene inspection to the business owner.",
          frm=Cl("mensah"), to=[T("moretti")],
          date=when(2025, 10, 8, 21, 4, 2), subject="Fwd: OFFICIAL-SENSITIVE: PERSONAL - food hygiene inspection, Moretti's Kitchen",
          own="""
            Luca, as we discussed.

            Kwame

            Sent from my iPhone
            """,
          earlier=food)

    # ---------------------------------------------------------------- 0027
    appeal = Earlier("outlook", U("shah"), when(2025, 11, 4, 10, 2), [Cl("greenhalgh")],
                     "Cuckoo Drove enforcement appeal - NOT FOR ONWARD TRANSMISSION", f"""
            NOT FOR ONWARD TRANSMISSION

            Dear Cllr Greenhalgh,

            The owner of the Cuckoo Drove land has appealed against the enforcement notice on ground (a), so the Inspector will consider whether planning permission should be granted for the caravans. Our evidence on the five-year supply of traveller pitches is weak, and counsel's view is that there is a real risk the Inspector grants a temporary permission.

            I would be grateful if you kept this assessment to yourself.

            {sig('shah')}
            """)
    email(27, "cuckoo-drove-appeal-to-south-fenland", style="outlook",
          expect=[cf(T("bright"))],
          why="The Monitoring Officer forwards an enforcement officer's 'NOT FOR ONWARD TRANSMISSION' email to the Chair of Planning to an officer of a neighbouring council.",
          frm=O("sandhu"), to=[T("bright")],
          date=when(2025, 11, 5, 12, 40, 17), subject="FW: Cuckoo Drove enforcement appeal - NOT FOR ONWARD TRANSMISSION",
          own=f"""
            Owen,

            As discussed, this is our current assessment of the Cuckoo Drove appeal. It may be relevant to your own pitch assessment.

            Raj

            {sig('sandhu')}
            """,
          earlier=appeal)

    # ---------------------------------------------------------------- 0028
    inner = inner_message(frm=U("barraclough"), to=[Cl("obrien")], date=when(2025, 9, 10, 9, 31),
                          subject="Marsh Lane flats - improvement notice", seed="tf0028-inner",
                          extra=[("Sensitivity", "Private")], text=f"""
            Dear Cllr O'Brien,

            Further to my email yesterday, I have now served an improvement notice under the Housing Act 2004 on the landlord of 4 Marsh Lane in respect of the damp and mould hazard. He has 14 days to start the works and 10 weeks to finish them. He has a history of appealing notices to the Tribunal, and I expect him to do so again.

            Regards

            {sig('barraclough')}
            """)
    email(28, "marsh-lane-improvement-notice-to-ra", style="outlookcom",
          expect=[cf(T("marshra"))],
          why="Cllr O'Brien attaches a housing officer's email to him, marked by its 'Sensitivity: Private' header, to an email to a residents' association.",
          frm=C("obrien", 1, display="Declan O'Brien"), to=[T("marshra")],
          date=when(2025, 9, 10, 19, 12, 50), subject="Marsh Lane flats",
          own="""
            Hi Sue,

            The officer's update on the flats is attached. Residents of the other flats may want to know.

            Declan
            """,
          attach=[("message", inner, "Marsh Lane flats - improvement notice.eml")])

    # ---------------------------------------------------------------- 0029
    email(29, "black-drove-update-to-complainant", style="outlook",
          expect=[], why="The officer's enforcement email forwarded to the complainant is not marked; 'confidential' appears only in passing and in the disclaimer.",
          frm=Cl("reddy"), to=[T("hollis")],
          date=when(2025, 7, 10, 16, 2, 45), subject="FW: Black Drove fly-tipping",
          own="""
            Dear Mrs Hollis,

            Here is the latest from the enforcement officer. I hope this reassures you that it is being taken seriously.

            Pauline Reddy
            """,
          earlier=Earlier("outlook", U("ormerod"), when(2025, 7, 10, 11, 30), [Cl("reddy")],
                          "Black Drove fly-tipping", f"""
            Dear Cllr Reddy,

            I can't go into confidential details of the investigation, but I can say that the paperwork found in the kitchen units has led us to a named individual, who has been invited to an interview under caution.

            Regards

            {sig('ormerod')}

            {NOTICE}
            """))

    # ---------------------------------------------------------------- 0030
    email(30, "waste-savings-to-union", style="outlook",
          expect=[], why="The forwarded [CONFIDENTIAL] email is about budget savings and posts, not a regulatory matter.",
          frm=C("obrien", 1, display="Declan O'Brien"), to=[T("raines")],
          date=when(2025, 10, 14, 20, 18, 4), subject="FW: [CONFIDENTIAL] Waste and street cleansing - savings options 2026/27",
          own="""
            Tom,

            You'll want to see this before Thursday.

            Declan
            """,
          earlier=Earlier("outlook", O("corrigan"), when(2025, 10, 14, 12, 5), [Cl("obrien"), Cl("whitmore")],
                          "[CONFIDENTIAL] Waste and street cleansing - savings options 2026/27", f"""
            Declan, Simon,

            Ahead of the budget workshop, the savings options for waste and street cleansing are: moving to three-weekly residual collections (£1.1m), closing the Fenside depot (£420k), and reducing street cleansing crews from nine to seven (£310k, with the loss of 14 posts). None of these has been discussed with the unions yet.

            {sig('corrigan')}
            """))

    # ---------------------------------------------------------------- 0031
    email(31, "cuckoo-drove-appeal-members-only", style="outlook",
          expect=[], why="A 'Strictly Private & Confidential' enforcement email is forwarded only to another councillor's personal address and an officer: no third party.",
          frm=Cl("greenhalgh"), to=[C("obrien", 1, display="Declan O'Brien")], cc=[U("tennant")],
          date=when(2025, 6, 5, 18, 20, 11), subject="FW: Strictly Private & Confidential - Cuckoo Drove stop notice",
          own="""
            Declan, Mark,

            As the land is on the edge of Declan's ward, I thought you should both see Priti's advice below before the Committee briefing.

            Tobias
            """,
          earlier=Earlier("outlook", U("shah"), when(2025, 6, 5, 15, 12), [Cl("greenhalgh")],
                          "Strictly Private & Confidential - Cuckoo Drove stop notice", f"""
            STRICTLY PRIVATE & CONFIDENTIAL

            Dear Cllr Greenhalgh,

            Legal have advised that a temporary stop notice is justified at Cuckoo Drove and it will be served tomorrow morning. Please do not mention it to anyone until it has been served.

            {sig('shah')}
            """))

    # ---------------------------------------------------------------- 0032
    email(32, "plough-inn-noise-cover-note", style="outlook",
          expect=[], why="Only the councillor's own covering note says 'In confidence'; the licensing officer's forwarded email to her is not marked.",
          frm=Cl("nuttall"), to=[T("stokes")],
          date=when(2025, 10, 9, 9, 55, 30), subject="FW: The Plough - noise complaints",
          own="""
            Gary,

            In confidence: please keep this between us. The officer's update is below.

            Sandra Nuttall
            """,
          earlier=Earlier("outlook", U("hale"), when(2025, 10, 8, 16, 20), [Cl("nuttall")],
                          "The Plough - noise complaints", f"""
            Dear Cllr Nuttall,

            We have had four complaints about music and customers in the Plough's beer garden since August. I will be visiting on a Saturday evening this month and will decide after that whether a review of the licence is needed.

            {sig('hale')}
            """))

    # ---------------------------------------------------------------- 0033
    email(33, "planning-committee-agenda-8-october", style="outlook",
          expect=[], why="Routine agenda sent openly to the Planning Committee list, copied to an officer.",
          frm=O("lowry", 1, display="Democratic Services"),
          to=[("Planning Committee", "planning-committee@thornburyfen.gov.uk")], cc=[U("tennant")],
          date=when(2025, 9, 30, 9, 0, 5), subject="Planning Committee - 8 October 2025 - agenda",
          own=f"""
            Dear Committee Members,

            The agenda and reports for the Planning Committee on Wednesday 8 October at 6.30pm in the Council Chamber, Fen House, are now published. The site visit to Cuckoo Drove leaves Fen House at 2pm.

            Kind regards

            {sig('lowry')}
            """)

    # ---------------------------------------------------------------- 0034
    email(34, "missed-bin-collection-reply", style="outlook",
          expect=[], why="An ordinary reply from Waste Services to a resident.",
          frm=U("waste"), to=[T("fowler")],
          date=when(2025, 6, 11, 14, 8, 22), subject="RE: Missed collection - 22 Wherry Road", in_reply_to=True,
          own=f"""
            Dear Mr Fowler,

            Sorry that your recycling was missed on Monday. The crew will return for it tomorrow; please leave the bin out.

            {sig('waste')}
            """)

    # ---------------------------------------------------------------- 0035
    email(35, "tigers-presentation-evening", style="outlook",
          expect=[], why="The Chair of the Council accepts an invitation for herself; nothing is committed for the Council.",
          frm=Cl("fisher"), to=[T("tigers")],
          date=when(2025, 4, 22, 10, 30, 0), subject="RE: Presentation evening - 17 May", in_reply_to=True,
          own="""
            Dear Mrs Cole,

            Thank you for the invitation. I would be delighted to present the trophies on 17 May.

            With best wishes,

            Cllr Harriet Fisher
            Chair of Thornbury Fen Council
            """)

    # ---------------------------------------------------------------- 0036
    email(36, "selective-licensing-question", style="outlook",
          expect=[], why="A councillor asks an officer for information.",
          frm=Cl("kowalski"), to=[U("barraclough")],
          date=when(2025, 5, 2, 11, 11, 11), subject="Selective licensing - question",
          own="""
            Lee,

            Could you tell me how many privately rented homes there are in Marsh Lane ward, and whether it would meet the criteria for a selective licensing scheme?

            Thanks,
            Ewa
            """)

    # ---------------------------------------------------------------- 0037
    email(37, "housing-board-diary", style="outlook",
          expect=[], why="Routine diary arrangement with both councillors visible.",
          frm=O("corrigan"), to=[Cl("okafor")], cc=[Cl("fairbrother")],
          date=when(2025, 1, 8, 8, 45, 19), subject="Housing Improvement Board - 22 January",
          own=f"""
            Grace,

            The Housing Improvement Board meets on 22 January at 10am. Andrew is copied as he hopes to join for the first item.

            {sig('corrigan')}
            """)


def build_letters():
    # ---------------------------------------------------------------- L01
    letter(1, "fen-valley-housing-hawthorn-road", "txt", Letter(
        letterhead=council_letterhead("Office of the Leader of the Council"),
        to_lines=["Ms Joanne Pike", "Chief Executive", "Fen Valley Housing Association", "4 Riverside Court",
                  "Thornbury Fen", "PE99 6RC"],
        date="6 March 2025",
        salutation="Dear Ms Pike,",
        heading="Hawthorn Road - affordable homes",
        body=["""
            Thank you for meeting me and the Cabinet Member for Housing last week to discuss your proposals for 24 affordable homes at Hawthorn Road.""",
              """
            I am pleased to confirm that the Council will contribute £40,000 from its commuted sums towards the scheme and will grant your contractor a licence to use the adjoining council car park as a site compound free of charge for the duration of the works.""",
              """
            Our officers will be in touch to draw up the funding agreement."""],
        valediction="Yours sincerely,",
        signature=["p.p. Beth Lowry", "", "Cllr Andrew Fairbrother", "Leader of the Council",
                   "andrew.fairbrother@thornburyfen.gov.uk"]),
        expect=[ob("fairbrother")],
        why="Signed p.p. by an officer, the letter goes out over the Leader's name and commits the Council to a £40,000 contribution and a free licence.")

    # ---------------------------------------------------------------- L02
    letter(2, "st-mary-drainage-works-parish", "docx", Letter(
        letterhead=council_letterhead("Place Directorate"),
        to_lines=["Mrs Linda Rowe", "Clerk to Thornbury St Mary Parish Council", "The Old School",
                  "Church Lane", "Thornbury St Mary", "PE99 8SM"],
        date="14 January 2025", refs=["Our ref: PL/HW/25/004"],
        salutation="Dear Mrs Rowe,",
        heading="Church Lane drainage works",
        body=["""
            Thank you for the Parish Council's letter about the flooding on Church Lane.""",
              """
            I can confirm that the Council will replace the collapsed culvert under Church Lane between 10 and 21 February, with the road closed during working hours. We will reinstate the verges afterwards and will deliver letters to every household on the lane a week before work starts."""],
        valediction="Yours sincerely,",
        signature=["Mark Tennant", "Director of Place", "mark.tennant@tfcouncil.org.uk"],
        after=["Copy:", "Cllr Simon Whitmore, Cabinet Member for Environment and Waste",
               "Cllr Pauline Reddy, ward councillor", "Highways Area Manager (North)"]),
        expect=[],
        why="The Council's commitments are signed by the Director of Place; the councillors appear only in the 'Copy:' list.")

    # ---------------------------------------------------------------- L03
    letter(3, "secretary-of-state-community-diagnostic-centre", "txt", Letter(
        letterhead=council_letterhead("Office of the Leader of the Council"),
        to_lines=["The Secretary of State for Health and Social Care", "39 Victoria Street", "London",
                  "SW1H 0EU"],
        date="28 April 2025",
        salutation="Dear Secretary of State,",
        heading="A community diagnostic centre for Thornbury Fen",
        body=["""
            I am writing on behalf of Thornbury Fen Council to support the integrated care board's bid for a community diagnostic centre in Thornbury Fen.""",
              """
            Our residents travel an average of 38 miles for scans that could be done locally, and the district's waiting times are among the longest in the region.""",
              """
            To make the scheme deliverable, the Council will provide the former magistrates' court site at nil cost and will underwrite the centre's running costs for its first two years. I would be grateful for the opportunity to discuss the bid with you."""],
        valediction="Yours sincerely,",
        signature=["Cllr Andrew Fairbrother", "Leader of Thornbury Fen Council"]),
        expect=[ob("fairbrother")],
        why="A representation to a Secretary of State may bear the Leader's name, but this one commits the Council to providing a site and underwriting running costs.")

    # ---------------------------------------------------------------- L04
    letter(4, "minister-hmo-licence-fees", "docx", Letter(
        letterhead=council_letterhead("Cabinet Member for Housing"),
        to_lines=["Minister for Housing and Local Government",
                  "Ministry of Housing, Communities and Local Government", "2 Marsham Street", "London", "SW1P 4DF"],
        date="12 June 2025",
        salutation="Dear Minister,",
        heading="HMO licence fees and enforcement",
        body=["""
            I am writing about the rules on HMO licence fees, which prevent councils such as ours from recovering the full cost of enforcement against rogue landlords through the fee.""",
              """
            I urge the Government to allow fees to include the costs of enforcement, and to raise the maximum civil penalty for operating an unlicensed HMO. I would welcome a meeting with your officials to explain the position in Thornbury Fen."""],
        valediction="Yours sincerely,",
        signature=["Cllr Grace Okafor", "Deputy Leader and Cabinet Member for Housing"]),
        expect=[],
        why="A representation to a Minister over a councillor's name that urges the Government to act and creates no obligation.")

    # ---------------------------------------------------------------- L05
    letter(5, "sluice-lane-interview-under-caution", "docx", Letter(
        letterhead=council_letterhead("Neighbourhood Enforcement Team"),
        marking="STRICTLY PRIVATE & CONFIDENTIAL - ADDRESSEE ONLY",
        to_lines=["Mr R. Tully", "17 Drove End", "March Fen", "PE99 3DE"],
        date="15 July 2025", refs=["Our ref: EC/25/1190"],
        salutation="Dear Mr Tully,",
        heading="Environmental Protection Act 1990, section 33 - waste deposited at Sluice Lane",
        body=["""
            On 29 June 2025 a van registered to you was recorded depositing builders' waste at the Sluice Lane lay-by, Thornbury Fen.""",
              """
            I invite you to attend an interview under caution at Fen House on 29 July 2025 at 10am. You may bring a solicitor. Please ring me on 01632 960452 to confirm that you will attend."""],
        valediction="Yours sincerely,",
        signature=["Neil Ormerod", "Environmental Crime Officer"],
        page_footer="STRICTLY PRIVATE & CONFIDENTIAL"),
        expect=[],
        why="An officer's own marked letter to a suspected offender; it was never officer-to-councillor correspondence.")

    # ---------------------------------------------------------------- L06
    letter(6, "fen-tigers-pitch-bid-support", "txt", Letter(
        letterhead=["Cllr Declan O'Brien", "Member for Marsh Lane", "Thornbury Fen Council", "declan.obrien@thornburyfen.gov.uk"],
        to_lines=["The Grants Panel", "Football Foundation", "By email"],
        date="19 February 2025",
        salutation="Dear Panel,",
        heading="Fen Tigers Youth FC - 3G pitch application",
        body=["""
            I am writing to support Fen Tigers Youth FC's application for a 3G pitch at Marsh Lane recreation ground.""",
              """
            The club runs 22 teams and turns nobody away. I have watched it grow for ten years and I believe the pitch would make a real difference to young people in one of the most deprived wards in the county. I will gladly meet the panel on site."""],
        valediction="Yours faithfully,",
        signature=["Cllr Declan O'Brien"]),
        expect=[],
        why="A councillor's own letter of support that commits the Council to nothing.")


HARD = {
    "messages/0003": [SC], "messages/0005": [SC], "messages/0006": [SC, OB], "messages/0008": [SC],
    "messages/0009": [SC], "messages/0011": [SC], "messages/0012": [SC],
    "messages/0018": [OB], "messages/0019": [OB], "messages/0020": [OB], "messages/0021": [OB],
    "messages/0022": [OB], "messages/0023": [OB],
    "messages/0029": [CF], "messages/0030": [CF], "messages/0031": [CF], "messages/0032": [CF],
    "letters/L02": [OB], "letters/L04": [OB], "letters/L05": [CF], "letters/L06": [OB],
}

README_INTRO = """
Fictional correspondence of a fictional large English unitary council, written to test a checker
of the correspondence clauses of Member/Officer protocols (`../shared/protocol-rules.md`). It is
large in the way unitary and county councils are: fourteen councillors (two of them share a
surname; one has three addresses on both council domains and gmail), two council mail domains
(`thornburyfen.gov.uk` and `tfcouncil.org.uk`), only three officers named in the register while
most correspondence comes from officers who are officers only because of their domain, and three
distribution lists in `policy.yaml` (`members@thornburyfen.gov.uk` reaches every councillor; a
Bcc to it is a Bcc to each councillor on it). Every person, address, case and telephone number is
invented (numbers are in Ofcom's drama ranges).
"""

README_FEATURES = """Outlook (plain, multipart and HTML-only), Outlook.com, Gmail
  (including "On ..., Name <addr> wrote:" replies), BT webmail and iPhone ("Begin forwarded
  message:") layouts; a forward of a forward; an attached original (message/rfc822) marked only by
  its `Sensitivity: Private` header; a `[CONFIDENTIAL]` subject tag; a delivered copy with
  `Delivered-To` and `X-Original-To`; a Bcc to a distribution list."""


if __name__ == "__main__":
    sys.exit(kit.main(CORPUS, description=__doc__, build_emails=build_emails, build_letters=build_letters,
                      hard=HARD, readme_intro=README_INTRO, readme_features=README_FEATURES))
