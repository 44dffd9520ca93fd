/**
 * @internal The plumbing shared by apply, dry-run, prune, drift and delete: listing an app's
 * live objects by label, reading one, server-side applying one, and refusing to take over an
 * object of the same name that is not this app's.
 */
import { PatchStrategy, setHeaderOptions, type KubernetesObject } from "@kubernetes/client-node";
import { ClusterError, isClusterError } from "./cluster-error";
import type { KubeApi } from "./kube-api";
import { FIELD_MANAGER, LABELS, MANAGED_BY } from "./render/labels";
import { API_VERSIONS, APP_KINDS, type AppKind, type KubernetesManifest } from "./render/types";

export interface ObjectRef {
  kind: string;
  name: string;
}

export const refKey = (ref: { kind: string; name: string }) => `${ref.kind}/${ref.name}`;
export const refOf = (object: KubernetesManifest | KubernetesObject): ObjectRef => ({ kind: object.kind ?? "", name: object.metadata?.name ?? "" });

// client-node's models rename fields that are reserved words in TypeScript (NetworkPolicy's
// ingress[].from is `_from`, list metadata's continue is `_continue`). Objects read back are
// turned into the wire names again, so they compare with what Slipway rendered.
const MODEL_NAMES: Record<string, string> = { _from: "from", _continue: "continue", _default: "default" };

/**
 * Plain JSON, in the API's own field names, of an object as client-node returned it (its model
 * classes hold Dates): what JSON.parse(JSON.stringify(object)) gives, in one walk — a deploy
 * converts every object it reads, and a reviver made that several times slower.
 */
export function plain<T = Record<string, unknown>>(object: unknown): T {
  return toWire(object ?? null) as T;
}

function toWire(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => (item === undefined || typeof item === "function" ? null : toWire(item)));
  const json = (value as { toJSON?: () => unknown }).toJSON;
  if (typeof json === "function") return toWire(json.call(value)); // Dates become ISO strings
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined || typeof item === "function" || typeof item === "symbol") continue;
    const wire = MODEL_NAMES[key];
    result[wire && !(wire in value) ? wire : key] = toWire(item);
  }
  return result;
}

interface Named {
  name: string;
  namespace: string;
}
interface ListRequest {
  namespace: string;
  labelSelector: string;
}

// The typed clients, kind by kind. KubernetesObjectApi would first ask the API server which
// resource serves each kind (a discovery request per API group, per client, so per deploy)
// before every list, read and delete.
const LISTERS: Record<AppKind, (api: KubeApi, request: ListRequest) => Promise<{ items: unknown[] }>> = {
  NetworkPolicy: (api, request) => api.networking.listNamespacedNetworkPolicy(request),
  ServiceAccount: (api, request) => api.core.listNamespacedServiceAccount(request),
  Secret: (api, request) => api.core.listNamespacedSecret(request),
  PersistentVolumeClaim: (api, request) => api.core.listNamespacedPersistentVolumeClaim(request),
  Service: (api, request) => api.core.listNamespacedService(request),
  Deployment: (api, request) => api.apps.listNamespacedDeployment(request),
  HorizontalPodAutoscaler: (api, request) => api.autoscaling.listNamespacedHorizontalPodAutoscaler(request),
  Ingress: (api, request) => api.networking.listNamespacedIngress(request),
};
const READERS: Record<AppKind, (api: KubeApi, request: Named) => Promise<unknown>> = {
  NetworkPolicy: (api, request) => api.networking.readNamespacedNetworkPolicy(request),
  ServiceAccount: (api, request) => api.core.readNamespacedServiceAccount(request),
  Secret: (api, request) => api.core.readNamespacedSecret(request),
  PersistentVolumeClaim: (api, request) => api.core.readNamespacedPersistentVolumeClaim(request),
  Service: (api, request) => api.core.readNamespacedService(request),
  Deployment: (api, request) => api.apps.readNamespacedDeployment(request),
  HorizontalPodAutoscaler: (api, request) => api.autoscaling.readNamespacedHorizontalPodAutoscaler(request),
  Ingress: (api, request) => api.networking.readNamespacedIngress(request),
};
const DELETERS: Record<AppKind, (api: KubeApi, request: Named & { propagationPolicy: string }) => Promise<unknown>> = {
  NetworkPolicy: (api, request) => api.networking.deleteNamespacedNetworkPolicy(request),
  ServiceAccount: (api, request) => api.core.deleteNamespacedServiceAccount(request),
  Secret: (api, request) => api.core.deleteNamespacedSecret(request),
  PersistentVolumeClaim: (api, request) => api.core.deleteNamespacedPersistentVolumeClaim(request),
  Service: (api, request) => api.core.deleteNamespacedService(request),
  Deployment: (api, request) => api.apps.deleteNamespacedDeployment(request),
  HorizontalPodAutoscaler: (api, request) => api.autoscaling.deleteNamespacedHorizontalPodAutoscaler(request),
  Ingress: (api, request) => api.networking.deleteNamespacedIngress(request),
};

