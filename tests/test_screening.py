"""Reading only as far as a rule can need: each rule's screen, the outline a reader leaves
when none passes, and the proof that it never changes a finding.

Every message here goes through the real readers (MIME built with ``testing.mime``, a PDF
letter, the corpora's files) and the real engine, read once with the checker's screen and
once whole.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from correspondence_guard import cli
from correspondence_guard import testing as t
from correspondence_guard.audit.units import iter_units, read_one, read_unit
from correspondence_guard.engine import Checker, RuleFailure
from correspondence_guard.errors import PolicyError
from correspondence_guard.model import Correspondence
from correspondence_guard.policy import Councillor, Officer, RuleSettings, load_policy
from correspondence_guard.rules import Breach, RuleSpec, load_rules

ROOT = Path(__file__).resolve().parents[1]
SHARED_CORPORA = ROOT.parent / "shared" / "corpus"
OWN = [ROOT / "samples", *sorted(p.parent for p in (ROOT / "tests" / "corpora").glob("*/labels.yaml"))]
SHARED = sorted(p.parent for p in SHARED_CORPORA.glob("*/labels.yaml")) or [SHARED_CORPORA / "ashbourne-vale"]
CORPORA = [pytest.param(c, id=c.name) for c in OWN] + [pytest.param(c, id=c.name, marks=pytest.mark.shared) for c in SHARED]

OFFICER = "Joe Bloggs <joe.bloggs@council.gov.uk>"
SMITH = "jane.smith@council.gov.uk"
EVANS = "r.evans@council.gov.uk"
RESIDENT = "pat.jones@example.com"
CONTRACTOR = "office@roadworks.example.co.uk"
REGISTER = t.register(
    councillors=[Councillor("Jane Smith", (SMITH,), ("Leader of the Council",)), Councillor("Robert Evans", (EVANS,))],
    officers=[Officer("Joe Bloggs", ("joe.bloggs@council.gov.uk",), "Planning Enforcement Officer")],
)
POLICY = t.policy(REGISTER)
CHECKER = Checker(POLICY)
SIGN_OFF = "\n\nKind regards\n\nJoe Bloggs\nPlanning Enforcement Officer\nTest Borough Council\n"
EVERYDAY = "Dear Pat,\n\nYour green bin will be collected on Tuesday; please leave it at the kerb by 7am." + SIGN_OFF
QUOTED = "\n\nOn 3 May 2026, Pat Jones <pat.jones@example.com> wrote:\n> My bin was missed again.\n> Pat\n"


def screened(message, checker: Checker = CHECKER, envelope=None) -> Correspondence:
    return read_one("test.eml", bytes(message), envelope, checker.could_fire)


def same_findings_both_ways(message, checker: Checker = CHECKER) -> tuple:
    outline_or_whole = screened(message, checker)
    whole = read_one("test.eml", bytes(message))
    assert not whole.outline
    assert checker.check(outline_or_whole) == checker.check(whole)
    return outline_or_whole, checker.check(whole)


def rules_of(findings) -> set[str]:
    return {f.rule for f in findings}


def test_everyday_mail_is_left_as_an_outline_holding_every_word():
    message = t.mime(OFFICER, [RESIDENT], "Re: Missed bin", EVERYDAY + QUOTED,
                     html="<p>Dear Pat,</p><p>Only in the HTML: a new collection calendar.</p>")
    doc, findings = same_findings_both_ways(message)
    assert doc.outline and findings == ()
    assert doc.signature is None and doc.nested == ()
    assert "> My bin was missed again." in doc.own_text  # unsplit: the quote is still in it
    assert "Only in the HTML" in doc.own_text
    assert doc.subject == "Re: Missed bin" and doc.sender.address == "joe.bloggs@council.gov.uk"


@pytest.mark.parametrize("where", ["quote", "html"])
def test_a_councillor_named_anywhere_means_a_whole_reading(where):
    """The obligation rule's screen: the name may stand in a quoted part or the HTML alone."""
    text = EVERYDAY + (QUOTED + "> Cllr Smith says the Council will pay.\n" if where == "quote" else "")
    html = "<p>Approved by the Leader of the Council.</p>" if where == "html" else None
    doc, _ = same_findings_both_ways(t.mime(OFFICER, [RESIDENT], "Re: Missed bin", text, html=html))
    assert not doc.outline and doc.signature is not None


