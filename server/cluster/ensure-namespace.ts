/**
 * Creates a project environment's namespace, or adopts it when it is already Slipway's for the
 * same team, project and environment. Anything else is refused before a single object is
 * applied: a namespace Slipway did not create may hold someone's workloads, and one labelled for
 * another team would let this team deploy next to (and read the Secrets of) that team's apps.
 */
import { PatchStrategy, setHeaderOptions, type V1Namespace } from "@kubernetes/client-node";
import type { ClusterConfig } from "./cluster-config";
import { ClusterError, isClusterError } from "./cluster-error";
import { kubeApi } from "./kube-api";
import { ANNOTATIONS, FIELD_MANAGER, LABELS, MANAGED_BY } from "./render/labels";

export interface EnsureNamespaceInput {
  kubeconfig: ClusterConfig;
  namespace: string;
  /** Owner labels (ownerLabels() / the rendered Namespace's): managed-by, team, project, environment. */
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  signal?: AbortSignal;
}

export interface EnsuredNamespace {
  name: string;
  created: boolean;
}

/** Throws ClusterError "namespace_taken" (owned elsewhere), "conflict" (being deleted), or a connection error. */
export async function ensureNamespace({ kubeconfig, namespace, labels, annotations = {}, signal }: EnsureNamespaceInput): Promise<EnsuredNamespace> {
  const teamId = labels[LABELS.team];
  if (!teamId || labels[LABELS.managedBy] !== MANAGED_BY) {
    throw new ClusterError("invalid", `ensureNamespace needs the owner labels (${LABELS.managedBy}=${MANAGED_BY}, ${LABELS.team}, …).`);
  }
  const api = kubeApi(kubeconfig, { signal });

  let live: V1Namespace | undefined;
  try {
    live = await api.call(`reading namespace ${namespace}`, () => api.core.readNamespace({ name: namespace }));
  } catch (error) {
    if (!isClusterError(error, "not_found")) throw error;
  }

  if (live) {
    assertNamespaceOwner(live, namespace, labels);
    if (live.status?.phase === "Terminating") {
      throw new ClusterError("conflict", `Namespace ${namespace} is being deleted; deploy again once it is gone (usually within a minute).`);
    }
  }

  // The usual deploy: the namespace is already as wanted, and re-applying it changes nothing.
  const has = (wanted: Record<string, string>, actual: Record<string, string> | undefined) => Object.entries(wanted).every(([key, value]) => actual?.[key] === value);
  if (live && has(labels, live.metadata?.labels) && has(annotations, live.metadata?.annotations)) return { name: namespace, created: false };

  const body = { apiVersion: "v1", kind: "Namespace", metadata: { name: namespace, labels, annotations } };
  await api.call(`applying namespace ${namespace}`, () =>
    api.core.patchNamespace(
      { name: namespace, body, fieldManager: FIELD_MANAGER, force: true },
      setHeaderOptions("Content-Type", PatchStrategy.ServerSideApply),
    ),
  );
  return { name: namespace, created: !live };
}

/** Throws "namespace_taken" unless the live namespace carries the wanted owner labels. */
export function assertNamespaceOwner(live: V1Namespace, namespace: string, wanted: Record<string, string>): void {
  const labels = live.metadata?.labels ?? {};
  if (labels[LABELS.managedBy] !== MANAGED_BY) {
    throw new ClusterError(
      "namespace_taken",
      `Namespace ${namespace} already exists on this cluster and was not created by Slipway. Slipway does not deploy into namespaces it does not manage; rename the project or environment, or remove that namespace.`,
    );
  }
  if (labels[LABELS.team] !== wanted[LABELS.team]) {
    throw new ClusterError(
      "namespace_taken",
      `Namespace ${namespace} belongs to another team on this cluster. Rename the project or environment so its namespace name is free.`,
    );
  }
  for (const key of [LABELS.project, LABELS.environment]) {
    if (wanted[key] && labels[key] && labels[key] !== wanted[key]) {
      const project = live.metadata?.annotations?.[ANNOTATIONS.projectName];
      const environment = live.metadata?.annotations?.[ANNOTATIONS.environmentName];
      const which = project && environment ? ` (${project} / ${environment})` : "";
      throw new ClusterError(
        "namespace_taken",
        `Namespace ${namespace} is already used by another environment of your team${which}. Rename the project or environment.`,
      );
    }
  }
}
