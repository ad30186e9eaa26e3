#!/usr/bin/env bash
# All set-up from nothing, idempotent and quick on a second run:
#   Python >= 3.13.2 (built once into a cache outside the repo), .venv, pinned packages.
# Later parts (npm packages, Chromium) are added by scripts/setup_*.sh and called from here.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { echo "[setup] $*"; }
# This machine's pip config names local wheel folders that may not exist; drop those warnings
# but keep pip's own exit status.
pip_install() { .venv/bin/python -m pip install --quiet "$@" 2> >(grep -v "is ignored: it is neither" >&2); }

python_bin="$(bash scripts/ensure_python.sh)"
if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import sys; sys.exit(sys.version_info < (3, 13, 2))' 2>/dev/null; then
  log "creating .venv with $python_bin"
  rm -rf .venv
  "$python_bin" -m venv .venv
fi

# Reinstall only when a requirements file changed (its hash is kept inside the venv).
# The *_latest.txt pins belong to the latest job's venvs (scripts/latest/), not to this one.
reqs=()
for req in requirements_*.txt; do
  case "$req" in *_latest.txt) ;; *) reqs+=("$req") ;; esac
done
req_hash="$(cat "${reqs[@]}" | sha256sum | cut -d' ' -f1)"
if [ "$(cat .venv/.requirements-hash 2>/dev/null)" != "$req_hash" ]; then
  log "installing pinned Python packages (a few minutes the first time)"
  pip_install --upgrade pip
  for req in "${reqs[@]}"; do pip_install -r "$req"; done
  echo "$req_hash" > .venv/.requirements-hash
fi

for extra in scripts/setup_*.sh; do
  [ -e "$extra" ] || continue
  bash "$extra"
done
log "ready"