function appKind(kind: string): AppKind {
  if (!(APP_KINDS as readonly string[]).includes(kind)) throw new ClusterError("invalid", `Slipway does not manage objects of kind ${kind}.`);
  return kind as AppKind;
}

/** The app's live objects of every kind Slipway manages, found by the app-id label. */
export async function listAppObjects(api: KubeApi, namespace: string, appId: string, kinds: readonly AppKind[] = APP_KINDS): Promise<KubernetesManifest[]> {
  const selector = `${LABELS.app}=${appId},${LABELS.managedBy}=${MANAGED_BY}`;
  const lists = await Promise.all(
    kinds.map(async (kind) => {
      try {
        const list = await api.call(`listing the app's ${kind} objects`, () => LISTERS[kind](api, { namespace, labelSelector: selector }));
        // List items come without apiVersion/kind.
        return list.items.map((item) => ({ ...plain<KubernetesManifest>(item), apiVersion: API_VERSIONS[kind], kind }));
      } catch (error) {
        if (isClusterError(error, "not_found")) return []; // namespace (or the API group) absent
        throw error;
      }
    }),
  );
  return lists.flat();
}

/** The live objects a release no longer renders: what applying it prunes. */
export function staleObjects(live: KubernetesManifest[], rendered: KubernetesManifest[]): KubernetesManifest[] {
  const wanted = new Set(rendered.map((manifest) => refKey(refOf(manifest))));
  return live.filter((object) => !wanted.has(refKey(refOf(object))));
}

/** The live object, or undefined when it does not exist. */
export async function readObject(api: KubeApi, manifest: KubernetesManifest): Promise<KubernetesManifest | undefined> {
  try {
    const read = READERS[appKind(manifest.kind)];
    const live = await api.call(`reading ${manifest.kind} ${manifest.metadata.name}`, () => read(api, { name: manifest.metadata.name, namespace: manifest.metadata.namespace ?? "" }));
    return { ...plain<KubernetesManifest>(live), apiVersion: manifest.apiVersion, kind: manifest.kind };
  } catch (error) {
    if (isClusterError(error, "not_found")) return undefined;
    throw error;
  }
}

interface PatchRequest {
  name: string;
  namespace: string;
  body: unknown;
  dryRun?: string;
  fieldManager: string;
  force: boolean;
  fieldValidation: string;
}
type PatchOptions = ReturnType<typeof setHeaderOptions>;

