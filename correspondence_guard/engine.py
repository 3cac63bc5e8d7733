"""The engine: apply the rules to correspondence and collect findings.

It knows neither file formats nor output formats: readers hand it ``Correspondence``;
it hands back ``Finding`` values and, for an audit, an ``AuditReport``.
"""

from __future__ import annotations

from typing import Iterable, Iterator, Mapping

from .model import Correspondence, Finding, Skipped, Unreadable, internal_error
from .policy import Policy, RuleSettings, normalise_address
from .presend.overrides import with_overrides
from .report import AuditReport, DocumentResult
from .rules import RuleSpec, load_rules


class RuleFailure(Exception):
    """A rule raised while checking a document: a fault of the checker, not of the mail.

    The gateway treats it as any failure (``on_failure``); an audit or ``check`` turns it
    into an ``internal-error`` entry for the document (see :meth:`Checker.outcome`)."""

    def __init__(self, rule_id: str, error: Exception):
        super().__init__(f"rule {rule_id} failed: {type(error).__name__}: {error}")
        self.rule_id = rule_id
        self.error = error


class Checker:
    """A policy and the rules to apply under it. Cheap to call once built."""

    def __init__(self, policy: Policy, rules: Mapping[str, RuleSpec] | None = None, only: Iterable[str] = ()):
        self.policy = policy
        available = dict(rules if rules is not None else load_rules())
        wanted = set(only)
        self.rules = tuple(
            spec
            for rule_id, spec in available.items()
            if policy.rule(rule_id).enabled and (not wanted or rule_id in wanted)
        )

    def _applying(self, doc: Correspondence) -> Iterator[tuple[RuleSpec, RuleSettings]]:
        """The rules that apply to this document's sender, with their settings."""
        sender = normalise_address(doc.sender.address) if doc.sender else ""
        for spec in self.rules:
            settings = self.policy.rule(spec.id)
            if not (sender and sender in settings.exempt_senders):
                yield spec, settings

    def _unscreened(self, outline: Correspondence) -> RuleSpec | None:
        """The first rule whose screen does not rule this outline out, if any."""
        for spec, settings in self._applying(outline):
            if spec.screen is None or not settings.screen:
                return spec
            try:
                if spec.screen(outline, self.policy):
                    return spec
            except Exception:  # noqa: BLE001 - a faulty screen rules nothing out: the rule itself runs
                return spec
        return None

    def could_fire(self, outline: Correspondence) -> bool:
        """Whether some rule could fire on a message's outline (see ``rules``): what a reader
        asks before it splits a message's quotes. False only when every rule has a screen,
        the policy leaves it on, and each rules the message out."""
        return self._unscreened(outline) is not None

    def check(self, doc: Correspondence) -> tuple[Finding, ...]:
        if doc.outline:
            return self._outline_checked(doc)
        findings: list[Finding] = []
        for spec, settings in self._applying(doc):
            severity = settings.severity if spec.id in self.policy.rules else spec.severity
            try:
                breaches = list(spec.check(doc, self.policy))
            except Exception as exc:
                raise RuleFailure(spec.id, exc) from exc
            for breach in breaches:
                parties = tuple(p for p in breach.parties if p not in settings.exempt_recipients)
                if breach.parties and not parties:
                    continue
                findings.append(
                    Finding(
                        rule=spec.id,
                        severity=severity,
                        clause=spec.clause,
                        message=breach.message,
                        parties=parties,
                        evidence=breach.evidence,
                        remedy=spec.remedy,
                    )
                )
        return with_overrides(doc, tuple(findings), self.policy)

    def _outline_checked(self, outline: Correspondence) -> tuple[Finding, ...]:
        """No findings for a message read only in outline, once every rule's screen again
        rules it out; a rule that could fire on it was given no whole message to read, and
        that is the checker's fault, never "no findings"."""
        spec = self._unscreened(outline)
        if spec is not None:
            raise RuleFailure(spec.id, RuntimeError("the message was read only in outline"))
        return ()

    def result(self, doc: Correspondence) -> DocumentResult:
        return DocumentResult.of(doc, self.check(doc))

    def outcome(self, doc: Correspondence) -> DocumentResult | Unreadable:
        """The document's result, or an ``internal-error`` entry when a rule raised: the
        document was not checked, and saying "no findings" would be false."""
        try:
            return self.result(doc)
        except RuleFailure as failure:
            return internal_error(doc.source, failure.error, f"rule {failure.rule_id}")

    def new_report(self) -> AuditReport:
        """An empty report of this policy and these rules: the one place a report learns them."""
        report = AuditReport.for_policy(self.policy)
        report.rules = tuple(spec.id for spec in self.rules)
        return report

    def audit(self, documents: Iterable[Correspondence | Unreadable | Skipped]) -> AuditReport:
        report = self.new_report()
        for item in documents:
            report.add(self.outcome(item) if isinstance(item, Correspondence) else item)
        return report


def check(doc: Correspondence, policy: Policy) -> tuple[Finding, ...]:
    """Check one piece of correspondence under a policy."""
    return Checker(policy).check(doc)
