/**
 * Makes the cluster match one release: server-side apply of every rendered object under the one
 * field manager "slipway" (force, so a `kubectl scale` or `kubectl set image` made outside
 * Slipway is put back), removal of variables, Secret keys and containers someone else added
 * (apply alone leaves those: see foreign-additions.ts), then deletion of the app's objects the
 * release no longer has (an Ingress after the last domain went, the HPA after autoscaling was
 * switched off). That is also what "reconcile" means. Running it twice is harmless, so the
 * worker can retry it freely.
 */
import { PatchStrategy, setHeaderOptions } from "@kubernetes/client-node";
import {
  assertNoForeignObjects,
  deleteObject,
  listAppObjects,
  plain,
  refOf,
  serverSideApply,
  staleObjects,
  type ObjectRef,
} from "./app-objects";
import type { ClusterConfig } from "./cluster-config";
import { ClusterError, isClusterError } from "./cluster-error";
import { foreignAdditionsPatch, type JsonPatchOperation } from "./foreign-additions";
import { ensureNamespace } from "./ensure-namespace";
import { kubeApi, type KubeApi } from "./kube-api";
import { withAutoscaledReplicas } from "./render/autoscaled-replicas";
import { renderReleaseManifests } from "./render/render-release-manifests";
import type { KubernetesManifest, ReleaseManifestInput } from "./render/types";

export interface ApplyReleaseInput {
  kubeconfig: ClusterConfig;
  input: ReleaseManifestInput;
  /**
   * Delete the claims of volumes the release no longer lists, and with them their data. Off by
   * default: a rollback to a release from before a volume was added must not erase the volume.
   * Claims that stay are reported in `keptVolumeClaims`.
   */
  pruneVolumeClaims?: boolean;
  signal?: AbortSignal;
}

export interface AppliedRelease {
  namespace: string;
  namespaceCreated: boolean;
  applied: ObjectRef[];
  pruned: ObjectRef[];
  keptVolumeClaims: ObjectRef[];
  /** Env variables, Secret keys or containers someone added outside Slipway, removed again. */
  foreignFieldsRemoved: number;
  /** Hand `generation` to watchRollout as expectedGeneration. */
  deployment: { name: string; generation: number };
}

/** Throws ClusterError: namespace_taken, conflict (an object of that name is not this app's), invalid, or a connection error. */
export async function applyRelease({ kubeconfig, input, pruneVolumeClaims = false, signal }: ApplyReleaseInput): Promise<AppliedRelease> {
  const manifests = renderReleaseManifests(input);
  const [namespaceManifest, ...rendered] = manifests as [KubernetesManifest, ...KubernetesManifest[]];
  const api = kubeApi(kubeconfig, { signal });

  // Listing only reads, so it runs alongside the namespace check; nothing is applied unless both pass.
  const [namespace, live] = await Promise.all([
    ensureNamespace({
      kubeconfig,
      namespace: input.namespace,
      labels: namespaceManifest.metadata.labels ?? {},
      annotations: namespaceManifest.metadata.annotations,
      signal,
    }),
    listAppObjects(api, input.namespace, input.app.id),
  ]);
  // Under an autoscaler, the replica count running now (see withAutoscaledReplicas).
  const objects = withAutoscaledReplicas(rendered, live);
  await assertNoForeignObjects(api, objects, live);

  // In three steps, each step's objects at once: the Deployment must not start pods before its
  // NetworkPolicy, ServiceAccount, Secret and claims exist, and the HPA and the Ingress (a domain
  // must never point at nothing) come after it — the render order, kept where it matters.
  let deployment: KubernetesManifest | undefined;
  let foreignFieldsRemoved = 0;
  const apply = async (manifest: KubernetesManifest) => {
    let result = await serverSideApply(api, manifest);
    const patch = foreignAdditionsPatch(manifest, result);
    if (patch.length > 0) {
      result = await removeForeignAdditions(api, manifest, patch);
      foreignFieldsRemoved += patch.filter((operation) => operation.op === "remove").length;
    }
    if (manifest.kind === "Deployment") deployment = result;
  };
  const at = objects.findIndex((manifest) => manifest.kind === "Deployment");
  if (at === -1) throw new ClusterError("invalid", "The release rendered no Deployment.");
  for (const step of [objects.slice(0, at), [objects[at]!], objects.slice(at + 1)]) {
    await settleAll(step.map(apply));
  }
  if (!deployment) throw new ClusterError("invalid", "The release rendered no Deployment.");

  const { pruned, kept } = await pruneObjects(api, live, objects, pruneVolumeClaims);

  return {
    namespace: input.namespace,
    namespaceCreated: namespace.created,
    applied: objects.map(refOf),
    pruned,
    keptVolumeClaims: kept,
    foreignFieldsRemoved,
    deployment: { name: deployment.metadata.name, generation: Number((deployment.metadata as { generation?: number }).generation ?? 0) },
  };
}

/** Like Promise.all, but waits for every request to end before throwing the first failure (none is left running). */
async function settleAll(work: Promise<unknown>[]): Promise<void> {
  const results = await Promise.allSettled(work);
  const failed = results.find((result): result is PromiseRejectedResult => result.status === "rejected");
  if (failed) throw failed.reason;
}

async function removeForeignAdditions(api: KubeApi, manifest: KubernetesManifest, patch: JsonPatchOperation[]): Promise<KubernetesManifest> {
  const target = { name: manifest.metadata.name, namespace: manifest.metadata.namespace ?? "", body: patch };
  const options = setHeaderOptions("Content-Type", PatchStrategy.JsonPatch);
  try {
    const result = await api.call(`removing fields added outside Slipway from ${manifest.kind} ${manifest.metadata.name}`, () =>
      manifest.kind === "Deployment" ? api.apps.patchNamespacedDeployment(target, options) : api.core.patchNamespacedSecret(target, options),
    );
    return { ...plain<KubernetesManifest>(result), apiVersion: manifest.apiVersion, kind: manifest.kind };
  } catch (error) {
    // A name test failed: someone changed the list in between. Nothing was removed.
    if (isClusterError(error, "invalid") || isClusterError(error, "conflict")) {
      throw new ClusterError("conflict", `${manifest.kind} ${manifest.metadata.name} changed while Slipway applied the release; try again.`, { cause: error });
    }
    throw error;
  }
}

async function pruneObjects(api: KubeApi, live: KubernetesManifest[], rendered: KubernetesManifest[], pruneVolumeClaims: boolean) {
  const stale = staleObjects(live, rendered);
  const pruned: ObjectRef[] = [];
  const kept: ObjectRef[] = [];
  // The Ingress goes first so traffic stops before what serves it; the rest in reverse apply order.
  for (const object of [...stale].reverse()) {
    if (object.kind === "PersistentVolumeClaim" && !pruneVolumeClaims) {
      kept.push(refOf(object));
      continue;
    }
    await deleteObject(api, object);
    pruned.push(refOf(object));
  }
  return { pruned, kept };
}
