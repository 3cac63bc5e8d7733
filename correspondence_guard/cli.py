"""The command line: wires readers, the engine and the report formats together.

Nothing here reads mail or judges it. Every error a person should see (a bad option, a
bad path, a broken policy) arrives as a ``GuardError`` or a click usage error and is shown
in one place, :func:`main`, as one line on stderr with the exit status it carries:
0 clean, 1 something at or above ``--fail-on`` was found, 2 a usage or policy error.
"""

from __future__ import annotations

import dataclasses
import sys
from typing import Iterable, Iterator

import click

from . import __version__
from .engine import Checker
from .errors import GuardError, UsageError
from .gateway.commands import register as register_gateway_commands
from .model import Correspondence, Party, Unreadable
from .policy import Policy, load_policy
from .report import AuditReport
from .reports import FORMATS, render
from .rules import RuleSpec, load_rules

PROG = "correspondence-guard"
# click >= 8.2 raises this (a UsageError whose message is the whole help) for a bare command.
_NO_ARGS = getattr(click.exceptions, "NoArgsIsHelpError", ())
FAIL_ON = click.Choice(["error", "warning", "never"])


def notice(message: str) -> None:
    """One line on stderr, prefixed with the program name, as every diagnostic is."""
    click.echo(f"{PROG}: {message}", err=True)


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
    from . import sources

    for item in sources.read(list(paths)):
        if announce and isinstance(item, Unreadable):
            notice(f"cannot read {item.source}: {item.error}")
        yield item


def _audit(checker: Checker, documents: Iterable[Correspondence | Unreadable]) -> AuditReport:
    report = checker.audit(documents)
    report.rules = tuple(spec.id for spec in checker.rules)
    return report


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


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--policy", "policy_path", type=click.Path(exists=True, dir_okay=False), help="The council's policy/register YAML file.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--output", type=click.Path(dir_okay=False, writable=True), help="Write the report here instead of stdout.")
@click.option("--fail-on", type=FAIL_ON, default="error", show_default=True, help="Exit 1 when a finding at or above this severity is made.")
@click.option("--rule", "only", multiple=True, metavar="ID", help="Apply only this rule (repeatable).")
def audit(paths, policy_path, fmt, output, fail_on, only) -> int:
    """Audit every email and letter under PATHS and write a report."""
    policy = _policy(policy_path)
    checker = Checker(policy, rules=_rules(only), only=only)
    report = _audit(checker, _read(paths))
    _emit(render(report, fmt), output)
    return 1 if report.failed(fail_on) else 0


@cli.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--policy", "policy_path", type=click.Path(exists=True, dir_okay=False), help="The council's policy/register YAML file.")
@click.option("--from", "sender", metavar="ADDR", help="The sender (replaces the document's own).")
@click.option("--to", multiple=True, metavar="ADDR", help="A To recipient (repeatable; replaces the document's own).")
@click.option("--cc", multiple=True, metavar="ADDR", help="A Cc recipient (repeatable; replaces the document's own).")
@click.option("--bcc", multiple=True, metavar="ADDR", help="A Bcc recipient (repeatable; replaces the document's own).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--fail-on", type=FAIL_ON, default="error", show_default=True)
def check(file, policy_path, sender, to, cc, bcc, fmt, fail_on) -> int:
    """Check one draft email (.eml) or letter (.txt, .docx, .pdf) before it is sent."""
    policy = _policy(policy_path)
    checker = Checker(policy, rules=_rules(()))
    documents = (
        item if isinstance(item, Unreadable) else _with_parties(item, sender, to, cc, bcc)
        for item in _read([file], announce=False)
    )
    report = _audit(checker, documents)
    if not report.documents:
        reason = report.errors[0].error if report.errors else "no email or letter found in it"
        raise UsageError(f"cannot check {file}: {reason}")
    _emit(render(report, "advice" if fmt == "text" else "json"), None)
    return 1 if report.failed(fail_on) else 0


@cli.command("rules")
def list_rules() -> int:
    """List the installed rules: id, default severity, protocol clause and summary."""
    for spec in load_rules().values():
        summary = spec.doc.splitlines()[0] if spec.doc else ""
        click.echo(f"{spec.id}\t{spec.severity}\t{spec.clause}\t{summary}")
    return 0


# The mail gateway's ``milter`` and ``filter`` commands live with the gateway.
register_gateway_commands(cli)


def main(argv: list[str] | None = None) -> int:
    """The console script: run the command and turn every known error into one line."""
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
