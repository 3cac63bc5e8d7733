#!/usr/bin/env python3
"""Rebuild the Glanrhyd Town Council (Cyngor Tref Glanrhyd) labelled correspondence corpus.

A fictional Welsh town council: a Town Clerk who is the main officer, an Assistant Clerk who
is not in the register, eight councillors (most on personal gmail/hotmail/outlook accounts),
and two council mail domains, one English and one Welsh. Every person, address, case and
telephone number is invented (numbers are in Ofcom's drama ranges: 029 2018 0xxx, 07700 900xxx).

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
COUNCIL = "Glanrhyd Town Council"
DOMAINS = ["glanrhydtowncouncil.gov.uk", "cyngortrefglanrhyd.cymru"]
OFFICE_ADDRESS = ["Neuadd y Dref / Town Hall", "Stryd y Bont", "Glanrhyd", "SA99 4GR"]
OFFICE_PHONE = "029 2018 0400"

# key: (name, [emails; the first is the party of a councillor-obligation finding], [titles])
COUNCILLORS = {
    "pritchard": ("Eirlys Pritchard",
                  ["cllr.pritchard@glanrhydtowncouncil.gov.uk", "eirlys.pritchard@hotmail.co.uk"],
                  ["Mayor", "Maer"]),
    "rjones": ("Rhodri Jones", ["rhodri.jones.glanrhyd@gmail.com"], ["Deputy Mayor", "Dirprwy Faer"]),
    "gjones": ("Gwenllian Jones", ["gwenjones.bryn@hotmail.com"], []),
    "evans": ("Huw Evans", ["cllr.evans@glanrhydtowncouncil.gov.uk", "huwevans.penlan@gmail.com"],
              ["Chair of Planning Committee"]),
    "price": ("Delyth Price", ["delyth.price@outlook.com"], []),
    "reesthomas": ("Marc Rees-Thomas", ["marc.reesthomas@gmail.com"],
                   ["Chair of Finance and General Purposes Committee"]),
    "howells": ("Sioned Howells", ["cllr.howells@glanrhydtowncouncil.gov.uk"], []),
    "bowen": ("Owain Bowen", ["owainbowen67@hotmail.co.uk"], []),
}

# key: (name, title, [emails])
OFFICERS = {
    "morgan": ("Carys Morgan", "Town Clerk",
               ["clerk@glanrhydtowncouncil.gov.uk", "clerc@cyngortrefglanrhyd.cymru",
                "carys.morgan@glanrhydtowncouncil.gov.uk"]),
    "beynon": ("Gareth Beynon", "Responsible Financial Officer", ["rfo@glanrhydtowncouncil.gov.uk"]),
}

# Officers at the council's domains who are not in the register (officers by domain).
UNLISTED = {
    "lloyd": ("Ffion Lloyd", "ffion.lloyd@glanrhydtowncouncil.gov.uk"),
}
UNLISTED_OFFICERS = {a for _n, a in UNLISTED.values()}

LISTS = []

THIRD = {
    "gthomas": ("Gwyn Thomas", "gwyn.thomas@maesglas.gov.uk"),             # county planning officer
    "ehcounty": ("Rhian Watkins", "rhian.watkins@maesglas.gov.uk"),         # county EHO
    "wyn": ("Bethan Wyn", "bethan@droversarms-glanrhyd.co.uk"),            # licensee
    "pugh": ("Alun Pugh", "alunpugh.llys@gmail.com"),                      # TPO complainant
    "meinir": ("Meinir Davies", "meinir.davies55@hotmail.com"),
    "dyffryn": ("Dyffryn Grounds Ltd", "office@dyffryngrounds.co.uk"),
    "chwarae": ("Iwan Hughes", "iwan@chwarae-play.co.uk"),
    "rowlands": ("Dafydd Rowlands", "dafydd.rowlands@btinternet.com"),
    "rfc": ("Geraint Probert", "secretary@glanrhydrfc.co.uk"),
    "auditor": ("Cymru Audit Services", "audit@cymruaudit-services.co.uk"),
    "parry": ("Mair Parry", "mairparry.heol@gmail.com"),
    "caffi": ("Lowri Bevan", "helo@caffi-glan.co.uk"),
    "vaughan": ("Tomos Vaughan", "tomos.vaughan@yahoo.co.uk"),
    "fychan": ("Elin Fychan", "elin.fychan@glanrhydherald.co.uk"),
}


# --------------------------------------------------------------------------
# Signature blocks
# --------------------------------------------------------------------------

SIG = {
    "morgan": """
        Carys Morgan
        Clerc y Dref / Town Clerk
        Cyngor Tref Glanrhyd / Glanrhyd Town Council
        Neuadd y Dref, Stryd y Bont, Glanrhyd SA99 4GR
        029 2018 0400 | clerk@glanrhydtowncouncil.gov.uk
        Croesewir gohebiaeth yn Gymraeg / Correspondence in Welsh is welcomed""",
    "lloyd": """
        Ffion Lloyd
        Clerc Cynorthwyol / Assistant Clerk
        Cyngor Tref Glanrhyd / Glanrhyd Town Council
        029 2018 0401""",
}

NOTICE = ("Mae'r e-bost hwn ac unrhyw atodiadau yn gyfrinachol. / This e-mail and any files transmitted "
          "with it are confidential and intended solely for the use of the addressee. If you have "
          "received it in error please notify the sender and delete it.")


# --------------------------------------------------------------------------
# The register and the corpus, as corpus_kit builds them; the names the documents below use
# --------------------------------------------------------------------------

REG = kit.Register(council=COUNCIL, domains=DOMAINS, office_address=OFFICE_ADDRESS,
                   office_phone=OFFICE_PHONE, councillors=COUNCILLORS, officers=OFFICERS,
                   unlisted=UNLISTED, lists=LISTS, third=THIRD, sigs=SIG)
CORPUS = kit.Corpus(REG, HERE)
C, Cl, O, U, T, first, ob = REG.C, REG.Cl, REG.O, REG.U, REG.T, REG.first, REG.ob
Earlier, council_letterhead = REG.earlier, REG.council_letterhead
email, letter = CORPUS.email, CORPUS.letter


def memo_docx(lt):
    return lt.docx(COUNCIL, core_title=lt.heading or "Memorandum")


ALL = ["pritchard", "rjones", "gjones", "evans", "price", "reesthomas", "howells", "bowen"]


def build_emails():
    # ---------------------------------------------------------------- 0001
    t = when(2025, 4, 3, 14, 12, 5)
    email(1, "maes-y-ffynnon-allotment-troughs", style="outlook-plain", html_alt=False,
          expect=[sc(C("pritchard", 1))],
          why="The Clerk answers Cllr Howells and blind-copies the Mayor's hotmail address without any copy note.",
          frm=O("morgan"), to=[Cl("howells")],
          bcc=[C("pritchard", 1, display="Eirlys Pritchard")],
          date=t, subject="RE: Maes y Ffynnon allotments - water troughs", in_reply_to=True,
          own=f"""
            Sioned,

            Thanks for chasing this. Two of the four troughs at Maes y Ffynnon are cracked beyond repair; the other two only need new ball valves, which Gareth can order this week from the budget we already have for allotment repairs.

            For the cracked ones I have asked Dyffryn Grounds for a price, and I'll bring it to Finance and General Purposes on the 22nd as it is over my spending limit. The tenants' association has offered to help carry the new troughs down from the gate, which will save on labour.

            I'll let the plot holders know by letter once we have a date.

            Diolch,

            {sig('morgan')}
            """)

    # ---------------------------------------------------------------- 0002
    t = when(2025, 10, 14, 9, 47, 30)
    email(2, "christmas-lights-electrical-testing", style="outlook",
          expect=[], why="The Deputy Mayor is blind-copied, and the Clerk's text carries the note 'Copied to: Cllr R Jones (Deputy Mayor)'.",
          frm=O("morgan"), to=[Cl("bowen")],
          bcc=[C("rjones", display="Rhodri Jones")],
          date=t, subject="Christmas lights - electrical testing of the lamp-post brackets",
          own=f"""
            Owain,

            You asked at the last meeting whether the brackets on Stryd Fawr had been tested since the new lamp posts went in. They haven't: the county's street lighting team say the brackets belong to us, so the testing is our responsibility. I have a quotation from the electrician who did the Town Hall rewiring and will put it to members at Full Council.

            Switch-on is provisionally booked for Friday 28 November, subject to the testing being complete.

            Copied to: Cllr R Jones (Deputy Mayor)

            Cofion,

            {sig('morgan')}
            """)

    # ---------------------------------------------------------------- 0003
    t = when(2025, 5, 7, 11, 20, 44)
    email(3, "heol-y-capel-bus-shelter", style="outlook",
          expect=[sc(C("gjones"))],
          why="Both Joneses are blind-copied but the note 'cc Cllr R. Jones' covers only Rhodri, so Cllr Gwenllian Jones's copy is silent.",
          frm=O("morgan"), to=[Cl("price")],
          bcc=[Cl("rjones"), Cl("gjones")],
          date=t, subject="Bus shelter, Heol y Capel - ownership",
          own=f"""
            Delyth,

            I have finally had an answer from the county's passenger transport section about the shelter opposite the chapel on Heol y Capel. It is one of ours: it was transferred to the Town Council in 2009 along with the shelters on the Prom, so the broken panel and the graffiti are for us to deal with rather than the county.

            I will get a price for a replacement polycarbonate panel and add the shelter to the annual inspection list so it is not missed again.

            cc Cllr R. Jones

            Diolch,

            {sig('morgan')}
            """)

    # ---------------------------------------------------------------- 0004
    t = when(2025, 9, 29, 16, 2, 18)
    email(4, "remembrance-parade-road-closure", style="outlook",
          expect=[], why="Both Joneses are blind-copied and the bare-surname note 'cc Cllr Jones' covers each of them.",
          frm=O("morgan"), to=[Cl("evans")],
          bcc=[C("rjones", display="Rhodri Jones"), C("gjones", display="Gwenllian Jones")],
          date=t, subject="Sul y Cofio / Remembrance Sunday - temporary road closure",
          own=f"""
            Huw,

            The county has approved the temporary traffic regulation order for the Remembrance Sunday parade: Stryd y Bont and Stryd Fawr will be closed from 10.15 to 11.45 on 9 November. We still need six marshals with hi-vis jackets, and the British Legion branch has asked whether members could lay the Council's wreath at 11.00.

            The parade passes through both Jones wards, so I have let them know as well.

            cc Cllr Jones

            Cofion,

            {sig('morgan')}
            """)

    # ---------------------------------------------------------------- 0005
    t = when(2025, 4, 4, 12, 31, 9)
    email(5, "planning-consultations-week-14", style="outlook",
          expect=[], why="Cllr Evans is blind-copied at his gmail address and the Clerk's note 'cc. Councillor Evans' names him.",
          frm=O("morgan"), to=[Cl("howells")],
          bcc=[C("evans", 1, display="Huw Evans")],
          date=t, subject="Planning consultations received - week 14",
          own=f"""
            Sioned,

            As you asked, here are the applications the county sent us this week for your ward:

            25/0298/HH  2 Bryn Teg - single-storey rear extension
            25/0302/LBC  Capel Bethel - replacement windows (listed building consent)
            25/0307/FUL  Land at Penlan Uchaf - agricultural building

            Comments need to reach me by 18 April so they can go to the Planning Committee on the 22nd.

            cc. Councillor Evans

            {sig('morgan')}
            """)

    # ---------------------------------------------------------------- 0006
    t = when(2025, 6, 24, 10, 8, 51)
    email(6, "civic-sunday-arrangements", style="outlook",
          expect=[], why="Cllr Price is blind-copied and the Clerk's text says 'Cllr Price is copied for information'.",
          frm=O("morgan"), to=[C("pritchard", display="Mayor - Cllr Eirlys Pritchard")],
          bcc=[C("price", display="Delyth Price")],
          date=t, subject="Sul Dinesig / Civic Sunday - 13 July",
          own=f"""
            Annwyl Faer / Dear Mayor,

            Capel Seion have confirmed that they would be pleased to host Civic Sunday on 13 July at 10.30. The minister has asked for the readings by 6 July and whether you would like a Welsh or English hymn to close. The procession will form up at the Town Hall at 10.00; the chain will be ready in my office from Friday.

            The chapel is in Cllr Price's ward and she has offered to help with the refreshments. Cllr Price is copied for information.

            Cofion,

            {sig('morgan')}
            """)

    # ---------------------------------------------------------------- 0007
    t = when(2025, 2, 11, 15, 44, 27)
    email(7, "twinning-visit-coach-hire", style="outlook",
          expect=[sc(C("pritchard"))],
          why="The Mayor and the Deputy Mayor are both blind-copied; the note 'cc Deputy Mayor' covers only the Deputy Mayor.",
          frm=U("lloyd"), to=[Cl("reesthomas")],
          bcc=[Cl("pritchard"), Cl("rjones")],
          date=t, subject="Twinning visit to Plouzévet - coach hire quotations",
          own=f"""
            Marc,

            Three coach companies have quoted for the twinning trip to Plouzévet in May (Glanrhyd to Portsmouth, the overnight ferry, and travel in Brittany):

            Teithiau Teifi  £6,950
            Coastline Coaches  £7,420
            Bws Bach  £6,400 (no toilet on the coach)

            The twinning association pays for the trip, but as it is in the Council's name the booking would need to be approved at F&GP. Would you like it on the agenda for the 25th?

            cc Deputy Mayor

            Diolch,

            {sig('lloyd')}
            """)

    # ---------------------------------------------------------------- 0008
    t = when(2025, 4, 8, 10, 2, 11)
    rc = received(when(2025, 4, 8, 10, 2, 14), C("evans", 1)[1], seed="0008",
                  frm="mail-am6eur05on2123.outbound.protection.outlook.com", ip="192.0.2.71")
    email(8, "parc-y-dre-tree-works-request", style="outlook",
          expect=[sc(C("evans", 1))],
          why="This delivered copy went to Cllr Evans's gmail (Delivered-To), which is in neither To nor Cc, and the Clerk's text has no copy note.",
          frm=O("morgan"), to=[Cl("howells")],
          date=t, subject="Parc y Dre - Friends group's request for tree works",
          prepend=[("Delivered-To", C("evans", 1)[1]), ("Received", rc)],
          delivered=[C("evans", 1)[1]],
          own=f"""
            Sioned,

            The Friends of Parc y Dre have asked us to crown-lift the three limes by the bandstand so that the new benches get more light, and to take out the self-seeded sycamores along the stream.

            The limes are within the conservation area, so six weeks' notice has to be given to the county before any work is done. I'll ask our arborist to prepare the notice. The sycamores are under the size that needs notice and can be done in the autumn with the rest of the park maintenance.

            Could you let the Friends know? I know you're seeing them on Saturday.

            Diolch,

            {sig('morgan')}
            """)

    # ---------------------------------------------------------------- 0009
    t = when(2025, 3, 18, 8, 55, 40)
    email(9, "prom-dog-fouling", style="thunderbird",
          expect=[sc(C("pritchard"))],
          why="The Clerk forwards Cllr Gwenllian Jones's email to her on to the Mayor without Cllr Jones among the recipients.",
          frm=O("morgan", 1, display="Carys Morgan"), to=[Cl("pritchard")],
          date=t, subject="Fwd: Baw cŵn ar y Prom / Dog fouling on the Prom",
          own="""
            Eirlys,

            See below from Gwenllian. I don't think a PSPO is something we can do ourselves (it would be the county's order), but it might be worth you raising it at the liaison meeting on the 27th. Could we have a word before then?

            Carys
            """,
          earlier=Earlier("thunderbird", C("gjones", display="Gwenllian Jones"), when(2025, 3, 17, 21, 12, 3),
                          [O("morgan")], "Baw cŵn ar y Prom / Dog fouling on the Prom", """
            Carys,

            The Prom is getting worse again. I counted eleven lots between the lifeboat station and the shelter this morning, and two of the bins have been missing since the storm. Could the Town Council ask for a Public Spaces Protection Order, or at least get the bins put back? I've had a dozen people stop me about it this week.

            Gwen
            """))

    # ---------------------------------------------------------------- 0010
    t = when(2025, 6, 2, 13, 26, 0)
    email(10, "heol-y-felin-overgrown-hedge", style="outlook",
          expect=[], why="The Clerk forwards a resident's complaint to the ward councillor; it is not correspondence between an officer and another councillor.",
          frm=O("morgan"), to=[Cl("bowen")],
          date=t, subject="FW: Overgrown hedge - Heol y Felin",
          own=f"""
            Owain,

            Forwarding this from a resident in your ward. The hedge is on private land, so it is a matter for the county's highways team rather than us, and I have told Mrs Parry that. I thought you would want to know in case she contacts you.

            {sig('morgan')}
            """,
          earlier=Earlier("outlook", T("parry"), when(2025, 6, 1, 18, 4), [O("morgan")],
                          "Overgrown hedge - Heol y Felin", """
            Dear Clerk,

            The hedge outside Bryn Celyn on Heol y Felin now covers half the pavement and I have to walk in the road with my pushchair. Who is responsible for cutting it?

            Mair Parry
            """))

    # ---------------------------------------------------------------- 0011
    t = when(2025, 5, 12, 20, 41, 16)
    email(11, "gwyl-insurance-question", style="outlookcom",
          expect=[], why="The Mayor, not an officer, blind-copies the Deputy Mayor, and her email only asks questions and for an agenda item.",
          frm=C("pritchard", 1, display="Eirlys Pritchard"), to=[O("morgan")],
          bcc=[C("rjones", display="Rhodri Jones")],
          date=t, subject="Gŵyl Glanrhyd - insurance",
          own="""
            Carys,

            Quick question before the Gŵyl committee meets on Thursday. Does our public liability insurance cover the Gŵyl when the committee runs it on the Town Council's field, or do they need their own policy? And is the bouncy castle man's own insurance enough?

            Could we also have an item on the next Full Council agenda about whether we carry on hosting it on the field next year?

            Diolch,
            Eirlys
            """)

    # ---------------------------------------------------------------- 0012
    t = when(2025, 4, 16, 19, 5, 22)
    email(12, "parc-y-dre-toddler-play-area", style="gmail",
          expect=[ob("reesthomas")],
          why="Over his name as committee chair, Cllr Rees-Thomas accepts the supplier's quote, tells it to order the equipment and commits the Council to a payment.",
          frm=C("reesthomas", display="Marc Rees-Thomas"), to=[T("chwarae")],
          date=t, subject="Re: Revised quotation - toddler play area, Parc y Dre", in_reply_to=True,
          own="""
            Hi Iwan,

            Thanks for coming back so quickly with the revised layout. The committee liked the wooden version much better than the steel one.

            I'm happy to accept your quote of £14,250 plus VAT for the toddler area at Parc y Dre. Please go ahead and order the equipment so that installation can start on 2 June, and invoice the Town Council for half now; the balance will follow once the post-installation inspection is done.

            Marc Rees-Thomas
            Chair of Finance and General Purposes Committee
            Glanrhyd Town Council
            07700 900418
            """)

    # ---------------------------------------------------------------- 0013
    t = when(2025, 3, 3, 12, 37, 8)
    email(13, "war-memorial-bench", style="gmail",
          expect=[ob("rjones")],
          why="From his personal gmail and signed only 'Rhodri', the Deputy Mayor tells a resident the Council will install a bench and pay for a plaque.",
          frm=C("rjones", display="Rhodri Jones"), to=[T("rowlands")],
          date=t, subject="Re: Bench by the war memorial", in_reply_to=True,
          own="""
            Dafydd,

            Thanks for this, and I'm sorry to hear about your father. I've had a word, and we'll get a new bench in by the war memorial before the end of April; the council will pay for the brass plaque with his name on it too. Just let me know the wording you would like.

            Rhodri
            """,
          quoted=(gmail_reply_attr(when(2025, 3, 3, 10, 14), T("rowlands")), """
            Rhodri,

            The old bench by the memorial has finally rotted through. Dad sat on it every morning for thirty years. Would the council consider replacing it, and could the family pay for a small plaque?

            Dafydd Rowlands
            """))

    # ---------------------------------------------------------------- 0014
    t = when(2025, 7, 9, 8, 14, 55)
    email(14, "bryn-road-boundary-wall", style="iphone", cte="quoted-printable",
          expect=[ob("bowen")],
          why="An unsigned email from Cllr Bowen's personal hotmail commits the Council to repairing a resident's wall at no cost to him.",
          frm=C("bowen", display="Owain Bowen"), to=[T("vaughan")],
          date=t, subject="Re: Wall knocked down on Bryn Road", in_reply_to=True, unsigned=True,
          own="""
            Saw the wall on my way past this morning. That was the contractor's tractor, no question, you can see the paint on the stones.

            We'll sort the repair at no cost to you. The stonemason Dyffryn use will be round next week to rebuild it.

            Sent from my iPhone
            """,
          quoted=("On 8 Jul 2025, at 21:40, Tomos Vaughan <tomos.vaughan@yahoo.co.uk> wrote:", """
            Owain, the tractor cutting the verge on Bryn Road reversed into my front wall this afternoon and about two metres of it has come down. Who do I speak to?

            Tomos
            """))

    # ---------------------------------------------------------------- 0015
    t = when(2025, 4, 25, 7, 49, 31)
    email(15, "heol-y-felin-hedge-cutting-stop", style="gmail",
          expect=[ob("evans", C("evans", 1)[1])],
          why="From his gmail and signed as Chair of Planning, Cllr Evans tells the Clerk to stop the contractor's works and commits the Council to paying its standing charge.",
          frm=C("evans", 1, display="Huw Evans"), to=[O("morgan")],
          date=t, subject="Hedge cutting on Heol y Felin - stop",
          own="""
            Carys,

            Please tell Dyffryn Grounds to stop the hedge cutting along Heol y Felin straight away. There are at least two blackbird nests in the stretch by the chapel and it should never have been booked for April. They're to come back in September, and the council will pay their standing charge for the lost days so there's no argument about it.

            Huw

            Cllr Huw Evans
            Chair of Planning Committee
            """)

    # ---------------------------------------------------------------- 0016
    t = when(2025, 2, 20, 18, 30, 2)
    email(16, "rfc-floodlights-grant-request", style="gmail",
          expect=[], why="Cllr Rees-Thomas refuses the club's request ('we are not in a position to fund') and offers only his own help.",
          frm=C("reesthomas", display="Marc Rees-Thomas"), to=[T("rfc")],
          date=t, subject="Floodlights - grant application", in_reply_to=True,
          own="""
            Dear Geraint,

            Thank you for coming to the Finance and General Purposes Committee on Tuesday and for setting out the club's plans so clearly.

            I'm sorry to say that we are not in a position to fund the floodlight upgrade from this year's community grants budget: the whole budget is £6,000 and the floodlights alone would take more than three times that.

            The Maesglas Community Sports Fund opens again in June and the floodlights look like a good fit for it. If it helps, I'd be glad to write a personal letter of support and to look over the application before it goes in.

            Best wishes,

            Marc Rees-Thomas
            Chair of Finance and General Purposes Committee
            """)

    # ---------------------------------------------------------------- 0017
    t = when(2025, 3, 12, 11, 3, 47)
    email(17, "maes-y-llan-replacement-oak", style="outlook",
          expect=[], why="The Mayor reports what Full Council has already resolved, attributes the next step to the Clerk and promises only her own attendance.",
          frm=Cl("pritchard"), to=[T("parry")],
          date=t, subject="The old oak on Maes y Llan",
          own="""
            Annwyl Mrs Parry,

            Thank you for your letter about the oak on Maes y Llan, and for the photographs of it from the 1950s, which several members had not seen.

            Full Council resolved at its meeting on 10 March to plant a replacement oak on the same spot this coming November, grown from an acorn of the old tree if the nursery can manage it. The Clerk will write to you with the date of the planting once it is fixed.

            I would be delighted to join you there on the day.

            Cofion cynnes / Kind regards,

            Cllr Eirlys Pritchard
            Maer Glanrhyd / Mayor of Glanrhyd
            """)

    # ---------------------------------------------------------------- 0018
    t = when(2025, 5, 15, 17, 22, 38)
    email(18, "tanyrallt-swings-good-news", style="outlook",
          expect=[], why="The commitment to replace the swings is the Clerk's and appears only in the forwarded email, which is neither marked nor regulatory.",
          frm=C("gjones", display="Gwenllian Jones"), to=[T("meinir")],
          date=t, subject="FW: Cae Chwarae Tanyrallt - swings",
          own="""
            Meinir,

            Good news below from the Clerk about the swings.

            Gwen
            """,
          earlier=Earlier("outlook", O("morgan"), when(2025, 5, 15, 15, 2), [Cl("gjones")],
                          "Cae Chwarae Tanyrallt - swings", f"""
            Gwenllian,

            The inspector's report on Tanyrallt came in today. The two cradle swings failed on the chains and the top bar; everything else passed. The Council will replace the swings by the end of May and we will reopen the gate as soon as the new ones have been signed off.

            {sig('morgan')}
            """))

    # ---------------------------------------------------------------- 0019
    t = when(2025, 3, 5, 9, 26, 50)
    email(19, "penlan-uchaf-agricultural-building-objection", style="gmail",
          expect=[], why="A representation to the county planning authority: it reports the committee's resolution, states the councillor's own view and asks the county to act.",
          frm=Cl("evans"), to=[T("gthomas")],
          date=t, subject="Re: 25/0307/FUL - Land at Penlan Uchaf - Town Council consultation", in_reply_to=True,
          own="""
            Dear Mr Thomas,

            Thank you for consulting the Town Council on 25/0307/FUL.

            The Planning Committee considered the application on 3 March and resolved to object, on the grounds that the building's size is out of proportion to the holding and that the access onto the B4390 has poor visibility to the north.

            Speaking as the ward member, I would ask that the application is decided by your Planning Committee rather than under delegated powers, and that members visit the site before they decide. I would be glad to show the Committee the access.

            Yn gywir / Yours sincerely,

            Cllr Huw Evans
            Cadeirydd y Pwyllgor Cynllunio / Chair of Planning Committee
            Cyngor Tref Glanrhyd / Glanrhyd Town Council
            """,
          quoted=(gmail_reply_attr(when(2025, 2, 10, 14, 2), T("gthomas")), """
            Dear Clerk and Members,

            The County Council has received the application below and would welcome the Town Council's observations within 21 days.

            25/0307/FUL - Erection of agricultural building (36m x 18m) and new access - Land at Penlan Uchaf, Glanrhyd

            Gwyn Thomas
            Swyddog Cynllunio / Planning Officer
            Cyngor Sir Maesglas
            """))

    # ---------------------------------------------------------------- 0020
    drovers = Earlier("iphone", O("morgan"), when(2025, 6, 10, 16, 40, 12),
                      [Cl("pritchard"), Cl("bowen"),
                       Cl("gjones")],
                      "IN CONFIDENCE - Drovers Arms premises licence variation", f"""
            IN CONFIDENCE - FOR MEMBERS ONLY

            Dear Councillors,

            As you know, the Drovers Arms has applied to the county to vary its premises licence: later hours (to 1am on Fridays and Saturdays) and live music in the rear yard. The county's licensing officer has told me, informally, that the police are likely to make a representation about the yard, and that two residents of Lôn Isaf have already objected.

            If the Town Council wishes to comment, our response must reach the county by 27 June. I will put the application on the Planning Committee agenda for the 23rd.

            Please keep this to yourselves for now: the police representation has not been lodged yet.

            {sig('morgan')}
            """)
    email(20, "drovers-arms-variation-forward", style="iphone",
          expect=[cf(T("wyn"))],
          why="Cllr Bowen forwards the Clerk's 'IN CONFIDENCE' email to members about a premises licence variation to the licensee herself.",
          frm=C("bowen", display="Owain Bowen"), to=[T("wyn")],
          date=when(2025, 6, 10, 22, 3, 40), subject="Fwd: IN CONFIDENCE - Drovers Arms premises licence variation",
          own="""
            Bethan, see below. Worth knowing before the hearing.

            Owain

            Sent from my iPhone
            """,
          earlier=drovers)

    # ---------------------------------------------------------------- 0021
    tpo = Letter(
        letterhead=["Cyngor Tref Glanrhyd / Glanrhyd Town Council", "Memorandum"],
        to_lines=["To: All Members of the Council", "From: Carys Morgan, Town Clerk"],
        date="22 April 2025", refs=["Ref: TPO 14/2019"],
        salutation="Members,",
        heading="Suspected breach of Tree Preservation Order TPO 14/2019 - Llys Awel, Ffordd yr Orsaf",
        body=["""
            Several of you have been contacted about the felling of two of the protected beech trees in the garden of Llys Awel last week. I reported it to the county's tree officer on 17 April.""",
              """
            The tree officer visited on 19 April. Both trees had been felled to ground level and the stumps ground out. No application for consent was made. The owner told the officer that the contractor had advised him the order had lapsed, which is not the case.""",
              """
            The county is considering whether to prosecute under section 210 of the Town and Country Planning Act 1990 and will in any case require replacement planting. Please do not discuss the owner's explanation or the prospect of a prosecution with residents while the county's investigation is under way."""],
        valediction="Carys Morgan",
        signature=["Clerc y Dref / Town Clerk"],
        page_footer="CONFIDENTIAL")
    email(21, "llys-awel-tpo-briefing-note", style="outlook",
          expect=[cf(T("pugh"))],
          why="Cllr Gwenllian Jones attaches the Clerk's briefing note to members on a TPO breach, marked CONFIDENTIAL in its page footer, to an email to the neighbour who complained.",
          frm=C("gjones", display="Gwenllian Jones"), to=[T("pugh")],
          date=when(2025, 4, 24, 20, 11, 6), subject="Llys Awel trees",
          own="""
            Alun,

            Here is the note the Clerk sent round to us about the beech trees. As you'll see, the county's tree officer has been out and is taking it seriously.

            Gwen
            """,
          attach=[(memo_docx(tpo), "application", "vnd.openxmlformats-officedocument.wordprocessingml.document",
                   "Briefing note - Llys Awel TPO.docx")])

    # ---------------------------------------------------------------- 0022
    rfc_noise = Earlier("outlook", O("morgan"), when(2025, 8, 18, 12, 15),
                        [Cl("pritchard"), Cl("price")],
                        "PREIFAT A CHYFRINACHOL / PRIVATE AND CONFIDENTIAL - amplified music, Glanrhyd RFC", f"""
            PREIFAT A CHYFRINACHOL / PRIVATE AND CONFIDENTIAL

            Eirlys, Delyth,

            Further to the complaints about amplified music from the rugby club's marquee events, the county's environmental health team has now installed recording equipment at two houses on Heol y Cae. The club holds a premises licence with a condition that amplified music in the marquee stops at 11pm; the recordings suggest it has run past midnight on at least three Saturdays.

            The club's secretary does not yet know that the recordings have been made, and the complainants have asked that their names are not given out. Please do not raise this with the club.

            {sig('morgan')}
            """)
    email(22, "rfc-marquee-noise-to-county", style="outlook",
          expect=[cf(T("ehcounty"))],
          why="The Assistant Clerk forwards the Clerk's 'Private and Confidential' email to two councillors about noise and licence conditions to an officer of another council.",
          frm=U("lloyd"), to=[T("ehcounty")],
          date=when(2025, 8, 19, 9, 30, 14), subject="FW: PREIFAT A CHYFRINACHOL / PRIVATE AND CONFIDENTIAL - amplified music, Glanrhyd RFC",
          own=f"""
            Rhian,

            As requested on the phone, here is the background Carys sent to the ward members last night.

            {sig('lloyd')}
            """,
          earlier=rfc_noise)

    # ---------------------------------------------------------------- 0023
    t = when(2025, 5, 20, 21, 5, 33)
    email(23, "bryn-teg-tree-works-application", style="outlookcom",
          expect=[], why="The Clerk's email forwarded to a resident is about a planning matter but is not marked; 'confidential' appears only in its disclaimer.",
          frm=C("price", display="Delyth Price"), to=[T("parry")],
          date=t, subject="FW: Tree works application - 4 Bryn Teg",
          html_alt=False,
          own="""
            Mair,

            Forwarding the Clerk's reply, as promised.

            Delyth
            """,
          earlier=Earlier("outlook", O("morgan"), when(2025, 5, 20, 16, 44), [Cl("price")],
                          "Tree works application - 4 Bryn Teg", f"""
            Delyth,

            The application to fell the ash at 4 Bryn Teg (25/0331/TCA) is a conservation area notification, not a full planning application, so the county has six weeks to decide whether to make a Tree Preservation Order. The Town Council has been consulted and the Planning Committee will look at it on 3 June. Anyone can send comments to the county's tree officer before 12 June.

            {sig('morgan')}

            {NOTICE}
            """))

    # ---------------------------------------------------------------- 0024
    t = when(2025, 1, 14, 22, 18, 9)
    email(24, "precept-overspend-to-press", style="gmail",
          expect=[], why="The forwarded 'STRICTLY CONFIDENTIAL' email to councillors is about the budget and precept, not a regulatory matter.",
          frm=C("reesthomas", display="Marc Rees-Thomas"), to=[T("fychan")],
          date=t, subject="Fwd: STRICTLY CONFIDENTIAL - 2025/26 precept and reserves",
          own="""
            Elin,

            Background for your piece on the precept, not for attribution.

            Marc
            """,
          earlier=Earlier("gmail", O("morgan"), when(2025, 1, 14, 15, 30),
                          [Cl("reesthomas"), Cl("pritchard")],
                          "STRICTLY CONFIDENTIAL - 2025/26 precept and reserves", f"""
            STRICTLY CONFIDENTIAL

            Marc, Eirlys,

            Gareth's year-end projection shows the Town Hall roof overspend at £31,000, which would take general reserves below the three months' expenditure our auditor recommends. To rebuild them over two years the precept would need to rise by about 11 per cent, rather than the 4 per cent in the draft budget.

            Gareth and I would like to talk this through with you both before the papers go out for F&GP on the 21st.

            {sig('morgan')}
            """))

    # ---------------------------------------------------------------- 0025
    email(25, "drovers-arms-members-discussion", style="outlookcom", html_alt=False,
          expect=[], why="The Mayor forwards the Clerk's 'IN CONFIDENCE' licensing email only to another councillor's gmail and the Assistant Clerk: no third party.",
          frm=C("pritchard", 1, display="Eirlys Pritchard"), to=[C("evans", 1, display="Huw Evans"), U("lloyd")],
          date=when(2025, 6, 11, 8, 2, 57), subject="FW: IN CONFIDENCE - Drovers Arms premises licence variation",
          own="""
            Huw, Ffion,

            See Carys's note below. Huw, as it will come to Planning on the 23rd, could we have a word beforehand about how we handle it? Ffion, could you put the county's plans of the yard in the pack?

            Eirlys
            """,
          earlier=Earlier("outlook", drovers.frm, drovers.sent, drovers.to, drovers.subject, drovers.text))

    # ---------------------------------------------------------------- 0026
    t = when(2025, 4, 7, 9, 0, 12)
    email(26, "full-council-agenda-14-april", style="outlook",
          expect=[], why="Routine bilingual agenda sent openly to all councillors.",
          frm=O("morgan"), to=[C(k, display=f"Cllr {COUNCILLORS[k][0]}") for k in ALL],
          date=t, subject="Cyfarfod Llawn y Cyngor / Full Council - 14 April 2025",
          own=f"""
            Annwyl Gynghorwyr / Dear Councillors,

            You are summoned to the meeting of the Full Council in the Council Chamber, Neuadd y Dref, on Monday 14 April 2025 at 7pm.

            1. Ymddiheuriadau / Apologies
            2. Datgan buddiant / Declarations of interest
            3. Cofnodion / Minutes of 10 March 2025
            4. Adroddiad y Maer / Mayor's report
            5. Cyllid / Finance: payments schedule and budget monitoring
            6. Maes y Ffynnon allotments: water troughs
            7. Gohebiaeth / Correspondence

            Cofion,

            {sig('morgan')}
            """)

    # ---------------------------------------------------------------- 0027
    email(27, "f-and-gp-minutes-request", style="outlook",
          expect=[], why="A councillor asks the Clerk for papers and a date: an everyday request.",
          frm=Cl("howells"), to=[O("morgan")],
          date=when(2025, 4, 9, 13, 40, 21), subject="Draft minutes - F&GP",
          own="""
            Carys,

            Could you send me the draft minutes of the last F&GP meeting when you have them? I also can't find the date of the next one in my diary; is it the 22nd or the 29th?

            Diolch,
            Sioned

            Cllr Sioned Howells
            """)

    # ---------------------------------------------------------------- 0028
    email(28, "grass-cutting-schedule", style="outlook",
          expect=[], why="The Clerk, an officer, confirms the contract schedule with the Council's contractor.",
          frm=O("morgan"), to=[T("dyffryn")],
          date=when(2025, 3, 24, 10, 17, 44), subject="Grass cutting schedule 2025",
          own=f"""
            Good morning,

            Thank you for the draft schedule. I can confirm the Town Council is happy with fortnightly cuts of the parks and verges from 7 April, with the cemetery on the Thursday before each bank holiday as last year. Please invoice monthly as before.

            {sig('morgan')}
            """)

    # ---------------------------------------------------------------- 0029
    email(29, "allotment-waiting-list", style="outlook",
          expect=[], why="The Clerk's ordinary reply to a resident about the allotment waiting list.",
          frm=O("morgan"), to=[T("vaughan")],
          date=when(2025, 2, 6, 11, 51, 3), subject="RE: Allotment waiting list", in_reply_to=True,
          own=f"""
            Dear Mr Vaughan,

            Thank you for your email. I have added you to the waiting list for Maes y Ffynnon; you are currently eighth. Plots usually come free in the autumn when tenancies are renewed, and I will write to you then.

            Yn gywir / Yours sincerely,

            {sig('morgan')}
            """)

    # ---------------------------------------------------------------- 0030
    email(30, "litter-pick-thanks", style="gmail",
          expect=[], why="A councillor's own thanks to a volunteer; nothing is committed or copied.",
          frm=C("price", display="Delyth Price"), to=[T("caffi")],
          date=when(2025, 4, 28, 18, 6, 30), subject="Thank you - Saturday's litter pick",
          own="""
            Lowri,

            Just a note to say thank you for the tea and bara brith on Saturday, and for lending the café as a base. Twenty-three bags off the beach and the Prom is a record. I hope you'll let us do it again in the autumn.

            Cofion,
            Delyth
            """)


