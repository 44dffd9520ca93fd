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

minor_version="${KUBERNETES_VERSION#v1.}"; minor_version="${minor_version%%.*}"
# Without these, the binaries report v0.0.0 (and kwokctl reads versions from --version).
kube_ldflags="-s -w \
 -X k8s.io/component-base/version.gitVersion=${KUBERNETES_VERSION} \
 -X k8s.io/component-base/version.gitMajor=1 \
 -X k8s.io/component-base/version.gitMinor=${minor_version} \
 -X k8s.io/component-base/version.gitTreeState=clean \
 -X k8s.io/component-base/version.buildDate=1970-01-01T00:00:00Z \
 -X k8s.io/client-go/pkg/version.gitVersion=${KUBERNETES_VERSION} \
 -X k8s.io/client-go/pkg/version.gitMajor=1 \
 -X k8s.io/client-go/pkg/version.gitMinor=${minor_version}"

# Changes whenever a pinned version, a module's dependency set or the build flags change,
# so a cache built from other sources is rebuilt rather than trusted.
build_fingerprint() {
  { cat "$testcluster_dir/versions.env" "$testcluster_dir"/{kubernetes,etcd,kwok}/go.{mod,sum}; echo "$kube_ldflags"; } |
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
