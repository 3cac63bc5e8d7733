#!/usr/bin/env bash
# Installs everything the tests need on a fresh Debian machine, then runs them.
# The system packages (Postfix and libmilter for the gateway tests, Chromium for the
# HTML report test) need root: run as root, or this script uses sudo.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
echo "postfix postfix/main_mailer_type select No configuration" | $SUDO debconf-set-selections
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends postfix libmilter-dev chromium >/dev/null
VENV="${VENV:-.venv}"
python3 -m venv "$VENV"
"$VENV/bin/pip" install -q --upgrade pip
"$VENV/bin/pip" install -q -e '.[test]'
exec "$VENV/bin/python" -m pytest "$@"
