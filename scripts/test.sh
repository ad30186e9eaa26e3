#!/usr/bin/env bash
# The pinned job's checks, in order; prints one summary line at the end (or, under
# scripts/all_jobs.sh, hands its results over in LIBRUS_RESULTS_FILE).
# Assumes scripts/setup.sh ran.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.venv/bin:$PATH"

results=()
failed=0
passed=0
record() {  # record NAME STATUS; also into LIBRUS_RESULTS_FILE for scripts/all_jobs.sh
  results+=("$1 $2")
  [ -z "${LIBRUS_RESULTS_FILE:-}" ] || echo "$1 $2" >> "$LIBRUS_RESULTS_FILE"
}
run() {  # run NAME COMMAND...
  local name="$1"; shift
  echo "=== $name: $*"
  if "$@"; then
    record "$name" ok; passed=$((passed + 1))
  else
    record "$name" FAILED; failed=$((failed + 1))
  fi
}

run ruff ruff check custom_components simulator tests bench scripts
run ruff-format ruff format --check custom_components simulator tests bench scripts
run mypy mypy
run pytest python -m pytest --cov=custom_components/librus --cov-report=term-missing:skip-covered \
  --cov-fail-under=95 -p no:cacheprovider
for extra in scripts/test_*.sh; do
  [ -e "$extra" ] || continue
  run "$(basename "$extra" .sh | sed 's/^test_//')" bash "$extra"
done

echo
if [ -n "${LIBRUS_RESULTS_FILE:-}" ]; then
  # Part of `make test` (scripts/all_jobs.sh), which prints the one closing line.
  echo "[pinned] ${results[*]}"
else
  echo "SUMMARY: ${results[*]}"
  echo "checks: $passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