def test_a_letter_signed_by_a_councillor_attached_by_an_officer_is_still_flagged():
    """The headers never rule out an obligation: the letter is read, and it names her."""
    letter = t.pdf_letter("Dear Sirs,\nThe Council will pay for the resurfacing; please start on Monday.\n"
                          "Yours faithfully,\nCllr Jane Smith")
    message = t.mime(OFFICER, [CONTRACTOR], "Resurfacing", "Please see the attached letter." + SIGN_OFF,
                     attachments=[("letter.pdf", letter)])
    doc, findings = same_findings_both_ways(message)
    assert not doc.outline and rules_of(findings) == {"councillor-obligation"}


def test_a_blind_copy_to_a_councillor_is_read_whole_and_flagged():
    message = t.mime(OFFICER, [SMITH], "Planning update", "Dear Jane,\n\nThe appeal is lodged." + SIGN_OFF, bcc=[EVANS])
    doc, findings = same_findings_both_ways(message)
    assert not doc.outline and rules_of(findings) == {"silent-copy"}


def test_a_marking_in_a_forwarded_block_to_a_third_party_is_read_whole_and_flagged():
    forwarded = (
        "FYI.\n\nPat\n\n---------- Forwarded message ---------\nFrom: Joe Bloggs <joe.bloggs@council.gov.uk>\n"
        "Date: 2 May 2026\nSubject: Enforcement at Mill Farm\nTo: Jane Smith <jane.smith@council.gov.uk>\n\n"
        "CONFIDENTIAL\n\nDear Cllr Smith,\n\nWe will serve an enforcement notice for the breach of planning "
        "control at Mill Farm next week." + SIGN_OFF
    )
    message = t.mime(f"Jane Smith <{SMITH}>", [RESIDENT], "Fwd: Enforcement at Mill Farm", forwarded)
    doc, findings = same_findings_both_ways(message)
    assert not doc.outline and "confidential-regulatory-disclosure" in rules_of(findings)


@pytest.mark.parametrize("header", [("Sensitivity", "Private"), ("msip_labels", "MSIP_Label_1_Name=OFFICIAL-SENSITIVE")])
def test_a_marking_header_alone_passes_the_disclosure_screen(header):
    message = t.mime(OFFICER, [RESIDENT], "Missed bin", EVERYDAY, headers=[header])
    assert not screened(message).outline
    assert screened(t.mime(OFFICER, [RESIDENT], "Missed bin", EVERYDAY)).outline


def test_screen_false_in_the_policy_reads_every_message_whole():
    whole = Checker(POLICY.clone(rules={rule: RuleSettings(screen=False) for rule in load_rules()}))
    doc = screened(t.mime(OFFICER, [RESIDENT], "Missed bin", EVERYDAY), whole)
    assert not doc.outline and whole.check(doc) == ()


def test_a_policy_screen_that_is_not_true_or_false_is_refused(tmp_path):
    path = tmp_path / "policy.yaml"
    path.write_text("council: {name: Test, domains: [council.gov.uk]}\nrules:\n  silent-copy:\n    screen: sometimes\n")
    with pytest.raises(PolicyError, match="rules.silent-copy.screen"):
        load_policy(path)


def _flag_everything(doc, policy):
    yield Breach("flagged", (), ())


def test_a_rule_without_a_screen_has_every_message_read_whole():
    plugin = RuleSpec("everything", "warning", "T 1", "None.", _flag_everything)
    checker = Checker(POLICY, rules={**load_rules(), "everything": plugin})
    doc = screened(t.mime(OFFICER, [RESIDENT], "Missed bin", EVERYDAY), checker)
    assert not doc.outline and rules_of(checker.check(doc)) == {"everything"}


