import "server-only";
import type { Actor } from "@/server/actor";
import { db } from "@/server/db";
import { badInput, notFound, preconditionFailed } from "@/server/errors";
import { recordAuditEvent } from "@/server/audit/record-audit-event";

/** Deletes a project and its environments; refused while any environment still has apps. */
export async function deleteProject(input: { actor: Actor; teamId: string; projectId: string; confirmation: string }) {
  const { actor, teamId, projectId } = input;
  await db.$transaction(async (tx) => {
    const project = await tx.project.findFirst({ where: { id: projectId, teamId }, select: { id: true, name: true } });
    if (!project) throw notFound("That project does not exist in this team.");
    if (input.confirmation !== project.name) throw badInput(`Type the project name "${project.name}" to confirm.`, "confirmation");
    const apps = await tx.app.count({ where: { teamId, environment: { projectId } } });
    if (apps > 0) throw preconditionFailed(`This project still has ${apps} app${apps === 1 ? "" : "s"}. Delete ${apps === 1 ? "it" : "them"} first.`);
    await tx.project.delete({ where: { id: project.id } });
    await recordAuditEvent(tx, { actor, teamId, action: "project.delete", target: { type: "project", id: project.id, name: project.name } });
  });
}
