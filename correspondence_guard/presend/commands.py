"""The ``serve`` and ``overrides`` commands, and ``check --fix``'s work.

Starlette and uvicorn are imported only when ``serve`` runs (the optional extra ``serve``).
"""

from __future__ import annotations

import ipaddress
import logging
import sys

import click

from ..errors import UsageError
from ..policy import load_policy
from .listing import FORMATS

_policy = click.option("--policy", "policy_path", type=click.Path(exists=True, dir_okay=False), required=True,
                       help="The council's policy file (register and presend settings).")


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command("serve")
@_policy
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind; beyond loopback a token is required.")
@click.option("--port", type=click.IntRange(0, 65535), default=8390, show_default=True)
def serve(policy_path: str, host: str, port: int) -> None:
    """Run the pre-send check service for the Outlook add-in (POST /v1/check, /v1/override)."""
    try:
        import uvicorn

        from .service import create_app
    except ImportError as exc:
        raise UsageError(f"serve needs Starlette and uvicorn ({exc}): pip install 'correspondence-guard[serve]'") from None
    from .settings import TOKEN_VARIABLE, read_settings

    policy = load_policy(policy_path)
    settings = read_settings(policy)
    if not _loopback(host) and not settings.token:
        raise UsageError(f"binding {host} needs a token: set presend.token in the policy or {TOKEN_VARIABLE}")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("correspondence-guard serve: %(message)s"))
    service_log = logging.getLogger("correspondence_guard.serve")
    service_log.addHandler(handler)
    service_log.setLevel(logging.INFO)
    app = create_app(policy, settings)
    click.echo(f"correspondence-guard serve listening on http://{host}:{port} (policy {policy_path})", err=True)
    uvicorn.run(app, host=host, port=port, access_log=False, log_level="warning",
                timeout_keep_alive=30, server_header=False)


@click.command("overrides")
@_policy
@click.option("--since", default="", metavar="DATE", help="Only overrides recorded on or after DATE (YYYY-MM-DD).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="csv", show_default=True)
@click.option("--output", type=click.Path(dir_okay=False, writable=True), help="Write here instead of stdout.")
def overrides(policy_path: str, since: str, fmt: str, output: str | None) -> None:
    """List the recorded overrides (who sent anyway, when, past which findings, and why)."""
    from datetime import date

    from . import listing
    from .overrides import store_for

    if since:
        try:
            date.fromisoformat(since[:10])
        except ValueError:
            raise UsageError(f"--since: {since!r} is not a date (YYYY-MM-DD)") from None
    policy = load_policy(policy_path)
    store = store_for(policy)
    if store is None:
        raise UsageError(f"{policy_path}: presend.overrides names no override store")
    from ..cli import _emit  # the report writer every command shares (cli imports this module)

    _emit(listing.render(store.since(since), fmt, council=policy.register.council, since=since), output)


def run_fix(file: str, output: str | None, checker, fail_on: str) -> int:
    """``check FILE --fix --output OUT``: write the fixed copy and say what changed.

    The draft is read, checked and fixed in a worker within the policy's limits, as
    ``check`` reads it. If the checker fails on it (a rule raised), nothing is written and
    the status is 3, as ``check`` answers: a "fixed" copy of a draft never checked would
    say it was safe to send."""
    from ..cli import INTERNAL_ERROR_STATUS, notice
    from ..isolation import WorkerLost, run_once
    from ..sources.email import looks_like_email

    if output is None:
        raise UsageError("--fix needs --output FILE for the fixed copy (the draft is never changed in place)")
    with open(file, "rb") as stream:
        raw = stream.read()
    if not looks_like_email(raw):
        raise UsageError(f"--fix works on a draft email (.eml); {file} is not one")
    try:
        kind, fixed = run_once(lambda: _fixed_or_why(raw, file, checker), checker.policy.limits)
    except WorkerLost as exc:
        raise UsageError(f"cannot check {file}: {exc}") from None
    if kind == "usage":
        raise UsageError(fixed)
    if kind == "internal":
        click.echo(f"NOT CHECKED (internal error of the checker): {fixed.error}")
        click.echo(f"No fixed copy was written to {output}.")
        notice(f"internal error in {fixed.source}: {fixed.error} (exit status {INTERNAL_ERROR_STATUS})")
        return INTERNAL_ERROR_STATUS
    try:
        with open(output, "wb") as stream:
            stream.write(fixed.raw)
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror or exc}") from None
    for note in fixed.notes:
        click.echo(f"Added the copy note \u201c{note}\u201d at the top of the message.")
    if not fixed.notes:
        click.echo("Nothing changed: no silent Bcc needed a copy note.")
    for finding in fixed.after:
        click.echo(f"Not changed ({finding.rule}, protocol {finding.clause}): {finding.message}")
        click.echo(f"  Do this yourself: {finding.remedy}")
    click.echo(f"Wrote {output}" + ("; it has no problems left." if not fixed.after else "."))
    failing = [f for f in fixed.after if fail_on == "warning" or f.severity == "error"]
    return 1 if fail_on != "never" and failing else 0


def _fixed_or_why(raw: bytes, file: str, checker) -> tuple:
    """In the worker: ``("fixed", FixedDraft)``, ``("usage", reason)`` for a draft that
    cannot be fixed, or ``("internal", entry)`` when the checker itself failed."""
    from ..audit.units import ReaderFault
    from ..engine import RuleFailure
    from ..errors import GuardError
    from ..model import internal_error
    from .fix import fix_draft

    try:
        return "fixed", fix_draft(raw, file, checker)
    except GuardError as exc:
        return "usage", exc.message if isinstance(exc, UsageError) else f"cannot fix {file}: {exc.message}"
    except ReaderFault as fault:
        return "internal", fault.entry
    except RuleFailure as failure:
        return "internal", internal_error(file, failure.error, f"rule {failure.rule_id}")
    except MemoryError:
        raise
    except Exception as exc:  # noqa: BLE001 - a reader's fault is the checker's, never a clean draft
        return "internal", internal_error(file, exc, "the reader")


def register(group: click.Group) -> None:
    group.add_command(serve)
    group.add_command(overrides)
