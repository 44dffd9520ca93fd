/**
 * A pod as the console shows it: the columns of `kubectl get pods` plus what a person asks next
 * (why did it restart, which node, which containers). Pure: tested without a cluster.
 */

export interface ContainerSummary {
  name: string;
  ready: boolean;
  restarts: number;
  /** running | waiting | terminated | unknown */
  state: "running" | "waiting" | "terminated" | "unknown";
  /** CrashLoopBackOff, ContainerCreating, Completed, OOMKilled… */
  reason?: string;
  /** Has this container ever started, so that it has a log to read? */
  started: boolean;
}

export interface PodTermination {
  container: string;
  reason: string;
  exitCode?: number;
  finishedAt?: string;
  message?: string;
}

export interface PodSummary {
  name: string;
  uid: string;
  /** Pending | Running | Succeeded | Failed | Unknown */
  phase: string;
  /** What `kubectl get pods` prints in STATUS: Running, CrashLoopBackOff, Terminating… */
  status: string;
  readyContainers: number;
  totalContainers: number;
  restarts: number;
  node: string | null;
  createdAt: string | null;
  /** Set once the pod is being deleted. */
  deleting: boolean;
  /** The most recent termination of any of its containers (current or last state). */
  lastTermination: PodTermination | null;
  containers: ContainerSummary[];
  /** The release version from the pod's label, when Slipway made it. */
  releaseVersion: number | null;
}

interface ContainerStateLike {
  running?: { startedAt?: string | Date };
  waiting?: { reason?: string; message?: string };
  terminated?: { reason?: string; exitCode?: number; finishedAt?: string | Date; message?: string };
}
interface ContainerStatusLike {
  name?: string;
  ready?: boolean;
  restartCount?: number;
  state?: ContainerStateLike;
  lastState?: ContainerStateLike;
}
export interface PodLike {
  metadata?: { name?: string; uid?: string; creationTimestamp?: string | Date; deletionTimestamp?: string | Date; labels?: Record<string, string> };
  spec?: { nodeName?: string; containers?: { name?: string }[] };
  status?: { phase?: string; reason?: string; containerStatuses?: ContainerStatusLike[] };
}

const iso = (value: string | Date | undefined): string | undefined => (value === undefined ? undefined : new Date(value).toISOString());

export function summarizePod(pod: PodLike): PodSummary {
  const statuses = pod.status?.containerStatuses ?? [];
  const specContainers = (pod.spec?.containers ?? []).map((container) => container.name ?? "");
  const containers: ContainerSummary[] = specContainers.map((name) => {
    const status = statuses.find((candidate) => candidate.name === name);
    const state = status?.state;
    const kind = state?.running ? "running" : state?.waiting ? "waiting" : state?.terminated ? "terminated" : "unknown";
    return {
      name,
      ready: status?.ready ?? false,
      restarts: status?.restartCount ?? 0,
      state: kind,
      reason: state?.waiting?.reason ?? state?.terminated?.reason,
      started: Boolean(state?.running || state?.terminated || status?.lastState?.terminated || (status?.restartCount ?? 0) > 0),
    };
  });

  let lastTermination: PodTermination | null = null;
  for (const status of statuses) {
    for (const terminated of [status.state?.terminated, status.lastState?.terminated]) {
      if (!terminated) continue;
      const finishedAt = iso(terminated.finishedAt);
      if (!lastTermination || (finishedAt ?? "") > (lastTermination.finishedAt ?? "")) {
        lastTermination = { container: status.name ?? "", reason: terminated.reason ?? "Terminated", exitCode: terminated.exitCode, finishedAt, message: terminated.message };
      }
    }
  }

  const phase = pod.status?.phase ?? "Unknown";
  const deleting = Boolean(pod.metadata?.deletionTimestamp);
  const waitingReason = containers.find((container) => container.state === "waiting" && container.reason)?.reason;
  const terminatedReason = containers.find((container) => container.state === "terminated" && container.reason)?.reason;
  const status = deleting ? "Terminating" : (waitingReason ?? (phase === "Running" ? "Running" : (terminatedReason ?? pod.status?.reason ?? phase)));
  const version = Number.parseInt(pod.metadata?.labels?.["slipway.dev/release"] ?? "", 10);

  return {
    name: pod.metadata?.name ?? "",
    uid: pod.metadata?.uid ?? "",
    phase,
    status,
    readyContainers: containers.filter((container) => container.ready).length,
    totalContainers: containers.length,
    restarts: containers.reduce((sum, container) => sum + container.restarts, 0),
    node: pod.spec?.nodeName ?? null,
    createdAt: iso(pod.metadata?.creationTimestamp) ?? null,
    deleting,
    lastTermination,
    containers,
    releaseVersion: Number.isNaN(version) ? null : version,
  };
}
