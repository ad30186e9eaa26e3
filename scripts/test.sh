#!/usr/bin/env bash
# Every check, in order; prints one summary line at the end. Assumes scripts/setup.sh ran.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.venv/bin:$PATH"

results=()
failed=0
passed=0
run() {  # run NAME COMMAND...
  local name="$1"; shift
  echo "=== $name: $*"
  if "$@"; then
    results+=("$name ok"); passed=$((passed + 1))
  else
    results+=("$name FAILED"); failed=$((failed + 1))
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
echo "SUMMARY: ${results[*]}"
echo "checks: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
