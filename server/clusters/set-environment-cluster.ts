import "server-only";
import type { Actor } from "@/server/actor";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { db } from "@/server/db";
import { notFound, preconditionFailed } from "@/server/errors";

/** Chooses the cluster an environment deploys to (null: the server's own). Only before anything was deployed there. */
export async function setEnvironmentCluster({ actor, teamId, environmentId, clusterId }: { actor: Actor; teamId: string; environmentId: string; clusterId: string | null }) {
  await db.$transaction(async (tx) => {
    const environment = await tx.environment.findFirst({
      where: { id: environmentId, project: { teamId } },
      select: { id: true, name: true, clusterId: true, project: { select: { name: true } }, apps: { select: { _count: { select: { releases: true } } } } },
    });
    if (!environment) throw notFound("That environment does not exist in this team.");
    if (clusterId && !(await tx.cluster.findFirst({ where: { id: clusterId, teamId } }))) throw notFound("That cluster does not exist in this team.");
    if (environment.clusterId !== clusterId && environment.apps.some((app) => app._count.releases > 0)) {
      throw preconditionFailed("Apps of this environment are already deployed: moving them to another cluster is not supported. Create a new environment instead.");
    }
    await tx.environment.update({ where: { id: environment.id }, data: { clusterId } });
    await recordAuditEvent(tx, {
      actor, teamId, action: "environment.set_cluster",
      target: { type: "environment", id: environment.id, name: `${environment.project.name}/${environment.name}` },
      metadata: { clusterId },
    });
  });
}
