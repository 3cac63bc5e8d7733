"""Where the audit used to be; it is now the ``audit`` package. Kept only so that
``benchmarks/audit_throughput.py`` (owned by another change) still imports; remove it
once that script imports ``correspondence_guard.audit``."""

from .audit import audit as audit_parallel, default_workers  # noqa: F401
