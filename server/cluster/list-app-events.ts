/**
 * The Kubernetes events of one app's objects, newest first: what the controllers and the
 * scheduler said about its Deployment, ReplicaSets, pods, HPA, Service, Ingress and claims.
 *
 * Events point at objects by kind and name. An app's objects are matched by uid (the ones that
 * exist now) and, for pods that are already gone, by name under one of the app's ReplicaSets
 * (`<replicaset>-<suffix>`; the Deployment keeps its last ReplicaSets): a name prefix alone
 * would mix up apps called "web" and "web-api".
 */
import { plain } from "./app-objects";
import type { ClusterConfig } from "./cluster-config";
import { isClusterError } from "./cluster-error";
import { kubeApi } from "./kube-api";
import { appPodSelector } from "./list-app-pods";
import { objectNames } from "./render/labels";

export interface AppEvent {
  /** "Normal" or "Warning". */
  type: string;
  reason: string;
  message: string;
  object: { kind: string; name: string };
  count: number;
  firstAt: string | null;
  lastAt: string | null;
  source: string | null;
}

interface EventLike {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  involvedObject?: { kind?: string; name?: string; uid?: string };
  firstTimestamp?: string;
  lastTimestamp?: string;
  eventTime?: string;
  metadata?: { creationTimestamp?: string };
  series?: { count?: number; lastObservedTime?: string };
  source?: { component?: string };
  reportingComponent?: string;
}

interface Named { metadata?: { name?: string; uid?: string } }

export async function listAppEvents({ kubeconfig, namespace, appId, appName, limit = 200, signal }: {
  kubeconfig: ClusterConfig;
  namespace: string;
  appId: string;
  appName: string;
  limit?: number;
  signal?: AbortSignal;
}): Promise<AppEvent[]> {
  const api = kubeApi(kubeconfig, { signal });
  const selector = appPodSelector(appId);
  let lists: [Named[], Named[], Named[], EventLike[]];
  try {
    const [replicaSets, pods, others, events] = await Promise.all([
      api.call("listing the app's ReplicaSets", () => api.apps.listNamespacedReplicaSet({ namespace, labelSelector: selector })),
      api.call("listing the app's pods", () => api.core.listNamespacedPod({ namespace, labelSelector: selector })),
      Promise.all([
        api.call("listing the app's Deployments", () => api.apps.listNamespacedDeployment({ namespace, labelSelector: selector })),
        api.call("listing the app's autoscalers", () => api.autoscaling.listNamespacedHorizontalPodAutoscaler({ namespace, labelSelector: selector })),
        api.call("listing the app's Services", () => api.core.listNamespacedService({ namespace, labelSelector: selector })),
        api.call("listing the app's claims", () => api.core.listNamespacedPersistentVolumeClaim({ namespace, labelSelector: selector })),
        api.call("listing the app's Ingresses", () => api.networking.listNamespacedIngress({ namespace, labelSelector: selector })),
      ]),
      api.call("listing events", () => api.core.listNamespacedEvent({ namespace, limit: 2_000 })),
    ]);
    lists = [plain<Named[]>(replicaSets.items), plain<Named[]>(pods.items), others.flatMap((list) => plain<Named[]>(list.items)), plain<EventLike[]>(events.items)];
  } catch (error) {
    if (isClusterError(error, "not_found")) return [];
    throw error;
  }
  const [replicaSets, pods, others, events] = lists;
  const uids = new Set([...replicaSets, ...pods, ...others].map((object) => object.metadata?.uid).filter(Boolean));
  const podPrefixes = replicaSets.map((set) => `${set.metadata?.name}-`);
  const deployment = objectNames.deployment(appName);

  const belongs = (event: EventLike) => {
    const involved = event.involvedObject ?? {};
    if (involved.uid && uids.has(involved.uid)) return true;
    if (involved.kind === "Pod") return podPrefixes.some((prefix) => involved.name?.startsWith(prefix) && !involved.name.slice(prefix.length).includes("-"));
    return (involved.kind === "Deployment" || involved.kind === "HorizontalPodAutoscaler") && involved.name === deployment;
  };

  return events
    .filter(belongs)
    .map((event): AppEvent => {
      const lastAt = event.series?.lastObservedTime ?? event.lastTimestamp ?? event.eventTime ?? event.metadata?.creationTimestamp ?? null;
      return {
        type: event.type ?? "Normal",
        reason: event.reason ?? "",
        message: event.message ?? "",
        object: { kind: event.involvedObject?.kind ?? "", name: event.involvedObject?.name ?? "" },
        count: event.series?.count ?? event.count ?? 1,
        firstAt: event.firstTimestamp ?? event.eventTime ?? event.metadata?.creationTimestamp ?? null,
        lastAt: lastAt ? new Date(lastAt).toISOString() : null,
        source: event.reportingComponent || event.source?.component || null,
      };
    })
    .sort((a, b) => (b.lastAt ?? "").localeCompare(a.lastAt ?? ""))
    .slice(0, limit);
}
