#!/usr/bin/env bash
# End-to-end tests (called by scripts/test.sh): a real Home Assistant with Librus against the
# simulator, driven in Debian Chromium. Assumes scripts/setup.sh ran (setup_e2e.sh: chromium,
# npm ci). Screenshots and logs go to results/e2e/. Ends with vitest's summary; non-zero on
# failure.
set -euo pipefail
cd "$(dirname "$0")/../e2e"
# Only this run's files: Home Assistant itself runs from a temporary config dir.
rm -f ../results/e2e/*.png ../results/e2e/*.log
mkdir -p ../results/e2e
npx --no-install tsc --noEmit
exec npx --no-install vitest run "$@"
