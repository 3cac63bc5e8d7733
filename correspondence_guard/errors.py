"""One exception family, each carrying the exit status the command line shows it with.

Like click's ``ClickException``: whatever raises it, the CLI prints ``error: <message>``
in one place and exits with ``exit_code``.
"""


class GuardError(Exception):
    """Base of every error the tool reports to a person rather than as a traceback."""

    exit_code = 2

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UsageError(GuardError):
    """The command was asked for something it cannot do (bad option, missing path)."""


class PolicyError(GuardError):
    """The policy file cannot be read, or a key in it is wrong. Names the file and the key."""

    def __init__(self, source: str, key: str, problem: str):
        where = f"{source}: {key}" if key else source
        super().__init__(f"{where}: {problem}")
        self.source = source
        self.key = key


class UnreadableDocument(GuardError):
    """A document cannot be read. Readers raise it; the audit records it and goes on."""

    exit_code = 0


def one_line(exc: BaseException, most: int = 120) -> str:
    """An exception's message on one line, cut short, for a reader's "not readable" reason
    (a parser's message can span lines and quote the hostile input back)."""
    return (" ".join(str(exc).split()) or type(exc).__name__)[:most]
