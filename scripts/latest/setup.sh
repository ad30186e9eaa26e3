#!/usr/bin/env bash
# Set-up of the "latest" job (called by scripts/test_all.sh and `make demo HA=latest`):
# Python 3.14 in a Debian chroot and the two venvs of the newest Home Assistant, all in a
# cache outside the repository (see scripts/latest/lib.sh). Idempotent: a second run checks
# two stamps and touches no mirror.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
latest_require_root
latest_enter_namespace "$0" "$@"
cd "$LATEST_REPO"

mkdir -p "$LATEST_CACHE"
exec 9>"$LATEST_CACHE/lock"
flock 9  # one set-up at a time (another checkout may share this cache)

make_chroot() {
  local suite="$1" partial="$LATEST_CACHE/root.partial" out="$LATEST_CACHE/debootstrap.out"
  latest_safe_rm "$partial" || return 1
  latest_log "debootstrap $suite into $LATEST_ROOT (about a minute, done once)"
  if debootstrap --variant=minbase --include="$LATEST_PACKAGES" "$suite" "$partial" \
    "$LATEST_MIRROR" >"$out" 2>&1; then
    latest_safe_rm "$LATEST_ROOT" || return 1
    mv "$partial" "$LATEST_ROOT"
    printf '%s\n' "suite=$suite" "packages=$LATEST_PACKAGES" > "$LATEST_STAMP"
    return 0
  fi
  if grep -q "Couldn't find these debs" "$out"; then
    latest_log "$suite lacks: $(grep "Couldn't find these debs" "$out" | sed 's/.*debs: //')"
    latest_safe_rm "$partial"
    return 2
  fi
  latest_log "error: debootstrap of $suite from $LATEST_MIRROR failed (download or install);" \
    "last lines of $out:"
  tail -n 15 "$out" >&2
  [ -f "$partial/debootstrap/debootstrap.log" ] && tail -n 15 "$partial/debootstrap/debootstrap.log" >&2
  latest_safe_rm "$partial"
  return 1
}

if ! command -v debootstrap >/dev/null; then
  latest_log "installing debootstrap"
  apt-get update -qq -o DPkg::Lock::Timeout=120 \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=120 \
      debootstrap >/dev/null \
    || { latest_log "error: could not install debootstrap (Debian mirror unreachable?)"; exit 1; }
fi

stamp_packages="$(sed -n 's/^packages=//p' "$LATEST_STAMP" 2>/dev/null || true)"
if [ ! -f "$LATEST_STAMP" ]; then
  made=""
  for suite in "${LATEST_SUITES[@]}"; do
    rc=0
    make_chroot "$suite" || rc=$?
    if [ "$rc" = 0 ]; then made="$suite"; break; fi
    [ "$rc" = 2 ] || exit 1
  done
  [ -n "$made" ] || { latest_log "error: no suite of ${LATEST_SUITES[*]} has $LATEST_PACKAGES"; exit 1; }
elif [ "$stamp_packages" != "$LATEST_PACKAGES" ]; then
  # The package list changed: add to the chroot with its own apt (sid's Release file may be
  # past its Valid-Until date).
  latest_log "installing into the chroot: $LATEST_PACKAGES"
  latest_mount
  apt_opts=(-o Acquire::Check-Valid-Until=false -o DPkg::Lock::Timeout=120)
  chroot "$LATEST_ROOT" apt-get "${apt_opts[@]}" update -qq \
    && chroot "$LATEST_ROOT" env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" \
      install -y -qq ${LATEST_PACKAGES//,/ } >/dev/null \
    || { latest_log "error: apt-get in the chroot failed (download from the Debian mirror?)"; exit 1; }
  sed -i "s/^packages=.*/packages=$LATEST_PACKAGES/" "$LATEST_STAMP"
  latest_umount_all
fi

# The venvs (old ones, of other pins, are deleted).
pip_in() {  # pip_in VENV ARGS...
  local venv="$1"; shift
  latest_exec "$venv" python -m pip install --quiet --no-input "$@" \
    2> >(grep -v -e "is ignored: it is neither" -e "Running pip as the 'root' user" \
      -e "warn.pypa.io" >&2)
}
for kind in test demo; do
  venv="$(latest_venv "$kind")"
  [ -f "$venv/.librus-complete" ] && continue
  [ ${#LATEST_MOUNTED[@]} -gt 0 ] || latest_mount
  latest_log "creating $venv from requirements_${kind}_latest.txt (a few minutes, done once)"
  # A venv's scripts name its own path, so it is made in place; it counts only once its
  # .librus-complete marker is written (last).
  latest_safe_rm "$venv"
  latest_exec / "$LATEST_PYTHON" -m venv "$venv"
  if ! pip_in "$venv" --upgrade pip || ! pip_in "$venv" -r "requirements_${kind}_latest.txt"; then
    latest_log "error: pip install of requirements_${kind}_latest.txt failed (download from PyPI, or a build)"
    latest_safe_rm "$venv"
    exit 1
  fi
  touch "$venv/.librus-complete"
  for old in "$LATEST_VENVS/$kind"-*; do
    [ "$old" = "$venv" ] || latest_safe_rm "$old"
  done
done
# The e2e's host side (Debian's Chromium, e2e/'s npm packages) is the pinned job's set-up;
# idempotent, so a latest-only run (LIBRUS_JOBS=latest) on a fresh machine has it too.
latest_umount_all
bash scripts/setup_apt.sh
bash scripts/setup_e2e.sh
latest_log "ready: Python $(chroot "$LATEST_ROOT" "$LATEST_PYTHON" -c 'import platform; print(platform.python_version())')," \
  "$(sed -n 's/^suite=//p' "$LATEST_STAMP") chroot"
