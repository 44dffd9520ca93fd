import "server-only";
import type { Actor } from "@/server/actor";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { checkClusterConnection, parseKubeconfig } from "@/server/cluster";
import { encryptSecret } from "@/server/crypto";
import { db } from "@/server/db";
import { conflict, isUniqueViolation } from "@/server/errors";
import { asAppError } from "@/server/clusters/cluster-errors";

/**
 * Registers a cluster by kubeconfig. It must pass the kubeconfig policy (inline credentials
 * only, unless the operator allows more) and answer before it is stored, encrypted.
 */
export async function addCluster({ actor, teamId, name, kubeconfig }: { actor: Actor; teamId: string; name: string; kubeconfig: string }) {
  let connection;
  try {
    connection = await checkClusterConnection(parseKubeconfig(kubeconfig), { timeoutMs: 8_000 });
  } catch (error) {
    throw asAppError(error, "kubeconfig");
  }
  try {
    return await db.$transaction(async (tx) => {
      const cluster = await tx.cluster.create({
        data: { teamId, name, kubeconfigEncrypted: encryptSecret(kubeconfig), server: connection.server, serverVersion: connection.serverVersion, checkedAt: new Date() },
        select: { id: true, name: true, server: true, serverVersion: true },
      });
      await recordAuditEvent(tx, { actor, teamId, action: "cluster.add", target: { type: "cluster", id: cluster.id, name }, metadata: { server: connection.server, version: connection.serverVersion } });
      return cluster;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`This team already has a cluster named "${name}".`, "name");
    throw error;
  }
}
