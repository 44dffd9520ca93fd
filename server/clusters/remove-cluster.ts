import "server-only";
import type { Actor } from "@/server/actor";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { db } from "@/server/db";
import { notFound, preconditionFailed } from "@/server/errors";

export async function removeCluster({ actor, teamId, clusterId }: { actor: Actor; teamId: string; clusterId: string }) {
  await db.$transaction(async (tx) => {
    const cluster = await tx.cluster.findFirst({ where: { id: clusterId, teamId }, select: { id: true, name: true, _count: { select: { environments: true } } } });
    if (!cluster) throw notFound("That cluster does not exist in this team.");
    if (cluster._count.environments > 0) {
      throw preconditionFailed(`${cluster._count.environments} environment${cluster._count.environments === 1 ? " deploys" : "s deploy"} to this cluster. Point ${cluster._count.environments === 1 ? "it" : "them"} elsewhere first.`);
    }
    await tx.cluster.delete({ where: { id: cluster.id } });
    await recordAuditEvent(tx, { actor, teamId, action: "cluster.remove", target: { type: "cluster", id: cluster.id, name: cluster.name } });
  });
}
