#!/usr/bin/env bash
# Installs correspondence-guard in a virtual environment and audits the shipped samples.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${VENV:-.venv}"
python3 -m venv "$VENV"
"$VENV/bin/pip" install -q --upgrade pip
"$VENV/bin/pip" install -q .
status=0
"$VENV/bin/correspondence-guard" audit samples --policy samples/policy.yaml "$@" || status=$?
# 1 means the audit found breaches, which the samples are there to show.
[ "$status" -le 1 ] || exit "$status"
