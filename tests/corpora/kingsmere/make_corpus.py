#!/usr/bin/env python3
"""Rebuild the London Borough of Kingsmere labelled correspondence corpus.

A fictional London borough run under the committee system (no Cabinet: a Policy and Resources
Committee chaired by the Leader, service committees with Chairs and Vice-Chairs, a ceremonial
Mayor). Its own mail is on Google Workspace (kingsmere.gov.uk: Gmail web and app, Gmail forwards,
Delivered-To on personal Gmail copies); the regulatory shared service still runs Microsoft 365 on
the older domain lbkingsmere.org.uk (Outlook desktop, msip_labels, Sensitivity). Every person,
address, case and telephone number is invented (numbers are in Ofcom's drama ranges: 020 7946 0xxx,
07700 900xxx; IP addresses in the documentation ranges).

    python3 -m venv .venv && .venv/bin/pip install python-docx fpdf2 pdfminer.six pyyaml
    .venv/bin/python make_corpus.py            # rebuild everything, then check it
    .venv/bin/python make_corpus.py --check    # only check what is on disk

It writes, beside itself: messages/*.eml, letters/*.txt|*.docx|*.pdf, policy.yaml, labels.yaml
and README.md. Generation is deterministic (fixed dates, ids, MIME boundaries, zip and PDF
timestamps). The labels come only from protocol-rules.md.
"""

import argparse
import sys
from email import policy
from email.message import EmailMessage
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))   # tests/corpora, for corpus_kit
sys.dont_write_bytecode = True   # no tests/corpora/__pycache__: the corpus test takes every folder

import corpus_kit as kit  # noqa: E402
from corpus_kit import (CF, OB, SC, Letter, cf, gmail_reply_attr, received, sc, when)  # noqa: E402

HERE = Path(__file__).resolve().parent
COUNCIL = "London Borough of Kingsmere"
DOMAINS = ["kingsmere.gov.uk", "lbkingsmere.org.uk"]
OFFICE_ADDRESS = ["Kingsmere Town Hall", "High Street", "London E21 7KT"]
OFFICE_PHONE = "020 7946 0100"

# key: (name, [emails; the first is the party of a councillor-obligation finding], [titles])
COUNCILLORS = {
    "nrahman": ("Nadia Rahman", ["nadia.rahman@kingsmere.gov.uk", "cllr.nadia.rahman@lbkingsmere.org.uk"],
                ["Leader of the Council", "Chair of the Policy and Resources Committee"]),
    "irahman": ("Idris Rahman", ["idris.rahman@kingsmere.gov.uk", "idris.rahman.e9@gmail.com"],
                ["Vice-Chair of the Planning Committee"]),
    "adebayo": ("Olu Adebayo", ["olu.adebayo@kingsmere.gov.uk", "oluadebayo@icloud.com"],
                ["Deputy Leader of the Council", "Chair of the Housing Committee"]),
    "fclarke": ("Felicity Clarke", ["felicity.clarke@kingsmere.gov.uk", "flick.clarke@gmail.com"],
                ["Chair of the Licensing Committee"]),
    "jclarke": ("Joseph Clarke", ["joseph.clarke@kingsmere.gov.uk", "joe.clarke.kingsmere@hotmail.co.uk"], []),
    "lindqvist": ("Hannah Lindqvist", ["hannah.lindqvist@kingsmere.gov.uk"], ["Chair of the Planning Committee"]),
    "nowak": ("Piotr Nowak", ["piotr.nowak@kingsmere.gov.uk", "p.nowak.ward@gmail.com"],
              ["Chair of the Environment and Transport Committee"]),
    "whitcombe": ("Ruth Whitcombe", ["ruth.whitcombe@kingsmere.gov.uk", "ruthwhitcombe@btinternet.com"],
                  ["Chair of the Adult Social Care and Health Committee"]),
    "bains": ("Harjit Bains", ["harjit.bains@kingsmere.gov.uk", "harjitbains66@outlook.com"],
              ["Chair of the Audit and Governance Committee"]),
    "moreno": ("Beatriz Moreno", ["beatriz.moreno@kingsmere.gov.uk", "mayor@kingsmere.gov.uk"], ["Mayor of the Borough"]),
    "mulligan": ("Conor Mulligan", ["conor.mulligan@kingsmere.gov.uk", "conor.mulligan@lbkingsmere.org.uk",
                                    "conormulligan@hotmail.co.uk"], ["Deputy Mayor of the Borough"]),
    "oyelaran": ("Samuel Oyelaran", ["samuel.oyelaran@kingsmere.gov.uk", "sam.oyelaran@gmail.com"], []),
    "fenwick": ("Lucy Fenwick", ["lucy.fenwick@kingsmere.gov.uk"], []),
    "voss": ("Eleanor Voss", ["eleanor.voss@kingsmere.gov.uk", "eleanor.voss@btinternet.com"], []),
}

# key: (name, title, [emails])
OFFICERS = {
    "kessler": ("Miriam Kessler", "Chief Executive",
                ["miriam.kessler@kingsmere.gov.uk", "chief.executive@kingsmere.gov.uk"]),
    "ashdown": ("Jonathan Ashdown", "Director of Governance and Monitoring Officer",
                ["jonathan.ashdown@kingsmere.gov.uk"]),
    "venkatesh": ("Priya Venkatesh", "Head of Democratic Services",
                  ["priya.venkatesh@kingsmere.gov.uk", "committees@kingsmere.gov.uk"]),
    "reid": ("Callum Reid", "Head of Planning and Building Control", ["callum.reid@kingsmere.gov.uk"]),
    "carvalho": ("Inês Carvalho", "Licensing Manager", ["ines.carvalho@lbkingsmere.org.uk"]),
    "osei": ("Daniel Osei", "Director of Environment and Neighbourhoods", ["daniel.osei@kingsmere.gov.uk"]),
}

# Officers at the council's domains who are not in the register (officers by domain).
UNLISTED = {
    "tallis": ("Rhys Tallis", "rhys.tallis@kingsmere.gov.uk"),
    "hussain": ("Tariq Hussain", "tariq.hussain@kingsmere.gov.uk"),
    "grant": ("Hollie Grant", "hollie.grant@kingsmere.gov.uk"),
    "macrae": ("Fiona Macrae", "fiona.macrae@kingsmere.gov.uk"),
    "pryor": ("Gavin Pryor", "gavin.pryor@kingsmere.gov.uk"),
    "quaye": ("Lorraine Quaye", "lorraine.quaye@kingsmere.gov.uk"),
    "members": ("Members' Enquiries", "members.enquiries@kingsmere.gov.uk"),
    "waste": ("Kingsmere Waste and Recycling", "waste.services@kingsmere.gov.uk"),
    "gill": ("Sunita Gill", "sunita.gill@lbkingsmere.org.uk"),
    "zielinski": ("Marek Zieliński", "marek.zielinski@lbkingsmere.org.uk"),
    "dar": ("Yasmin Dar", "yasmin.dar@lbkingsmere.org.uk"),
    "walsh": ("Kieran Walsh", "kieran.walsh@lbkingsmere.org.uk"),
    "fitch": ("Aaron Fitch", "aaron.fitch@lbkingsmere.org.uk"),
    "noise": ("Noise and Nuisance Team", "noise.team@lbkingsmere.org.uk"),
}

THIRD = {
    "finchley": ("Deborah Finchley", "deb.finchley@gmail.com"),
    "stroud": ("Oliver Stroud", "oliver@hartwellplanning.co.uk"),
    "albanese": ("Gino Albanese", "gino@lambandflag-kingsmere.co.uk"),
    "tam": ("Rosie Tam", "rosie.tam@kingsmerecourier.co.uk"),
    "andrade": ("Phil Andrade", "phil.andrade@farleighgreen.gov.uk"),
    "bello": ("Nkechi Bello", "nkechi.bello@farleighgreen.gov.uk"),
    "railings": ("Wes Baptiste", "quotes@thameside-railings.co.uk"),
    "cutlers": ("Friends of Cutler's Green", "chair@friendsofcutlersgreen.org.uk"),
    "alderra": ("Alder Court Residents' Association", "secretary@aldercourt-ra.org.uk"),
    "yilmaz": ("Mehmet Yilmaz", "m.yilmaz.cabs@gmail.com"),
    "papadakis": ("Kostas Papadakis", "kostas@papadakis-streetfood.co.uk"),
    "lyle": ("Bernadette Lyle", "b.lyle@kingsmere-unison.org.uk"),
    "mayers": ("Leon Mayers", "leon@cgboxingclub.org.uk"),
    "whitlock": ("Graham Whitlock", "graham.whitlock@talktalk.net"),
    "rowntree": ("Helen Rowntree", "helen.rowntree@gmail.com"),
    "mistry": ("Anjali Mistry", "anjali.mistry@gmail.com"),
    "ortiz": ("Jamal Ortiz", "jamal.ortiz@outlook.com"),
    "hackney": ("Kingsmere Hackney Carriage Association", "secretary@kingsmere-hca.org.uk"),
    "pelhamrg": ("Pelham Street Residents' Group", "pelhamstreetresidents@gmail.com"),
    "school": ("Pelham Primary School - Office", "office@pelhamprimary.org.uk"),
    "achterberg": ("Desmond Achterberg", "d.achterberg@outlook.com"),
    "cleanup": ("Riverside Clean-Up Crew", "riversidecleanup@gmail.com"),
    "hughes": ("Carys Hughes", "carys.hughes@yahoo.co.uk"),
}

SIG = {
    "hussain": """
        --
        Tariq Hussain
        Senior Highways Engineer
        Highways and Transport | London Borough of Kingsmere
        020 7946 0412""",
    "tallis": """
        Rhys Tallis
        Planning Enforcement Officer
        Planning and Building Control | London Borough of Kingsmere
        020 7946 0356""",
    "grant": """
        --
        Hollie Grant
        Street Scene Manager
        London Borough of Kingsmere
        Mobile: 07700 900418""",
    "carvalho": """
        Inês Carvalho
        Licensing Manager
        Kingsmere Regulatory Services (shared service)
        T: 020 7946 0531""",
    "zielinski": """
        Marek Zieliński
        Private Sector Housing Officer
        Kingsmere Regulatory Services
        020 7946 0547""",
    "osei": """
        Daniel Osei
        Director of Environment and Neighbourhoods
        Environmental Health | Licensing | Planning Enforcement | Trading Standards | Parks and Street Scene
        London Borough of Kingsmere""",
    "ashdown": """
        Jonathan Ashdown
        Director of Governance and Monitoring Officer
        London Borough of Kingsmere
        020 7946 0150""",
    "macrae": """
        --
        Fiona Macrae
        Head of Parks and Open Spaces
        London Borough of Kingsmere
        020 7946 0620""",
    "gill": """
        Sunita Gill
        Senior Environmental Health Officer (Noise and Nuisance)
        Kingsmere Regulatory Services
        020 7946 0559""",
    "fitch": """
        Aaron Fitch
        Licensing Enforcement Officer
        Kingsmere Regulatory Services
        07700 900532""",
    "reid": """
        Callum Reid
        Head of Planning and Building Control
        London Borough of Kingsmere
        020 7946 0301""",
    "dar": """
        Yasmin Dar
        Food Safety Officer
        Kingsmere Regulatory Services
        020 7946 0566""",
    "walsh": """
        Kieran Walsh
        Environmental Crime Officer
        Kingsmere Regulatory Services
        07700 900571""",
    "quaye": """
        Lorraine Quaye
        Head of HR and Organisational Development
        London Borough of Kingsmere""",
    "pryor": """
        Gavin Pryor MRICS
        Estates Surveyor, Corporate Property
        London Borough of Kingsmere
        020 7946 0705""",
    "venkatesh": """
        Priya Venkatesh
        Head of Democratic Services
        London Borough of Kingsmere
        020 7946 0122 | committees@kingsmere.gov.uk""",
    "members": """
        Members' Enquiries
        Governance Directorate | London Borough of Kingsmere""",
    "waste": """
        Waste and Recycling
        London Borough of Kingsmere
        020 7946 0800""",
}

