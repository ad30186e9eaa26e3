#!/usr/bin/env bash
# Debian packages the browser tests and the demo need (called first by scripts/setup.sh):
#   chromium       the browser of the card and end-to-end tests (playwright's own browser
#                  downloads cannot be used here);
#   libturbojpeg0  Home Assistant's camera helper logs an error at every start without it.
set -euo pipefail

log() { echo "[setup_apt] $*"; }

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s libturbojpeg0 >/dev/null 2>&1 || missing+=(libturbojpeg0)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "[setup_apt] missing Debian packages: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

log "installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# Another process may hold the apt/dpkg lock for a while: wait and retry (up to ~10 minutes).
for attempt in $(seq 1 20); do
  if apt-get update -qq -o DPkg::Lock::Timeout=30 \
    && apt-get install -y -qq -o DPkg::Lock::Timeout=30 "${missing[@]}" >/tmp/librus-setup-apt.log 2>&1; then
    exit 0
  fi
  log "apt busy or failed (attempt $attempt), retrying in 10 s"
  sleep 10
done
echo "[setup_apt] could not install ${missing[*]}; see /tmp/librus-setup-apt.log" >&2
exit 1
