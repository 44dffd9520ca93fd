#!/usr/bin/env bash
# `npm test` on a fresh machine: install what the suites need (Debian packages, Node modules),
# then scripts/test.ts starts the services (PostgreSQL, registry, git server, the Kubernetes
# test cluster) and runs every suite: unit, integration, end-to-end.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(git openssh-client buildah skopeo fuse-overlayfs docker-registry busybox-static python3-pip chromium)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "[test] installing Debian packages: ${missing[*]}"
  sudo_cmd=(); [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[test] installing Node modules"
  npm ci --no-audit --no-fund
fi

exec node --import tsx scripts/test.ts "$@"
