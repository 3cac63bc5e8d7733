"""The ``milter`` and ``filter`` commands. ``register(group)`` adds them to the CLI's group.

pymilter is imported only when ``milter`` runs, so the CLI works without the extra.
"""

from __future__ import annotations

import sys

import click

from ..errors import GuardError
from .settings import ACTIONS

_action = click.option(
    "--action",
    type=click.Choice(ACTIONS),
    default=None,
    help="One action for every rule, overriding the policy (for trials). audit changes nothing.",
)
_log = click.option(
    "--log",
    "log_path",
    type=click.Path(dir_okay=False, writable=True),
    default=None,
    help="Append one JSON line per message to FILE (default: standard error).",
)
_policy = click.option(
    "--policy",
    "policy_path",
    type=click.Path(dir_okay=False),
    required=True,
    help="The council's policy file (register and gateway settings).",
)


@click.command("milter")
@click.option(
    "--socket",
    "socket_spec",
    required=True,
    metavar="inet:PORT@HOST|unix:PATH",
    help="Where to listen for the MTA, in libmilter's notation.",
)
@_policy
@_action
@_log
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes that check messages (default: the number of cores).")
def milter(socket_spec: str, policy_path: str, action: str | None, log_path: str | None, workers: int | None) -> None:
    """Run the milter that Postfix or Sendmail calls with smtpd_milters."""
    try:
        from . import milter as milter_module
    except ImportError as exc:
        raise click.ClickException(
            f"the milter needs pymilter ({exc}): pip install 'correspondence-guard[milter]'"
            " (on Debian, apt-get install libmilter-dev first)"
        ) from None
    if not milter_module.SOCKET_SPEC.match(socket_spec):
        raise click.BadParameter("must be inet:PORT@HOST or unix:PATH", param_hint="--socket")
    from ..audit import default_workers
    from .core import load_gateway

    try:
        gateway = load_gateway(policy_path, action, log_path, workers or default_workers(), "spawn")
    except GuardError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(exc.exit_code or 2)
    mode = "audit only" if gateway.settings.audit_only else "enforcing"
    click.echo(f"correspondence-guard milter listening on {socket_spec} ({mode}, policy {policy_path})", err=True)
    milter_module.serve(gateway, socket_spec)


@click.command("filter")
@click.option("--sender", required=True, help="The envelope sender (MAIL FROM); may be empty.")
@click.option(
    "--recipient",
    "recipients",
    multiple=True,
    required=True,
    help="An envelope recipient (RCPT TO); repeat for each.",
)
@_policy
@_action
@_log
def filter_command(sender: str, recipients: tuple[str, ...], policy_path: str, action: str | None, log_path: str | None) -> None:
    """Check the message on standard input; write the message to deliver to standard output.

    Exit status (sysexits): 0 deliver, 75 try again later, 69 refused.
    """
    sys.exit(_filter_status(policy_path, action, log_path, sender, tuple(recipients)))


def _filter_status(policy_path, action, log_path, sender, recipients) -> int:
    """The filter's exit status: 0, 69 or 75 and nothing else, whatever fails."""
    import os

    from .filter import EX_TEMPFAIL as tempfail
    from .filter import FdWriter, run_filter

    try:
        os.fstat(1)  # a closed standard output: the file opened next would take its place
    except OSError:
        _error("standard output is closed: the message cannot be delivered")
        return tempfail
    try:
        from .core import load_gateway

        gateway = load_gateway(policy_path, action, log_path, workers=1, context="fork")
    except GuardError as exc:
        # A broken policy must not bounce mail: the MTA keeps the message and retries.
        _error(str(exc))
        return tempfail
    except BaseException as exc:  # noqa: BLE001
        _error(f"{type(exc).__name__}: {exc}")
        return tempfail
    try:
        return run_filter(gateway, sys.stdin.buffer, FdWriter(1), sys.stderr, sender, recipients)
    finally:
        gateway.close()


def _error(message: str) -> None:
    try:
        click.echo(f"error: {message}", err=True)
    except Exception:  # noqa: BLE001 - a closed standard error changes nothing
        pass


def register(group: click.Group) -> None:
    """Add ``milter`` and ``filter`` to the command group."""
    group.add_command(milter)
    group.add_command(filter_command)
