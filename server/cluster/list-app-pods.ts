/**
 * The pods of one app (found by its `slipway.dev/app` label), summarized. Used by the pods page
 * and to check that a pod a viewer names belongs to the app before anything is read from it.
 */
import { plain } from "./app-objects";
import type { ClusterConfig } from "./cluster-config";
import { isClusterError } from "./cluster-error";
import { kubeApi } from "./kube-api";
import { summarizePod, type PodLike, type PodSummary } from "./pod-summary";
import { LABELS } from "./render/labels";

export function appPodSelector(appId: string): string {
  return `${LABELS.app}=${appId}`;
}

export async function listAppPods({ kubeconfig, namespace, appId, signal }: { kubeconfig: ClusterConfig; namespace: string; appId: string; signal?: AbortSignal }): Promise<{ pods: PodSummary[]; resourceVersion?: string }> {
  const api = kubeApi(kubeconfig, { signal });
  try {
    const list = await api.call("listing the app's pods", () => api.core.listNamespacedPod({ namespace, labelSelector: appPodSelector(appId) }));
    const pods = plain<PodLike[]>(list.items).map(summarizePod);
    pods.sort((a, b) => (a.createdAt ?? "").localeCompare(b.createdAt ?? "") || a.name.localeCompare(b.name));
    return { pods, resourceVersion: list.metadata?.resourceVersion };
  } catch (error) {
    if (isClusterError(error, "not_found")) return { pods: [] }; // no namespace yet
    throw error;
  }
}
