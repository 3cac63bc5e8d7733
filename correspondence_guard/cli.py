"""The command line: wires readers, the engine and the report formats together.

Nothing here reads mail or judges it. Every error a person should see (a bad option, a
bad path, a broken policy) arrives as a ``GuardError`` or a click usage error and is shown
in one place, :func:`main`, as one line on stderr with the exit status it carries:
0 clean, 1 something at or above ``--fail-on`` was found, 2 a usage or policy error,
3 the checker failed on a document (an internal error: it was not checked).
"""

from __future__ import annotations

import contextlib
import dataclasses
import sys
from typing import Iterable, Iterator

import click

from . import __version__
from .engine import Checker
from .errors import GuardError, UsageError
from .audit.filters import AuditFilter
from .gateway.commands import register as register_gateway_commands
from .model import Correspondence, Party, Unreadable
from .policy import Policy, load_policy
from .presend.commands import register as register_presend_commands
from .presend.commands import run_fix
from .printable import display_name
from .report import AuditReport
from .reports import FORMATS, STREAMING, render, write
from .reports.jsonl import JsonlWriter
from .reports.spool import Spool
from .rules import RuleSpec, load_rules

PROG = "correspondence-guard"
# click >= 8.2 raises this (a UsageError whose message is the whole help) for a bare command.
_NO_ARGS = getattr(click.exceptions, "NoArgsIsHelpError", ())
FAIL_ON = click.Choice(["error", "warning", "never"])


def notice(message: str) -> None:
    """One line on stderr, prefixed with the program name, as every diagnostic is; file
    names and reasons come from outside, so control characters and undecodable bytes
    are shown as escapes."""
    click.echo(f"{PROG}: {display_name(message)}", err=True)


#: The exit status when the checker itself failed on a document (a reader or rule raised):
#: that document was not checked, so no other status would be true, whatever --fail-on says.
INTERNAL_ERROR_STATUS = 3


def _note_error(item: Unreadable) -> None:
    what = "internal error in" if item.internal else "cannot read"
    notice(f"{what} {item.source}: {item.error}")


def _status(report: AuditReport, fail_on: str) -> int:
    if report.internal_error_count():
        notice(f"{report.internal_error_count()} documents were not checked because of internal errors (exit status 3)")
        return INTERNAL_ERROR_STATUS
    return 1 if report.failed(fail_on) else 0


def _policy(path: str | None) -> Policy:
    """The policy file, or the shipped defaults with a warning that nobody is registered."""
    if path is None:
        notice(
            "warning: no --policy given: using the shipped defaults, whose register is empty,"
            " so no one is recognised as a councillor"
        )
    return load_policy(path)


def _rules(only: Iterable[str]) -> dict[str, RuleSpec]:
    """The installed rules, after checking that every ``--rule`` names one of them."""
    installed = load_rules()
    unknown = sorted(set(only) - set(installed))
    if unknown:
        raise UsageError(f"unknown rule {', '.join(unknown)} (installed: {', '.join(installed)})")
    return installed


def _read(paths: Iterable[str], announce: bool = True) -> Iterator[Correspondence | Unreadable]:
    """Every document under ``paths``; each unreadable one is also noted on stderr.

    The readers are imported here rather than at the top so that ``--version`` and
    ``rules`` do not pay for loading the MIME and document parsers.
    """
    from .audit.units import read

    for item in read(list(paths)):
        if announce and isinstance(item, Unreadable):
            _note_error(item)
        yield item


def _emit(text: str, output: str | None) -> None:
    """Write the rendered report to ``output`` (a path the user chose) or to stdout."""
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        with open(output, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror or exc}") from None


def _parties(values: Iterable[str], option: str) -> tuple[Party, ...]:
    """Addresses given on the command line, parsed as a header would be."""
    from .sources.addresses import parse_addresses

    found: list[Party] = []
    for value in values:
        parties, defects = parse_addresses(value, option)
        if defects or not parties:
            raise UsageError(f"{option}: {value!r} is not an email address")
        found.extend(parties)
    return tuple(found)


def _with_parties(doc: Correspondence, sender: str | None, to, cc, bcc) -> Correspondence:
    """The document with the parties given on the command line in place of its own."""
    changes: dict = {}
    if sender is not None:
        changes["sender"] = _parties([sender], "--from")[0]
    for field, option, values in (("to", "--to", to), ("cc", "--cc", cc), ("bcc", "--bcc", bcc)):
        if values:
            changes[field] = _parties(values, option)
    return dataclasses.replace(doc, **changes) if changes else doc


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name=PROG)
def cli() -> None:
    """Check council correspondence against the Member/Officer protocol's correspondence clauses."""


