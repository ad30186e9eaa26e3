#!/usr/bin/env bash
# The "latest" job's checks (called by scripts/all_jobs.sh, after scripts/latest/setup.sh):
# the newest Home Assistant on Python 3.14, in the chroot of scripts/latest/lib.sh.
#   blocking:  ruff; pytest under pytest-homeassistant-custom-component's HA (version-bound
#              snapshot files skipped, see tests/conftest.py) with DeprecationWarnings raised
#              from our own modules turned into errors; e2e against the newest real HA and its
#              frontend (requirements_demo_latest.txt)
#   reported:  mypy --python-version 3.14 (not blocking: HA 2026.10+ replaced voluptuous with
#              probatio, which mypy sees as a mismatch until our minimum HA moves past it)
# Prints one result line per check (`[latest] NAME ok|FAILED|reported ...`). When
# LIBRUS_RESULTS_FILE is set, appends `NAME ok|FAILED|reported-ok|reported-FAILED` lines there
# for the overall summary; otherwise ends with its own `checks: N passed, M failed` line.
# Arguments (e.g. `e2e pytest`) run only those checks.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
latest_require_root || exit 1
latest_enter_namespace "$0" "$@"
cd "$LATEST_REPO"
latest_mount

test_venv="$(latest_venv test)"
demo_venv="$(latest_venv demo)"
for venv in "$test_venv" "$demo_venv"; do
  if [ ! -f "$venv/.librus-complete" ]; then
    latest_log "error: $venv is missing; run scripts/latest/setup.sh first"
    exit 1
  fi
done

# tests/conftest.py: a Home Assistant version without its snapshot files skips those tests.
export LIBRUS_LATEST_JOB=1

results=()
passed=0
failed=0
record() {  # record NAME STATUS
  results+=("$1 $2")
  [ -z "${LIBRUS_RESULTS_FILE:-}" ] || echo "$1 $2" >> "$LIBRUS_RESULTS_FILE"
}
only=" $* "  # `scripts/latest/test.sh e2e pytest`: only those checks
wanted() { [ "$only" = "  " ] || [[ "$only" == *" $1 "* ]]; }
run() {  # run NAME COMMAND...   (blocking)
  local name="$1"; shift
  wanted "$name" || return 0
  echo "=== latest/$name: $*"
  if "$@"; then
    record "$name" ok; passed=$((passed + 1))
  else
    record "$name" FAILED; failed=$((failed + 1))
  fi
}
report() {  # report NAME COMMAND...   (reported, not blocking)
  local name="$1"; shift
  wanted "$name" || return 0
  echo "=== latest/$name (reported, not blocking): $*"
  if "$@"; then record "$name" reported-ok; else record "$name" reported-FAILED; fi
}

run ruff latest_exec "$test_venv" ruff check custom_components simulator tests bench scripts
# `-o filterwarnings`, not `-W`: pytest matches a -W module literally (the exact module name),
# an ini filter's module as a regex from the start, so this covers every custom_components.*.
run pytest latest_exec "$test_venv" python -m pytest -p no:cacheprovider \
  -o "filterwarnings=error::DeprecationWarning:custom_components"
run e2e env LIBRUS_E2E_PYTHON="$LATEST_REPO/scripts/latest/python.sh" \
  LIBRUS_E2E_RESULTS="$LATEST_REPO/results/e2e-latest" bash scripts/test_e2e.sh
report mypy latest_exec "$test_venv" mypy --python-version 3.14

echo "[latest] ${results[*]}"
if [ -z "${LIBRUS_RESULTS_FILE:-}" ]; then
  echo "checks: $passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
