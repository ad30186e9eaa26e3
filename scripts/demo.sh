#!/usr/bin/env bash
# `make demo`: a real Home Assistant (core + official frontend) with the Librus integration
# added against the local simulator. Assumes scripts/setup.sh ran (the Makefile does it).
# Config lives in demo/config/ (generated, ignored by git); Ctrl-C stops everything.
# LIBRUS_DEMO_PORT overrides the Home Assistant port (default 8123).
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/python scripts/demo_lib.py demo --ha-port "${LIBRUS_DEMO_PORT:-8123}" "$@"
