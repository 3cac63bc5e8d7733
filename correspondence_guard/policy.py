"""The register of councillors and officers, and the policy that carries it to the rules.

A council describes itself in YAML (the register format of protocol-rules.md). Anything
else a policy says (rule switches, severities, exemptions, lexicons, gateway actions) is
laid over the shipped defaults in ``policies/defaults.yaml``, so a bare register is a whole
policy. Like the ``email`` package's policy objects, a ``Policy`` is immutable and passed
down; ``clone`` makes a changed copy.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

import yaml

from . import policy_yaml
from .errors import PolicyError
from .limits import Limits, read_limits

SEVERITIES = ("warning", "error")
_DEFAULTS = "defaults.yaml"


def _policies_dir() -> Path:
    """Where the shipped policies are: inside the wheel, or beside the package in a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "policies", here.parent / "policies"):
        if (candidate / _DEFAULTS).is_file():
            return candidate
    raise PolicyError(str(here / "policies" / _DEFAULTS), "", "the shipped default policy is missing")


def _freeze(value: Any) -> Any:
    if isinstance(value, Mapping):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, (list, tuple)):
        return tuple(_freeze(v) for v in value)
    return value


def _thaw(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _thaw(v) for k, v in value.items()}
    return value


def _rebuilt(cls: type, fields: dict) -> Any:
    return cls(**{name: _freeze(value) for name, value in fields.items()})


class _Picklable:
    """A frozen dataclass whose read-only mappings (MappingProxyType, which pickle refuses)
    travel as plain dicts and are frozen again on load: a policy goes to worker processes
    and to a cluster's workers by plain pickle."""

    def __reduce__(self):
        return _rebuilt, (type(self), {f.name: _thaw(getattr(self, f.name)) for f in dataclasses.fields(self)})


def _merge(base: Mapping, over: Mapping) -> dict:
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def normalise_address(address: str) -> str:
    return address.strip().strip("<>").lower()


@dataclass(frozen=True)
class Councillor:
    name: str
    emails: tuple[str, ...]
    titles: tuple[str, ...] = ()

    @property
    def first_address(self) -> str:
        return self.emails[0] if self.emails else ""


@dataclass(frozen=True)
class Officer:
    name: str
    emails: tuple[str, ...]
    title: str = ""


@dataclass(frozen=True)
class DistributionList:
    """A list address and the addresses it reaches (a Bcc to it is a Bcc to each)."""

    address: str
    members: tuple[str, ...]
    name: str = ""


@dataclass(frozen=True)
class Register:
    """Who is who: the council, its councillors, its named officers and its lists."""

    council: str = ""
    domains: tuple[str, ...] = ()
    councillors: tuple[Councillor, ...] = ()
    officers: tuple[Officer, ...] = ()
    lists: tuple[DistributionList, ...] = ()

    def __hash__(self) -> int:
        """Hashed once, not once per look-up: the language modules and the rules' screens
        keep what they derive from a register in caches keyed by it."""
        return self._hash

    def __getstate__(self) -> dict:
        """A hash is this process's: another process hashes the register again."""
        return {key: value for key, value in self.__dict__.items() if key != "_hash"}

    @cached_property
    def _hash(self) -> int:
        return hash(tuple(getattr(self, f.name) for f in dataclasses.fields(self)))

    @cached_property
    def _councillor_by_address(self) -> dict[str, Councillor]:
        return {a: c for c in self.councillors for a in c.emails}

    @cached_property
    def _officer_addresses(self) -> frozenset[str]:
        return frozenset(a for o in self.officers for a in o.emails)

    @cached_property
    def _lists_by_address(self) -> dict[str, DistributionList]:
        return {dl.address: dl for dl in self.lists}

    def councillor(self, address: str) -> Councillor | None:
        return self._councillor_by_address.get(normalise_address(address))

    def is_councillor(self, address: str) -> bool:
        return self.councillor(address) is not None

    def is_council_domain(self, address: str) -> bool:
        domain = normalise_address(address).rpartition("@")[2]
        return any(domain == d or domain.endswith("." + d) for d in self.domains)

    def is_officer(self, address: str) -> bool:
        address = normalise_address(address)
        if not address or self.is_councillor(address):
            return False
        return address in self._officer_addresses or self.is_council_domain(address)

    def is_third_party(self, address: str) -> bool:
        address = normalise_address(address)
        return bool(address) and not self.is_councillor(address) and not self.is_officer(address)

    def expand(self, address: str) -> tuple[str, ...]:
        """The addresses a recipient address reaches: a list's members, or itself."""
        address = normalise_address(address)
        found = self._lists_by_address.get(address)
        if found is None:
            return (address,)
        reached: list[str] = []
        for member in found.members:
            for each in self.expand(member) if member != address else (member,):
                if each not in reached:
                    reached.append(each)
        return tuple(reached)

    def officer(self, address: str) -> Officer | None:
        address = normalise_address(address)
        return next((o for o in self.officers if address in o.emails), None)


