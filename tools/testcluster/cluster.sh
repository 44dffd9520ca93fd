#!/usr/bin/env bash
# Runs Slipway's test cluster: a real kube-apiserver, kube-controller-manager,
# kube-scheduler and etcd on 127.0.0.1, with nodes simulated by kwok.
#
#   cluster.sh up       build if needed, start (or keep) the cluster, wait until it works
#   cluster.sh down     stop every process and delete the cluster's state
#   cluster.sh status   print what is running
#
# Environment: SLIPWAY_CLUSTER_NODES (default 3) fake nodes; SLIPWAY_CACHE_DIR or
# XDG_CACHE_HOME move the binary cache (see lib.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

cluster_name=slipway-test
data_dir="$repo_root/.data"
kubeconfig="$data_dir/kubeconfig"
log_dir="$data_dir/testcluster/logs"
export KWOK_WORKDIR="$data_dir/kwok"
cluster_dir="$KWOK_WORKDIR/clusters/$cluster_name"
components=(etcd kube-apiserver kube-controller-manager kube-scheduler kwok-controller)
node_count="${SLIPWAY_CLUSTER_NODES:-3}"
[[ "$node_count" =~ ^[0-9]+$ ]] || die "SLIPWAY_CLUSTER_NODES must be a number, got '$node_count'"

# Ours first: the system kubectl may be older than the API server, or missing.
export PATH="$bin_dir:$PATH"

kubectl_() { kubectl --kubeconfig "$kubeconfig" --request-timeout=5s "$@"; }

# The cluster's processes are forked by kwokctl and outlive it: they must not inherit
# the lock's descriptor, or the lock would stay held for as long as the cluster runs.
kwokctl_() { kwokctl "$@" 8>&-; }

# One `up` or `down` at a time (e.g. two test runs starting together).
take_lock() {
  mkdir -p "$data_dir/testcluster"
  exec 8>"$data_dir/testcluster/cluster.lock"
  flock -w 900 8 || die "another cluster.sh has held $data_dir/testcluster/cluster.lock for 15 minutes"
}

# pid_of COMPONENT: prints the pid of a live process of ours, else fails. A pid file
# left by a machine that restarted may name an unrelated process; that one is not ours.
pid_of() {
  local pid_file="$cluster_dir/pids/$1.pid" pid argv0
  [[ -f "$pid_file" ]] || return 1
  pid="$(cat "$pid_file")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  argv0="$(tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | head -n1)" || return 1
  [[ "$(basename "$argv0")" == "$1" ]] || return 1
  echo "$pid"
}

all_processes_alive() {
  local component
  for component in "${components[@]}"; do
    pid_of "$component" >/dev/null || return 1
  done
}

api_ready() { [[ -f "$kubeconfig" ]] && kubectl_ get --raw /readyz >/dev/null 2>&1; }

# Stops whatever is left of a cluster. Pid files that do not name a live process of ours
# are removed first, so kwokctl never signals a pid the kernel has given to someone else.
remove_cluster() {
  local component pid pids=()
  if [[ -d "$cluster_dir" ]]; then
    for component in "${components[@]}"; do
      if pid="$(pid_of "$component")"; then pids+=("$pid"); else rm -f "$cluster_dir/pids/$component.pid"; fi
    done
    kwokctl_ delete cluster --name "$cluster_name" >&2 || log "kwokctl delete failed; stopping the processes directly"
    # kwokctl signals and returns; wait for the processes to be gone, then insist.
    for pid in "${pids[@]}"; do
      for _ in {1..50}; do [[ -d "/proc/$pid" ]] || break; sleep 0.2; done
      if [[ -d "/proc/$pid" ]]; then kill -KILL "$pid" 2>/dev/null || true; fi
    done
    rm -rf "$cluster_dir"
  fi
  rm -f "$kubeconfig"
}

# wait_for DESCRIPTION SECONDS COMMAND...: retries COMMAND until it succeeds.
wait_for() {
  local what="$1" deadline=$((SECONDS + $2))
  shift 2
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || { log "timed out waiting for $what"; return 1; }
    sleep 0.5
  done
}

node_total() { kubectl_ get nodes -o name | grep -c .; }
ready_node_count() {
  kubectl_ get nodes -o jsonpath='{range .items[*]}{.status.conditions[?(@.type=="Ready")].status}{"\n"}{end}' |
    grep -c '^True$'
}
nodes_ready() { (($(ready_node_count) == node_count)); }

# Both hold a leader-election lease once they run their controllers.
leader_elected() { kubectl_ -n kube-system get lease "$1" -o jsonpath='{.spec.holderIdentity}' | grep -q .; }

