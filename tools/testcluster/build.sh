#!/usr/bin/env bash
# Builds the test cluster's binaries from the Go module proxy into the version-keyed
# cache (see lib.sh). A warm cache is left untouched; pass --force to rebuild.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

force=false
[[ "${1:-}" == "--force" ]] && force=true

command -v go >/dev/null || die "go is not installed (Go >= 1.26 is needed to build Kubernetes ${KUBERNETES_VERSION})"

mkdir -p "$bin_dir"
# One builder at a time: parallel `up`s (e.g. two test runs) wait for the first.
exec 9>"$cache_dir/.build.lock"
flock 9

if ! $force && binaries_ready; then
  log "binaries for ${KUBERNETES_VERSION} are cached in $bin_dir"
  exit 0
fi

# -p 2: two packages at a time keeps peak memory near 2 GB on a 2-core machine.
export CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS="-p=${SLIPWAY_BUILD_JOBS:-2} -mod=readonly -trimpath -buildvcs=false ${GOFLAGS:-}"

# build MODULE_DIR NAME PACKAGE LDFLAGS: builds to a temporary name, then renames, so an
# interrupted build never leaves a half-written binary that looks cached.
build() {
  local module="$1" name="$2" package="$3" ldflags="$4" started=$SECONDS
  log "building $name ($package)"
  (cd "$testcluster_dir/$module" && go build -ldflags "$ldflags" -o "$bin_dir/.$name.tmp" "$package")
  mv -f "$bin_dir/.$name.tmp" "$bin_dir/$name"
  log "built $name in $((SECONDS - started))s"
}

started=$SECONDS
rm -f "$bin_dir/.fingerprint"
build etcd etcd go.etcd.io/etcd/server/v3 "-s -w"
build kwok kwok sigs.k8s.io/kwok/cmd/kwok "-s -w"
build kwok kwokctl sigs.k8s.io/kwok/cmd/kwokctl "-s -w"
for name in kube-apiserver kube-controller-manager kube-scheduler kubectl; do
  build kubernetes "$name" "k8s.io/kubernetes/cmd/$name" "$kube_ldflags"
done
build_fingerprint >"$bin_dir/.fingerprint"
log "all binaries built in $((SECONDS - started))s into $bin_dir"
