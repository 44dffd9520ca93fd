import "server-only";
import type { Actor } from "@/server/actor";
import { db } from "@/server/db";
import { conflict, isUniqueViolation, notFound } from "@/server/errors";
import { recordAuditEvent } from "@/server/audit/record-audit-event";

export async function createEnvironment({ actor, teamId, projectId, name }: { actor: Actor; teamId: string; projectId: string; name: string }) {
  try {
    return await db.$transaction(async (tx) => {
      const project = await tx.project.findFirst({ where: { id: projectId, teamId }, select: { id: true, name: true } });
      if (!project) throw notFound("That project does not exist in this team.");
      const environment = await tx.environment.create({ data: { projectId, name }, select: { id: true, name: true } });
      await recordAuditEvent(tx, {
        actor, teamId, action: "environment.create",
        target: { type: "environment", id: environment.id, name: `${project.name}/${name}` },
      });
      return environment;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`This project already has an environment named "${name}".`, "name");
    throw error;
  }
}
