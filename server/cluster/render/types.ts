/**
 * What the renderers need to know about one release of one app, and what they produce. The
 * worker builds a ReleaseManifestInput from the database (secret values already decrypted);
 * everything under render/ is a pure function of it.
 */
import type { RunSettings } from "@/server/apps/run-settings";

export interface ReleaseManifestInput {
  team: { id: string; slug: string };
  project: { id: string; name: string };
  environment: { id: string; name: string };
  app: { id: string; name: string };
  /** Usually namespaceFor(team, project, environment). */
  namespace: string;
  release: {
    id: string;
    /** 1, 2, 3 … (shown as v3). */
    version: number;
    /** Always by digest: registry/repo@sha256:<64 hex>. */
    imageRef: string;
    settings: RunSettings;
    /** Plaintext values of settings.secrets, in memory only. */
    secretValues: Record<string, string>;
    /**
     * The image config's USER (from the build's image inspection); undefined when unknown.
     * Decides whether runAsNonRoot can be enforced: see podRunsAsNonRoot().
     */
    imageUser?: string | null;
  };
  networkPolicyPeers?: NetworkPolicyPeers;
  /** spec.ingressClassName of the Ingress; null/undefined = the cluster's default class. */
  ingressClassName?: string | null;
  /** StorageClass of the volumes; null/undefined = the cluster's default. */
  storageClassName?: string | null;
  /** Old ReplicaSets kept for `kubectl rollout undo`; default 5. */
  revisionHistoryLimit?: number;
  /**
   * Key of the HMAC that fingerprints the Secret in the pod template. Pass a server-side key so
   * that someone who can read Deployments cannot test guesses of short secret values against it;
   * without one, the app id is used.
   */
  secretChecksumKey?: string;
  /**
   * FOR TESTS: extra labels on the pods only (never in the selector), e.g. the test cluster's
   * `slipway.dev/test-crash: "true"`. Not settable by users.
   */
  extraPodLabels?: Record<string, string>;
}

export interface NetworkPolicyPeers {
  /**
   * Labels of the ingress controller's namespace, allowed in; default
   * { "kubernetes.io/metadata.name": "ingress-nginx" }; null = none.
   */
  ingressControllerNamespace?: Record<string, string> | null;
  /** More namespaces allowed in (e.g. monitoring), each a matchLabels selector. */
  extraNamespaces?: Record<string, string>[];
}

/** A Kubernetes object as Slipway renders it: plain JSON, apiVersion/kind/metadata always set. */
export interface KubernetesManifest {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [field: string]: unknown;
}

/** The kinds Slipway renders per app, in apply order. */
export const APP_KINDS = [
  "NetworkPolicy",
  "ServiceAccount",
  "Secret",
  "PersistentVolumeClaim",
  "Service",
  "Deployment",
  "HorizontalPodAutoscaler",
  "Ingress",
] as const;
export type AppKind = (typeof APP_KINDS)[number];

export const API_VERSIONS: Record<AppKind | "Namespace", string> = {
  Namespace: "v1",
  NetworkPolicy: "networking.k8s.io/v1",
  ServiceAccount: "v1",
  Secret: "v1",
  PersistentVolumeClaim: "v1",
  Service: "v1",
  Deployment: "apps/v1",
  HorizontalPodAutoscaler: "autoscaling/v2",
  Ingress: "networking.k8s.io/v1",
};