# End-to-end proof that the controller-manager, the scheduler and kwok all work: a
# Deployment whose pod is created, scheduled onto a fake node and made Ready.
probe_workloads() {
  kubectl_ -n kube-system delete deployment testcluster-probe --ignore-not-found --wait=false >/dev/null
  kubectl_ apply -f - >/dev/null <<'EOF'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: testcluster-probe
  namespace: kube-system
spec:
  replicas: 1
  selector:
    matchLabels: {app: testcluster-probe}
  template:
    metadata:
      labels: {app: testcluster-probe}
    spec:
      containers:
      - name: probe
        image: probe.invalid/probe:1
EOF
  kubectl --kubeconfig "$kubeconfig" -n kube-system rollout status deployment/testcluster-probe --timeout=60s >&2
  kubectl_ -n kube-system delete deployment testcluster-probe --wait=false >/dev/null
}

render_config() { sed "s|@LOG_DIR@|$log_dir|g" "$testcluster_dir/kwok.yaml"; }

# A running cluster made from other binaries or another kwok.yaml is recreated by `up`.
cluster_fingerprint() { { render_config; cat "$bin_dir/.fingerprint"; } | sha256sum | cut -d' ' -f1; }
fingerprint_file="$cluster_dir/slipway.fingerprint"

create_cluster() {
  log "creating cluster $cluster_name ($KUBERNETES_VERSION, $node_count nodes)"
  rm -rf "$log_dir"
  mkdir -p "$KWOK_WORKDIR" "$log_dir"
  : >"$log_dir/default.log"
  render_config >"$KWOK_WORKDIR/kwok.yaml"
  # --kubeconfig "" keeps kwokctl away from ~/.kube/config; ours goes to .data/.
  kwokctl_ create cluster --name "$cluster_name" --runtime binary \
    --config "$KWOK_WORKDIR/kwok.yaml" --kubeconfig "" \
    --etcd-binary "$bin_dir/etcd" \
    --kube-apiserver-binary "$bin_dir/kube-apiserver" \
    --kube-controller-manager-binary "$bin_dir/kube-controller-manager" \
    --kube-scheduler-binary "$bin_dir/kube-scheduler" \
    --kwok-controller-binary "$bin_dir/kwok" \
    --wait 2m >&2
  kwokctl_ get kubeconfig --name "$cluster_name" >"$kubeconfig.tmp"
  chmod 600 "$kubeconfig.tmp"
  mv -f "$kubeconfig.tmp" "$kubeconfig"
  cluster_fingerprint >"$fingerprint_file"
}

up() {
  local started=$SECONDS
  bash "$testcluster_dir/build.sh"
  take_lock

  if all_processes_alive && api_ready && [[ "$(cat "$fingerprint_file" 2>/dev/null)" == "$(cluster_fingerprint)" ]]; then
    if ((node_count != $(node_total))); then
      kwokctl_ scale node --name "$cluster_name" --replicas "$node_count" >&2
      wait_for "$node_count Ready nodes" 60 nodes_ready
    fi
    log "cluster is up (kubeconfig: $kubeconfig)"
    return
  fi

  if [[ -d "$cluster_dir" ]]; then
    log "found a stopped, broken or outdated cluster; recreating it"
  fi
  remove_cluster
  create_cluster
  kwokctl_ scale node --name "$cluster_name" --replicas "$node_count" >&2

  wait_for "the API server (/readyz)" 60 api_ready
  wait_for "kube-controller-manager leadership" 60 leader_elected kube-controller-manager
  wait_for "kube-scheduler leadership" 60 leader_elected kube-scheduler
  wait_for "$node_count Ready nodes" 60 nodes_ready
  wait_for "the default service account" 60 kubectl_ -n default get serviceaccount default
  probe_workloads
  log "cluster is up in $((SECONDS - started))s (kubeconfig: $kubeconfig)"
}

down() {
  take_lock
  remove_cluster
  rm -rf "$log_dir"
  log "cluster is down"
}

status() {
  local component pid rss total=0
  echo "kubernetes: $KUBERNETES_VERSION (etcd $ETCD_VERSION, kwok $KWOK_VERSION)"
  if binaries_ready; then echo "binaries:   $bin_dir"; else echo "binaries:   not built (run: npm run cluster:build)"; fi
  if [[ ! -d "$cluster_dir" ]]; then
    echo "cluster:    down"
    return
  fi
  for component in "${components[@]}"; do
    if pid="$(pid_of "$component")"; then
      rss="$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")"
      total=$((total + rss))
      printf '  %-24s pid %-8s rss %6d MiB\n' "$component" "$pid" $((rss / 1024))
    else
      printf '  %-24s not running\n' "$component"
    fi
  done
  printf '  %-24s              rss %6d MiB\n' total $((total / 1024))
  if all_processes_alive && api_ready; then
    echo "cluster:    up ($(kubectl_ config view --minify -o jsonpath='{.clusters[0].cluster.server}'))"
    echo "kubeconfig: $kubeconfig"
    kubectl_ get nodes
  else
    echo "cluster:    broken or stopped (run: npm run cluster:up to recreate it)"
    return 1
  fi
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
