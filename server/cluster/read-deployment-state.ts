/**
 * The app's live state for its overview page: desired vs ready replicas, which release runs,
 * and where its latest rollout stands, read straight from the cluster.
 */
import { plain } from "./app-objects";
import type { ClusterConfig } from "./cluster-config";
import { isClusterError } from "./cluster-error";
import { kubeApi } from "./kube-api";
import { ANNOTATIONS } from "./render/labels";
import { evaluateRollout, type DeploymentLike, type RolloutProgress } from "./rollout-status";

export interface DeploymentState {
  name: string;
  desired: number;
  updated: number;
  ready: number;
  available: number;
  generation: number;
  observedGeneration: number;
  /** The image of the first container (the app's). */
  image?: string;
  /** The release the pod template carries. */
  releaseId?: string;
  releaseVersion?: number;
  /** Where the latest rollout stands, as watchRollout would report it now. */
  rollout: RolloutProgress;
}

/** Null when the Deployment does not exist. */
export async function readDeploymentState({
  kubeconfig,
  namespace,
  deploymentName,
  signal,
}: {
  kubeconfig: ClusterConfig;
  namespace: string;
  deploymentName: string;
  signal?: AbortSignal;
}): Promise<DeploymentState | null> {
  const api = kubeApi(kubeconfig, { signal });
  let deployment: DeploymentLike & {
    spec?: { replicas?: number; selector?: { matchLabels?: Record<string, string> }; template?: { metadata?: { annotations?: Record<string, string> }; spec?: { containers?: { image?: string }[] } } };
  };
  try {
    deployment = plain(await api.call(`reading Deployment ${deploymentName}`, () => api.apps.readNamespacedDeployment({ name: deploymentName, namespace })));
  } catch (error) {
    if (isClusterError(error, "not_found")) return null;
    throw error;
  }
  const selector = Object.entries(deployment.spec?.selector?.matchLabels ?? {}).map(([key, value]) => `${key}=${value}`).join(",");
  const [replicaSets, pods] = await Promise.all([
    api.call("listing ReplicaSets", () => api.apps.listNamespacedReplicaSet({ namespace, labelSelector: selector })),
    api.call("listing pods", () => api.core.listNamespacedPod({ namespace, labelSelector: selector })),
  ]);
  const rollout = evaluateRollout({ deployment, replicaSets: plain(replicaSets.items), pods: plain(pods.items) });
  const annotations = deployment.spec?.template?.metadata?.annotations ?? {};
  const version = Number.parseInt(annotations[ANNOTATIONS.releaseVersion] ?? "", 10);
  return {
    name: deploymentName,
    desired: rollout.desired,
    updated: rollout.updated,
    ready: rollout.ready,
    available: rollout.available,
    generation: deployment.metadata?.generation ?? 0,
    observedGeneration: deployment.status?.observedGeneration ?? 0,
    image: deployment.spec?.template?.spec?.containers?.[0]?.image,
    releaseId: annotations[ANNOTATIONS.releaseId],
    releaseVersion: Number.isNaN(version) ? undefined : version,
    rollout,
  };
}
