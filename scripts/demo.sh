#!/usr/bin/env bash
# `make demo`: a real Home Assistant (core + official frontend) with the Librus integration
# added against the local simulator. Assumes scripts/setup.sh ran (the Makefile does it).
# Config lives in demo/config/ (generated, ignored by git); Ctrl-C stops everything.
# LIBRUS_DEMO_PORT overrides the Home Assistant port (default 8123).
# HA=latest (`make demo HA=latest`) runs the newest Home Assistant instead of the pinned one
# (scripts/latest/demo.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
case "${HA:-pinned}" in
  pinned) ;;
  latest) exec bash scripts/latest/demo.sh "$@" ;;
  *) echo "[demo] HA must be 'pinned' (default) or 'latest', not '$HA'" >&2; exit 2 ;;
esac
echo "[demo] Home Assistant $(.venv/bin/python -c \
  'from importlib.metadata import version; print(version("homeassistant"))') on Python" \
  "$(.venv/bin/python -c 'import platform; print(platform.python_version())') (pinned;" \
  "make demo HA=latest for the newest)" >&2
exec .venv/bin/python scripts/librus_demo demo --ha-port "${LIBRUS_DEMO_PORT:-8123}" "$@"