@dataclass(frozen=True)
class RuleSettings(_Picklable):
    enabled: bool = True
    severity: str = "error"
    exempt_senders: frozenset[str] = frozenset()
    exempt_recipients: frozenset[str] = frozenset()
    screen: bool = True
    options: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class Policy(_Picklable):
    """Everything a check needs to know about the council, passed down, never global."""

    source: str = "<default>"
    register: Register = field(default_factory=Register)
    rules: Mapping[str, RuleSettings] = field(default_factory=lambda: MappingProxyType({}))
    lexicon: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    gateway: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    presend: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    limits: Limits = field(default_factory=Limits)

    def clone(self, **changes: Any) -> "Policy":
        return dataclasses.replace(self, **changes)

    def rule(self, rule_id: str) -> RuleSettings:
        return self.rules.get(rule_id, RuleSettings())

    def words(self, key: str) -> tuple[str, ...]:
        """A lexicon entry as a tuple of phrases (empty when the policy has none)."""
        return tuple(self.lexicon.get(key, ()))


def _read_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PolicyError(str(path), "", f"cannot read the policy file ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise PolicyError(str(path), "", "the policy file is not UTF-8 text") from None
    try:
        document = policy_yaml.load(text) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" at line {mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise PolicyError(str(path), "", f"{problem}{line}") from None
    except RecursionError:
        raise PolicyError(str(path), "", "nested too deeply to read") from None
    for key in policy_yaml.non_finite(document):
        raise PolicyError(str(path), key, "must be a finite number, not NaN or infinity")
    return document


class _Reader:
    """Reads one policy document, naming the file and the key of anything wrong in it."""

    def __init__(self, source: str):
        self.source = source

    def fail(self, key: str, problem: str):
        raise PolicyError(self.source, key, problem)

    def mapping(self, value: Any, key: str) -> Mapping:
        if value is None:
            return {}
        if not isinstance(value, Mapping):
            self.fail(key, f"must be a mapping, not {type(value).__name__}")
        return value

    def seq(self, value: Any, key: str) -> list:
        if value is None:
            return []
        if isinstance(value, str):
            return [value]
        if not isinstance(value, list):
            self.fail(key, f"must be a list, not {type(value).__name__}")
        return value

    def text(self, value: Any, key: str, required: bool = False) -> str:
        if value is None or value == "":
            if required:
                self.fail(key, "is required")
            return ""
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            self.fail(key, f"must be text, not {type(value).__name__}")
        return str(value).strip()

    def texts(self, value: Any, key: str) -> tuple[str, ...]:
        return tuple(self.text(v, f"{key}[{i}]") for i, v in enumerate(self.seq(value, key)))

    def addresses(self, value: Any, key: str) -> tuple[str, ...]:
        found = []
        for i, raw in enumerate(self.seq(value, key)):
            address = normalise_address(self.text(raw, f"{key}[{i}]"))
            if "@" not in address:
                self.fail(f"{key}[{i}]", f"{raw!r} is not an email address")
            found.append(address)
        return tuple(found)

    def register(self, doc: Mapping) -> Register:
        council = self.mapping(doc.get("council"), "council")
        councillors = tuple(
            Councillor(
                name=self.text(c.get("name"), f"councillors[{i}].name", required=True),
                emails=self.addresses(c.get("emails", c.get("email")), f"councillors[{i}].emails"),
                titles=self.texts(c.get("titles", c.get("title")), f"councillors[{i}].titles"),
            )
            for i, c in enumerate(self._entries(doc, "councillors"))
        )
        officers = tuple(
            Officer(
                name=self.text(o.get("name"), f"officers[{i}].name"),
                emails=self.addresses(o.get("emails", o.get("email")), f"officers[{i}].emails"),
                title=self.text(o.get("title"), f"officers[{i}].title"),
            )
            for i, o in enumerate(self._entries(doc, "officers"))
        )
        register = Register(
            council=self.text(council.get("name"), "council.name"),
            domains=tuple(d.lower().lstrip("@") for d in self.texts(council.get("domains"), "council.domains")),
            councillors=councillors,
            officers=officers,
        )
        lists = tuple(self._list(register, entry, i) for i, entry in enumerate(self._entries(doc, "distribution_lists")))
        return dataclasses.replace(register, lists=lists)

    def _entries(self, doc: Mapping, key: str) -> list[Mapping]:
        entries = self.seq(doc.get(key), key)
        for i, entry in enumerate(entries):
            self.mapping(entry, f"{key}[{i}]") if entry is not None else self.fail(f"{key}[{i}]", "is empty")
        return entries

    def _list(self, register: Register, entry: Mapping, i: int) -> DistributionList:
        key = f"distribution_lists[{i}]"
        found = self.addresses(entry.get("address"), f"{key}.address")
        if len(found) != 1:
            self.fail(f"{key}.address", "must be one email address" if found else "is required")
        (address,) = found
        members: list[str] = []
        for j, member in enumerate(self.texts(entry.get("members"), f"{key}.members")):
            members.extend(self._member(register, member, f"{key}.members[{j}]"))
        return DistributionList(address=address, members=tuple(members), name=self.text(entry.get("name"), f"{key}.name"))

    def _member(self, register: Register, member: str, key: str) -> tuple[str, ...]:
        if "@" in member:
            return (normalise_address(member),)
        if member.lower() in ("councillors", "all councillors", "all-councillors"):
            return tuple(c.first_address for c in register.councillors)
        for person in (*register.councillors, *register.officers):
            if person.name.lower() == member.lower() and person.emails:
                return (person.emails[0],)
        self.fail(key, f"{member!r} is neither an address nor a name in the register")

    def rules(self, doc: Mapping) -> Mapping[str, RuleSettings]:
        rules = {}
        for rule_id, raw in self.mapping(doc.get("rules"), "rules").items():
            key = f"rules.{rule_id}"
            if isinstance(raw, bool):
                raw = {"enabled": raw}
            raw = dict(self.mapping(raw, key))
            enabled = raw.pop("enabled", True)
            if not isinstance(enabled, bool):
                self.fail(f"{key}.enabled", "must be true or false")
            screen = raw.pop("screen", True)
            if not isinstance(screen, bool):
                self.fail(f"{key}.screen", "must be true or false")
            severity = self.text(raw.pop("severity", "error"), f"{key}.severity").lower()
            if severity not in SEVERITIES:
                self.fail(f"{key}.severity", f"must be one of {', '.join(SEVERITIES)}, not {severity!r}")
            rules[str(rule_id)] = RuleSettings(
                enabled=enabled,
                severity=severity,
                exempt_senders=frozenset(self.addresses(raw.pop("exempt_senders", None), f"{key}.exempt_senders")),
                exempt_recipients=frozenset(self.addresses(raw.pop("exempt_recipients", None), f"{key}.exempt_recipients")),
                screen=screen,
                options=_freeze(raw),
            )
        return MappingProxyType(rules)

    def lexicon(self, doc: Mapping) -> Mapping[str, Any]:
        lexicon = self.mapping(doc.get("lexicon"), "lexicon")
        for key, value in lexicon.items():
            if isinstance(value, list):
                self.texts(value, f"lexicon.{key}")
            elif isinstance(value, Mapping):
                for topic, phrases in value.items():
                    if not isinstance(phrases, list):
                        self.fail(f"lexicon.{key}.{topic}", f"must be a list of phrases, not {type(phrases).__name__}")
                    self.texts(phrases, f"lexicon.{key}.{topic}")
            else:
                self.fail(f"lexicon.{key}", "must be a list of phrases or a mapping of lists")
        return _freeze(lexicon)


def load_policy(path: str | Path | None = None) -> Policy:
    """Load a policy file laid over the shipped defaults; ``None`` gives the defaults alone."""
    defaults_path = _policies_dir() / _DEFAULTS
    defaults = _read_yaml(defaults_path)
    document: Mapping = {}
    source = "<default>"
    if path is not None:
        source = str(path)
        document = _read_yaml(Path(path))
        if not isinstance(document, Mapping):
            raise PolicyError(source, "", "must be a YAML mapping with council, councillors and officers")
    reader = _Reader(source)
    merged = _merge(defaults, {k: v for k, v in document.items() if k in ("rules", "lexicon", "gateway", "presend", "limits")})
    register = reader.register(document)
    policy = Policy(
        source=source,
        register=register,
        rules=reader.rules(merged),
        lexicon=reader.lexicon(merged),
        gateway=_freeze(reader.mapping(merged.get("gateway"), "gateway")),
        presend=_freeze(reader.mapping(merged.get("presend"), "presend")),
        limits=read_limits(merged.get("limits"), reader.fail),
    )
    from .gateway.settings import read_settings  # the gateway's keys are checked here too

    read_settings(policy)
    return policy
