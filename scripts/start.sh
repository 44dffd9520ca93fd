#!/usr/bin/env bash
# `npm start` on a fresh clone: install the Node dependencies when they are missing or stale,
# then hand over to scripts/start.ts (embedded Postgres, migrations, build, web + worker).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
exec node --import tsx scripts/start.ts "$@"
