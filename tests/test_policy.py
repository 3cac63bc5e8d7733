"""Loading policy files: the register format of protocol-rules.md, the added keys, the errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from correspondence_guard.errors import PolicyError
from correspondence_guard.policy import load_policy

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

REGISTER = """\
council:
  name: Ashbourne Vale District Council
  domains: [ashbournevale.gov.uk]
councillors:
  - name: Jane Smith
    emails: [jane.smith@ashbournevale.gov.uk, janesmith1962@gmail.com]
    titles: [Leader of the Council]
officers:
  - name: Joe Bloggs
    title: Planning Enforcement Officer
    emails: [joe.bloggs@ashbournevale.gov.uk]
"""


def write(tmp_path, text, name="policy.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_bare_register_is_a_whole_policy(tmp_path):
    policy = load_policy(write(tmp_path, REGISTER))
    reg = policy.register
    assert reg.council == "Ashbourne Vale District Council"
    assert reg.councillor("JaneSmith1962@gmail.com").name == "Jane Smith"
    assert reg.councillors[0].titles == ("Leader of the Council",)
    assert reg.is_officer("joe.bloggs@ashbournevale.gov.uk")
    assert reg.is_officer("someone.else@ashbournevale.gov.uk")
    assert reg.is_third_party("resident@example.org")
    for rule_id in ("silent-copy", "councillor-obligation", "confidential-regulatory-disclosure"):
        assert policy.rule(rule_id).enabled and policy.rule(rule_id).severity == "error"


def test_defaults_alone_have_an_empty_register():
    policy = load_policy(None)
    assert policy.source == "<default>" and policy.register.councillors == ()


def test_rule_settings_lay_over_the_defaults(tmp_path):
    policy = load_policy(write(tmp_path, REGISTER + """\
rules:
  silent-copy: {severity: warning, exempt_senders: [Clerk@ashbournevale.gov.uk]}
  councillor-obligation: false
"""))
    assert policy.rule("silent-copy").severity == "warning"
    assert policy.rule("silent-copy").exempt_senders == {"clerk@ashbournevale.gov.uk"}
    assert policy.rule("councillor-obligation").enabled is False
    assert policy.rule("confidential-regulatory-disclosure").enabled is True


@pytest.mark.parametrize("text, key", [
    ("council: [unclosed\n", None),
    ("councillors:\n  - emails: [a@b.gov.uk]\n", "councillors[0].name"),
    ("councillors:\n  - name: A\n    emails: {a: b@c.gov.uk}\n", "councillors[0].emails"),
    ("councillors:\n  - name: A\n    emails: [not-an-address]\n", "councillors[0].emails[0]"),
    ("councillors: {name: A}\n", "councillors"),
    ("rules:\n  silent-copy: {severity: fatal}\n", "rules.silent-copy.severity"),
    ("rules:\n  silent-copy: {enabled: perhaps}\n", "rules.silent-copy.enabled"),
    ("distribution_lists:\n  - address: all@c.gov.uk\n    members: [Nobody Known]\n", "distribution_lists[0].members[0]"),
    ("- just\n- a list\n", None),
])
def test_a_broken_policy_names_the_file_and_the_key(tmp_path, text, key):
    path = write(tmp_path, text)
    with pytest.raises(PolicyError) as caught:
        load_policy(path)
    message = str(caught.value)
    assert message.startswith(str(path))
    assert "\n" not in message
    if key:
        assert caught.value.key == key and f": {key}: " in message
    assert caught.value.exit_code == 2


def test_bad_yaml_says_where(tmp_path):
    with pytest.raises(PolicyError, match=r"line \d+"):
        load_policy(write(tmp_path, "council:\n  name: [x\n  domains: y\n"))


def test_a_missing_policy_file_is_a_policy_error(tmp_path):
    with pytest.raises(PolicyError, match="cannot read"):
        load_policy(tmp_path / "absent.yaml")


def test_sample_policy_loads_with_its_distribution_list():
    policy = load_policy(SAMPLES / "policy.yaml")
    reg = policy.register
    assert reg.council == "Pendle Brook Borough Council"
    assert len(reg.councillors) == 5 and len(reg.officers) == 3
    assert reg.councillor("imranqureshi.ward@gmail.com").name == "Imran Qureshi"
    assert [c.titles for c in reg.councillors if c.titles] == [("Leader of the Council",)]
    assert set(reg.expand("Members@pendlebrook.gov.uk")) == {c.first_address for c in reg.councillors}
    assert reg.expand("sam.okafor@pendlebrook.gov.uk") == ("sam.okafor@pendlebrook.gov.uk",)


def test_list_members_by_name_and_address(tmp_path):
    policy = load_policy(write(tmp_path, REGISTER + """\
distribution_lists:
  - address: planning@ashbournevale.gov.uk
    members: [Jane Smith, Joe Bloggs, extra@ashbournevale.gov.uk]
"""))
    assert policy.register.expand("planning@ashbournevale.gov.uk") == (
        "jane.smith@ashbournevale.gov.uk", "joe.bloggs@ashbournevale.gov.uk", "extra@ashbournevale.gov.uk",
    )


def test_a_policy_pickles_plainly_and_stays_read_only():
    import pickle
    from types import MappingProxyType

    from correspondence_guard.policy import load_policy

    original = load_policy(None)
    copy = pickle.loads(pickle.dumps(original))  # the plain pickler: no reducer registered
    assert copy == original
    assert isinstance(copy.rules, MappingProxyType) and isinstance(copy.lexicon, MappingProxyType)
    assert all(isinstance(s.options, MappingProxyType) for s in copy.rules.values())
    with pytest.raises(TypeError):
        copy.lexicon["new"] = ("x",)  # type: ignore[index]
