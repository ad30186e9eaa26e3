# Sourced by the scripts of the "latest" job (scripts/latest/*.sh): Python 3.14 for the newest
# Home Assistant. This machine's Debian has no Python 3.14 and its source tarball is not on the
# mirror, so it comes from a Debian chroot (debootstrap, the `testing` suite when that carries
# python3.14, else `sid`) kept in a cache OUTSIDE the repository:
#
#   $LIBRUS_HA_CACHE/py314/root/              the chroot; root/.librus-complete is its stamp
#   $LIBRUS_HA_CACHE/py314/venvs/test-<hash>  pytest-homeassistant-custom-component's HA
#                                              (requirements_test_latest.txt)
#   $LIBRUS_HA_CACHE/py314/venvs/demo-<hash>  the newest real HA + frontend, for the demo and
#                                              the e2e tests (requirements_demo_latest.txt)
#
# Each venv is named by a hash of its pin file, so a second run reinstalls nothing and touches
# no mirror, and changing a pin makes a new venv. Commands run inside the chroot with the
# checkout and the venvs bind-mounted at their own paths (so every path is the same inside and
# outside), plus /proc, /dev and /tmp. The mounts are made in a private mount namespace
# (`latest_enter_namespace`) and unmounted by a trap on exit, so nothing stays mounted and
# two runs never unmount each other's. Needs root (CI runs as root).

LATEST_REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LATEST_CACHE="${LIBRUS_HA_CACHE:-$HOME/.cache/librus-ha}/py314"
LATEST_ROOT="$LATEST_CACHE/root"
LATEST_VENVS="$LATEST_CACHE/venvs"
LATEST_STAMP="$LATEST_ROOT/.librus-complete"
LATEST_MIRROR="${LIBRUS_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
LATEST_SUITES=(testing sid)  # the first one that has every package below wins
LATEST_PACKAGES=python3.14,python3.14-venv,python3.14-dev,g++,ca-certificates,libturbojpeg0
LATEST_PYTHON=/usr/bin/python3.14  # inside the chroot
LATEST_CA_BUNDLE=/etc/ssl/certs/ca-certificates.crt

latest_log() { echo "[latest] $*" >&2; }

latest_require_root() {
  if [ "$(id -u)" != 0 ]; then
    latest_log "error: the latest job needs root (chroot, mount); run it as root or with sudo"
    return 1
  fi
}

# The venv of a pin file: <kind>-<first 12 hex digits of sha256(pin file)>.
latest_venv() {  # latest_venv test|demo
  local req="$LATEST_REPO/requirements_$1_latest.txt"
  echo "$LATEST_VENVS/$1-$(cat "$req" | sha256sum | cut -c1-12)"
}

# Re-run the calling script in a private mount namespace (once): mounts made there vanish
# with it and are invisible to every other process on the machine.
latest_enter_namespace() {  # latest_enter_namespace "$0" "$@"
  if [ "${LIBRUS_LATEST_NS:-}" != 1 ]; then
    LIBRUS_LATEST_NS=1 exec unshare --mount --propagation private bash "$@"
  fi
}

LATEST_MOUNTED=()
latest_bind() {  # latest_bind SRC  -> mounted at the same path inside the chroot
  local src="$1" dst="$LATEST_ROOT$1"
  mkdir -p "$dst"
  mount --rbind "$src" "$dst"
  mount --make-rslave "$dst"
  LATEST_MOUNTED+=("$dst")
}

latest_umount_all() {
  local i
  for ((i = ${#LATEST_MOUNTED[@]} - 1; i >= 0; i--)); do
    umount -R "${LATEST_MOUNTED[i]}" 2>/dev/null || umount -R -l "${LATEST_MOUNTED[i]}" \
      || latest_log "warning: could not unmount ${LATEST_MOUNTED[i]}"
  done
  LATEST_MOUNTED=()
}

# Files the chroot needs from this machine: name resolution and the CA bundle (this network
# may re-sign TLS; pip and aiohttp inside must trust what the host trusts).
latest_sync_host_files() {
  local f
  for f in /etc/resolv.conf /etc/hosts "$LATEST_CA_BUNDLE"; do
    [ -e "$f" ] || continue
    mkdir -p "$LATEST_ROOT$(dirname "$f")"
    cmp -s "$f" "$LATEST_ROOT$f" 2>/dev/null || cp -L "$f" "$LATEST_ROOT$f"
  done
}

# rm -rf, but never through a mount point (a bind-mounted checkout left by a crashed run).
latest_safe_rm() {  # latest_safe_rm DIR
  if awk -v d="$1" '$5 == d || index($5, d "/") == 1 { found = 1 } END { exit !found }' \
    /proc/self/mountinfo; then
    latest_log "error: something is still mounted under $1; unmount it first (findmnt -R $1)"
    return 1
  fi
  rm -rf "$1"
}

# Mount what commands in the chroot need; unmounted by the EXIT trap (also on failure).
latest_mount() {
  trap latest_umount_all EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  mkdir -p "$LATEST_VENVS"
  latest_sync_host_files
  latest_bind /proc
  latest_bind /dev
  latest_bind /tmp
  latest_bind "$LATEST_REPO"
  latest_bind "$LATEST_VENVS"
  # The reference material beside the checkout (../shared: the Postman collection, real
  # answers) that the conformance tests read; without it they would skip in this job.
  if [ -d "$LATEST_REPO/../shared" ]; then
    latest_bind "$(cd "$LATEST_REPO/../shared" && pwd)"
  fi
}

# Run a command in the chroot, in the current directory, with a venv's bin first on PATH.
latest_exec() {  # latest_exec VENV_DIR COMMAND [ARGS...]
  local venv="$1"; shift
  chroot "$LATEST_ROOT" /usr/bin/env -u VIRTUAL_ENV -u PYTHONHOME -u PIP_FIND_LINKS \
    HOME=/root LANG=C.UTF-8 SSL_CERT_FILE="$LATEST_CA_BUNDLE" \
    PATH="$venv/bin:/usr/local/bin:/usr/bin:/bin" \
    /bin/sh -c 'cd "$0" && exec "$@"' "$PWD" "$@"
}