def build_letters():
    # ---------------------------------------------------------------- L01
    letter(1, "parc-y-dre-storm-damaged-beech", "txt", Letter(
        letterhead=council_letterhead("Swyddfa'r Maer / Office of the Mayor"),
        to_lines=["Mr Steffan Rhys", "Dyffryn Grounds Ltd", "Uned 4, Ystad Ddiwydiannol Cwm Glas",
                  "Glanrhyd", "SA99 7DT"],
        date="2 May 2025", refs=["Your ref: DG/118"],
        salutation="Dear Mr Rhys,",
        heading="Parc y Dre - removal of the storm-damaged beech and replanting",
        body=["""
            Thank you for meeting me in Parc y Dre last Tuesday and for your quotation of 28 April.""",
              """
            I am writing to confirm the Town Council's acceptance of your quotation of £3,860 plus VAT for felling the storm-damaged beech by the bandstand, grinding out the stump, and planting two heavy-standard replacements. Consider this your authority to proceed. The work must be finished before the Gŵyl on 21 June, and the bandstand lawn is to be left level and seeded.""",
              """
            Please let the Clerk know the dates you will be on site so that the Friends of Parc y Dre can be told."""],
        valediction="Yn gywir / Yours sincerely,",
        signature=["Cllr Eirlys Pritchard", "Maer Glanrhyd / Mayor of Glanrhyd"],
        sig_align="right"),
        expect=[ob("pritchard")],
        why="Over the Mayor's name, the letter accepts a contractor's quotation and authorises it to proceed with the work.")

    # ---------------------------------------------------------------- L02
    letter(2, "capel-seion-noticeboard", "docx", Letter(
        letterhead=council_letterhead(),
        to_lines=["Mrs Glenys Harries", "Ysgrifennydd / Secretary", "Capel Seion", "Stryd Fawr", "Glanrhyd",
                  "SA99 4GT"],
        date="15 July 2025",
        salutation="Annwyl Mrs Harries / Dear Mrs Harries,",
        heading="Civic Sunday and the chapel noticeboard",
        body=["""
            The Mayor has asked me to thank you and the members of Capel Seion for hosting Civic Sunday, and for the welcome the Council received.""",
              """
            She also asked me to confirm that the Town Council will meet the cost of replacing the chapel's roadside noticeboard, which was damaged by the council's hedge-cutting contractor in June. Please obtain a quotation and send it to me; the Council will pay the supplier directly.""",
              """
            With thanks again,"""],
        valediction="Yn gywir / Yours sincerely,",
        signature=["Carys Morgan", "Clerc y Dref / Town Clerk", "clerk@glanrhydtowncouncil.gov.uk"]),
        expect=[],
        why="The Council's commitment is made and signed by the Town Clerk; the Mayor is only mentioned.")

    # ---------------------------------------------------------------- L03
    letter(3, "minister-t29-bus-service", "txt", Letter(
        letterhead=council_letterhead("Swyddfa'r Maer / Office of the Mayor"),
        to_lines=["Cabinet Secretary for Transport and North-West Wales", "Welsh Government",
                  "Parc Cathays", "Cardiff", "CF99 1ZZ"],
        date="18 February 2025",
        salutation="Dear Cabinet Secretary,",
        heading="The T29 bus service and the proposed Glanrhyd rail halt",
        body=["""
            I am writing as Mayor of Glanrhyd about the withdrawal of the evening journeys on the T29 bus service, which since January has left the town without public transport after 6.40pm.""",
              """
            More than 900 residents have signed the petition that accompanies this letter. Many of them work shifts at the hospital in Caerfyrddin or study at the college and now depend on lifts or taxis they cannot afford.""",
              """
            I urge the Welsh Government to restore funding for the evening journeys in the next round of the bus network grant, and to include the reopening of the Glanrhyd halt in the next review of the rail programme. I would welcome the opportunity to meet you or your officials in Glanrhyd to discuss both."""],
        valediction="Yn gywir / Yours sincerely,",
        signature=["Cllr Eirlys Pritchard", "Maer Glanrhyd / Mayor of Glanrhyd"],
        sig_align="right"),
        expect=[],
        why="A representation to a Minister over the Mayor's name that urges the Government to act but commits the Council to nothing.")

    # ---------------------------------------------------------------- L04
    letter(4, "gwyl-glanrhyd-support", "docx", Letter(
        letterhead=council_letterhead("Dirprwy Faer / Deputy Mayor"),
        to_lines=["Ms Catrin Lewis", "Cadeirydd / Chair, Pwyllgor Gŵyl Glanrhyd", "12 Heol y Cae", "Glanrhyd",
                  "SA99 4HP"],
        date="20 March 2025",
        salutation="Annwyl Catrin,",
        heading="Gŵyl Glanrhyd 2025",
        body=["""
            Thank you for your letter about this year's Gŵyl, and congratulations on last year's record attendance.""",
              """
            I am delighted to confirm that the Town Council will pay for the marquee hire and the first-aid cover for this year's Gŵyl, up to £1,800 in total, and will let your committee use the Town Hall free of charge for its meetings between now and June. Please send the invoices to the Clerk marked for my attention.""",
              """
            I look forward to seeing you on the field on 21 June."""],
        valediction="Cofion / Best wishes,",
        signature=["Cllr Rhodri Jones", "Dirprwy Faer / Deputy Mayor", "rhodri.jones.glanrhyd@gmail.com"]),
        expect=[ob("rjones")],
        why="Signed by the Deputy Mayor, the letter commits the Council to paying for marquee hire and first aid and to free use of the Town Hall.")

    # ---------------------------------------------------------------- L05
    letter(5, "caffi-r-parc-food-hygiene-members", "docx", Letter(
        letterhead=["Cyngor Tref Glanrhyd / Glanrhyd Town Council", "Memorandum"],
        to_lines=["To: All Members of the Council", "From: Carys Morgan, Town Clerk"],
        date="9 September 2025", refs=["Ref: CLK/25/61"],
        salutation="Members,",
        heading="Caffi'r Parc - food hygiene inspection",
        body=["""
            As the Council lets the kiosk in Parc y Dre to the operator of Caffi'r Parc, the county's food safety team has told me, as landlord, the outcome of its inspection on 2 September.""",
              """
            The kiosk has been given a food hygiene rating of 1 (major improvement necessary), mainly because the hot-water supply to the hand-wash basin is inadequate, which is the Council's responsibility under the lease. The operator has been served with a hygiene improvement notice for the other matters.""",
              """
            I will bring a report on the hot-water supply to F&GP. Until the rating is published, please treat this note as confidential to members."""],
        valediction="Carys Morgan",
        signature=["Clerc y Dref / Town Clerk"],
        page_footer="CONFIDENTIAL"),
        expect=[],
        why="A CONFIDENTIAL memo from the Clerk to members on a food hygiene inspection, addressed only to councillors; no third party receives it.")

    # ---------------------------------------------------------------- L06
    letter(6, "friends-of-parc-y-dre-lottery-bid", "txt", Letter(
        letterhead=["Cllr Sioned Howells", "Ward Councillor, Glanrhyd North", "cllr.howells@glanrhydtowncouncil.gov.uk"],
        to_lines=["Grants Officer", "National Lottery Heritage Fund (Wales)", "By email"],
        date="3 June 2025",
        salutation="Dear Sir or Madam,",
        heading="Friends of Parc y Dre - application to restore the bandstand",
        body=["""
            I am writing in support of the Friends of Parc y Dre's application to restore the 1911 bandstand.""",
              """
            In my view the bandstand is the heart of the park and of the town's summer. I have seen the Friends' volunteers at work every month for three years, and I have every confidence in their ability to deliver the project.""",
              """
            I would be glad to meet your assessors on site and to speak to the project at any interview."""],
        valediction="Yours faithfully,",
        signature=["Cllr Sioned Howells"]),
        expect=[],
        why="A councillor's letter of support states her own views and offers her own help; it commits the Council to nothing.")


