import { LABELS, objectMeta, objectNames, selectorLabels } from "./labels";
import type { KubernetesManifest, NetworkPolicyPeers, ReleaseManifestInput } from "./types";

export const DEFAULT_INGRESS_CONTROLLER_NAMESPACE = { "kubernetes.io/metadata.name": "ingress-nginx" } as const;

/**
 * Lets traffic reach the app's pods only from its own namespace, from the namespaces of the same
 * team (matched by the team-id label Slipway puts on them), and from the ingress controller's
 * namespace. A NetworkPolicy is an allow-list: once it selects the pods, every other team's
 * namespace is denied. Egress stays open (apps call databases and APIs outside).
 */
export function renderNetworkPolicy(input: ReleaseManifestInput): KubernetesManifest {
  const peers = input.networkPolicyPeers ?? {};
  const ingressController = peers.ingressControllerNamespace === undefined ? DEFAULT_INGRESS_CONTROLLER_NAMESPACE : peers.ingressControllerNamespace;
  const from: unknown[] = [
    { podSelector: {} },
    { namespaceSelector: { matchLabels: { [LABELS.team]: input.team.id } } },
  ];
  if (ingressController && Object.keys(ingressController).length > 0) from.push({ namespaceSelector: { matchLabels: { ...ingressController } } });
  for (const labels of peers.extraNamespaces ?? []) {
    if (Object.keys(labels).length > 0) from.push({ namespaceSelector: { matchLabels: { ...labels } } });
  }
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: objectMeta(input, objectNames.networkPolicy(input.app.name)),
    spec: {
      podSelector: { matchLabels: selectorLabels(input) },
      policyTypes: ["Ingress"],
      ingress: [{ from }],
    },
  };
}

/**
 * The operator's peers: SLIPWAY_INGRESS_NAMESPACE_LABELS ("key=value,…"; "none" for no ingress
 * controller) and SLIPWAY_NETWORK_POLICY_EXTRA_NAMESPACES (";"-separated selectors of the same form).
 */
export function networkPolicyPeersFromEnv(env: Record<string, string | undefined> = process.env): NetworkPolicyPeers {
  const parse = (text: string) =>
    Object.fromEntries(
      text
        .split(",")
        .map((pair) => pair.trim())
        .filter(Boolean)
        .map((pair) => {
          const [key, ...value] = pair.split("=");
          return [key!.trim(), value.join("=").trim()];
        }),
    );
  const ingress = env.SLIPWAY_INGRESS_NAMESPACE_LABELS?.trim();
  const extra = env.SLIPWAY_NETWORK_POLICY_EXTRA_NAMESPACES?.trim();
  return {
    ingressControllerNamespace: ingress === undefined || ingress === "" ? undefined : ingress === "none" ? null : parse(ingress),
    extraNamespaces: extra ? extra.split(";").map(parse).filter((labels) => Object.keys(labels).length > 0) : [],
  };
}
