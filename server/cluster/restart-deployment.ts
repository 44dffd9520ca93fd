/**
 * A rolling restart, as `kubectl rollout restart` does it: a new pod-template annotation makes
 * the Deployment replace its pods one by one (maxUnavailable 0, so the app keeps serving).
 *
 * Applied under its own field manager, so Slipway's next apply of the release (manager
 * "slipway", which does not list this annotation) leaves it alone instead of rolling again.
 */
import { PatchStrategy, setHeaderOptions } from "@kubernetes/client-node";
import type { ClusterConfig } from "./cluster-config";
import { ClusterError, isClusterError } from "./cluster-error";
import { kubeApi } from "./kube-api";

export const RESTARTED_AT_ANNOTATION = "kubectl.kubernetes.io/restartedAt";
const RESTART_FIELD_MANAGER = "slipway-restart";

/** Returns the Deployment's new generation, for watchRollout. Throws ClusterError not_found when it does not exist. */
export async function restartDeployment({ kubeconfig, namespace, deploymentName, at = new Date(), signal }: {
  kubeconfig: ClusterConfig;
  namespace: string;
  deploymentName: string;
  at?: Date;
  signal?: AbortSignal;
}): Promise<{ generation: number; restartedAt: string }> {
  const api = kubeApi(kubeconfig, { signal });
  const restartedAt = at.toISOString();
  const body = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: deploymentName, namespace },
    spec: { template: { metadata: { annotations: { [RESTARTED_AT_ANNOTATION]: restartedAt } } } },
  };
  try {
    // Apply creates what is missing: read first so that a missing Deployment is not made half-empty.
    await api.call(`reading Deployment ${deploymentName}`, () => api.apps.readNamespacedDeployment({ name: deploymentName, namespace }));
    const result = await api.call(`restarting Deployment ${deploymentName}`, () =>
      api.apps.patchNamespacedDeployment(
        { name: deploymentName, namespace, body, fieldManager: RESTART_FIELD_MANAGER, force: true },
        setHeaderOptions("Content-Type", PatchStrategy.ServerSideApply),
      ),
    );
    return { generation: result.metadata?.generation ?? 0, restartedAt };
  } catch (error) {
    if (isClusterError(error, "not_found")) throw new ClusterError("not_found", `Deployment ${deploymentName} does not exist in ${namespace}: deploy the app first.`, { cause: error });
    throw error;
  }
}