def _raises(outline, policy):
    raise KeyError("a bug in a screen")


def test_a_screen_that_raises_rules_nothing_out():
    spec = load_rules()["silent-copy"]
    checker = Checker(POLICY, rules={"silent-copy": RuleSpec(spec.id, spec.severity, spec.clause, spec.remedy, spec.check, _raises)})
    assert not screened(t.mime(OFFICER, [RESIDENT], "Missed bin", EVERYDAY), checker).outline


def test_an_outline_a_rule_could_fire_on_is_an_internal_error_never_clean():
    """An outline read under one checker and checked by another that needs more."""
    outline = screened(t.mime(OFFICER, [RESIDENT], "Missed bin", EVERYDAY + "\n\ncc Cllr Smith"), Checker(POLICY, only=("silent-copy",)))
    assert outline.outline
    with pytest.raises(RuleFailure, match="councillor-obligation"):
        CHECKER.check(outline)
    assert CHECKER.outcome(outline).internal


@pytest.mark.parametrize("corpus", CORPORA)
def test_every_corpus_document_has_the_same_findings_screened_or_whole(corpus):
    checker = Checker(load_policy(corpus / "policy.yaml"))
    documents = 0
    for unit in iter_units([str(corpus)]):
        for fast, whole in zip(read_unit(unit, screen=checker.could_fire), read_unit(unit), strict=True):
            if isinstance(whole, Correspondence):
                documents += 1
                assert checker.check(fast) == checker.check(whole), whole.source
                assert not fast.outline or checker.check(whole) == ()
    assert documents >= 12


@pytest.mark.shared
def test_public_mail_is_mostly_outlines_with_the_findings_unchanged(tmp_path, capsys):
    """Mail that has nothing to do with the council's councillors is left unsplit."""
    public = SHARED_CORPORA / "public"
    policy = SHARED_CORPORA / "ashbourne-vale" / "policy.yaml"
    checker = Checker(load_policy(policy))
    outlines = total = 0
    for unit in iter_units([str(public)]):
        for doc in read_unit(unit, screen=checker.could_fire):
            if isinstance(doc, Correspondence):
                total += 1
                outlines += doc.outline
    assert total > 1000 and outlines / total > 0.8
    document = yaml.safe_load(policy.read_text(encoding="utf-8"))
    document["rules"] = {rule: {"screen": False} for rule in load_rules()}
    whole_policy = tmp_path / "whole.yaml"
    whole_policy.write_text(yaml.safe_dump(document), encoding="utf-8")
    reports = []
    for path in (policy, whole_policy):
        assert cli.main(["audit", str(public), "--policy", str(path), "--format", "json", "--workers", "2"]) in (0, 1)
        report = json.loads(capsys.readouterr().out)
        reports.append([(d["source"], d["findings"]) for d in report["documents"]])
    assert reports[0] == reports[1]


NAMINGS = [
    "Cllr J. Smith", "Councillor SMITH", "jane smith", "Yours, Jane\nSmith", "The Leader of the Council",
    "cc Leader", "Deputy\n   Leader of the Council", "From the Office of Councillor Evans", "pp Cllr R Evans",
    "Robert Evans\nDeputy Leader", "smith-jones", "Smithson", "the leaders of industry", "forwarded",
]


@pytest.mark.parametrize("text", NAMINGS)
def test_the_naming_screen_passes_wherever_a_councillor_is_named(text):
    from correspondence_guard.language.names import could_name_a_councillor, councillors_named

    register = t.register(councillors=[Councillor("Jane Smith", (SMITH,), ("Leader of the Council",)),
                                       Councillor("Robert Evans", (EVANS,), ("Deputy Leader of the Council",))])
    named = councillors_named(text, register) or councillors_named(text, register, lower_case=True)
    assert could_name_a_councillor(text, register) or not named
    words = ("smith-jones", "Smithson", "the leaders of industry", "forwarded")  # no councillor named as a word
    assert could_name_a_councillor(text, register) == (text not in words)
