import "server-only";
import type { Actor } from "@/server/actor";
import { db } from "@/server/db";
import { conflict, isUniqueViolation } from "@/server/errors";
import { recordAuditEvent } from "@/server/audit/record-audit-event";

/** Creates a project with a production environment, the one every project starts with. */
export async function createProject({ actor, teamId, name }: { actor: Actor; teamId: string; name: string }) {
  try {
    return await db.$transaction(async (tx) => {
      const project = await tx.project.create({
        data: { teamId, name, environments: { create: { name: "production" } } },
        select: { id: true, name: true },
      });
      await recordAuditEvent(tx, { actor, teamId, action: "project.create", target: { type: "project", id: project.id, name } });
      return project;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`This team already has a project named "${name}".`, "name");
    throw error;
  }
}
