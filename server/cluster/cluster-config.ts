/**
 * A handle on one cluster's connection settings, made by parseKubeconfig() (a team's
 * kubeconfig) or defaultClusterConfig() (the server's own). The rest of the code passes it around
 * without seeing client-node: the loaded KubeConfig stays in a module-private WeakMap, and
 * toJSON() shows only where it points, so logging a config never prints a token.
 */
import type { KubeConfig } from "@kubernetes/client-node";
import { ClusterError } from "./cluster-error";

export type ClusterConfigSource = "kubeconfig" | "file" | "in-cluster";

const kubeConfigs = new WeakMap<ClusterConfig, KubeConfig>();

export class ClusterConfig {
  /** The API server URL, e.g. https://10.0.0.1:6443. */
  readonly server: string;
  /** The kubeconfig context in use. */
  readonly context: string;
  readonly source: ClusterConfigSource;

  /** @internal Use parseKubeconfig() or defaultClusterConfig(). */
  constructor(kubeConfig: KubeConfig, source: ClusterConfigSource) {
    const cluster = kubeConfig.getCurrentCluster();
    if (!cluster) throw new ClusterError("invalid_kubeconfig", "The kubeconfig has no current cluster: set current-context to a context whose cluster is listed.");
    this.server = cluster.server;
    this.context = kubeConfig.getCurrentContext();
    this.source = source;
    kubeConfigs.set(this, kubeConfig);
    Object.freeze(this);
  }

  toJSON() {
    return { server: this.server, context: this.context, source: this.source };
  }
}

/** @internal For server/cluster only. */
export function kubeConfigOf(config: ClusterConfig): KubeConfig {
  const kubeConfig = kubeConfigs.get(config);
  if (!kubeConfig) {
    throw new ClusterError("invalid_kubeconfig", "Not a cluster configuration made by parseKubeconfig() or defaultClusterConfig() (a copy of one loses its credentials).");
  }
  return kubeConfig;
}
