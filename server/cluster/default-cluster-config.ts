/**
 * The server's own cluster: the kubeconfig at SLIPWAY_KUBECONFIG, else the in-cluster service
 * account when Slipway runs in a pod, else ~/.kube/config. The operator provides these, so
 * exec plugins and file paths are fine here (unlike a team's pasted kubeconfig).
 */
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { KubeConfig } from "@kubernetes/client-node";
import { ClusterConfig } from "./cluster-config";
import { ClusterError } from "./cluster-error";

const SERVICE_ACCOUNT_TOKEN = "/var/run/secrets/kubernetes.io/serviceaccount/token";

export function defaultClusterConfig(env: Record<string, string | undefined> = process.env): ClusterConfig {
  const kubeConfig = new KubeConfig();
  try {
    const configured = env.SLIPWAY_KUBECONFIG;
    if (configured) {
      if (!existsSync(configured)) {
        throw new ClusterError("invalid_kubeconfig", `SLIPWAY_KUBECONFIG points to ${configured}, which does not exist.`);
      }
      kubeConfig.loadFromFile(configured);
      return new ClusterConfig(kubeConfig, "file");
    }
    if (env.KUBERNETES_SERVICE_HOST && existsSync(SERVICE_ACCOUNT_TOKEN)) {
      kubeConfig.loadFromCluster();
      return new ClusterConfig(kubeConfig, "in-cluster");
    }
    const home = path.join(env.HOME ?? homedir(), ".kube", "config");
    if (existsSync(home)) {
      kubeConfig.loadFromFile(home);
      return new ClusterConfig(kubeConfig, "file");
    }
  } catch (error) {
    if (error instanceof ClusterError) throw error;
    throw new ClusterError("invalid_kubeconfig", `The server's kubeconfig could not be loaded: ${error instanceof Error ? error.message : String(error)}.`, { cause: error });
  }
  throw new ClusterError(
    "invalid_kubeconfig",
    "No default cluster: set SLIPWAY_KUBECONFIG to a kubeconfig file, run Slipway inside the cluster, or register a cluster with its kubeconfig.",
  );
}
