/**
 * "Test connection" for a registered cluster: reaches the API server with a short timeout,
 * reads its version, and asks who the credentials are. /version alone is not enough: most
 * clusters serve it to anonymous callers, so a kubeconfig without working credentials would
 * look fine until the first deploy.
 */
import type { ClusterConfig } from "./cluster-config";
import { ClusterError, isClusterError } from "./cluster-error";
import { kubeApi } from "./kube-api";

export interface ClusterConnection {
  ok: true;
  server: string;
  /** e.g. "v1.36.3" */
  serverVersion: string;
  /** Who the credentials authenticate as (e.g. system:serviceaccount:slipway:deployer), when the server says. */
  user?: string;
}

/** Throws ClusterError: unreachable | unauthorized | forbidden | tls | invalid_kubeconfig. */
export async function checkClusterConnection(
  config: ClusterConfig,
  { timeoutMs = 5_000, signal }: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<ClusterConnection> {
  const api = kubeApi(config, { timeoutMs, signal });
  const version = await api.call("reading the server version", () => api.version.getCode());

  let user: string | undefined;
  try {
    const review = await api.call("checking the credentials", () =>
      api.authentication.createSelfSubjectReview({ body: { apiVersion: "authentication.k8s.io/v1", kind: "SelfSubjectReview" } }),
    );
    user = review.status?.userInfo?.username;
  } catch (error) {
    // Servers before 1.28 lack SelfSubjectReview; a 404 there says nothing about the credentials.
    if (!isClusterError(error, "not_found")) throw error;
  }
  if (user === "system:anonymous") {
    throw new ClusterError("unauthorized", `${api.server} answered, but the kubeconfig's credentials were not used (the server sees system:anonymous). Add a token or client certificate.`);
  }
  return { ok: true, server: api.server, serverVersion: version.gitVersion, user };
}
