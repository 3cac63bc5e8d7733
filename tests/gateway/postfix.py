"""A real Postfix (Debian's package) in a folder of its own, for the end-to-end tests and the benchmark.

The instance has its own configuration, queue, data and log folders under one temporary
folder and listens only on loopback ports:

- ``submit_port``: the council's mail server: an smtpd without the milter that queues
  every message and hands it on to the gateway port (a ``content_filter`` to an ``smtp``
  transport), so that a message the gateway cannot take yet waits in Postfix's queue;
- ``gateway_port``: the gateway: an smtpd with ``smtpd_milters`` pointing at our milter
  (``milter_default_action = tempfail``), relaying what it accepts to ``relayhost``, the
  test's SMTP sink.

Running Postfix with its own configuration folder needs that folder listed in
``alternate_config_directories`` of the default ``/etc/postfix/main.cf``; :meth:`start`
adds it (creating the file on a machine where Postfix was installed with "No
configuration") and :meth:`stop` puts the file back as it was. ``postfix`` reports its
own start-up errors only to syslog or a terminal, so a failed start raises with the
output of ``postfix check`` and the log file.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

DEFAULT_MAIN_CF = Path("/etc/postfix/main.cf")


def _tool(name: str) -> str:
    found = shutil.which(name) or (f"/usr/sbin/{name}" if Path(f"/usr/sbin/{name}").exists() else None)
    if not found:
        raise AssertionError(
            f"{name} is not installed: the gateway's end-to-end tests need Debian's postfix package "
            "(scripts/test.sh installs it: apt-get install postfix)"
        )
    return found


class Postfix:
    def __init__(
        self,
        submit_port: int,
        gateway_port: int,
        milter: str,
        relay_port: int,
        root: Path | None = None,
        extra_main_cf: str = "",
    ):
        if os.geteuid() != 0:
            raise AssertionError("the Postfix end-to-end tests must run as root (Postfix needs it to start)")
        self.postfix = _tool("postfix")
        self.postqueue = _tool("postqueue")
        self.postsuper = _tool("postsuper")
        self.postcat = _tool("postcat")
        self.root = Path(root or tempfile.mkdtemp(prefix="cg-postfix-"))
        # Postfix's daemons run as the postfix user and must reach the queue.
        self.root.chmod(0o755)
        self.config = self.root / "etc"
        self.queue_dir = self.root / "spool"
        self.data_dir = self.root / "data"
        self.log_dir = self.root / "log"
        self.log_file = self.log_dir / "postfix.log"
        self.submit_port = submit_port
        self.gateway_port = gateway_port
        self.milter = milter
        self.relay_port = relay_port
        self.extra_main_cf = extra_main_cf
        self._saved_main_cf: str | None = None
        self._main_cf_existed = False
        self.running = False

    # -- configuration ----------------------------------------------------------------

    def main_cf(self) -> str:
        return f"""\
# Written by correspondence-guard's gateway tests.
compatibility_level = 3.6
config_directory = {self.config}
queue_directory = {self.queue_dir}
data_directory = {self.data_dir}
meta_directory = /etc/postfix
command_directory = /usr/sbin
daemon_directory = /usr/lib/postfix/sbin
shlib_directory = /usr/lib/postfix
mail_owner = postfix
setgid_group = postdrop
syslog_name = postfix-cg-test
maillog_file = {self.log_file}
maillog_file_prefixes = /var, /dev/stdout, {self.log_dir}

myhostname = gateway.correspondence-guard.test
mydomain = correspondence-guard.test
myorigin = $myhostname
mydestination =
local_recipient_maps =
alias_maps =
alias_database =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
smtpd_relay_restrictions = permit_mynetworks, reject
smtputf8_enable = no
biff = no

# Everything goes to the test's SMTP sink; no DNS.
relayhost = [127.0.0.1]:{self.relay_port}
default_transport = smtp
relay_transport = smtp
smtp_dns_support_level = disabled
smtp_host_lookup = native
smtp_connect_timeout = 5s
smtp_tls_security_level = none
smtpd_tls_security_level = none

# Retry soon: the tests flush the queue themselves.
queue_run_delay = 300s
minimal_backoff_time = 300s
maximal_backoff_time = 600s
delay_warning_time = 0

# The gateway's milter (used by the gateway smtpd in master.cf only).
milter_default_action = tempfail
milter_protocol = 6
milter_connect_timeout = 5s
milter_command_timeout = 10s
milter_content_timeout = 60s
{self.extra_main_cf}"""

    def master_cf(self) -> str:
        return f"""\
# Written by correspondence-guard's gateway tests.
# The council's mail server: queue, then hand on to the gateway.
127.0.0.1:{self.submit_port} inet n - n - - smtpd
  -o content_filter=gateway:[127.0.0.1]:{self.gateway_port}
  -o smtpd_milters=
# The gateway: every message goes through the milter before it is accepted.
127.0.0.1:{self.gateway_port} inet n - n - - smtpd
  -o content_filter=
  -o smtpd_milters={self.milter or ""}
  -o receive_override_options=no_address_mappings
