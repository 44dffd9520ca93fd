#!/usr/bin/env bash
# The deploy benchmark: see bench/deploy/run.ts and bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec node --conditions=react-server --import tsx bench/deploy/run.ts "$@"
