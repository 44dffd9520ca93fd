import "server-only";
import { defaultClusterConfig, parseKubeconfig, type ClusterConfig } from "@/server/cluster";
import { decryptSecret } from "@/server/crypto";
import { db } from "@/server/db";

/**
 * The cluster an environment deploys to: the team's registered cluster when one is chosen,
 * else the server's own. A stored kubeconfig passed the policy when it was added; it is parsed
 * under the same policy again, so tightening the policy takes effect on old ones too.
 */
export async function clusterForEnvironment(environmentId: string): Promise<ClusterConfig> {
  const environment = await db.environment.findUniqueOrThrow({ where: { id: environmentId }, select: { cluster: { select: { kubeconfigEncrypted: true } } } });
  if (environment.cluster) return parseKubeconfig(decryptSecret(environment.cluster.kubeconfigEncrypted));
  return defaultClusterConfig();
}