AUDIT_HELP = """Audit every email and letter under PATHS and write a report.

PATHS are files or folders: mbox, Maildir, .eml, .msg, .pst, letters (.txt, .docx, .pdf).
The audit runs in --workers processes (default: every core), each document within the
policy's limits (time, memory): one past a limit is an error entry naming it.

\b
Memory: flat however large the export. With --format jsonl each result is written as it
arrives; the other formats need the whole audit first (their summary and charts), so
each result waits in a temporary file on disk and the report is written from there.

\b
Ctrl-C: the audit stops, the report of what was read so far is written (marked partial:
"partial": true in JSON and JSON Lines, a banner in HTML, a first line in text), a
notice says so on stderr, and the exit status is 130. A second Ctrl-C stops at once.

\b
Exit status: 0 nothing at or above --fail-on, 1 a finding at or above it, 2 a usage or
policy error (a bad option or path, a .pst named in PATHS that cannot be opened), 3 an
internal error: a reader or rule failed, so some documents were not checked (listed in
the report), whatever --fail-on says; 130 interrupted (report written, partial).
"""


@cli.command(help=AUDIT_HELP)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--policy", "policy_path", type=click.Path(exists=True, dir_okay=False), help="The council's policy/register YAML file.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="jsonl streams as it goes; the others are written at the end from a spool on disk.")
@click.option("--output", type=click.Path(dir_okay=False, writable=True), help="Write the report here instead of stdout.")
@click.option("--fail-on", type=FAIL_ON, default="error", show_default=True, help="Exit 1 when a finding at or above this severity is made.")
@click.option("--rule", "only", multiple=True, metavar="ID", help="Apply only this rule (repeatable).")
@click.option("--since", metavar="DATE", help="Only documents dated on or after DATE (YYYY-MM-DD or ISO date-time).")
@click.option("--until", metavar="DATE", help="Only documents dated on or before DATE (a bare date includes the whole day).")
@click.option("--sender", multiple=True, metavar="ADDR", help="Only documents sent from ADDR, or from @domain (repeatable).")
@click.option("--councillor", multiple=True, metavar="WHO", help="Only documents where this councillor (address or name in the register) is a party (repeatable).")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Worker processes (default: the number of cores).")
@click.option("--scheduler", metavar="ADDRESS", help="Run on a Dask cluster: tcp://HOST:8786, or local:N for N workers here (the [dask] extra).")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: only when stderr is a terminal).")
def audit(paths, policy_path, fmt, output, fail_on, only, since, until, sender, councillor, workers, scheduler, progress) -> int:
    from .audit import audit as run_audit, check_paths, default_workers

    policy = _policy(policy_path)
    rules = _rules(only)
    audit_filter = AuditFilter.from_options(policy, since, until, sender, councillor, only, available_rules=rules)
    check_paths(paths)  # exit 2 before any output for a missing path or an unopenable named .pst
    options = dict(workers=workers or default_workers(), scheduler=scheduler, rules=rules, audit_filter=audit_filter,
                   progress={None: True, True: "always", False: False}[progress])
    if fmt in STREAMING:
        with _output(output) as stream:
            writer = JsonlWriter(stream, policy_source=policy.source, council=policy.register.council)
            report = run_audit(paths, policy, sink=_announcing(writer.add), **options)
            writer.close(partial=report.partial, rules=report.rules, counts=report.summary())
    else:
        with Spool() as spool:
            report = run_audit(paths, policy, sink=_announcing(spool.add), **options)
            with _output(output) as stream:
                write(spool.report(report), fmt, stream)
    if report.partial:
        notice(f"interrupted: the report is partial ({report.summary()['documents']} documents read)")
        return 130
    return _status(report, fail_on)


def _announcing(sink):
    """``sink``, after noting each unreadable document on stderr."""

    def add(item):
        if isinstance(item, Unreadable):
            _note_error(item)
        sink(item)

    return add


@contextlib.contextmanager
def _output(output: str | None):
    """The stream a streaming report is written to: ``output`` (a path) or stdout."""
    if output is None:
        yield sys.stdout
        return
    try:
        stream = open(output, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror or exc}") from None
    with stream:
        yield stream


