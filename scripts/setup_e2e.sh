#!/usr/bin/env bash
# Set-up for `make demo` and the end-to-end tests (called by scripts/setup.sh):
#   - Debian packages: chromium (the e2e browser; playwright's own downloads are not used)
#     and libturbojpeg0 (Home Assistant's camera helper logs an error at start without it);
#   - npm packages of e2e/ (npm ci), only when e2e/package-lock.json changed.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { echo "[setup_e2e] $*"; }

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s libturbojpeg0 >/dev/null 2>&1 || missing+=(libturbojpeg0)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

stamp=e2e/node_modules/.package-lock.sha256
lock_hash="$(sha256sum e2e/package-lock.json | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$lock_hash" ]; then
  log "installing npm packages of e2e/ (npm ci)"
  (cd e2e && npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_hash" > "$stamp"
fi
