#!/usr/bin/env bash
# Set-up for the dashboard cards (called by scripts/setup.sh): Debian's Chromium for the
# component tests, and the npm packages of frontend/ whenever package-lock.json changed.
set -euo pipefail
cd "$(dirname "$0")/.."
log() { echo "[setup-frontend] $*"; }

chromium_bin="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium_bin" ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "[setup-frontend] Chromium is missing: run 'sudo apt-get install -y chromium'" >&2
    exit 1
  fi
  log "installing Chromium from Debian (for the card tests)"
  export DEBIAN_FRONTEND=noninteractive
  installed=0
  # Another process may hold the apt/dpkg lock for a while: wait and retry (up to ~10 minutes).
  for attempt in $(seq 1 60); do
    if apt-get install -y -q -o DPkg::Lock::Timeout=30 chromium >/tmp/librus-setup-chromium.log 2>&1; then
      installed=1
      break
    fi
    if grep -q "Unable to locate package\|has no installation candidate" /tmp/librus-setup-chromium.log; then
      apt-get update -q -o DPkg::Lock::Timeout=30 >/dev/null 2>&1 || true
    fi
    log "apt busy or failed (attempt $attempt), retrying in 10 s"
    sleep 10
  done
  if [ "$installed" != 1 ] || [ ! -x "$chromium_bin" ]; then
    echo "[setup-frontend] could not install Chromium; see /tmp/librus-setup-chromium.log" >&2
    exit 1
  fi
fi

bash frontend/scripts/npm-ci-if-needed.sh
