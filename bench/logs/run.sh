#!/usr/bin/env bash
# The logs benchmark: see bench/logs/run.ts and bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec node --conditions=react-server --import tsx bench/logs/run.ts "$@"
