import "server-only";
import { checkClusterConnection, defaultClusterConfig, parseKubeconfig } from "@/server/cluster";
import { decryptSecret } from "@/server/crypto";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";
import { asAppError } from "@/server/clusters/cluster-errors";

/** Connects to a team cluster (or, with no id, the server's own) and reports its version. */
export async function checkCluster({ teamId, clusterId }: { teamId: string; clusterId?: string }) {
  if (!clusterId) {
    try {
      const connection = await checkClusterConnection(defaultClusterConfig());
      return { server: connection.server, serverVersion: connection.serverVersion };
    } catch (error) {
      throw asAppError(error);
    }
  }
  const cluster = await db.cluster.findFirst({ where: { id: clusterId, teamId } });
  if (!cluster) throw notFound("That cluster does not exist in this team.");
  try {
    const connection = await checkClusterConnection(parseKubeconfig(decryptSecret(cluster.kubeconfigEncrypted)));
    await db.cluster.update({ where: { id: cluster.id }, data: { serverVersion: connection.serverVersion, checkedAt: new Date() } });
    return { server: connection.server, serverVersion: connection.serverVersion };
  } catch (error) {
    throw asAppError(error);
  }
}
