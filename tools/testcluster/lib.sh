# Shared paths for build.sh and cluster.sh. Sourced, not run.
# shellcheck shell=bash

testcluster_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$testcluster_dir/../.." && pwd)"
# shellcheck source=versions.env
source "$testcluster_dir/versions.env"

# Binaries live outside the repository, keyed by the Kubernetes version.
cache_root="${SLIPWAY_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/slipway}/testcluster"
cache_dir="$cache_root/$KUBERNETES_VERSION"
bin_dir="$cache_dir/bin"

binaries=(kube-apiserver kube-controller-manager kube-scheduler kubectl etcd kwok kwokctl)

# Changes whenever a pinned version or a module's dependency set changes, so a cache
# built from other sources is rebuilt rather than trusted.
build_fingerprint() {
  cat "$testcluster_dir/versions.env" \
    "$testcluster_dir"/{kubernetes,etcd,kwok}/go.{mod,sum} "$testcluster_dir/build.sh" |
    sha256sum | cut -d' ' -f1
}

binaries_ready() {
  local name
  [[ -f "$bin_dir/.fingerprint" && "$(cat "$bin_dir/.fingerprint")" == "$(build_fingerprint)" ]] || return 1
  for name in "${binaries[@]}"; do
    [[ -x "$bin_dir/$name" ]] || return 1
  done
}

log() { printf '[testcluster] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }
