import "server-only";
import type { Actor } from "@/server/actor";
import { db } from "@/server/db";
import { conflict, isUniqueViolation, notFound } from "@/server/errors";
import { recordAuditEvent } from "@/server/audit/record-audit-event";

/** Creates an app in an environment of one of the team's projects. */
export async function createApp({ actor, teamId, environmentId, name }: { actor: Actor; teamId: string; environmentId: string; name: string }) {
  try {
    return await db.$transaction(async (tx) => {
      const environment = await tx.environment.findFirst({
        where: { id: environmentId, project: { teamId } },
        select: { id: true, name: true, project: { select: { name: true } } },
      });
      if (!environment) throw notFound("That environment does not exist in this team.");
      const app = await tx.app.create({ data: { teamId, environmentId, name }, select: { id: true, name: true } });
      await recordAuditEvent(tx, {
        actor, teamId, action: "app.create",
        target: { type: "app", id: app.id, name: `${environment.project.name}/${environment.name}/${name}` },
      });
      return app;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`This environment already has an app named "${name}".`, "name");
    throw error;
  }
}