gateway   unix  -       -       n       -       -       smtp
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
local     unix  -       n       n       -       -       local
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
"""

    def write(self) -> None:
        for folder in (self.config, self.queue_dir, self.log_dir):
            folder.mkdir(parents=True, exist_ok=True)
            folder.chmod(0o755)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        shutil.chown(self.data_dir, "postfix", "postfix")
        self.data_dir.chmod(0o700)
        (self.config / "main.cf").write_text(self.main_cf())
        (self.config / "master.cf").write_text(self.master_cf())
        # Debian's postfix-files and dynamicmaps.cf are in meta_directory (/etc/postfix).

    def _register_alternate(self) -> None:
        """List our config folder in the default main.cf's alternate_config_directories."""
        self._main_cf_existed = DEFAULT_MAIN_CF.exists()
        self._saved_main_cf = DEFAULT_MAIN_CF.read_text() if self._main_cf_existed else None
        text = self._saved_main_cf or ""
        lines = text.splitlines()
        for i, line in enumerate(lines):
            if line.split("=", 1)[0].strip() == "alternate_config_directories":
                if str(self.config) not in line:
                    lines[i] = f"{line.rstrip()}, {self.config}"
                break
        else:
            lines.append(f"alternate_config_directories = {self.config}")
        DEFAULT_MAIN_CF.parent.mkdir(parents=True, exist_ok=True)
        DEFAULT_MAIN_CF.write_text("\n".join(lines) + "\n")

    def _restore_default_main_cf(self) -> None:
        if self._saved_main_cf is not None:
            DEFAULT_MAIN_CF.write_text(self._saved_main_cf)
        elif not self._main_cf_existed and DEFAULT_MAIN_CF.exists():
            DEFAULT_MAIN_CF.unlink()

    # -- running ----------------------------------------------------------------------

    def run(self, *args: str, check: bool = True, timeout: float = 60) -> subprocess.CompletedProcess:
        done = subprocess.run(list(args), capture_output=True, text=True, timeout=timeout)
        if check and done.returncode != 0:
            raise AssertionError(
                f"{' '.join(args)} exited with {done.returncode}:\n{done.stdout}{done.stderr}\n{self.diagnostics()}"
            )
        return done

    def diagnostics(self) -> str:
        check = subprocess.run([self.postfix, "-c", str(self.config), "check"], capture_output=True, text=True)
        log = self.log_file.read_text(errors="replace")[-6000:] if self.log_file.exists() else "(no log file)"
        return f"--- postfix check (exit {check.returncode}):\n{check.stdout}{check.stderr}\n--- {self.log_file}:\n{log}"

    def start(self) -> None:
        self.write()
        self._register_alternate()
        try:
            # Creates the queue folders with the owners and modes Postfix wants.
            self.run(self.postfix, "-c", str(self.config), "set-permissions", check=False)
            self.run(self.postfix, "-c", str(self.config), "check")
            self.run(self.postfix, "-c", str(self.config), "start")
            self.running = True
            self._wait_listening()
        except BaseException:
            self.stop()
            raise

    def _wait_listening(self, timeout: float = 30) -> None:
        import socket

        deadline = time.monotonic() + timeout
        pending = {self.submit_port, self.gateway_port}
        while pending and time.monotonic() < deadline:
            for port in list(pending):
                try:
                    with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                        s.recv(512)  # the banner
                    pending.discard(port)
                except OSError:
                    pass
            time.sleep(0.1)
        if pending:
            raise AssertionError(f"Postfix did not listen on {sorted(pending)}:\n{self.diagnostics()}")

    def stop(self, remove: bool = True) -> None:
        if self.running or (self.queue_dir / "pid" / "master.pid").exists():
            subprocess.run([self.postfix, "-c", str(self.config), "stop"], capture_output=True, text=True, timeout=60)
            self._wait_master_gone()
            self.running = False
        self._restore_default_main_cf()
        if remove:
            shutil.rmtree(self.root, ignore_errors=True)

    def _wait_master_gone(self, timeout: float = 15) -> None:
        pid_file = self.queue_dir / "pid" / "master.pid"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                pid = int(pid_file.read_text().strip())
                os.kill(pid, 0)
            except (OSError, ValueError):
                return
            time.sleep(0.1)

    # -- the queue --------------------------------------------------------------------

    def queue(self) -> list[dict]:
        """``postqueue -j``: one dict per queued message (queue_name, queue_id, recipients...)."""
        done = self.run(self.postqueue, "-c", str(self.config), "-j")
        return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]

    def flush(self) -> None:
        self.run(self.postqueue, "-c", str(self.config), "-f")

    def message(self, queue_id: str) -> str:
        """``postcat -q``: the queued message, envelope and content."""
        return self.run(self.postcat, "-c", str(self.config), "-q", queue_id).stdout

    def delete_all(self) -> None:
        self.run(self.postsuper, "-c", str(self.config), "-d", "ALL", check=False)

    def wait_queue(self, predicate, timeout: float = 20.0, what: str = "the queue") -> list[dict]:
        deadline = time.monotonic() + timeout
        entries = self.queue()
        while not predicate(entries):
            if time.monotonic() > deadline:
                raise AssertionError(f"{what} did not come about within {timeout} s; queue: {entries}\n{self.diagnostics()}")
            time.sleep(0.2)
            entries = self.queue()
        return entries

    def log(self) -> str:
        return self.log_file.read_text(errors="replace") if self.log_file.exists() else ""
