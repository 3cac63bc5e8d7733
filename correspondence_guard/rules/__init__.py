"""Rules: plain functions under one decorator, found through entry points.

As in bandit, a rule is a function decorated with :func:`rule`, which gives its id,
default severity, the protocol clause it enforces and the remedy; its docstring is its
user documentation. As in flake8, the built-in rules are registered exactly like
plug-ins: under the ``correspondence_guard.rules`` entry-point group in
``pyproject.toml``. A rule receives one ``Correspondence`` and the ``Policy`` and yields
``Breach`` values; the engine turns them into ``Finding``s.

A rule may also name a *screen*: a cheap necessary condition, asked of a message's outline
(its headers, its parties, every word of its body unsplit, its attachments read) before the
reader separates the author's own text from what it quotes and forwards. When no rule's
screen passes, the message is left as that outline and no rule runs on it: much council
mail names no councillor and carries no marking, and its quotes, forwards and HTML
alternative need not be split. A screen must never say False where its rule could fire; a
rule without one has every message read whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Callable, Iterable, Iterator

from ..errors import GuardError
from ..model import Correspondence, Evidence
from ..policy import Policy

ENTRY_POINT_GROUP = "correspondence_guard.rules"


@dataclass(frozen=True)
class Breach:
    """What a rule found: a sentence for the person, the parties, and the evidence."""

    message: str
    parties: tuple[str, ...]
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class RuleSpec:
    id: str
    severity: str
    clause: str
    remedy: str
    check: Callable[[Correspondence, Policy], Iterable[Breach]]
    screen: Callable[[Correspondence, Policy], bool] | None = None

    @property
    def doc(self) -> str:
        return (self.check.__doc__ or "").strip()


def rule(id: str, *, severity: str, clause: str, remedy: str,
         screen: Callable[[Correspondence, Policy], bool] | None = None):
    """Mark a function as the rule ``id``; ``screen(outline, policy)`` is False only for a
    message on which the rule cannot fire (see the module's docstring)."""

    def register(check):
        check.rule_spec = RuleSpec(id=id, severity=severity, clause=clause, remedy=remedy, check=check, screen=screen)
        return check

    return register


def load_rules() -> dict[str, RuleSpec]:
    """Every rule installed under the entry-point group, built-in and plug-in alike."""
    found: dict[str, RuleSpec] = {}
    for point in entry_points(group=ENTRY_POINT_GROUP):
        try:
            loaded = point.load()
        except Exception as exc:  # a broken plug-in is reported, not a traceback
            raise GuardError(f"rule plug-in {point.name!r} ({point.value}) cannot be loaded: {exc}") from None
        for spec in _specs_in(loaded):
            found[spec.id] = spec
    if not found:
        raise GuardError("no rules are installed: reinstall correspondence-guard (pip install .)")
    return dict(sorted(found.items()))


def _specs_in(loaded) -> Iterator[RuleSpec]:
    spec = getattr(loaded, "rule_spec", None)
    if spec is not None:
        yield spec
        return
    for value in vars(loaded).values():
        spec = getattr(value, "rule_spec", None)
        if isinstance(spec, RuleSpec):
            yield spec
