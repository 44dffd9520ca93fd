import type { KubernetesManifest } from "./types";

type Scalable = KubernetesManifest & { spec?: { replicas?: number; minReplicas?: number; maxReplicas?: number } };

/**
 * The handover to (and life under) an autoscaler. A rendered Deployment under an HPA has no
 * replica count, so that deploys never fight the autoscaler; but a server-side apply that stops
 * naming a field it used to own removes it, and the Deployment falls back to 1 replica until the
 * HPA acts (with no metrics, never). So the count the Deployment runs now is applied, brought
 * inside the autoscaler's minimum and maximum: turning autoscaling on keeps the pods that serve,
 * and a deploy under the HPA leaves its choice as it is. Without an HPA, or with a Deployment
 * that names its own count, the objects are returned as they are. Pure.
 */
export function withAutoscaledReplicas(objects: KubernetesManifest[], live: KubernetesManifest[]): KubernetesManifest[] {
  const hpa = objects.find((object) => object.kind === "HorizontalPodAutoscaler") as Scalable | undefined;
  if (!hpa) return objects;
  const min = hpa.spec?.minReplicas ?? 1;
  const max = hpa.spec?.maxReplicas ?? min;
  return objects.map((object) => {
    const deployment = object as Scalable;
    if (object.kind !== "Deployment" || deployment.spec?.replicas !== undefined) return object;
    const running = live.find((item) => item.kind === "Deployment" && item.metadata.name === object.metadata.name) as Scalable | undefined;
    const current = running?.spec?.replicas ?? min;
    return { ...object, spec: { ...deployment.spec, replicas: Math.min(max, Math.max(min, current)) } };
  });
}
