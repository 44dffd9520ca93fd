import "server-only";
import type { Actor } from "@/server/actor";
import { db } from "@/server/db";
import { badInput, notFound } from "@/server/errors";
import { recordAuditEvent } from "@/server/audit/record-audit-event";

export async function deleteApp({ actor, teamId, appId, confirmation }: { actor: Actor; teamId: string; appId: string; confirmation: string }) {
  await db.$transaction(async (tx) => {
    const app = await tx.app.findFirst({
      where: { id: appId, teamId },
      select: { id: true, name: true, environment: { select: { name: true, project: { select: { name: true } } } } },
    });
    if (!app) throw notFound("That app does not exist in this team.");
    if (confirmation !== app.name) throw badInput(`Type the app name "${app.name}" to confirm.`, "confirmation");
    await tx.app.delete({ where: { id: app.id } });
    await recordAuditEvent(tx, {
      actor, teamId, action: "app.delete",
      target: { type: "app", id: app.id, name: `${app.environment.project.name}/${app.environment.name}/${app.name}` },
    });
  });
}
