import { LABELS, appLabels, objectMeta, objectNames } from "./labels";
import type { KubernetesManifest, ReleaseManifestInput } from "./types";

/** One ReadWriteOnce claim per volume, mounted by the Deployment at the volume's path. */
export function renderPersistentVolumeClaims(input: ReleaseManifestInput): KubernetesManifest[] {
  return input.release.settings.volumes.map((volume) => ({
    apiVersion: "v1",
    kind: "PersistentVolumeClaim",
    metadata: objectMeta(input, objectNames.pvc(input.app.name, volume.name), { ...appLabels(input), [LABELS.volume]: volume.name }),
    spec: {
      accessModes: ["ReadWriteOnce"],
      resources: { requests: { storage: volume.size } },
      ...(input.storageClassName ? { storageClassName: input.storageClassName } : {}),
    },
  }));
}
