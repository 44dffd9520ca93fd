/**
 * Where a Deployment's rollout stands, from the Deployment, its ReplicaSets and its pods. Pure,
 * so every case is unit-tested. The rules follow `kubectl rollout status`, plus what kubectl
 * leaves to the reader: a new pod stuck in CrashLoopBackOff or ImagePullBackOff fails the rollout
 * at once (with the container's reason, restart count and last exit code), instead of after the
 * progress deadline.
 */

export type RolloutPhase = "pending" | "progressing" | "available" | "failed";

export interface RolloutProgress {
  phase: RolloutPhase;
  /** Replicas the Deployment asks for. */
  desired: number;
  /** Pods of the new release. */
  updated: number;
  ready: number;
  available: number;
  /** Machine-readable: CrashLoopBackOff, ImagePullBackOff, ProgressDeadlineExceeded, Unschedulable, … */
  reason?: string;
  /** A sentence for the timeline. */
  message?: string;
  /** Container restarts across the new release's pods. */
  restarts: number;
}

export interface PodProblem {
  pod: string;
  container: string;
  reason: string;
  message?: string;
  restarts: number;
  lastExitCode?: number;
}

/** Container states that will not fix themselves. */
export const FAILING_REASONS = new Set([
  "CrashLoopBackOff",
  "ImagePullBackOff",
  "ErrImagePull",
  "ErrImageNeverPull",
  "InvalidImageName",
  "CreateContainerConfigError",
  "CreateContainerError",
  "RunContainerError",
]);

// Minimal shapes of the objects read (plain JSON from the API).
interface Condition { type?: string; status?: string; reason?: string; message?: string }
interface Meta { name?: string; uid?: string; generation?: number; labels?: Record<string, string>; annotations?: Record<string, string>; ownerReferences?: { uid?: string }[] }
export interface DeploymentLike {
  metadata?: Meta;
  spec?: { replicas?: number };
  status?: { observedGeneration?: number; replicas?: number; updatedReplicas?: number; readyReplicas?: number; availableReplicas?: number; conditions?: Condition[] };
}
export interface ReplicaSetLike { metadata?: Meta }
interface ContainerStatus {
  name?: string;
  restartCount?: number;
  state?: { waiting?: { reason?: string; message?: string }; terminated?: { reason?: string; exitCode?: number } };
  lastState?: { terminated?: { exitCode?: number; reason?: string } };
}
export interface PodLike {
  metadata?: Meta & { deletionTimestamp?: unknown };
  status?: { phase?: string; conditions?: Condition[]; containerStatuses?: ContainerStatus[]; initContainerStatuses?: ContainerStatus[] };
}

const REVISION = "deployment.kubernetes.io/revision";

