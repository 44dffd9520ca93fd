/**
 * Drift: changes made to an app's objects outside Slipway (`kubectl scale`, `kubectl set env`,
 * an edited Secret, a deleted Service), listed against the objects the current release
 * renders. Reconciling is applyRelease with the same release: server-side apply with force takes
 * the fields back.
 */
import { listAppObjects } from "./app-objects";
import type { ClusterConfig } from "./cluster-config";
import { ClusterError } from "./cluster-error";
import { compareDrift, type DriftItem } from "./compare-drift";
import { kubeApi } from "./kube-api";
import { LABELS } from "./render/labels";
import type { KubernetesManifest } from "./render/types";

export type { DriftItem } from "./compare-drift";

export interface DetectDriftInput {
  kubeconfig: ClusterConfig;
  namespace: string;
  /** renderReleaseManifests() of the app's current release. */
  rendered: KubernetesManifest[];
  signal?: AbortSignal;
}

/** Differences in words; empty when the cluster matches the release. */
export async function detectDrift({ kubeconfig, namespace, rendered, signal }: DetectDriftInput): Promise<DriftItem[]> {
  const appId = rendered.find((manifest) => manifest.kind === "Deployment")?.metadata.labels?.[LABELS.app];
  if (!appId) throw new ClusterError("invalid", "detectDrift needs the rendered objects of a release (with its Deployment).");
  const api = kubeApi(kubeconfig, { signal });
  const live = await listAppObjects(api, namespace, appId);
  return compareDrift(rendered.filter((manifest) => manifest.kind !== "Namespace"), live);
}