DISCLAIMER = ("This email and any attachments are confidential and may be legally privileged. If you are not "
              "the intended recipient please tell the sender and delete it. Kingsmere Regulatory Services "
              "is a shared service hosted by the London Borough of Kingsmere.")

COUNCIL_DISCLAIMER = ("London Borough of Kingsmere: this message may contain confidential or privileged "
                      "information. If it has reached you in error, please let the sender know and delete it.")

REG = kit.Register(council=COUNCIL, domains=DOMAINS, office_address=OFFICE_ADDRESS,
                   office_phone=OFFICE_PHONE, councillors=COUNCILLORS, officers=OFFICERS,
                   unlisted=UNLISTED, lists=[], third=THIRD, sigs=SIG)
CORPUS = kit.Corpus(REG, HERE)
C, Cl, O, U, T, first, ob = REG.C, REG.Cl, REG.O, REG.U, REG.T, REG.first, REG.ob
Earlier, council_letterhead = REG.earlier, REG.council_letterhead
email, inner_message, letter = CORPUS.email, CORPUS.inner_message, CORPUS.letter

DOCX = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")


def msip(name, seed, t):
    """A Microsoft Purview label header, as Outlook on the shared service's tenant writes it."""
    g = f"{kit.h(seed, 8)}-{kit.h(seed, 12)[8:12]}-4{kit.h(seed, 15)[12:15]}-9{kit.h(seed, 18)[15:18]}-{kit.h(seed + 'g', 12)}"
    site = "5e1c7a90-2b3d-4f6e-8a1b-7c9d0e2f4a61"
    f = f"MSIP_Label_{g}"
    return (f"{f}_Enabled=true; {f}_SetDate={t.astimezone(kit.GMT):%Y-%m-%dT%H:%M:%SZ}; {f}_Method=Standard; {f}_Name={name}; "
            f"{f}_SiteId={site}; {f}_ActionId={kit.h(seed + 'a', 8)}-0000-4000-8000-{kit.h(seed + 'b', 12)}; "
            f"{f}_ContentBits=0")


def forwarded_original(earlier):
    """Mark the last email as carrying an attached original, for the silent-copy cross-check."""
    CORPUS.docs[-1]["meta"]["earlier"] = earlier


class Inner:
    """The parties of an attached original (message/rfc822), as the cross-check reads them."""

    def __init__(self, frm, to, cc=()):
        self.frm, self.to, self.cc = frm, list(to), list(cc)


def custom_email(num, slug, m, *, expect, why, frm, to=(), cc=(), bcc=(), own):
    """Store an email built by hand (for layouts the kit does not render) with its label."""
    pol = policy.default.clone(refold_source="none", linesep="\r\n", max_line_length=78)
    path = f"messages/{num:04d}-{slug}.eml"
    CORPUS.files[path] = m.as_bytes(policy=pol)
    CORPUS.docs.append(dict(path=path, kind="email", expect=expect, why=why,
                            meta=dict(own=kit.dedent(own), frm=frm, to=list(to), cc=list(cc), bcc=list(bcc),
                                      earlier=None, unsigned=False, delivered=[])))


