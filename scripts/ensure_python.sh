#!/usr/bin/env bash
# Print the path of a Python >= 3.13.2 (Home Assistant 2026.2 refuses older ones).
# Uses one already on the machine when it is new enough; otherwise builds 3.13.5 from
# the Debian trixie source tarball into a cache outside the repository, once.
set -euo pipefail

VERSION=3.13.5
CACHE_DIR="${LIBRUS_HA_CACHE:-$HOME/.cache/librus-ha}"
PREFIX="$CACHE_DIR/python-$VERSION"
TARBALL_URL="http://deb.debian.org/debian/pool/main/p/python3.13/python3.13_${VERSION}.orig.tar.xz"
BUILD_DEPS=(build-essential libssl-dev zlib1g-dev libffi-dev libsqlite3-dev libbz2-dev
            liblzma-dev libreadline-dev libncurses-dev uuid-dev xz-utils curl)

good_enough() {  # $1 = a python executable
  "$1" -c 'import sys, ssl, sqlite3, ctypes, lzma; sys.exit(sys.version_info < (3, 13, 2) or sys.version_info >= (3, 14))' 2>/dev/null
}

for candidate in "$PREFIX/bin/python3.13" /usr/bin/python3.13 /usr/local/bin/python3.13; do
  # A cached build counts only once its install finished (marker written last).
  if [ "$candidate" = "$PREFIX/bin/python3.13" ] && [ ! -f "$PREFIX/.complete" ]; then continue; fi
  if [ -x "$candidate" ] && good_enough "$candidate"; then
    echo "$candidate"
    exit 0
  fi
done

log() { echo "[ensure_python] $*" >&2; }
missing=()
for pkg in "${BUILD_DEPS[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing build dependencies: ${missing[*]}"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
log "building Python $VERSION into $PREFIX (about 3 minutes, done once)"
curl -sSfL "$TARBALL_URL" -o "$work/python.tar.xz"
tar -xJf "$work/python.tar.xz" -C "$work"
src="$(find "$work" -maxdepth 1 -type d -name 'Python-*' | head -n1)"
rm -rf "$PREFIX"
(
  cd "$src"
  ./configure --prefix="$PREFIX" --with-ensurepip=install >"$work/configure.log" 2>&1
  make -j"$(nproc)" >"$work/make.log" 2>&1
  make install >"$work/install.log" 2>&1
) || { log "build failed; last lines:"; tail -n 30 "$work"/*.log >&2; exit 1; }
good_enough "$PREFIX/bin/python3.13" || { log "built Python fails the self-check"; exit 1; }
touch "$PREFIX/.complete"
echo "$PREFIX/bin/python3.13"
