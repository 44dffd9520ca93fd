/**
 * "Diff before acting": what applying a release would change, without changing anything. Each
 * object is server-side applied with dryRun=All, so the API server validates it, fills in its
 * defaults and merges it with fields other managers own, exactly as a real apply would; the
 * result is compared with the live object. A release the server would refuse fails here, before
 * the user confirms, with the same ClusterError applyRelease would throw.
 */
import type { V1Namespace } from "@kubernetes/client-node";
import {
  assertNoForeignObjects,
  listAppObjects,
  plain,
  refKey,
  refOf,
  serverSideApply,
  staleObjects,
} from "./app-objects";
import type { ClusterConfig } from "./cluster-config";
import { isClusterError } from "./cluster-error";
import { diffObjects, foldReleaseMarks, maskSecret, type FieldChange } from "./diff-objects";
import { assertNamespaceOwner } from "./ensure-namespace";
import { foreignAdditions } from "./foreign-additions";
import { kubeApi } from "./kube-api";
import { withAutoscaledReplicas } from "./render/autoscaled-replicas";
import { renderReleaseManifests } from "./render/render-release-manifests";
import type { KubernetesManifest, ReleaseManifestInput } from "./render/types";

export type ObjectAction = "create" | "update" | "unchanged" | "delete" | "keep";

export interface ObjectDiff {
  kind: string;
  name: string;
  /** "keep": a volume claim the release no longer lists, left in place with its data. */
  action: ObjectAction;
  /** Field changes of an update (empty otherwise). Secret values show as "(hidden)". */
  changes: FieldChange[];
  /** The object as it would be created (create only; Secret values hidden). */
  object?: KubernetesManifest;
}

export interface ReleaseDiff {
  namespace: string;
  namespaceExists: boolean;
  /** Rendered objects in apply order, then the ones that would be pruned. */
  objects: ObjectDiff[];
  /** True when nothing would change. */
  unchanged: boolean;
}

export interface DryRunReleaseInput {
  kubeconfig: ClusterConfig;
  input: ReleaseManifestInput;
  /** As in applyRelease: whether removed volumes' claims would be deleted. */
  pruneVolumeClaims?: boolean;
  signal?: AbortSignal;
}

/** Throws the ClusterErrors applyRelease would (namespace_taken, conflict, invalid, unreachable…). */
export async function dryRunRelease({ kubeconfig, input, pruneVolumeClaims = false, signal }: DryRunReleaseInput): Promise<ReleaseDiff> {
  const manifests = renderReleaseManifests(input);
  const [namespaceManifest, ...rendered] = manifests as [KubernetesManifest, ...KubernetesManifest[]];
  const api = kubeApi(kubeconfig, { signal });

  let namespace: V1Namespace | undefined;
  try {
    namespace = await api.call(`reading namespace ${input.namespace}`, () => api.core.readNamespace({ name: input.namespace }));
  } catch (error) {
    if (!isClusterError(error, "not_found")) throw error;
  }

  const diffs: ObjectDiff[] = [];
  if (!namespace) {
    // Nothing exists yet: everything is a create. Namespaced dry-runs fail without their
    // namespace, so only the Namespace itself is validated by the server here.
    await serverSideApply(api, namespaceManifest, { dryRun: true });
    diffs.push({ kind: "Namespace", name: input.namespace, action: "create", changes: [], object: namespaceManifest });
    for (const manifest of withAutoscaledReplicas(rendered, [])) diffs.push(createDiff(manifest));
    return { namespace: input.namespace, namespaceExists: false, objects: diffs, unchanged: false };
  }

  assertNamespaceOwner(namespace, input.namespace, namespaceManifest.metadata.labels ?? {});
  const namespaceAfter = await serverSideApply(api, namespaceManifest, { dryRun: true });
  const namespaceChanges = diffObjects(plain(namespace), namespaceAfter, { kind: "Namespace" });
  diffs.push({ kind: "Namespace", name: input.namespace, action: namespaceChanges.length > 0 ? "update" : "unchanged", changes: namespaceChanges });

  const live = await listAppObjects(api, input.namespace, input.app.id);
  // Under an autoscaler, the replica count running now (see withAutoscaledReplicas).
  const objects = withAutoscaledReplicas(rendered, live);
  await assertNoForeignObjects(api, objects, live);
  const liveByRef = new Map(live.map((object) => [refKey(refOf(object)), object]));

  const results = await Promise.all(objects.map((manifest) => serverSideApply(api, manifest, { dryRun: true })));
  objects.forEach((manifest, index) => {
    const before = liveByRef.get(refKey(refOf(manifest)));
    if (!before) {
      diffs.push(createDiff(manifest));
      return;
    }
    const after = results[index]!;
    // Apply leaves additions by others in place; applyRelease then removes them, so show that.
    const removed = foreignAdditions(manifest, after).map((addition) => ({ path: addition.path, before: addition.value }));
    const changes = [...foldReleaseMarks(diffObjects(before, after, { kind: manifest.kind })), ...removed];
    diffs.push({ kind: manifest.kind, name: manifest.metadata.name, action: changes.length > 0 ? "update" : "unchanged", changes });
  });

  for (const object of staleObjects(live, objects)) {
    const keep = object.kind === "PersistentVolumeClaim" && !pruneVolumeClaims;
    diffs.push({ kind: object.kind, name: object.metadata.name, action: keep ? "keep" : "delete", changes: [] });
  }

  return {
    namespace: input.namespace,
    namespaceExists: true,
    objects: diffs,
    unchanged: diffs.every((diff) => diff.action === "unchanged" || diff.action === "keep"),
  };
}

function createDiff(manifest: KubernetesManifest): ObjectDiff {
  return {
    kind: manifest.kind,
    name: manifest.metadata.name,
    action: "create",
    changes: [],
    object: manifest.kind === "Secret" ? maskSecret(manifest) : manifest,
  };
}