def silent_copy_emails():
    # ---------------------------------------------------------------- 0001
    email(1, "ashgrove-cpz-consultation", style="gmail",
          expect=[sc(C("jclarke"))],
          why="The highways engineer blind-copies both Clarkes but his note names Felicity Clarke by first name, so Joseph Clarke's copy is silent.",
          frm=U("hussain"), to=[Cl("voss")], bcc=[C("fclarke"), C("jclarke")],
          date=when(2025, 3, 11, 16, 42, 7), subject="Ashgrove Road CPZ - results of the informal consultation",
          own="""
            Dear Cllr Voss,

            The informal consultation on a controlled parking zone for Ashgrove Road and the streets off it closed last Friday. 212 of 640 households replied: 58% in favour in Ashgrove Road itself, but only 31% in Orchard Row and Cooper's Lane, where most people have driveways.

            My recommendation will be a smaller zone covering Ashgrove Road and the station end of Pelham Street. That goes to the Environment and Transport Committee in May, and I can walk the boundary with ward members before then if that would help.

            Copy: Councillor Felicity Clarke

            Best wishes,
            [[sig:hussain]]
            """)

    # ---------------------------------------------------------------- 0002
    t = when(2025, 4, 2, 10, 5, 51)
    rc = received(when(2025, 4, 2, 10, 5, 53), C("oyelaran", 1)[1], seed="km0002",
                  frm="mail-sor-f41.google.com", ip="192.0.2.41")
    email(2, "kiln-lane-roof-terrace-delivered", style="gmail",
          expect=[sc(C("oyelaran", 1))],
          why="A delivered copy in Cllr Oyelaran's Gmail of an enforcement officer's email to Cllr Lindqvist; his address is in neither To nor Cc and nothing in the text says he was sent it.",
          frm=U("tallis"), to=[Cl("lindqvist")], cc=[O("reid")],
          date=t, subject="22 Kiln Lane - roof terrace (ENF/25/0147)",
          prepend=[("Delivered-To", C("oyelaran", 1)[1]), ("Received", rc)],
          delivered=[C("oyelaran", 1)[1]],
          own="""
            Hannah,

            A quick update on the roof terrace at 22 Kiln Lane. The owner has now put in a retrospective application (25/0612/HOU), so formal action is on hold until it is decided. The balustrade is 1.1m high and the terrace overlooks the gardens of 20 and 24 directly; I expect the case officer to recommend refusal.

            If the application is refused I will recommend an enforcement notice requiring the terrace to be removed.

            Thanks,
            [[sig:tallis]]
            """)

    # ---------------------------------------------------------------- 0003
    email(3, "tannery-walk-bins-forward", style="gmail",
          expect=[sc(C("bains"), C("whitcombe"))],
          why="The Street Scene Manager forwards her exchange with Cllr Nowak to Cllrs Bains and Whitcombe without Cllr Nowak among the recipients, and a copy note in the forward does not cure that.",
          frm=U("grant"), to=[Cl("bains")], cc=[Cl("whitcombe")],
          date=when(2025, 5, 20, 9, 14, 36), subject="Fwd: Communal bins at Tannery Walk",
          own="""
            Harjit,

            Forwarding this as Tannery Walk is in your ward as much as Piotr's, and the bin store question will come up at the residents' meeting on Thursday. Cllr Whitcombe is copied in as she asked about access for the sheltered flats.

            Hollie
            [[sig:grant]]
            """,
          earlier=Earlier("gmail", Cl("nowak"), when(2025, 5, 19, 21, 3), [U("grant")],
                          "Communal bins at Tannery Walk", """
            Hi Hollie,

            Residents at Tannery Walk keep telling me the communal bins are overflowing by Wednesday and the foxes are getting into the bags. Is a second collection possible, or a bigger bin store? What would each cost?

            Piotr
            """))

    # ---------------------------------------------------------------- 0004
    email(4, "licensing-hearing-dates-forward", style="outlook", html_only=True,
          expect=[sc(C("mulligan", 2))],
          why="The Licensing Manager forwards her exchange with the Chair of the Licensing Committee to Cllr Mulligan's personal hotmail address; Cllr Clarke is not a recipient of the forward.",
          frm=O("carvalho"), to=[C("mulligan", 2, display="Conor Mulligan")],
          date=when(2025, 6, 3, 12, 26, 9), subject="FW: Sub-committee hearings in July",
          own="""
            Dear Councillor Mulligan,

            As you will be chairing one of the July sub-committees, see below the dates Cllr Clarke and I have been working on. Could you let me know by Friday which of the three you can do?

            Kind regards

            [[sig:carvalho]]
            """,
          earlier=Earlier("outlook", Cl("fclarke"), when(2025, 6, 2, 17, 48), [O("carvalho")],
                          "Sub-committee hearings in July", """
            Inês,

            Thanks for the list. I'd rather not have two hearings on the same day again - members flag by the afternoon. Can we use 8, 15 and 22 July, and put the Lamb & Flag review on the 22nd so that the parties have the full notice period?

            Felicity
            """))

    # ---------------------------------------------------------------- 0005
    inner = inner_message(frm=Cl("oyelaran"), to=[U("zielinski")], date=when(2025, 6, 16, 8, 12),
                          subject="Damp at Alder Court", seed="km0005-inner", style="gmail", text="""
            Dear Marek,

            Three families at Alder Court (flats 6, 11 and 19) have shown me black mould in bedrooms and one child is now using an inhaler. The landlord says it is condensation and the tenants' fault. Could you inspect, and tell me what powers the Council has if he refuses to act?

            Best wishes
            Cllr Samuel Oyelaran
            Cutler's Green ward
            """)
    email(5, "alder-court-damp-attached", style="outlook",
          expect=[sc(C("whitcombe"))],
          why="The housing officer forwards Cllr Oyelaran's email to him, as an attached original, to Cllr Whitcombe; Cllr Oyelaran is not among the recipients.",
          frm=U("zielinski"), to=[Cl("whitcombe")],
          date=when(2025, 6, 17, 14, 2, 40), subject="FW: Damp at Alder Court",
          own="""
            Dear Cllr Whitcombe,

            I attach an enquiry about damp in Alder Court. Given the health angle (a child with asthma in one flat) I thought you would want to see it before your committee's session on housing and health in July. I am inspecting on the 24th.

            Regards

            [[sig:zielinski]]
            """,
          attach=[("message", inner, "Damp at Alder Court.eml")])
    forwarded_original(Inner(Cl("oyelaran"), [U("zielinski")]))

    # ---------------------------------------------------------------- 0006
    email(6, "street-tree-programme", style="gmail",
          expect=[sc(C("nrahman"))],
          why="Both Rahmans are blind-copied; the note 'cc Cllr I. Rahman' narrows to Idris Rahman by initial, so the Leader's copy is silent.",
          frm=O("osei"), to=[Cl("lindqvist")], bcc=[C("nrahman"), C("irahman")],
          date=when(2025, 2, 6, 18, 20, 3), subject="Street tree planting 2025/26 - Tannery and Riverside",
          own="""
            Dear Hannah,

            Thank you for the list of streets. We can plant 46 trees in Tannery ward this winter; Kiln Lane and the north side of Tannery Walk have too many services under the footway, so those will have to wait for the root-barrier trial.

            The full programme is on the Environment and Transport Committee agenda for 13 March.

            Kind regards
            Daniel

            cc Cllr I. Rahman

            [[sig:osei]]
            """)

    # ---------------------------------------------------------------- 0007
    own7 = """
        Members' Enquiry ME/25/3318
        To: Cllr Eleanor Voss
        Copied to: Chair of the Planning Committee
        Subject: 7 Pelham Street - change of use to a nine-bedroom HMO (25/0744/FUL)

        Dear Cllr Voss,

        Thank you for your enquiry. The application has drawn 63 objections and is outside the delegation scheme, so it will be decided by the Planning Committee, provisionally on 17 July. Ward members may speak for up to three minutes; please let Democratic Services know by noon two working days before.

        Members' Enquiries
        Governance Directorate | London Borough of Kingsmere
        """
    m = EmailMessage()
    m["From"] = kit.addrlist([U("members")])
    m["To"] = kit.addrlist([Cl("voss")])
    m["Bcc"] = kit.addrlist([C("lindqvist"), C("irahman", 1)])
    m["Subject"] = "Members' Enquiry ME/25/3318 - response"
    m["Date"] = kit.rfcdate(when(2025, 6, 26, 11, 30, 0))
    m.set_raw("Message-ID", "<me.25.3318.response.8e41c2@casework.kingsmere.gov.uk>")
    m["X-Mailer"] = "Kingsmere Casework 4.2"
    m.set_content("This message was sent from the Members' Enquiries system. Please view it in HTML.\n")
    rows = "".join(f'<tr><td style="font-weight:bold;padding:2px 12px 2px 0">{k}</td><td>{kit.esc(v)}</td></tr>'
                   for k, v in [("To:", "Cllr Eleanor Voss"), ("Copied to:", "Chair of the Planning Committee"),
                                ("Enquiry:", "ME/25/3318"),
                                ("Subject:", "7 Pelham Street - change of use to a nine-bedroom HMO (25/0744/FUL)")])
    body = kit.dedent(own7).split("\n\n", 1)[1]
    paras = "".join(f"<p>{kit.esc(p).replace(chr(10), '<br>')}</p>" for p in body.split("\n\n"))
    m.add_alternative(f'<html><body style="font-family:Arial,sans-serif;font-size:11pt">'
                      f'<table style="border-collapse:collapse;margin-bottom:16px">{rows}</table>{paras}</body></html>\n',
                      subtype="html", cte="quoted-printable")
    m.set_boundary("----=_Part_3318_1750933800000")
    for part in m.iter_parts():
        del part["MIME-Version"]
    custom_email(7, "members-enquiry-pelham-street-hmo", m,
                 expect=[sc(C("irahman", 1))],
                 why="The only copy note, a 'Copied to:' row of the HTML header table, names the Chair of the Planning Committee; the Vice-Chair's blind copy at his Gmail address is silent.",
                 frm=U("members"), to=[Cl("voss")], bcc=[C("lindqvist"), C("irahman", 1)], own=own7)

    # ---------------------------------------------------------------- 0008
    email(8, "register-of-interests-reminder", style="gmail",
          expect=[sc(C("bains", 1))],
          why="The Monitoring Officer blind-copies Cllr Bains's personal address; 'I will brief Cllr Bains separately' promises a later briefing and is not a copy note.",
          frm=O("ashdown"), to=[Cl("voss")], bcc=[C("bains", 1)],
          date=when(2025, 7, 8, 8, 55, 12), subject="Your register of interests",
          own="""
            Dear Cllr Voss,

            Thank you for telling me about your appointment to the board of the Ashgrove Community Trust. Please add it to your register of interests within 28 days (by 31 July); the form is in the members' portal. As the Trust leases the Ashgrove Centre from the Council you should also take advice before any item about the lease.

            I will brief Cllr Bains separately, as Chair of Audit and Governance, on the annual return figures.

            Kind regards,

            [[sig:ashdown]]
            """)

    # ---------------------------------------------------------------- 0009
    t = when(2025, 11, 18, 15, 7, 44)
    dest = C("mulligan", 1)[1]
    rc = ("from mail-ej1-f52.google.com (mail-ej1-f52.google.com [192.0.2.52])\n"
          f"        by mx1.lbkingsmere.org.uk (Postfix) with ESMTPS id 4dQx7K2mWbz9sLq\n"
          f"        for <{dest}>; {kit.rfcdate(when(2025, 11, 18, 15, 7, 47))}")
    email(9, "cutlers-green-tree-planting-delivered", style="gmail",
          expect=[sc(dest)],
          why="A delivered copy at Cllr Mulligan's legacy-domain mailbox (X-Original-To) of an email to Cllr Nowak and the Mayor; 'cc Mayor' does not name the Deputy Mayor.",
          frm=U("macrae"), to=[Cl("nowak")], cc=[C("moreno", 1, display="The Mayor")],
          date=t, subject="Cutler's Green - Mayor's tree planting, 29 November",
          prepend=[("Return-Path", f"<{U('macrae')[1]}>"), ("X-Original-To", dest), ("Delivered-To", dest),
                   ("Received", rc)],
          delivered=[dest],
          own="""
            Dear Cllr Nowak,

            Arrangements for the tree planting on Saturday 29 November: we meet at the Cutler's Green pavilion at 10am, the Mayor plants the first of twelve oaks at 10.30, and the Pelham Primary eco-club will do the rest with our arborists. Spades, gloves and tea are on us.

            cc Mayor

            Best regards,
            [[sig:macrae]]
            """)

    # ---------------------------------------------------------------- 0010
    email(10, "cowper-road-hmo-improvement-notice", style="outlook",
          expect=[sc(C("adebayo")), cf(T("ortiz"))],
          why="The housing officer's OFFICIAL-SENSITIVE-labelled email to Cllr Oyelaran about an improvement notice copies the tenant who complained and blind-copies the Chair of the Housing Committee without a note.",
          frm=U("zielinski"), to=[Cl("oyelaran")], cc=[T("ortiz")], bcc=[Cl("adebayo")],
          date=when(2025, 7, 9, 16, 40, 2), subject="RE: 9 Cowper Road - disrepair", in_reply_to=True,
          raw={"msip_labels": msip("OFFICIAL-SENSITIVE", "km0010", when(2025, 7, 9, 16, 38, 51))},
          own="""
            Dear Cllr Oyelaran,

            I inspected 9 Cowper Road on Monday with Mr Ortiz present. There are category 1 hazards for excess cold (the boiler has not worked since March) and for electrical safety. I am serving an improvement notice on the landlord, Mr Dragan Ilić, this week, with 21 days to restore heating and 28 days for a full electrical inspection.

            The landlord has two earlier notices at other addresses, so I am also considering a civil penalty; please keep that to yourself for now.

            Regards

            [[sig:zielinski]]

            """ + DISCLAIMER,
          earlier=Earlier("outlook", Cl("oyelaran"), when(2025, 7, 4, 18, 6), [U("zielinski")],
                          "9 Cowper Road - disrepair", """
            Dear Marek,

            Mr Ortiz (copied) rents the ground-floor flat at 9 Cowper Road. The boiler has not worked since March and there are bare wires in the kitchen. The landlord does not answer his phone. Can you help?

            Samuel Oyelaran
            """, cc=[T("ortiz")]))


