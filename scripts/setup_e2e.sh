#!/usr/bin/env bash
# Set-up for the end-to-end tests (called by scripts/setup.sh, after setup_apt.sh has
# installed Chromium): the npm packages of e2e/ (npm ci), only when its package-lock changed.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { echo "[setup_e2e] $*"; }

stamp=e2e/node_modules/.package-lock.sha256
lock_hash="$(sha256sum e2e/package-lock.json | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$lock_hash" ]; then
  log "installing npm packages of e2e/ (npm ci)"
  (cd e2e && npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_hash" > "$stamp"
fi
