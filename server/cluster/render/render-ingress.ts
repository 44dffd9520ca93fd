import { objectMeta, objectNames } from "./labels";
import { APP_PORT_NAME } from "./render-deployment";
import type { KubernetesManifest, ReleaseManifestInput } from "./types";

export const CLUSTER_ISSUER_ANNOTATION = "cert-manager.io/cluster-issuer";

/**
 * One Ingress for all of the app's domains, or null without domains. TLS comes from a Secret
 * the team created, or from cert-manager: the ClusterIssuer annotation makes it issue a
 * certificate into `<app>-tls` for every domain that asked for one.
 */
export function renderIngress(input: ReleaseManifestInput): KubernetesManifest | null {
  const { domains } = input.release.settings;
  if (domains.length === 0) return null;
  const service = objectNames.service(input.app.name);

  const bySecret = new Map<string, string[]>();
  let issuer: string | undefined;
  for (const domain of domains) {
    if (!domain.tls) continue;
    let secretName: string;
    if ("clusterIssuer" in domain.tls) {
      issuer = domain.tls.clusterIssuer;
      secretName = objectNames.tlsSecret(input.app.name);
    } else {
      secretName = domain.tls.secretName;
    }
    bySecret.set(secretName, [...(bySecret.get(secretName) ?? []), domain.host]);
  }

  const meta = objectMeta(input, objectNames.ingress(input.app.name));
  if (issuer) meta.annotations = { ...meta.annotations, [CLUSTER_ISSUER_ANNOTATION]: issuer };

  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "Ingress",
    metadata: meta,
    spec: {
      ...(input.ingressClassName ? { ingressClassName: input.ingressClassName } : {}),
      rules: domains.map((domain) => ({
        host: domain.host,
        http: {
          paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: service, port: { name: APP_PORT_NAME } } } }],
        },
      })),
      ...(bySecret.size > 0 ? { tls: [...bySecret].map(([secretName, hosts]) => ({ hosts, secretName })) } : {}),
    },
  };
}