def silent_copy_hard_negatives():
    # ---------------------------------------------------------------- 0011
    email(11, "old-forge-enforcement-update", style="gmail",
          expect=[],
          why="Cllr Lindqvist is blind-copied and the officer says so: '(Cllr Lindqvist is copied in as Chair of Planning.)'.",
          frm=U("tallis"), to=[Cl("voss")], bcc=[Cl("lindqvist")],
          date=when(2025, 1, 22, 13, 12, 30), subject="The Old Forge, Pelham Street - extraction flue",
          own="""
            Dear Cllr Voss,

            I visited The Old Forge on Monday. The extraction flue on the rear wall is unauthorised and I have written to the owner asking for an application or its removal within 28 days. I will let you know what he says. (Cllr Lindqvist is copied in as Chair of Planning.)

            Regards,
            [[sig:tallis]]
            """)

    # ---------------------------------------------------------------- 0012
    email(12, "alder-court-damp-reply", style="outlook",
          expect=[],
          why="Both blind copies are named: 'I am copying Cllr Oyelaran' (at his personal address) and 'Copy: Councillor R. Whitcombe'.",
          frm=U("zielinski"), to=[Cl("adebayo")], bcc=[C("oyelaran", 1, display="Sam Oyelaran"), Cl("whitcombe")],
          date=when(2025, 6, 25, 9, 3, 15), subject="Alder Court - inspection results",
          own="""
            Dear Cllr Adebayo,

            I inspected flats 6, 11 and 19 at Alder Court yesterday. All three have damp and mould that is not condensation alone: the gutters over the rear elevation are blocked and water is tracking into the walls. I will give the landlord 14 days to put it right informally before considering formal action.

            I am copying Cllr Oyelaran, who first raised this with me.

            Regards

            [[sig:zielinski]]

            Copy: Councillor R. Whitcombe
            """)

    # ---------------------------------------------------------------- 0013
    email(13, "ashgrove-park-bench", style="gmail",
          expect=[],
          why="Of the two blind copies one goes to Cllr Voss's own home address and the other is named by the lower-case note 'cc cllr fenwick'; the commitments are the officer's own.",
          frm=U("grant"), to=[Cl("voss")], bcc=[C("voss", 1), Cl("fenwick")],
          date=when(2025, 4, 28, 17, 2, 55), subject="Ashgrove Park - the broken bench",
          own="""
            Hi Eleanor,

            Sorry this has taken so long. We will replace the bench by the bowling green and repaint the railings along the Ashgrove Road side before the end of May. I've also sent this to your home email as you asked.

            cc cllr fenwick

            Hollie
            [[sig:grant]]
            """)

    # ---------------------------------------------------------------- 0014
    email(14, "kiln-lane-gullies-casework", style="gmail",
          expect=[],
          why="A councillor, not an officer, blind-copies the Leader, and his email asks officers to look into and chase a problem, which is casework, not an instruction.",
          frm=Cl("irahman"), to=[U("members")], bcc=[Cl("nrahman")],
          date=when(2025, 9, 15, 22, 41, 6), subject="Kiln Lane gullies - again",
          own="""
            Hello,

            After Sunday's rain Kiln Lane flooded outside numbers 30-48 for the third time this year. Could someone look into whether the gullies were cleared in the summer cycle, chase Thames Water about the sewer they were due to survey, and let me know what is planned?

            If it is not sorted I will raise it at the Environment and Transport Committee in October.

            Thanks
            Idris

            Cllr Idris Rahman
            Tannery ward
            """)

    # ---------------------------------------------------------------- 0015
    email(15, "tannery-walk-noise-monitoring", style="outlook", html_only=True,
          expect=[],
          why="A CONFIDENTIAL noise briefing to a councillor whose blind copies go only to officers, the Monitoring Officer and the noise team's mailbox; no councillor and no third party receives it hidden.",
          frm=U("gill"), to=[Cl("whitcombe")], bcc=[O("ashdown"), U("noise")],
          date=when(2025, 5, 14, 11, 48, 20), subject="CONFIDENTIAL: Tannery Walk noise monitoring",
          own="""
            Dear Cllr Whitcombe,

            CONFIDENTIAL

            The monitoring equipment at 14 Tannery Walk recorded amplified music from number 16 on five nights out of fourteen, at levels I consider a statutory nuisance. I intend to serve an abatement notice under section 80 of the Environmental Protection Act 1990 next week. Please do not share this with the complainant or the neighbours until the notice has been served.

            Regards

            [[sig:gill]]

            """ + DISCLAIMER)

    # ---------------------------------------------------------------- 0016
    email(16, "waste-round-changes", style="gmail",
          expect=[],
          why="The Deputy Leader and the Chair of the Environment and Transport Committee are blind-copied, and 'Copy to: Deputy Leader; Chair of Environment and Transport' names both by their titles in short.",
          frm=O("osei"), to=[Cl("nrahman")], bcc=[Cl("adebayo"), Cl("nowak")],
          date=when(2025, 8, 12, 7, 58, 40), subject="Collection round changes from 6 October",
          own="""
            Dear Leader,

            Ahead of Policy and Resources: the new rounds start on 6 October and about 9,000 households will change collection day. Every household gets a letter and a calendar in the week of 15 September, and the crews will tag bins for a fortnight.

            Copy to: Deputy Leader; Chair of Environment and Transport

            Daniel

            [[sig:osei]]
            """)

    # ---------------------------------------------------------------- 0017
    email(17, "station-parade-taxi-rank", style="outlook",
          expect=[],
          why="'cc Cllr Clarke' is a bare surname two councillors share, so it covers Joseph Clarke's blind copy; the email goes to the trade association but is labelled only OFFICIAL, which is not a confidential marking.",
          frm=U("fitch"), to=[Cl("oyelaran")], cc=[T("hackney")], bcc=[Cl("jclarke")],
          date=when(2025, 10, 1, 10, 20, 5), subject="[OFFICIAL] Station Parade taxi rank - night-time marshalling",
          raw={"msip_labels": msip("OFFICIAL", "km0017", when(2025, 10, 1, 10, 19, 2))},
          own="""
            Dear Councillor Oyelaran,

            Following the complaints about queuing on Station Parade after midnight, we will trial marshals at the rank on Friday and Saturday nights from 7 November. The Hackney Carriage Association has agreed to fund half of the cost. I will report the results to the Licensing Committee in February.

            cc Cllr Clarke

            Regards

            [[sig:fitch]]

            """ + DISCLAIMER)

    # ---------------------------------------------------------------- 0018
    email(18, "pelham-primary-school-street-reply", style="gmail",
          expect=[],
          why="The engineer replies only to Cllr Bains, quoting the thread he was already in with Cllr Nowak; a reply that merely quotes the thread is not a forward, and nobody is hidden.",
          frm=U("hussain"), to=[Cl("bains")], in_reply_to=True,
          date=when(2025, 9, 4, 14, 33, 18), subject="Re: School street at Pelham Primary",
          own="""
            Harjit,

            Yes - the experimental order can run for up to 18 months, and any objection made in the first six months is reported to the Environment and Transport Committee before it decides whether to make it permanent.

            [[sig:hussain]]
            """,
          quoted=(gmail_reply_attr(when(2025, 9, 3, 19, 2), Cl("nowak")), """
            Tariq,

            Thanks for the plan. Could the school street at Pelham Primary start after the October half term? Harjit, do you know whether the head has told parents yet?

            Piotr
            """))

    # ---------------------------------------------------------------- 0019
    t = when(2025, 7, 21, 9, 40, 12)
    rc = received(when(2025, 7, 21, 9, 40, 15), C("fclarke", 1)[1], seed="km0019",
                  frm="mail-sor-f69.google.com", ip="192.0.2.69")
    email(19, "cutlers-green-railings-delivered-own", style="gmail",
          expect=[],
          why="This delivered copy reached Cllr Felicity Clarke's own Gmail, to which her council mail is forwarded; she is the visible recipient, so no other councillor received it.",
          frm=U("macrae"), to=[Cl("fclarke")],
          date=t, subject="Pelham Gardens railings",
          prepend=[("Delivered-To", C("fclarke", 1)[1]), ("Received", rc),
                   ("X-Forwarded-To", C("fclarke", 1)[1]),
                   ("X-Forwarded-For", f"{C('fclarke')[1]} {C('fclarke', 1)[1]}")],
          delivered=[C("fclarke", 1)[1]],
          own="""
            Dear Cllr Clarke,

            The damaged section of railing at Pelham Gardens was made safe on Friday. The replacement panels are being fabricated and should be fitted in the week of 11 August.

            Best regards,
            [[sig:macrae]]
            """)

    # ---------------------------------------------------------------- 0020
    email(20, "riverside-care-home-bays-forward", style="gmail",
          expect=[],
          why="The engineer forwards his exchange with Cllr Whitcombe to Cllr Bains with Cllr Whitcombe visibly in Cc, so she is told.",
          frm=U("hussain"), to=[Cl("bains")], cc=[Cl("whitcombe")],
          date=when(2025, 10, 14, 12, 5, 31), subject="Fwd: Disabled bays outside Riverside Lodge",
          own="""
            Cllr Bains,

            Passing on Cllr Whitcombe's request below as the care home is just inside your ward boundary. We can mark two bays under the existing order.

            cc Cllr Whitcombe

            [[sig:hussain]]
            """,
          earlier=Earlier("gmail", Cl("whitcombe"), when(2025, 10, 13, 18, 22), [U("hussain")],
                          "Disabled bays outside Riverside Lodge", """
            Dear Tariq,

            The manager of Riverside Lodge care home tells me visitors with blue badges cannot park anywhere near the entrance. Could two disabled bays go in outside?

            Ruth
            """))


def obligation_emails():
    # ---------------------------------------------------------------- 0021
    email(21, "ashgrove-railings-quote", style="gmail",
          expect=[ob("nowak", C("nowak", 1)[1])],
          why="From his own Gmail and signed with his initials, Cllr Nowak accepts a contractor's quote for the Council and asks it to start on Monday.",
          frm=C("nowak", 1, display="Piotr Nowak"), to=[T("railings")],
          date=when(2025, 10, 9, 7, 12, 44), subject="Re: Quote KR-2291 - Ashgrove Road railings", in_reply_to=True,
          own="""
            Morning Wes,

            Thanks for sharpening the pencil. £4,300 for the 40 metres of railing outside the school is fine - go ahead on that basis. Could your team start on Monday 13th so it's done before half term?

            PN

            Sent from my Galaxy
            """,
          quoted=(gmail_reply_attr(when(2025, 10, 8, 16, 40), T("railings")), """
            Cllr Nowak,

            Following your site visit, our revised price for supplying and fixing 40m of bow-top railing on Ashgrove Road is £4,300 plus VAT. We could start from the 13th.

            Regards
            Wes Baptiste
            Thameside Railings & Fencing Ltd
            """), html_alt=False)

    # ---------------------------------------------------------------- 0022
    email(22, "lamb-and-flag-review-withdraw", style="gmail",
          expect=[ob("fclarke", C("fclarke", 1)[1])],
          why="Signed 'Councillor Clarke' from Felicity Clarke's own Gmail (the address decides between the two Clarkes), it tells officers to withdraw the Council's review application: an instruction on the Council's behalf.",
          frm=C("fclarke", 1, display="Felicity Clarke"), to=[O("carvalho")], cc=[U("fitch")],
          date=when(2025, 6, 12, 23, 4, 19), subject="Lamb & Flag",
          own="""
            Inês, Aaron,

            I met Mr Albanese this evening. He has agreed to stop using the rear yard after 10pm and to put up signs asking smokers to keep the noise down. In the light of that I have decided the review should not go ahead: please withdraw the Council's application before the papers go out and let his solicitor know.

            Councillor Clarke
            """)

    # ---------------------------------------------------------------- 0023
    email(23, "alder-court-ra-cil-funding", style="gmail",
          expect=[ob("oyelaran")],
          why="Signed by first name from his council address, Cllr Oyelaran tells a residents' association that £8,500 'will be released' to it: a passive commitment of the Council's money.",
          frm=Cl("oyelaran"), to=[T("alderra")],
          date=when(2025, 11, 4, 19, 31, 2), subject="Community garden - funding",
          own="""
            Dear Marcia,

            Good news on the community garden. £8,500 will be released to the association from the Neighbourhood CIL in January, which covers the raised beds, the shed and the water butts. Please send me your bank details and the name of the treasurer.

            Best wishes
            Samuel
            """)

    # ---------------------------------------------------------------- 0024
    email(24, "litter-bins-order-inline", style="gmail", html_alt=False,
          expect=[ob("nrahman")],
          why="The Leader's answers typed inline into the officer's questions ('[NR: yes - order them]') are her own text and tell the officer to spend and order for the Council.",
          frm=Cl("nrahman"), to=[U("grant")], in_reply_to=True,
          date=when(2025, 3, 27, 21, 15, 50), subject="Re: Riverside - extra litter bins",
          own="""
            Hollie - my answers below.

            N

            On Thu, 27 Mar 2025 at 10:02, Hollie Grant <hollie.grant@kingsmere.gov.uk> wrote:
            > Dear Cllr Rahman,
            >
            > Three questions on the Riverside bins before I go ahead:
            >
            > 1. Do you want the 40 big-belly bins from Streetline (£6,200)
            > or the standard 90-litre bins (£2,100)?
            [NR: the Streetline ones - order them this week]
            > 2. Should the cost come from the Riverside ward budget?
            [NR: yes, put it against the ward budget]
            > 3. Do you want them before the Easter fair?
            [NR: yes please]
            >
            > Thanks
            > Hollie
            """)

    # ---------------------------------------------------------------- 0025
    email(25, "cowper-house-fence-pp", style="gmail",
          expect=[ob("fenwick")],
          why="The caseworker signs 'p.p. Cllr Lucy Fenwick', so the email goes out over the councillor's name, and it promises that the Council will replace the fence.",
          frm=Cl("fenwick"), to=[T("hughes")],
          date=when(2025, 10, 22, 15, 45, 9), subject="Fence at the back of Cowper House",
          own="""
            Dear Ms Hughes,

            Thank you for the photographs. I'm pleased to tell you that the Council will replace the broken fence panels along the back of Cowper House by the end of November, and will cut back the brambles at the same time.

            Yours sincerely,

            Ellie Marsh
            p.p. Cllr Lucy Fenwick
            Ashgrove ward
            """)

    # ---------------------------------------------------------------- 0026
    email(26, "ashgrove-road-drainage", style="gmail", cte="base64",
          expect=[],
          why="Over her own name, Cllr Voss says 'the Council will be looking at' the drainage: attention promised, no act to pay, provide, do or refrain from, so no obligation (issue 7 lists 'The Council will be aware/looking at' as not flagged).",
          frm=Cl("voss"), to=[T("whitlock")],
          date=when(2025, 9, 30, 20, 8, 37), subject="Ashgrove Road flooding",
          own="""
            Dear Mr Whitlock,

            Thank you for your email and the video of the water at the bottom of Ashgrove Road. I am sorry your front garden flooded again.

            The Council will be looking at the drainage on Ashgrove Road over the winter, including the soakaway by the bus stop.

            With best wishes,

            Cllr Eleanor Voss
            Ashgrove ward
            """)