HARD = {
    "messages/0002": [SC], "messages/0004": [SC], "messages/0005": [SC], "messages/0006": [SC],
    "messages/0010": [SC], "messages/0011": [SC, OB],
    "messages/0016": [OB], "messages/0017": [OB], "messages/0018": [OB, CF], "messages/0019": [OB],
    "messages/0023": [CF], "messages/0024": [CF], "messages/0025": [CF],
    "letters/L02": [OB], "letters/L03": [OB], "letters/L05": [CF], "letters/L06": [OB],
}

README_INTRO = """
Fictional correspondence of a fictional Welsh town council (Cyngor Tref Glanrhyd), written to test
a checker of the correspondence clauses of Member/Officer protocols
(`../shared/protocol-rules.md`). It is small in the way community and town councils are: the
Town Clerk is the main officer (an Assistant Clerk who writes from a council address is not in the
register), most councillors use personal gmail, hotmail or outlook accounts, titles are "Mayor",
"Deputy Mayor" and committee chairs, and many sign-offs are bilingual ("Yn gywir / Yours
sincerely", "Cofion"). Every person, address, case and telephone number is invented (numbers are in
Ofcom's drama ranges).
"""

README_FEATURES = """Outlook (plain and HTML), Outlook.com, Gmail (including "On ..., Name <addr> wrote:" replies),
  Thunderbird ("-------- Forwarded Message --------") and iPhone ("Begin forwarded message:")
  layouts; copy notes in several forms ("Copied to: Cllr R Jones (Deputy Mayor)", "cc. Councillor
  Evans", "Cllr Price is copied for information", "cc Deputy Mayor"); two councillors who share a
  surname; a delivered copy; a .docx briefing note whose only marking is its page footer."""


if __name__ == "__main__":
    sys.exit(kit.main(CORPUS, description=__doc__, build_emails=build_emails, build_letters=build_letters,
                      hard=HARD, readme_intro=README_INTRO, readme_features=README_FEATURES))
