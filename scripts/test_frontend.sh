#!/usr/bin/env bash
# The dashboard cards (run by scripts/test.sh): type-check, rebuild the bundle and require it to
# equal the committed custom_components/librus/frontend/librus-cards.js, then the vitest unit
# tests and the component tests in Debian's Chromium (screenshots in results/frontend/).
set -euo pipefail
cd "$(dirname "$0")/.."

bash frontend/scripts/npm-ci-if-needed.sh
cd frontend

echo "[frontend] typecheck"
npm run --silent typecheck

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo "[frontend] build"
LIBRUS_OUT_DIR="$tmp" npm run --silent build
committed=../custom_components/librus/frontend/librus-cards.js
if ! cmp -s "$tmp/librus-cards.js" "$committed"; then
  echo "[frontend] $committed differs from a fresh build of frontend/src." >&2
  echo "[frontend] Rebuild it with 'cd frontend && npm run build' and commit the result." >&2
  exit 1
fi
echo "[frontend] committed bundle matches the source"

# The component tests load exactly the bundle just checked.
LIBRUS_BUNDLE="$tmp/librus-cards.js" npx vitest run
