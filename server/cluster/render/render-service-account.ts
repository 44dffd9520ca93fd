import { objectMeta, objectNames } from "./labels";
import type { KubernetesManifest, ReleaseManifestInput } from "./types";

/**
 * One ServiceAccount per app, so no app runs as the namespace's `default` and RBAC can be
 * granted per app later. Its token is not mounted: apps do not talk to the Kubernetes API.
 */
export function renderServiceAccount(input: ReleaseManifestInput): KubernetesManifest {
  return {
    apiVersion: "v1",
    kind: "ServiceAccount",
    metadata: objectMeta(input, objectNames.serviceAccount(input.app.name)),
    automountServiceAccountToken: false,
  };
}
