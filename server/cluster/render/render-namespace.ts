import { ANNOTATIONS, ownerLabels } from "./labels";
import type { KubernetesManifest, ReleaseManifestInput } from "./types";

/**
 * The project environment's namespace, labelled with its owners (ensureNamespace checks these
 * before Slipway touches anything inside). Pod Security Admission enforces "baseline" (no
 * privileged pods, host namespaces or host paths — Slipway renders none) and warns on
 * "restricted", since an image that must run as root cannot meet it.
 */
export function renderNamespace(input: Pick<ReleaseManifestInput, "team" | "project" | "environment" | "namespace">): KubernetesManifest {
  return {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: {
      name: input.namespace,
      labels: {
        ...ownerLabels(input),
        "pod-security.kubernetes.io/enforce": "baseline",
        "pod-security.kubernetes.io/warn": "restricted",
      },
      annotations: {
        [ANNOTATIONS.teamSlug]: input.team.slug,
        [ANNOTATIONS.projectName]: input.project.name,
        [ANNOTATIONS.environmentName]: input.environment.name,
      },
    },
  };
}
