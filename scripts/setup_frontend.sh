#!/usr/bin/env bash
# Set-up for the dashboard cards (called by scripts/setup.sh, after setup_apt.sh has
# installed Chromium): the npm packages of frontend/ whenever package-lock.json changed.
set -euo pipefail
cd "$(dirname "$0")/.."

bash frontend/scripts/npm-ci-if-needed.sh