def obligation_hard_negatives():
    # ---------------------------------------------------------------- 0027
    email(27, "cowper-house-door-entry-caseworker", style="gmail",
          expect=[],
          why="Sent from Cllr Fenwick's account but signed by her caseworker, without pp, so it is not over the councillor's name, although it promises a repair.",
          frm=Cl("fenwick"), to=[T("hughes")],
          date=when(2025, 11, 27, 11, 2, 0), subject="Door entry at Cowper House",
          own="""
            Dear Ms Hughes,

            I've spoken to the housing repairs team and the Council will have the door entry system at Cowper House repaired by Friday. If it isn't working by Monday, please let me know.

            Kind regards,

            Ellie Marsh
            Caseworker to Cllr Lucy Fenwick
            """)

    # ---------------------------------------------------------------- 0028
    email(28, "pelham-street-zebra-crossing", style="outlookcom",
          expect=[],
          why="Cllr Nowak reports what the Environment and Transport Committee decided; the crossing and its timing are attributed to the committee and officers.",
          frm=Cl("nowak"), to=[T("pelhamrg")],
          date=when(2025, 3, 6, 18, 47, 13), subject="Pelham Street – the crossing",
          own="""
            Dear neighbours,

            I'm delighted to say that at its meeting on 4 March the Environment and Transport Committee agreed to put a zebra crossing on Pelham Street outside the library. Officers expect the work to take place in July, and they will write to every household beforehand.

            Thank you to everyone who signed the petition.

            Cllr Piotr Nowak
            Chair of the Environment and Transport Committee
            """)

    # ---------------------------------------------------------------- 0029
    email(29, "pelham-primary-prizes-mayor", style="gmail",
          expect=[],
          why="Sent from the Mayor's mailbox, which is the Mayor's address in the register, but signed by the Mayor's Secretary; and the only promise is the Mayor's own attendance.",
          frm=C("moreno", 1, display="The Mayor of Kingsmere"), to=[T("school")],
          date=when(2025, 6, 2, 10, 30, 0), subject="Invitation - Pelham Primary prize-giving, 16 July",
          own="""
            Dear Mrs Adeyemi,

            Thank you for inviting the Mayor to Pelham Primary's prize-giving on 16 July. The Mayor will be delighted to attend and to present the prizes. She will arrive at 1.45pm with her consort; please could you let me know where her car can park.

            With kind regards,

            Ayesha Karim
            Mayor's Secretary
            London Borough of Kingsmere
            """)


def disclosure_emails():
    # ---------------------------------------------------------------- 0030
    email(30, "tannery-walk-noise-to-complainant", style="gmail",
          expect=[cf(T("finchley"))],
          why="Cllr Idris Rahman forwards to the complainant a noise officer's email to ward members whose subject ends '- Confidential'.",
          frm=Cl("irahman"), to=[T("finchley")],
          date=when(2025, 4, 23, 21, 40, 2), subject="Fwd: Noise from 16 Tannery Walk - Confidential",
          own="""
            Deborah, see below - at least you know it is being taken seriously.

            Idris
            """,
          earlier=Earlier("gmail", U("gill"), when(2025, 4, 23, 15, 18), [Cl("irahman"), Cl("voss")],
                          "Noise from 16 Tannery Walk - Confidential", """
            Dear Councillors,

            I have installed recording equipment at 14 Tannery Walk for two weeks. If the recordings show a statutory nuisance I will serve an abatement notice on the occupier of number 16. Please do not share this with the residents yet; the occupier has not been told that monitoring is taking place.

            [[sig:gill]]
            """))

    # ---------------------------------------------------------------- 0031
    note = Letter(
        letterhead=[COUNCIL, "Planning and Building Control"],
        to_lines=["To: Ward councillors, Tannery ward", "From: Callum Reid, Head of Planning and Building Control"],
        date="9 September 2025", refs=["Appeal APP/K5999/W/25/3321407 - land at 40-44 Kiln Lane"],
        salutation="Members,", heading="Kiln Lane appeal: costs risk and our case",
        body=["""
            The appellant has applied for costs against the Council. Counsel's view is that our second reason for refusal (parking stress) is weak because the highways officer did not object, and that an award of partial costs is likely if we defend it.""",
              """
            I recommend that the Council withdraws the second reason and defends the appeal on design and overlooking only. Please do not discuss this with the appellant or objectors before the statement of case is submitted on 19 September."""],
        valediction="", signature=["Callum Reid"],
        page_footer="NOT FOR PUBLICATION - exempt information under paragraph 5 of Part 1 of Schedule 12A to the Local Government Act 1972")
    email(31, "kiln-lane-appeal-note-to-agent", style="gmail",
          expect=[cf(T("stroud"))],
          why="Cllr Voss forwards the Head of Planning's appeal note to ward members, whose page footer reads NOT FOR PUBLICATION, to the appellant's agent.",
          frm=Cl("voss"), to=[T("stroud")],
          date=when(2025, 9, 11, 8, 2, 55), subject="Fwd: Kiln Lane appeal - note for ward members",
          own="""
            Mr Stroud,

            As promised, the note from the planning department. You may find it useful.

            Eleanor Voss
            """,
          earlier=Earlier("gmail", O("reid"), when(2025, 9, 9, 17, 30), [Cl("voss"), Cl("irahman"), Cl("whitcombe")],
                          "Kiln Lane appeal - note for ward members", """
            Dear Councillors,

            Please see the attached note on the Kiln Lane appeal.

            Callum
            """),
          attach=[(note.docx(COUNCIL, "Kiln Lane appeal"), *DOCX, "Kiln Lane appeal - note for ward members.docx")])

    # ---------------------------------------------------------------- 0032
    brief = Letter(
        letterhead=["Kingsmere Regulatory Services", "Licensing"],
        to_lines=["Briefing for members of the Licensing Sub-Committee", "Hearing of 22 July 2025"],
        date="7 July 2025", refs=["Premises licence KM/PL/0412 - The Lamb & Flag, 41 Pelham Street"],
        salutation="Members,", heading="Review of the premises licence: the Council's evidence",
        body=["""
            Environmental Health applied for the review after 23 complaints of noise from the rear yard between February and May. Officers witnessed amplified music audible at the nearest house at 11.40pm on two occasions.""",
              """
            The police support the review and will ask the Sub-Committee to remove the yard from the licensed area. The licence holder has not yet responded. This briefing is for members only."""],
        valediction="", signature=["Inês Carvalho", "Licensing Manager"],
        page_header="OFFICIAL-SENSITIVE")
    email(32, "lamb-and-flag-briefing-to-licensee", style="outlookcom", html_alt=False,
          expect=[ob("mulligan", C("mulligan", 2)[1]), cf(T("albanese"))],
          why="From his own hotmail Cllr Mulligan sends the licensee the Licensing Manager's briefing to sub-committee members, headed OFFICIAL-SENSITIVE, and promises that the Council will not oppose his variation on a condition.",
          frm=C("mulligan", 2, display="Conor Mulligan"), to=[T("albanese")],
          date=when(2025, 7, 10, 23, 18, 41), subject="FW: Lamb & Flag review - briefing for members",
          own="""
            Gino - have a look at the attachment so you know what's coming. Between us, if you agree to close the yard at 9pm the Council won't oppose your variation application.

            Conor

            Get Outlook for Android
            """,
          earlier=Earlier("outlook", O("carvalho"), when(2025, 7, 7, 16, 2),
                          [Cl("fclarke"), Cl("mulligan"), Cl("jclarke")],
                          "Lamb & Flag review - briefing for members", """
            Dear Councillors,

            Please find attached a briefing for the hearing on 22 July.

            Inês
            """),
          attach=[(brief.pdf(COUNCIL, "Lamb & Flag review briefing"), "application", "pdf",
                   "Lamb and Flag review - briefing for members.pdf")])

    # ---------------------------------------------------------------- 0033
    inner = inner_message(frm=U("dar"), to=[Cl("jclarke")], date=when(2025, 8, 19, 13, 5),
                          subject="Golden Wok, 3 Station Parade", seed="km0033-inner",
                          extra=[("Sensitivity", "Private")], text="""
            Dear Cllr Clarke,

            You asked about the Golden Wok. We inspected on 14 August after a complaint and found a mouse infestation and no hot water at the wash-hand basin. The owner closed voluntarily for 48 hours while a pest contractor treated the premises; we will re-rate it at the revisit next week. We are considering a prosecution.

            [[sig:dar]]
            """)
    email(33, "golden-wok-inspection-to-press", style="gmail",
          expect=[cf(T("tam"))],
          why="Cllr Joseph Clarke sends a reporter, as an attached original, a food safety officer's email to him whose Sensitivity header is Private.",
          frm=Cl("jclarke"), to=[T("tam")],
          date=when(2025, 8, 19, 18, 44, 10), subject="Golden Wok",
          own="""
            Rosie,

            The email I mentioned is attached. Please don't quote me directly.

            Joseph
            """,
          attach=[("message", inner, "Golden Wok, 3 Station Parade.eml")])

    # ---------------------------------------------------------------- 0034
    t = when(2025, 10, 28, 19, 12, 25)
    rc = received(when(2025, 10, 28, 19, 12, 28), T("mistry")[1], seed="km0034",
                  frm="mail-sor-f73.google.com", ip="192.0.2.73")
    email(34, "hornbeam-yard-prosecution-delivered", style="gmail",
          expect=[cf(T("mistry"))],
          why="A delivered copy at a resident's Gmail of Cllr Bains's forward of an environmental crime officer's STRICTLY CONFIDENTIAL email; the resident is an envelope recipient.",
          frm=Cl("bains"), to=[Cl("voss")],
          date=t, subject="Fwd: STRICTLY CONFIDENTIAL: Hornbeam Yard fly-tipping",
          prepend=[("Delivered-To", T("mistry")[1]), ("Received", rc)],
          delivered=[T("mistry")[1]],
          own="""
            Eleanor - FYI, as Hornbeam Yard is on our boundary.

            Harjit
            """,
          earlier=Earlier("gmail", U("walsh"), when(2025, 10, 28, 11, 40), [Cl("bains")],
                          "STRICTLY CONFIDENTIAL: Hornbeam Yard fly-tipping", """
            Dear Cllr Bains,

            We have identified the van seen tipping at Hornbeam Yard from the camera footage, and the keeper has been interviewed under caution. Legal Services are reviewing the file for a prosecution under section 33 of the Environmental Protection Act 1990. Please keep this to yourself until a decision is made.

            [[sig:walsh]]
            """))

    # ---------------------------------------------------------------- 0035
    email(35, "blackthorn-wharf-to-farleigh-green", style="gmail",
          expect=[cf(T("andrade"))],
          why="Cllr Nowak forwards a planning enforcement officer's 'CONFIDENTIAL -' email to him to an officer of the neighbouring borough, who is a third party.",
          frm=Cl("nowak"), to=[T("andrade")],
          date=when(2025, 11, 6, 9, 21, 45), subject="Fwd: CONFIDENTIAL - Blackthorn Wharf enforcement notice",
          own="""
            Phil,

            Sharing this so your team knows what we are doing on our side of the wharf. Happy to talk.

            Piotr
            """,
          earlier=Earlier("gmail", U("tallis"), when(2025, 11, 5, 16, 55), [Cl("nowak")],
                          "CONFIDENTIAL - Blackthorn Wharf enforcement notice", """
            Dear Cllr Nowak,

            We will serve an enforcement notice on Wharfside Living Ltd on 12 November requiring the unauthorised storage containers on the Kingsmere side of Blackthorn Wharf to be removed. The company has not been told yet.

            [[sig:tallis]]
            """))

    # ---------------------------------------------------------------- 0036
    email(36, "private-hire-suspension-reply-to-driver", style="gmail", html_alt=False,
          expect=[cf(T("yilmaz"))],
          why="Cllr Felicity Clarke replies to a suspended driver quoting the licensing officer's email to her, which opens 'PRIVATE & CONFIDENTIAL - NOT FOR ONWARD TRANSMISSION'.",
          frm=C("fclarke", 1, display="Felicity Clarke"), to=[T("yilmaz")],
          date=when(2025, 2, 18, 20, 31, 6), subject="Re: Private hire driver PHD/1147 - suspension",
          own="""
            Mr Yilmaz,

            I'm afraid I can't overturn the suspension - that is for the Licensing Sub-Committee, and as its Chair I must keep an open mind. I have put below what the licensing team told me so you can see where things stand. I will ask them to make sure your appeal papers reach the sub-committee.

            Felicity Clarke
            """,
          quoted=(gmail_reply_attr(when(2025, 2, 18, 9, 12), U("fitch")), """
            PRIVATE & CONFIDENTIAL - NOT FOR ONWARD TRANSMISSION

            Dear Cllr Clarke,

            Mr Yilmaz's private hire driver's licence was suspended with immediate effect on 14 February after the police told us of an allegation of assault on a passenger. The suspension will be reviewed at the sub-committee on 3 March. Please do not discuss the allegation with him.

            Aaron Fitch
            Licensing Enforcement Officer
            """))

    # ---------------------------------------------------------------- 0037
    email(37, "market-parade-street-trading-to-trader", style="outlook",
          expect=[cf(T("papadakis"))],
          why="Cllr Fenwick forwards the Licensing Manager's street trading email, marked 'Not for circulation beyond ward members', to the trader.",
          frm=Cl("fenwick"), to=[T("papadakis")],
          date=when(2025, 5, 7, 12, 49, 30), subject="FW: Market Parade - street trading consents",
          own="""
            Kostas,

            This is what the licensing team told us. I hope it helps you plan for the summer.

            Lucy
            """,
          earlier=Earlier("outlook", O("carvalho"), when(2025, 5, 6, 15, 10), [Cl("fenwick"), Cl("voss"), Cl("jclarke")],
                          "Market Parade - street trading consents", """
            Dear Councillors,

            Not for circulation beyond ward members.

            Following the complaints about the food stalls on Market Parade, officers are minded to refuse to renew two of the five street trading consents when they expire on 30 June, including Mr Papadakis's. He will be given the chance to make representations first.

            Inês Carvalho
            Licensing Manager
            """))


