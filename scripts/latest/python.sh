#!/usr/bin/env bash
# `python` of the latest job's real Home Assistant (the demo venv, Python 3.14, in the chroot),
# for a caller that has already mounted the chroot (scripts/latest/test.sh, demo.sh): the e2e
# harness runs scripts/librus_demo with it (LIBRUS_E2E_PYTHON). Same directory inside, and
# `exec` all the way down, so signals reach Python.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
if [ ! -e "$LATEST_ROOT$LATEST_REPO/Makefile" ]; then
  latest_log "error: the chroot is not mounted (run this under scripts/latest/test.sh or demo.sh)"
  exit 1
fi
venv="$(latest_venv demo)"
latest_exec "$venv" "$venv/bin/python" "$@"
