#!/usr/bin/env bash
# Run one command in the latest job's environment, for a developer: Python 3.14 in the chroot,
# the checkout mounted at its own path, the test venv's (or `demo`: the real HA's) bin first.
#   bash scripts/latest/exec.sh test python -m pytest tests/test_sensor.py
#   bash scripts/latest/exec.sh demo hass --version
# Mounts only for this command (private mount namespace, unmounted on exit).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
latest_require_root
latest_enter_namespace "$0" "$@"
kind="${1:?usage: exec.sh test|demo COMMAND [ARGS...]}"; shift
venv="$(latest_venv "$kind")"
[ -f "$venv/.librus-complete" ] || { latest_log "error: run scripts/latest/setup.sh first"; exit 1; }
latest_mount
latest_exec "$venv" "$@"