def disclosure_hard_negatives():
    # ---------------------------------------------------------------- 0038
    email(38, "old-forge-update-to-complainant", style="gmail",
          expect=[],
          why="Cllr Voss forwards an unmarked enforcement update to the complainant; the only 'confidential' is in the shared service's disclaimer, and her own promise is to chase the officer herself.",
          frm=Cl("voss"), to=[T("rowntree")],
          date=when(2025, 2, 25, 17, 50, 22), subject="Fwd: The Old Forge - flue",
          own="""
            Dear Helen,

            The latest from the enforcement officer is below. I'll chase Rhys again next week and come back to you.

            Eleanor
            """,
          earlier=Earlier("gmail", U("tallis"), when(2025, 2, 25, 10, 3), [Cl("voss")], "The Old Forge - flue", f"""
            Dear Cllr Voss,

            The owner of The Old Forge has submitted an application for the extraction flue (25/0233/FUL). Neighbours will be consulted and can comment until 20 March. Enforcement action is on hold while the application is considered.

            [[sig:tallis]]

            {COUNCIL_DISCLAIMER}
            """))

    # ---------------------------------------------------------------- 0039
    email(39, "regulatory-restructure-to-union", style="gmail",
          expect=[],
          why="A CONFIDENTIAL officer email to councillors sent on to a union official, but it concerns staffing (a restructure of the regulatory team), not a regulatory matter.",
          frm=Cl("bains"), to=[T("lyle")],
          date=when(2025, 1, 14, 20, 2, 40), subject="Fwd: CONFIDENTIAL - Regulatory Services restructure",
          own="""
            Bernadette,

            For the branch, ahead of the consultation meeting.

            Harjit
            """,
          earlier=Earlier("gmail", U("quaye"), when(2025, 1, 14, 9, 30), [Cl("nrahman"), Cl("bains")],
                          "CONFIDENTIAL - Regulatory Services restructure", """
            Dear Leader, dear Cllr Bains,

            CONFIDENTIAL

            Formal consultation on the restructure of Kingsmere Regulatory Services opens on 3 February. Eleven posts in licensing, food safety and noise are affected; we expect four redundancies, most of them voluntary. Staff will be briefed on the morning of the 3rd.

            [[sig:quaye]]
            """))

    # ---------------------------------------------------------------- 0040
    email(40, "cutlers-green-pavilion-licence-to-occupy", style="gmail",
          expect=[],
          why="A 'Private and Confidential' officer email about a licence to occupy the Council's own pavilion is property, not regulation; the peppercorn commitment is in the forwarded officer's text only.",
          frm=Cl("oyelaran"), to=[T("mayers")],
          date=when(2025, 8, 27, 10, 16, 33), subject="Fwd: Private and Confidential - Cutler's Green pavilion",
          own="""
            Leon - good news below!

            Samuel
            """,
          earlier=Earlier("gmail", U("pryor"), when(2025, 8, 26, 14, 45), [Cl("oyelaran")],
                          "Private and Confidential - Cutler's Green pavilion", """
            Dear Cllr Oyelaran,

            Private and Confidential

            The Policy and Resources Committee has approved the arrangement. The Council will grant the boxing club a three-year licence to occupy the Cutler's Green pavilion at a peppercorn, with the club responsible for internal repairs. I will send the draft licence to the club next week.

            [[sig:pryor]]
            """))

    # ---------------------------------------------------------------- 0041
    inner = inner_message(frm=O("reid"), to=[Cl("lindqvist")], date=when(2025, 10, 2, 11, 20),
                          subject="Kiln Lane - discharge of condition 7", seed="km0041-inner", style="gmail",
                          extra=[("Sensitivity", "Personal")], text="""
            Hannah,

            The details submitted for condition 7 (the construction management plan) at 40-44 Kiln Lane are acceptable, and I will discharge the condition under delegated powers on Monday. Ward members have been told.

            [[sig:reid]]
            """)
    email(41, "kiln-lane-condition-personal-to-agent", style="gmail",
          expect=[],
          why="The attached officer email to the Chair of Planning carries only 'Sensitivity: Personal', which is not a confidential marking.",
          frm=Cl("lindqvist"), to=[T("stroud")],
          date=when(2025, 10, 2, 16, 5, 0), subject="Kiln Lane condition 7",
          own="""
            Mr Stroud,

            Callum's email is attached; your client can plan on the condition being discharged next week.

            Regards
            Hannah Lindqvist
            """,
          attach=[("message", inner, "Kiln Lane - discharge of condition 7.eml")])

    # ---------------------------------------------------------------- 0042
    email(42, "farleigh-green-depot-noise", style="gmail",
          expect=[],
          why="The CONFIDENTIAL noise email was written by another borough's officer, who is a third party, so it is not an officer's correspondence; the forward's note attributes any action to officers.",
          frm=Cl("nowak"), to=[T("whitlock")],
          date=when(2025, 12, 3, 9, 48, 14), subject="Fwd: CONFIDENTIAL - Blackthorn Lane depot noise",
          own="""
            Mr Whitlock,

            Farleigh Green's reply is below. Our own noise officers will be looking at whether they can add anything from the Kingsmere side.

            Cllr Piotr Nowak
            """,
          earlier=Earlier("gmail", T("bello"), when(2025, 12, 2, 15, 30), [Cl("nowak"), Cl("bains")],
                          "CONFIDENTIAL - Blackthorn Lane depot noise", """
            Dear Councillors,

            CONFIDENTIAL

            Farleigh Green Council's depot on Blackthorn Lane is on our side of the boundary. We have received your residents' complaints about reversing alarms before 6am and are assessing whether they amount to a statutory nuisance. I will write again when the assessment is finished.

            Nkechi Bello
            Environmental Health Officer
            London Borough of Farleigh Green
            """))

    # ---------------------------------------------------------------- 0043
    email(43, "pelham-street-enforcement-covering-note", style="gmail",
          expect=[],
          why="The only marking is on Cllr Clarke's own covering note; the forwarded enforcement officer's email is unmarked, and the councillor refuses payment rather than committing the Council.",
          frm=Cl("jclarke"), to=[T("rowntree")],
          date=when(2025, 3, 19, 21, 22, 17), subject="Fwd: 12 Pelham Street - rear extension",
          own="""
            CONFIDENTIAL - please keep this to yourself.

            Helen, the enforcement officer's update is below. I'm afraid the Council cannot agree to pay for the party wall survey you asked about; that is a private matter between neighbours.

            Joseph
            """,
          earlier=Earlier("gmail", U("tallis"), when(2025, 3, 19, 12, 7), [Cl("jclarke")],
                          "12 Pelham Street - rear extension", """
            Dear Cllr Clarke,

            The rear extension at 12 Pelham Street is 0.6m deeper than the approved plans. I have asked the owner to apply to regularise it within 28 days; if he does not, I will consider an enforcement notice.

            [[sig:tallis]]
            """))

    # ---------------------------------------------------------------- 0044
    email(44, "cutlers-green-toilets-budget", style="gmail",
          expect=[],
          why="A Confidential budget proposal; the words Environmental Health, Licensing and Planning Enforcement appear only in the Director's signature block.",
          frm=Cl("whitcombe"), to=[T("cutlers")],
          date=when(2025, 11, 12, 19, 55, 48), subject="Fwd: Confidential - Cutler's Green toilets",
          own="""
            Dear Friends,

            I thought you should see this before the budget consultation opens. I will be arguing against it.

            Ruth Whitcombe
            """,
          earlier=Earlier("gmail", O("osei"), when(2025, 11, 12, 9, 10), [Cl("whitcombe"), Cl("oyelaran")],
                          "Confidential - Cutler's Green toilets", """
            Dear Councillors,

            Confidential

            To meet the 2026/27 savings target, the draft budget proposes closing the public toilets at Cutler's Green from April, saving £38,000 a year. The Policy and Resources Committee will consider the draft budget on 15 January.

            [[sig:osei]]
            """))