export function evaluateRollout({
  deployment,
  replicaSets = [],
  pods = [],
  expectedGeneration,
}: {
  deployment: DeploymentLike | undefined;
  replicaSets?: ReplicaSetLike[];
  pods?: PodLike[];
  expectedGeneration?: number;
}): RolloutProgress {
  if (!deployment) {
    return { phase: "failed", desired: 0, updated: 0, ready: 0, available: 0, restarts: 0, reason: "DeploymentNotFound", message: "The Deployment does not exist (deleted outside Slipway?)." };
  }
  const status = deployment.status ?? {};
  const counts = {
    desired: deployment.spec?.replicas ?? 1,
    updated: status.updatedReplicas ?? 0,
    ready: status.readyReplicas ?? 0,
    available: status.availableReplicas ?? 0,
  };
  const target = Math.max(deployment.metadata?.generation ?? 0, expectedGeneration ?? 0);
  if ((status.observedGeneration ?? 0) < target) {
    return { phase: "pending", ...counts, restarts: 0, reason: "WaitingForController", message: "Waiting for Kubernetes to pick up the new release." };
  }

  const newPods = podsOfNewReplicaSet(deployment, replicaSets, pods);
  const restarts = newPods.reduce((sum, pod) => sum + containerStatuses(pod).reduce((total, container) => total + (container.restartCount ?? 0), 0), 0);
  const problem = findPodProblem(newPods);
  const progressing = status.conditions?.find((condition) => condition.type === "Progressing");

  if (progressing?.reason === "ProgressDeadlineExceeded") {
    const cause = problem ? ` ${describeProblem(problem)}` : "";
    return { phase: "failed", ...counts, restarts, reason: "ProgressDeadlineExceeded", message: `${progressing.message ?? "The rollout made no progress before its deadline."}${cause}` };
  }
  if (problem) {
    return { phase: "failed", ...counts, restarts, reason: problem.reason, message: describeProblem(problem) };
  }

  const total = status.replicas ?? 0;
  // Also no more pods than wanted: after a scale-down (kubectl scale 5, then the release's 2
  // again) the new ReplicaSet briefly reports 5 of 5 updated and available.
  if (counts.updated >= counts.desired && total <= counts.updated && total <= counts.desired && counts.available >= counts.desired) {
    return { phase: "available", ...counts, restarts, message: counts.desired === 0 ? "Scaled to zero." : `${counts.available} of ${counts.desired} available.` };
  }

  const unschedulable = newPods
    .flatMap((pod) => pod.status?.conditions ?? [])
    .find((condition) => condition.type === "PodScheduled" && condition.status === "False" && condition.reason === "Unschedulable");
  if (unschedulable) {
    return { phase: counts.updated > 0 ? "progressing" : "pending", ...counts, restarts, reason: "Unschedulable", message: `No node can run the pods yet: ${unschedulable.message ?? "unschedulable"}` };
  }
  const waiting =
    counts.updated < counts.desired
      ? `${counts.updated} of ${counts.desired} new pods created.`
      : total > counts.updated
        ? `${counts.ready} of ${counts.desired} new pods ready; ${total - counts.updated} old pod${total - counts.updated === 1 ? "" : "s"} still running.`
        : total > counts.desired
          ? `Scaling down: ${total} pods running, ${counts.desired} wanted.`
          : `${counts.available} of ${counts.desired} new pods available.`;
  return { phase: counts.updated > 0 ? "progressing" : "pending", ...counts, restarts, message: waiting };
}

/** The pods of the ReplicaSet at the Deployment's current revision (old pods crashing is not this rollout's problem). */
export function podsOfNewReplicaSet(deployment: DeploymentLike, replicaSets: ReplicaSetLike[], pods: PodLike[]): PodLike[] {
  const revision = deployment.metadata?.annotations?.[REVISION];
  const uid = deployment.metadata?.uid;
  const current = replicaSets.find(
    (replicaSet) =>
      revision !== undefined &&
      replicaSet.metadata?.annotations?.[REVISION] === revision &&
      (uid === undefined || (replicaSet.metadata?.ownerReferences ?? []).some((owner) => owner.uid === uid)),
  );
  const hash = current?.metadata?.labels?.["pod-template-hash"];
  if (!hash) return [];
  return pods.filter((pod) => pod.metadata?.labels?.["pod-template-hash"] === hash && !pod.metadata?.deletionTimestamp);
}

export function findPodProblem(pods: PodLike[]): PodProblem | undefined {
  for (const pod of pods) {
    for (const container of containerStatuses(pod)) {
      const waiting = container.state?.waiting;
      if (waiting?.reason && FAILING_REASONS.has(waiting.reason)) {
        return {
          pod: pod.metadata?.name ?? "?",
          container: container.name ?? "?",
          reason: waiting.reason,
          message: waiting.message,
          restarts: container.restartCount ?? 0,
          lastExitCode: container.lastState?.terminated?.exitCode,
        };
      }
    }
  }
  return undefined;
}

export function describeProblem(problem: PodProblem): string {
  const what: Record<string, string> = {
    CrashLoopBackOff: "keeps crashing",
    ImagePullBackOff: "cannot pull its image",
    ErrImagePull: "cannot pull its image",
    CreateContainerConfigError: "cannot be configured",
    CreateContainerError: "cannot be created",
    InvalidImageName: "has an invalid image name",
    RunContainerError: "cannot be started",
  };
  const parts = [`Container ${problem.container} in pod ${problem.pod} ${what[problem.reason] ?? "is failing"} (${problem.reason})`];
  if (problem.restarts > 0) parts.push(`restarted ${problem.restarts} time${problem.restarts === 1 ? "" : "s"}`);
  if (problem.lastExitCode !== undefined) parts.push(`last exit code ${problem.lastExitCode}`);
  return `${parts.join(", ")}${problem.message ? `: ${problem.message}` : ""}.`;
}

function containerStatuses(pod: PodLike): ContainerStatus[] {
  return [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
}
