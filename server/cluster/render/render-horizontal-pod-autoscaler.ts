import { autoscalingTargets } from "@/server/apps/run-settings";
import { objectMeta, objectNames } from "./labels";
import type { KubernetesManifest, ReleaseManifestInput } from "./types";

/** An autoscaling/v2 HPA on CPU (default 80 %) and/or memory utilization, or null when autoscaling is off. */
export function renderHorizontalPodAutoscaler(input: ReleaseManifestInput): KubernetesManifest | null {
  const { autoscaling } = input.release.settings;
  if (!autoscaling.enabled) return null;
  const targets = autoscalingTargets(autoscaling);
  const metric = (name: "cpu" | "memory", averageUtilization: number) => ({
    type: "Resource",
    resource: { name, target: { type: "Utilization", averageUtilization } },
  });
  return {
    apiVersion: "autoscaling/v2",
    kind: "HorizontalPodAutoscaler",
    metadata: objectMeta(input, objectNames.hpa(input.app.name)),
    spec: {
      scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: objectNames.deployment(input.app.name) },
      minReplicas: autoscaling.min,
      maxReplicas: autoscaling.max,
      metrics: [
        ...(targets.cpuPercent !== undefined ? [metric("cpu", targets.cpuPercent)] : []),
        ...(targets.memoryPercent !== undefined ? [metric("memory", targets.memoryPercent)] : []),
      ],
    },
  };
}