def clean_emails():
    # ---------------------------------------------------------------- 0045
    email(45, "planning-committee-agenda", style="gmail",
          expect=[],
          why="Democratic Services publishes a committee agenda to the committee's members, all visible; nothing is hidden or marked.",
          frm=O("venkatesh", 1, display="Kingsmere Committees"),
          to=[Cl("lindqvist"), Cl("irahman"), Cl("voss"), Cl("jclarke"), Cl("bains"), Cl("mulligan"), Cl("oyelaran")],
          date=when(2025, 7, 9, 12, 0, 0), subject="Planning Committee, 17 July 2025 - agenda published",
          own="""
            Dear Members of the Planning Committee,

            The agenda for the meeting on Thursday 17 July at 7pm in the Council Chamber is now on the website. The items are 7 Pelham Street (25/0744/FUL), the Riverside Estate phase 2 reserved matters and the quarterly enforcement report.

            The site visit to 7 Pelham Street is at 10am on Saturday 12 July.

            [[sig:venkatesh]]
            """)

    # ---------------------------------------------------------------- 0046
    email(46, "missed-bin-collection", style="gmail", cte="base64",
          expect=[],
          why="An officer's everyday reply to a resident.",
          frm=U("waste"), to=[T("achterberg")], in_reply_to=True,
          date=when(2025, 10, 16, 13, 44, 2), subject="Re: Missed recycling - 58 Orchard Row",
          own="""
            Dear Mr Achterberg,

            Sorry that your recycling was missed on Tuesday. The crew will return for it tomorrow, and we have added a note to the round so it does not happen again.

            [[sig:waste]]
            """)

    # ---------------------------------------------------------------- 0047
    email(47, "riverside-litter-pick-thanks", style="iphone",
          expect=[],
          why="The Mayor thanks volunteers; she commits nobody but herself.",
          frm=C("moreno", display="Beatriz Moreno"), to=[T("cleanup")],
          date=when(2025, 4, 13, 17, 6, 30), subject="Thank you!",
          own="""
            Dear all,

            What a morning - 64 bags from the riverside path and a shopping trolley from the water. Thank you to every one of you. I'll be back with my gloves for the September pick.

            Beatriz
            Mayor of Kingsmere

            Sent from my iPhone
            """)


def build_letters():
    # ---------------------------------------------------------------- L01
    letter(1, "friends-of-cutlers-green-orchard-pp", "txt", Letter(
        letterhead=council_letterhead("Office of the Leader of the Council"),
        to_lines=["Ms Joanna Whitfield", "Chair, Friends of Cutler's Green", "12 Orchard Row", "London E21 9CG"],
        date="3 March 2025", refs=["Our ref: LDR/25/061"],
        salutation="Dear Ms Whitfield,", heading="The community orchard",
        body=["""
            Thank you for showing me round the community orchard last month. It was a pleasure to meet so many of your volunteers.""",
              """
            I can confirm that the Council will pay for new fencing around the orchard, up to £6,000, and will waive the hire charge for the Cutler's Green pavilion for your autumn fair on 20 September. Please send the fencing quotes to my office."""],
        valediction="Yours sincerely,",
        signature=["Tamsin Bligh", "per pro Councillor Nadia Rahman", "Leader of the Council"]),
        expect=[ob("nrahman")],
        why="Signed 'per pro' by her assistant, the letter goes out over the Leader's name and commits the Council to paying for fencing and waiving a hire charge.")

    # ---------------------------------------------------------------- L02
    letter(2, "northbank-homes-decant-costs", "docx", Letter(
        letterhead=["From the Office of Councillor Olu Adebayo",
                    "Deputy Leader of the Council and Chair of the Housing Committee",
                    COUNCIL, *OFFICE_ADDRESS, "olu.adebayo@kingsmere.gov.uk"],
        to_lines=["Mr Femi Akinola", "Development Director", "Northbank Homes", "Unit 4, Wharf Road",
                  "London E21 3NB"],
        date="18 June 2025",
        salutation="Dear Femi,", heading="Riverside Estate phase 2: moving the Block C households",
        body=["""
            Thank you for our meeting on Monday. I know how anxious the fourteen households in Block C are about the move.""",
              """
            To keep the programme on track, Kingsmere will meet the removal and reconnection costs of each of the fourteen households, and will give them priority for the first homes in phase 1 that Northbank releases. My office will write to each household next week."""],
        valediction="With best wishes,",
        signature=["Olu Adebayo"]),
        expect=[ob("adebayo")],
        why="A letter headed 'From the Office of Councillor Olu Adebayo' and signed by him commits the Council to meeting households' moving costs.")

    # ---------------------------------------------------------------- L03
    letter(3, "minister-riverside-estate-regeneration", "pdf", Letter(
        letterhead=council_letterhead("Office of the Leader of the Council"),
        to_lines=["Minister of State for Local Government and English Devolution",
                  "Ministry of Housing, Communities and Local Government", "2 Marsham Street", "London SW1P 4DF"],
        date="24 April 2025",
        salutation="Dear Minister,", heading="Riverside Estate regeneration: bid to the Brownfield Housing Fund",
        body=["""
            I am writing to ask for your support for Kingsmere's bid to the Brownfield Housing Fund for the second phase of the Riverside Estate regeneration, which would replace 212 failing homes with 460 new ones, half of them for social rent.""",
              """
            I urge the Government to recognise the cost of remediating former industrial land along the river, which is higher than the fund's formula allows.""",
              """
            For our part, the Council will provide £2.4 million of match funding from its capital programme and will start on site in April 2026 if the bid succeeds. I would welcome the chance to show you the estate."""],
        valediction="Yours sincerely,",
        signature=["Councillor Nadia Rahman", "Leader of the London Borough of Kingsmere"]),
        expect=[ob("nrahman")],
        why="A representation to a Minister may bear the Leader's name, but this one commits the Council to match funding and a start date.")

    # ---------------------------------------------------------------- L04
    letter(4, "blackthorn-wharf-hoarding", "pdf", Letter(
        letterhead=council_letterhead("Chair of the Planning Committee"),
        to_lines=["The Directors", "Wharfside Living Ltd", "Blackthorn Wharf", "London E21 5WL"],
        date="15 October 2025",
        salutation="Dear Sirs,", heading="Advertising hoarding at Blackthorn Wharf",
        body=["""
            Residents have complained to me about the illuminated advertising hoarding you have put up along the wharf frontage, which does not have advertisement consent.""",
              """
            Provided the hoarding is taken down by 30 November, the Council will not take enforcement action over it."""],
        valediction="Yours faithfully,",
        signature=["Councillor Hannah Lindqvist", "Chair of the Planning Committee"]),
        expect=[ob("lindqvist")],
        why="The Chair of Planning's own letter makes a conditional commitment that the Council will refrain from enforcement.")

    # ---------------------------------------------------------------- L05
    letter(5, "minister-care-market-sustainability", "docx", Letter(
        letterhead=council_letterhead("Adult Social Care and Health Committee"),
        to_lines=["Minister of State for Care", "Department of Health and Social Care", "39 Victoria Street",
                  "London SW1H 0EU"],
        date="9 July 2025",
        salutation="Dear Minister,", heading="Home care in outer London",
        body=["""
            I am writing as Chair of Kingsmere's Adult Social Care and Health Committee about the state of the home care market in outer London.""",
              """
            Three of our eleven home care providers have handed back contracts this year. I urge the Government to make the Market Sustainability and Improvement Fund recurrent, and to set the fund's allocations on the real cost of care in London."""],
        valediction="Yours sincerely,",
        signature=["Councillor Ruth Whitcombe", "Chair of the Adult Social Care and Health Committee"]),
        expect=[],
        why="A representation to a Minister over a councillor's name that only urges the Government to act.")

    # ---------------------------------------------------------------- L06
    letter(6, "old-forge-pp-head-of-planning", "txt", Letter(
        letterhead=council_letterhead("Planning and Building Control"),
        to_lines=["Ms Helen Rowntree", "3 Forge Cottages", "Pelham Street", "London E21 8PS"],
        date="6 February 2025", refs=["Our ref: ENF/25/0031"],
        salutation="Dear Ms Rowntree,", heading="The Old Forge, Pelham Street",
        body=["""
            Councillor Lindqvist passed me your letter about the extraction flue at The Old Forge.""",
              """
            The Council has written to the owner. If the flue is neither removed nor the subject of a planning application by 7 March, we will serve an enforcement notice and will let you know when we do."""],
        valediction="Yours sincerely,",
        signature=["Nia Roberts", "pp Callum Reid", "Head of Planning and Building Control"]),
        expect=[],
        why="Signed pp for the Head of Planning, it is an officer's letter; the councillor is only mentioned.")

    # ---------------------------------------------------------------- L07
    letter(7, "food-bank-trustees-supermarket", "txt", Letter(
        letterhead=["Kingsmere Food Bank", "St Barnabas Hall, Tannery Walk, London E21 6TB",
                    "Registered charity no. 1209981"],
        to_lines=["The Store Manager", "FreshWay Superstore", "Station Parade", "London E21 4SP"],
        date="2 December 2025",
        salutation="Dear Mr Dunmore,", heading="Collection point",
        body=["""
            Thank you for offering space for a food bank collection point. Although I am also a councillor for Tannery ward, I write as Chair of Trustees.""",
              """
            We will collect the donations every Friday afternoon, we will staff the collection point on the first Saturday of each month, and we will send you a quarterly note of what your customers have given."""],
        valediction="Yours sincerely,",
        signature=["Harjit Bains", "Chair of Trustees, Kingsmere Food Bank"]),
        expect=[],
        why="Cllr Bains signs as Chair of Trustees of a charity whose 'we' is the charity, which commits the charity, not the Council.")

    # ---------------------------------------------------------------- L08
    letter(8, "lamb-and-flag-review-licensee", "pdf", Letter(
        letterhead=["Kingsmere Regulatory Services", "Licensing", *OFFICE_ADDRESS, "Tel: 020 7946 0531"],
        marking="PRIVATE AND CONFIDENTIAL - ADDRESSEE ONLY",
        to_lines=["Mr Gino Albanese", "Premises licence holder", "The Lamb & Flag", "41 Pelham Street", "London E21 8PS"],
        date="1 July 2025", refs=["Premises licence KM/PL/0412"],
        salutation="Dear Mr Albanese,", heading="Licensing Act 2003: application for review of your premises licence",
        body=["""
            I enclose a copy of the application by the Council's Environmental Health service for a review of the premises licence of The Lamb & Flag.""",
              """
            The Licensing Sub-Committee will hear the application on 22 July 2025 at 10am. You may attend with a representative and make representations; please tell me by 15 July whether you will."""],
        valediction="Yours sincerely,",
        signature=["Inês Carvalho", "Licensing Manager"],
        page_header="PRIVATE AND CONFIDENTIAL"),
        expect=[],
        why="An officer's own marked letter to a licence holder; it was never officer-to-councillor correspondence.")


