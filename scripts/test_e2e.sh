#!/usr/bin/env bash
# End-to-end tests (called by scripts/test.sh): a real Home Assistant with Librus against the
# simulator, driven in Debian Chromium. Assumes scripts/setup.sh ran (setup_e2e.sh: chromium,
# npm ci). Screenshots and logs go to results/e2e/ (LIBRUS_E2E_RESULTS overrides it; the
# latest job, scripts/latest/test.sh, uses results/e2e-latest/ and sets LIBRUS_E2E_PYTHON to
# its Home Assistant). Ends with vitest's summary; non-zero on failure.
set -euo pipefail
cd "$(dirname "$0")/../e2e"
export LIBRUS_E2E_RESULTS="${LIBRUS_E2E_RESULTS:-$(cd .. && pwd)/results/e2e}"
# Only this run's files: Home Assistant itself runs from a temporary config dir.
mkdir -p "$LIBRUS_E2E_RESULTS"
rm -f "$LIBRUS_E2E_RESULTS"/*.png "$LIBRUS_E2E_RESULTS"/*.log
npx --no-install tsc --noEmit
exec npx --no-install vitest run "$@"
