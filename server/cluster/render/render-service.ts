import { objectMeta, objectNames, selectorLabels } from "./labels";
import { APP_PORT_NAME } from "./render-deployment";
import type { KubernetesManifest, ReleaseManifestInput } from "./types";

/**
 * A ClusterIP Service on the app's own port, so other apps of the team reach it at
 * `<app>:<port>` (as on Render and Railway), for HTTP or any other TCP protocol.
 */
export function renderService(input: ReleaseManifestInput): KubernetesManifest {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: objectMeta(input, objectNames.service(input.app.name)),
    spec: {
      type: "ClusterIP",
      selector: selectorLabels(input),
      ports: [{ name: APP_PORT_NAME, port: input.release.settings.port, targetPort: APP_PORT_NAME, protocol: "TCP" }],
    },
  };
}
