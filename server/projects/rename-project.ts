import "server-only";
import type { Actor } from "@/server/actor";
import { db } from "@/server/db";
import { conflict, isUniqueViolation, notFound } from "@/server/errors";
import { recordAuditEvent } from "@/server/audit/record-audit-event";

export async function renameProject({ actor, teamId, projectId, name }: { actor: Actor; teamId: string; projectId: string; name: string }) {
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.project.findFirst({ where: { id: projectId, teamId }, select: { name: true } });
      if (!before) throw notFound("That project does not exist in this team.");
      const project = await tx.project.update({ where: { id: projectId }, data: { name }, select: { id: true, name: true } });
      await recordAuditEvent(tx, {
        actor, teamId, action: "project.rename",
        target: { type: "project", id: projectId, name },
        metadata: { from: before.name, to: name },
      });
      return project;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`This team already has a project named "${name}".`, "name");
    throw error;
  }
}