// The typed patch methods send the body as it is. KubernetesObjectApi.patch would first pass it
// through client-node's model serializer, which silently drops what it does not know under the
// wire name — NetworkPolicy's `from` among them, which turned "only these peers" into "anyone".
const PATCHERS: Record<string, (api: KubeApi, request: PatchRequest, options: PatchOptions) => Promise<unknown>> = {
  Namespace: (api, { namespace: _namespace, ...request }, options) => api.core.patchNamespace(request, options),
  ServiceAccount: (api, request, options) => api.core.patchNamespacedServiceAccount(request, options),
  Secret: (api, request, options) => api.core.patchNamespacedSecret(request, options),
  PersistentVolumeClaim: (api, request, options) => api.core.patchNamespacedPersistentVolumeClaim(request, options),
  Service: (api, request, options) => api.core.patchNamespacedService(request, options),
  Deployment: (api, request, options) => api.apps.patchNamespacedDeployment(request, options),
  HorizontalPodAutoscaler: (api, request, options) => api.autoscaling.patchNamespacedHorizontalPodAutoscaler(request, options),
  Ingress: (api, request, options) => api.networking.patchNamespacedIngress(request, options),
  NetworkPolicy: (api, request, options) => api.networking.patchNamespacedNetworkPolicy(request, options),
};

/**
 * Server-side apply under Slipway's field manager, taking over fields others changed (force).
 * Strict field validation: a field the server does not know is an error, not silently dropped.
 */
export async function serverSideApply(api: KubeApi, manifest: KubernetesManifest, { dryRun = false } = {}): Promise<KubernetesManifest> {
  const patch = PATCHERS[manifest.kind];
  if (!patch) throw new ClusterError("invalid", `Slipway does not apply objects of kind ${manifest.kind}.`);
  const request: PatchRequest = {
    name: manifest.metadata.name,
    namespace: manifest.metadata.namespace ?? "",
    body: manifest,
    dryRun: dryRun ? "All" : undefined,
    fieldManager: FIELD_MANAGER,
    force: true,
    fieldValidation: "Strict",
  };
  const result = await api.call(`${dryRun ? "dry-running" : "applying"} ${manifest.kind} ${manifest.metadata.name}`, () =>
    patch(api, request, setHeaderOptions("Content-Type", PatchStrategy.ServerSideApply)),
  );
  return { ...plain<KubernetesManifest>(result), apiVersion: manifest.apiVersion, kind: manifest.kind };
}

/**
 * Reads the rendered objects that the app-label listing did not find: any that exists belongs
 * to someone else (another app, or a person with kubectl), and applying with force would take
 * it over. Returns the live objects by refKey for the caller's diff.
 */
export async function assertNoForeignObjects(
  api: KubeApi,
  rendered: KubernetesManifest[],
  live: KubernetesManifest[],
): Promise<void> {
  const ours = new Set(live.map((object) => refKey(refOf(object))));
  const unknown = rendered.filter((manifest) => manifest.kind !== "Namespace" && !ours.has(refKey(refOf(manifest))));
  const found = await Promise.all(unknown.map((manifest) => readObject(api, manifest)));
  const foreign = found.find((object): object is KubernetesManifest => object !== undefined);
  if (foreign) {
    const owner = foreign.metadata.labels?.[LABELS.app];
    throw new ClusterError(
      "conflict",
      `A ${foreign.kind} named ${foreign.metadata.name} already exists in namespace ${foreign.metadata.namespace} and ${owner ? "belongs to another app" : "was not created by Slipway"}; Slipway will not overwrite it. Rename the app${foreign.kind === "PersistentVolumeClaim" ? " or the volume" : ""}, or delete that object.`,
    );
  }
}

/** Deletes one object; already gone counts as done. */
export async function deleteObject(api: KubeApi, object: KubernetesManifest): Promise<void> {
  try {
    const remove = DELETERS[appKind(object.kind)];
    await api.call(`deleting ${object.kind} ${object.metadata.name}`, () =>
      remove(api, { name: object.metadata.name, namespace: object.metadata.namespace ?? "", propagationPolicy: "Background" }),
    );
  } catch (error) {
    if (!isClusterError(error, "not_found")) throw error;
  }
}
