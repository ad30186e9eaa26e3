#!/usr/bin/env bash
# `npm ci` in frontend/ only when package-lock.json (or the Node version) changed since the last one.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "frontend: Node.js >= 20.19 with npm is needed (Debian: the nodejs package, or NodeSource)" >&2
  exit 1
fi
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; then
  echo "frontend: Node.js >= 20.19 is needed (Vite 8), found $(node --version)" >&2
  exit 1
fi

stamp=node_modules/.librus-npm-ci
want="$(sha256sum package-lock.json | cut -d' ' -f1) node-$(node --version)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "[frontend] npm ci (package-lock.json changed)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi
