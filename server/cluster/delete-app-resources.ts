/**
 * Removes every object of an app (found by its app-id label), volume claims and their data
 * included: for deleting the app. Pods and ReplicaSets go with their Deployment (garbage
 * collection); the namespace stays, as other apps of the environment live there.
 */
import { deleteObject, listAppObjects, refOf, type ObjectRef } from "./app-objects";
import type { ClusterConfig } from "./cluster-config";
import { kubeApi } from "./kube-api";

export async function deleteAppResources({
  kubeconfig,
  namespace,
  appId,
  signal,
}: {
  kubeconfig: ClusterConfig;
  namespace: string;
  appId: string;
  signal?: AbortSignal;
}): Promise<{ deleted: ObjectRef[] }> {
  const api = kubeApi(kubeconfig, { signal });
  const objects = await listAppObjects(api, namespace, appId);
  // Reverse apply order: the Ingress stops traffic first, the NetworkPolicy goes last.
  for (const object of [...objects].reverse()) await deleteObject(api, object);
  return { deleted: objects.map(refOf) };
}
