"""What an audit found, in a shape every output format reads (and none of them parses mail)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from . import __version__
from .model import INTERNAL_ERROR, Correspondence, Finding, Skipped, Unreadable
from .policy import Policy

SCHEMA = "correspondence-guard/report/v1"


@dataclass(frozen=True)
class DocumentResult:
    source: str
    kind: str
    message_id: str
    subject: str
    sender: str
    date: str
    findings: tuple[Finding, ...]
    defects: tuple[str, ...] = ()
    # Other places the same message was found (a duplicate in another mailbox); see dedupe.py.
    also_found_in: tuple[str, ...] = ()
    # A streamed audit cannot go back to the first copy: a later copy is handed on with the
    # first copy's source here and only the findings the first copy did not have.
    duplicate_of: str = ""

    @classmethod
    def of(cls, doc: Correspondence, findings: tuple[Finding, ...]) -> "DocumentResult":
        return cls(
            source=doc.source,
            kind=doc.kind,
            message_id=doc.message_id,
            subject=doc.subject,
            sender=str(doc.sender) if doc.sender else "",
            date=doc.date,
            findings=findings,
            defects=doc.defects,
        )


@dataclass
class AuditReport:
    policy_source: str
    council: str
    documents: list[DocumentResult] = field(default_factory=list)
    errors: list[Unreadable] = field(default_factory=list)
    # Files a folder walk passed over (not mail or a letter), each with the reason.
    skipped: list[Skipped] = field(default_factory=list)
    # Regular files opened, and later copies of a message folded into its first copy.
    files: int = 0
    duplicates: int = 0
    partial: bool = False
    tool_version: str = __version__
    # The ids of the rules this audit applied, so that a summary can show a rule that
    # found nothing (a count of 0 says "checked, clean"; a missing key would say nothing).
    rules: tuple[str, ...] = ()
    # A streamed audit (results handed to a sink, not kept) keeps only counts: documents,
    # errors, and findings by (rule, severity). ``documents`` and ``errors`` stay empty.
    streamed: bool = False
    counts: Counter = field(default_factory=Counter)
    finding_counts: Counter = field(default_factory=Counter)

    def count(self, item: DocumentResult | Unreadable | Skipped) -> None:
        """Count a result of a streamed audit that went to the sink instead of being kept."""
        if isinstance(item, Unreadable):
            self.counts["errors"] += 1
            self.counts[item.kind] += 1
            return
        if isinstance(item, Skipped):
            self.counts["skipped"] += 1
            self.counts["skipped: " + item.reason] += 1
            return
        if item.duplicate_of:
            self.duplicates += 1
        else:
            self.counts["documents"] += 1
        self.finding_counts.update((f.rule, f.severity) for f in item.findings)

    def add(self, item: DocumentResult | Unreadable | Skipped) -> None:
        """Keep a result of an audit held in memory (documents, error entries, skipped files)."""
        if isinstance(item, Unreadable):
            self.errors.append(item)
        elif isinstance(item, Skipped):
            self.skipped.append(item)
        else:
            self.documents.append(item)

    @property
    def internal_errors(self) -> list[Unreadable]:
        """The documents not checked because the checker itself failed (exit status 3)."""
        return [e for e in self.errors if e.internal]

    def internal_error_count(self) -> int:
        return self.counts[INTERNAL_ERROR] if self.streamed else len(self.internal_errors)

    def skipped_by_reason(self) -> dict[str, int]:
        if self.streamed:
            return {key[9:]: n for key, n in sorted(self.counts.items()) if key.startswith("skipped: ")}
        return dict(sorted(Counter(s.reason for s in self.skipped).items()))

    def _finding_pairs(self) -> Counter:
        if self.streamed:
            return self.finding_counts
        return Counter((f.rule, f.severity) for doc in self.documents for f in doc.findings)

    @classmethod
    def for_policy(cls, policy: Policy) -> "AuditReport":
        return cls(policy_source=policy.source, council=policy.register.council)

    @property
    def findings(self) -> list[tuple[DocumentResult, Finding]]:
        return [(doc, f) for doc in self.documents for f in doc.findings]

    def flagged_documents(self) -> list[DocumentResult]:
        """The documents with findings (a spooled report reads only these back)."""
        return [doc for doc in self.documents if doc.findings]

    def by_rule(self) -> dict[str, int]:
        counts: Counter = Counter()
        for (rule, _), n in self._finding_pairs().items():
            counts[rule] += n
        return dict(counts)

    def by_severity(self) -> dict[str, int]:
        counts: Counter = Counter()
        for (_, severity), n in self._finding_pairs().items():
            counts[severity] += n
        return dict(counts)

    def worst(self) -> str | None:
        severities = {severity for (_, severity), n in self._finding_pairs().items() if n}
        return "error" if "error" in severities else ("warning" if severities else None)

    def rule_counts(self) -> dict[str, int]:
        """Findings per rule: every applied rule (0 included), then any other rule seen."""
        counts = {rule_id: 0 for rule_id in self.rules}
        for rule, n in self.by_rule().items():
            counts[rule] = counts.get(rule, 0) + n
        return counts

    def failed(self, fail_on: str) -> bool:
        """Whether a finding at or above ``fail_on`` (error, warning or never) was made."""
        worst = self.worst()
        if fail_on == "never" or worst is None:
            return False
        return fail_on == "warning" or worst == "error"

    def summary(self) -> dict:
        """The counts every format shows first, in the JSON report's ``summary`` shape."""
        streamed = self.streamed
        errors = self.counts["errors"] if streamed else len(self.errors)
        internal = self.internal_error_count()
        skipped = self.skipped_by_reason()
        return {
            "documents": self.counts["documents"] if streamed else len(self.documents),
            "findings": sum(self._finding_pairs().values()),
            "errors": errors,
            "by_rule": self.rule_counts(),
            "partial": self.partial,
            "files": self.files,
            "duplicates": self.duplicates,
            "unreadable": errors - internal,
            "internal_errors": internal,
            "skipped": sum(skipped.values()),
            "skipped_by_reason": skipped,
        }
