"""The mail gateway: check every message as it leaves the council's mail server.

A thin protocol adapter over the engine, in the manner of pymilter's sample milters:

- :mod:`.settings` reads the policy's ``gateway:`` mapping;
- :mod:`.verdict` turns findings into one verdict (tag, reject, quarantine, notify, audit);
- :mod:`.core` checks one message in bounded time, never raising, and logs a JSON line;
- :mod:`.milter` speaks the milter protocol through pymilter (an optional extra);
- :mod:`.filter` is the stdin/stdout content filter for MTAs without milters;
- :mod:`.commands` holds the ``milter`` and ``filter`` click commands.

Only :mod:`.milter` imports pymilter, so the package works without it.
"""