def build_emails():
    silent_copy_emails()
    silent_copy_hard_negatives()
    obligation_emails()
    obligation_hard_negatives()
    disclosure_emails()
    disclosure_hard_negatives()
    clean_emails()


HARD = {
    **{f"messages/{n:04d}": [SC] for n in range(11, 21)},
    "messages/0013": [SC, OB], "messages/0014": [SC, OB], "messages/0015": [SC, CF], "messages/0017": [SC, CF],
    "messages/0026": [OB], "messages/0027": [OB], "messages/0028": [OB], "messages/0029": [OB], "messages/0036": [OB],
    "messages/0038": [CF, OB], "messages/0039": [CF], "messages/0040": [CF, OB], "messages/0041": [CF],
    "messages/0042": [CF, OB], "messages/0043": [CF, OB], "messages/0044": [CF],
    "letters/L05": [OB], "letters/L06": [OB], "letters/L07": [OB], "letters/L08": [CF],
}

README_INTRO = """
Fictional correspondence of a fictional London borough run under the **committee system** (no
Cabinet: the Leader chairs the Policy and Resources Committee, service committees have Chairs and
a Vice-Chair, and the Mayor and Deputy Mayor are ceremonial), written to test a checker of the
correspondence clauses of Member/Officer protocols (`protocol-rules.md` in `../shared` beside the checkout). The
borough's own mail is on **Google Workspace** (`kingsmere.gov.uk`: Gmail web and app layouts,
Gmail "---------- Forwarded message ---------" blocks, `Delivered-To` on councillors' personal
Gmail copies); its regulatory shared service (licensing, noise, housing standards, food, environmental
crime) still runs Microsoft 365 on the older domain `lbkingsmere.org.uk` (Outlook desktop,
`msip_labels`, `Sensitivity`, a disclaimer that says "confidential"). Fourteen councillors, most
with a personal address too; two pairs share a surname (Nadia and Idris Rahman, Felicity and
Joseph Clarke); the Mayor's role mailbox `mayor@` is one of her register addresses; one councillor
has a caseworker who writes from her account. Every person, address, case and telephone number
is invented (numbers are in Ofcom's drama ranges).
"""

README_FEATURES = """Gmail (multipart/alternative, "On ..., Name <addr> wrote:"
  replies with `>` quoting, answers typed inline, forwards as blocks and as attached originals),
  Outlook desktop (multipart and HTML-only, "From:/Sent:/To:/Subject:" blocks, `msip_labels`
  OFFICIAL and OFFICIAL-SENSITIVE), Outlook.com / Outlook for Android, iPhone, a casework system
  whose copy note is only a row of an HTML header table, quoted-printable and base64 bodies, RFC 2047
  names and subjects, delivered copies with `Delivered-To` (Gmail) and `X-Original-To` (Postfix),
  a Gmail auto-forward (`X-Forwarded-To`), .docx and .pdf attachments with marked page footers and
  headers."""

JUDGEMENT_CALLS = """
## Traps and the rule text that decides them

`silent-copy`
- 0001: "Copy: Councillor Felicity Clarke" with both Clarkes blind-copied: "a first name or initial
  narrows the note to the councillors it matches" - Joseph Clarke's copy is silent. 0017: "cc Cllr
  Clarke" with Joseph blind-copied: "A bare surname or title that several councillors share covers
  each of them" - not flagged. 0006: "cc Cllr I. Rahman" narrows to Idris; the Leader's copy is silent.
- 0007: the note is only a "Copied to:" row of the HTML header table (the plain part says "view it
  in HTML"): "a note that appears only in the HTML part counts". It names the "Chair of the Planning
  Committee" by that full title; the Vice-Chair's title is another one (as "`Leader` does not cover
  `Deputy Leader`"), so Idris Rahman's blind copy at his Gmail address is silent.
- 0009: "cc Mayor" does not name the Deputy Mayor: "`Leader` does not cover `Deputy Leader`". The
  copy is a delivered copy at the legacy-domain mailbox (`X-Original-To`/`Delivered-To`).
- 0016: "Copy to: Deputy Leader; Chair of Environment and Transport": "A short title drops the
  title's trailing qualifier ... `cc Chair` covers every councillor whose title starts 'Chair'".
- 0008: "I will brief Cllr Bains separately" - "A promise to tell someone later ... is not a note".
- 0011 "(Cllr Lindqvist is copied in ...)", 0012 "I am copying Cllr Oyelaran" and "Copy: Councillor
  R. Whitcombe", 0013 "cc cllr fenwick" ("A lower-case surname ... is still the surname") are
  notes; 0013's other blind copy goes to the visible councillor's own home address ("not the same
  councillor at another of their addresses"); 0019 is a delivered copy at the visible councillor's
  own Gmail.
- Forwards: 0003 (Gmail block; "A copy note in the forward does not cure a silent forward"), 0004
  (Outlook "From:/Sent:" block, to a personal hotmail address), 0005 (attached original). Not
  flagged: 0020 (councillor A is in Cc), 0018 ("a reply that merely quotes the thread is not one").
- 0014: a councillor blind-copies ("the protocol binds the officer"); 0015: Bcc to officers only.

`councillor-obligation`
- Over a councillor's name: L01 "per pro Councillor Nadia Rahman" ("a letter signed 'pp' ... for a
  councillor goes out over that councillor's name"), 0025 "Ellie Marsh p.p. Cllr Lucy Fenwick",
  L02 "From the Office of Councillor Olu Adebayo" with his sign-off, 0021 initials "PN" and 0023
  "Samuel" from the councillor's own address, 0022 "Councillor Clarke" ("When two councillors share
  the surname ... the sender's address decides"). Not over the name: 0027 caseworker's signature
  from the councillor's account ("signed by someone else ... without pp"), 0029 the Mayor's Secretary
  writing from `mayor@`, L06 "pp Callum Reid" ("'pp' for an officer is an officer's letter").
- Commitments: 0021 quote accepted and "Could your team start on Monday 13th?" ("put as a question
  to a contractor"), 0023 "£8,500 will be released" (passive), L04 "Provided the hoarding is taken
  down ..., the Council will not take enforcement action" (conditional, refrain), 0024 "[NR: ...
  order them this week]" typed inline ("answers typed inline into a quoted message" are own text),
  0022 "I have decided ... please withdraw the Council's application" ("I have decided" is the
  councillor's own act), 0032 "if you agree ... the Council won't oppose", L03 a Minister letter
  with match funding and a start date ("flagged for any commitment it makes").
- Judgement call, 0026: "The Council will be looking at the drainage on Ashgrove Road over the
  winter" was first labelled a commitment under "A statement in the author's own voice that the
  Council will do something is a commitment ..."; before any scoring the team lead relabelled it
  not flagged: being "aware" of or "looking at" a matter commits the Council to no act ("to pay,
  provide, do or refrain from something"), the reading issue 7 states. Its twin 0042 ("Our own
  noise officers will be looking at ...") is not flagged either.
- Not flagged: 0014 casework ("look into, chase or report on"), 0028 a committee decision reported,
  0043 and 0036 refusals, 0038 "I'll chase Rhys", 0040 a commitment only in forwarded text, L05 a
  Minister letter that only urges, L07 a councillor signing as Chair of Trustees of a charity.

`confidential-regulatory-disclosure`
- Markings: 0030 a trailing "- Confidential" in the subject, 0034 "STRICTLY CONFIDENTIAL:" (a
  delivered copy at a resident's Gmail: "a third party there counts as a recipient"), 0035
  "CONFIDENTIAL -" to another borough's officer ("Staff of other councils ... are third parties, both
  as recipients and as authors"), 0036 "PRIVATE & CONFIDENTIAL - NOT FOR ONWARD TRANSMISSION" in
  `>`-quoted text, 0037 "Not for circulation" in an Outlook forward block, 0033 `Sensitivity:
  Private` on an attached original, 0010 `msip_labels` OFFICIAL-SENSITIVE on the officer's own email
  that copies the tenant, 0031 "NOT FOR PUBLICATION" in a .docx page footer, 0032 OFFICIAL-SENSITIVE
  in a .pdf page header.
- Not markings: 0017 "[OFFICIAL]" and an OFFICIAL label ("`OFFICIAL` alone"), 0041 `Sensitivity:
  Personal`, 0038 the disclaimer, 0043 the councillor's own covering note ("The marking must be on the
  officer-to-councillor correspondence itself").
- Not regulatory: 0039 a restructure of the regulatory team (staffing), 0040 a licence to occupy
  the Council's pavilion, 0044 a budget proposal whose only regulatory words are in the signature
  block ("Words from a signature block ... do not make the subject regulatory").
- Not officer-to-councillor: 0042 another borough's officer as author, L08 the Licensing Manager's
  own letter to the licence holder; 0015 stays among councillors and officers.
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="only check the corpus on disk")
    a = ap.parse_args()
    if a.check:
        build_emails()
        build_letters()
    else:
        kit.build(CORPUS, build_emails, build_letters, HARD, README_INTRO, README_FEATURES)
        readme = (HERE / "README.md").read_text(encoding="utf-8")
        readme = readme.replace("`letters/*.txt|*.docx`", "`letters/*.txt|*.docx|*.pdf`")
        readme = readme.replace("has python-docx and PyYAML", "has python-docx, fpdf2, pdfminer.six and PyYAML")
        readme = readme.replace("\n## How the labels work", JUDGEMENT_CALLS + "\n## How the labels work")
        readme = readme.replace("written from `protocol-rules.md` and the seed protocols only",
                                "written from `protocol-rules.md` only (its rulings included)")
        (HERE / "README.md").write_text(readme, encoding="utf-8")
    problems = kit.check(CORPUS, HARD)
    for p in problems:
        print("PROBLEM:", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
