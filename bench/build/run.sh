#!/usr/bin/env bash
# The build benchmark without npm: cold build through Slipway, rebuild after a one-file change,
# and the plain git clone + buildah bud + buildah push of the same Dockerfile; writes
# bench/results/build.json. Arguments go to run.ts (e.g. --rounds 5).
set -euo pipefail
cd "$(dirname "$0")/../.."
exec node --conditions=react-server --import tsx bench/build/run.ts "$@"
