"""The engine: apply the rules to correspondence and collect findings.

It knows neither file formats nor output formats: readers hand it ``Correspondence``;
it hands back ``Finding`` values and, for an audit, an ``AuditReport``.
"""

from __future__ import annotations

from typing import Iterable, Mapping

from .model import Correspondence, Finding, Unreadable
from .policy import Policy, normalise_address
from .presend.overrides import with_overrides
from .report import AuditReport, DocumentResult
from .rules import RuleSpec, load_rules


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

    def check(self, doc: Correspondence) -> tuple[Finding, ...]:
        findings: list[Finding] = []
        sender = normalise_address(doc.sender.address) if doc.sender else ""
        for spec in self.rules:
            settings = self.policy.rule(spec.id)
            if sender and sender in settings.exempt_senders:
                continue
            severity = settings.severity if spec.id in self.policy.rules else spec.severity
            for breach in spec.check(doc, self.policy):
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

    def result(self, doc: Correspondence) -> DocumentResult:
        return DocumentResult.of(doc, self.check(doc))

    def audit(self, documents: Iterable[Correspondence | Unreadable]) -> AuditReport:
        report = AuditReport.for_policy(self.policy)
        for item in documents:
            if isinstance(item, Unreadable):
                report.errors.append(item)
            else:
                report.documents.append(self.result(item))
        return report


def check(doc: Correspondence, policy: Policy) -> tuple[Finding, ...]:
    """Check one piece of correspondence under a policy."""
    return Checker(policy).check(doc)
