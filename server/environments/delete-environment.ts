import "server-only";
import type { Actor } from "@/server/actor";
import { db } from "@/server/db";
import { notFound, preconditionFailed } from "@/server/errors";
import { recordAuditEvent } from "@/server/audit/record-audit-event";

export async function deleteEnvironment({ actor, teamId, environmentId }: { actor: Actor; teamId: string; environmentId: string }) {
  await db.$transaction(async (tx) => {
    const environment = await tx.environment.findFirst({
      where: { id: environmentId, project: { teamId } },
      select: { id: true, name: true, project: { select: { name: true, _count: { select: { environments: true } } } }, _count: { select: { apps: true } } },
    });
    if (!environment) throw notFound("That environment does not exist in this team.");
    if (environment._count.apps > 0) throw preconditionFailed("This environment still has apps. Delete them first.");
    if (environment.project._count.environments <= 1) throw preconditionFailed("A project keeps at least one environment. Delete the project instead.");
    await tx.environment.delete({ where: { id: environment.id } });
    await recordAuditEvent(tx, {
      actor, teamId, action: "environment.delete",
      target: { type: "environment", id: environment.id, name: `${environment.project.name}/${environment.name}` },
    });
  });
}