@cli.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--policy", "policy_path", type=click.Path(exists=True, dir_okay=False), help="The council's policy/register YAML file.")
@click.option("--from", "sender", metavar="ADDR", help="The sender (replaces the document's own).")
@click.option("--to", multiple=True, metavar="ADDR", help="A To recipient (repeatable; replaces the document's own).")
@click.option("--cc", multiple=True, metavar="ADDR", help="A Cc recipient (repeatable; replaces the document's own).")
@click.option("--bcc", multiple=True, metavar="ADDR", help="A Bcc recipient (repeatable; replaces the document's own).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--fail-on", type=FAIL_ON, default="error", show_default=True)
@click.option("--fix", is_flag=True, help="Add the missing copy note for each silent Bcc; write the fixed draft to --output.")
@click.option("--output", type=click.Path(dir_okay=False, writable=True), help="With --fix: where to write the fixed draft.")
def check(file, policy_path, sender, to, cc, bcc, fmt, fail_on, fix, output) -> int:
    """Check one draft email (.eml) or letter (.txt, .docx, .pdf) before it is sent.

    Exit status: 0 nothing at or above --fail-on, 1 a finding at or above it, 2 a usage
    or policy error, 3 an internal error (the draft was not checked)."""
    policy = _policy(policy_path)
    checker = Checker(policy, rules=_rules(()))
    if fix:
        return run_fix(file, output, checker, fail_on)
    _with_parties(Correspondence(), sender, to, cc, bcc)  # a bad address is a usage error here
    report = _check_in_worker(checker, file, (sender, to, cc, bcc))
    if not report.documents and not report.internal_errors:
        reason = report.errors[0].error if report.errors else "no email or letter found in it"
        raise UsageError(f"cannot check {display_name(file)}: {reason}")
    _emit(render(report, "advice" if fmt == "text" else "json"), None)
    return _status(report, fail_on)


def _check_in_worker(checker: Checker, file: str, parties: tuple) -> AuditReport:
    """Read and check ``file`` in a worker process within the policy's limits (time and
    memory too, see ``isolation``); a worker stopped at a limit is a UsageError naming it."""
    from .isolation import WorkerLost, run_once

    def work() -> AuditReport:
        documents = (
            item if isinstance(item, Unreadable) else _with_parties(item, *parties)
            for item in _read([file], announce=False)
        )
        return checker.audit(documents)

    try:
        return run_once(work, checker.policy.limits)
    except WorkerLost as exc:
        raise UsageError(f"cannot check {file}: {exc}") from None


@cli.command("rules")
def list_rules() -> int:
    """List the installed rules: id, default severity, protocol clause and summary."""
    for spec in load_rules().values():
        summary = spec.doc.splitlines()[0] if spec.doc else ""
        click.echo(f"{spec.id}\t{spec.severity}\t{spec.clause}\t{summary}")
    return 0


# The mail gateway's ``milter`` and ``filter`` commands live with the gateway.
register_gateway_commands(cli)
# The pre-send ``serve`` and ``overrides`` commands live with the pre-send check.
register_presend_commands(cli)


def main(argv: list[str] | None = None) -> int:
    """The console script: run the command and turn every known error into one line.

    ``filter`` answers an MTA, which reads any status but 0, 69 and 75 as a bounce: a
    bad command line or anything else unforeseen is 75 there (the MTA keeps the message).
    """
    args = sys.argv[1:] if argv is None else list(argv)
    if args[:1] != ["filter"]:
        return _main(args)
    try:
        status = _main(args)
    except SystemExit as exc:
        status = exc.code if isinstance(exc.code, int) else 75
    except BaseException:  # noqa: BLE001
        status = 75
    return status if status in (0, 69, 75) else 75


def _main(argv: list[str]) -> int:
    try:
        status = cli.main(args=argv, prog_name=PROG, standalone_mode=False)
    except GuardError as exc:
        notice(f"error: {exc.message}")
        return exc.exit_code
    except click.UsageError as exc:
        if isinstance(exc, _NO_ARGS) and exc.ctx is not None:
            click.echo(exc.ctx.get_help(), err=True)
            return exc.exit_code
        hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
        notice(f"error: {' '.join(exc.format_message().split())}{hint}")
        return exc.exit_code
    except click.ClickException as exc:
        notice(f"error: {' '.join(exc.format_message().split())}")
        return exc.exit_code
    except click.Abort:
        notice("interrupted")
        return 130
    return status if isinstance(status, int) else 0


if __name__ == "__main__":
    sys.exit(main())
