/**
 * Desired and ready replicas of an app's Deployment, and its autoscaler's view when it has one:
 * cheap enough to sample every app every half minute.
 */
import type { ClusterConfig } from "./cluster-config";
import { isClusterError } from "./cluster-error";
import { kubeApi } from "./kube-api";

export interface ReplicaCounts {
  /** spec.replicas: what the Deployment (or its HPA) asks for. */
  desired: number;
  ready: number;
  updated: number;
  available: number;
  autoscaler: {
    min: number;
    max: number;
    current: number;
    desired: number;
    /** Current utilization per metric, in percent of the request, when the metrics server reports it. */
    cpuPercent?: number;
    memoryPercent?: number;
  } | null;
}

/** Null when the Deployment does not exist. */
export async function readReplicaCounts({ kubeconfig, namespace, deploymentName, signal }: {
  kubeconfig: ClusterConfig;
  namespace: string;
  deploymentName: string;
  signal?: AbortSignal;
}): Promise<ReplicaCounts | null> {
  const api = kubeApi(kubeconfig, { signal, timeoutMs: 10_000 });
  const missing = (error: unknown) => {
    if (isClusterError(error, "not_found")) return null;
    throw error;
  };
  const [deployment, hpa] = await Promise.all([
    api.call(`reading Deployment ${deploymentName}`, () => api.apps.readNamespacedDeployment({ name: deploymentName, namespace })).catch(missing),
    api.call(`reading the autoscaler ${deploymentName}`, () => api.autoscaling.readNamespacedHorizontalPodAutoscaler({ name: deploymentName, namespace })).catch(missing),
  ]);
  if (!deployment) return null;
  const metric = (name: string) =>
    hpa?.status?.currentMetrics?.find((entry) => entry.type === "Resource" && entry.resource?.name === name)?.resource?.current?.averageUtilization;
  return {
    desired: deployment.spec?.replicas ?? 1,
    ready: deployment.status?.readyReplicas ?? 0,
    updated: deployment.status?.updatedReplicas ?? 0,
    available: deployment.status?.availableReplicas ?? 0,
    autoscaler: hpa
      ? {
          min: hpa.spec?.minReplicas ?? 1,
          max: hpa.spec?.maxReplicas ?? 1,
          current: hpa.status?.currentReplicas ?? 0,
          desired: hpa.status?.desiredReplicas ?? 0,
          cpuPercent: metric("cpu"),
          memoryPercent: metric("memory"),
        }
      : null,
  };
}
