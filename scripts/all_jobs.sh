#!/usr/bin/env bash
# `make test` (and so CI's .ci/run): both jobs, one after the other, both blocking:
#   pinned  scripts/setup.sh + scripts/test.sh: Home Assistant 2026.2.3 on Python 3.13.5
#           (ruff, ruff format, mypy strict, pytest with coverage >= 95 %, vitest, e2e)
#   latest  scripts/latest/setup.sh + scripts/latest/test.sh: the newest Home Assistant on
#           Python 3.14 (ruff, pytest, e2e; mypy reported, not blocking)
# Ends with one line `checks: N passed, M failed` over both jobs (a job whose set-up fails
# counts as one failed check), and exits non-zero when a blocking check failed.
# LIBRUS_JOBS="pinned" (or "latest") runs only that job.
set -uo pipefail
cd "$(dirname "$0")/.."

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
summary=()
timings=()
passed=0
failed=0

job() {  # job NAME SETUP_SCRIPT TEST_SCRIPT
  local name="$1" setup="$2" tests="$3" started=$SECONDS setup_s line status check
  local results="$work/$name" parts=()
  : > "$results"
  echo
  echo "################ job $name: $setup, then $tests"
  if bash "$setup"; then
    setup_s=$((SECONDS - started))
    LIBRUS_RESULTS_FILE="$results" bash "$tests"
  else
    setup_s=$((SECONDS - started))
    echo "setup FAILED" > "$results"
  fi
  while read -r check status; do
    case "$status" in
      ok) passed=$((passed + 1)); parts+=("$check ok") ;;
      FAILED) failed=$((failed + 1)); parts+=("$check FAILED") ;;
      reported-ok) parts+=("$check ok (not blocking)") ;;
      reported-FAILED) parts+=("$check failed (not blocking)") ;;
    esac
  done < "$results"
  if [ ${#parts[@]} -eq 0 ]; then  # the test script died before reporting anything
    failed=$((failed + 1)); parts+=("tests FAILED (no results)")
  fi
  line="$(printf '%s, ' "${parts[@]}")"
  summary+=("$name: ${line%, }")
  timings+=("$name $((SECONDS - started)) s (set-up $setup_s s)")
}

for name in ${LIBRUS_JOBS:-pinned latest}; do
  case "$name" in
    pinned) job pinned scripts/setup.sh scripts/test.sh ;;
    latest) job latest scripts/latest/setup.sh scripts/latest/test.sh ;;
    *) echo "[all_jobs] unknown job '$name' (pinned, latest)" >&2; failed=$((failed + 1)) ;;
  esac
done

echo
for line in "${summary[@]}"; do echo "SUMMARY $line"; done
echo "TIME $(printf '%s; ' "${timings[@]}" | sed 's/; $//')"
echo "checks: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
