#!/usr/bin/env bash
# Regenerates the three Go modules that pin the test cluster's sources:
#   kubernetes/  k8s.io/kubernetes plus its staging modules (which upstream pins at
#                v0.0.0 and replaces with ./staging, so we replace each with v0.Y.Z)
#   etcd/        go.etcd.io/etcd/server/v3
#   kwok/        sigs.k8s.io/kwok (kwok and kwokctl)
# Separate modules keep each binary on the dependency set its own project tested.
# Run after changing versions.env, then commit the go.mod/go.sum files.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=versions.env
source "$here/versions.env"

minor="${KUBERNETES_VERSION#v1.}"
staging_version="v0.${minor}"

write_kubernetes_module() {
  local dir="$here/kubernetes" upstream_mod
  upstream_mod="$(go mod download -json "k8s.io/kubernetes@${KUBERNETES_VERSION}" |
    sed -n 's/^[[:space:]]*"GoMod": "\(.*\)",$/\1/p')"
  mkdir -p "$dir"
  {
    echo "module slipway.dev/tools/testcluster/kubernetes"
    echo
    echo "go $(sed -n 's/^go //p' "$upstream_mod")"
    echo
    echo "require k8s.io/kubernetes ${KUBERNETES_VERSION}"
    echo
    echo "replace ("
    sed -n 's/^[[:space:]]*\(k8s\.io\/[a-z0-9-]*\) => \.\/staging\/.*/\t\1 => \1 '"${staging_version}"'/p' "$upstream_mod"
    echo ")"
    echo
    echo "tool ("
    for cmd in kube-apiserver kube-controller-manager kube-scheduler kubectl; do
      echo "	k8s.io/kubernetes/cmd/${cmd}"
    done
    echo ")"
  } >"$dir/go.mod"
  rm -f "$dir/go.sum"
  (cd "$dir" && go mod tidy)
}

write_simple_module() {
  local name="$1" requirement="$2"
  shift 2
  local dir="$here/$name"
  mkdir -p "$dir"
  {
    echo "module slipway.dev/tools/testcluster/${name}"
    echo
    echo "go $(go env GOVERSION | sed 's/^go//; s/\.[0-9]*$/.0/')"
    echo
    echo "require ${requirement}"
    echo
    echo "tool ("
    for tool in "$@"; do echo "	${tool}"; done
    echo ")"
  } >"$dir/go.mod"
  rm -f "$dir/go.sum"
  (cd "$dir" && go mod tidy)
}

write_kubernetes_module
write_simple_module etcd "go.etcd.io/etcd/server/v3 ${ETCD_VERSION}" go.etcd.io/etcd/server/v3
write_simple_module kwok "sigs.k8s.io/kwok ${KWOK_VERSION}" sigs.k8s.io/kwok/cmd/kwok sigs.k8s.io/kwok/cmd/kwokctl
