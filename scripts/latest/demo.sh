#!/usr/bin/env bash
# `make demo HA=latest`: the demo (scripts/librus_demo) on the newest Home Assistant, Python
# 3.14 in the chroot of scripts/latest/. Its own config dir (demo/config-latest/: a newer HA
# migrates its storage, which the pinned one could not read back). Assumes
# scripts/latest/setup.sh ran (the Makefile does it). Ctrl-C stops it and unmounts.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
latest_require_root
latest_enter_namespace "$0" "$@"
cd "$LATEST_REPO"
latest_mount
venv="$(latest_venv demo)"
latest_log "Home Assistant $(latest_exec "$venv" python -c \
  'from importlib.metadata import version; print(version("homeassistant"))') on Python 3.14 (HA=latest)"
latest_exec "$venv" python scripts/librus_demo demo --config-dir demo/config-latest \
  --ha-port "${LIBRUS_DEMO_PORT:-8123}" "$@"
