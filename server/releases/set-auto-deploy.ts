import "server-only";
import type { Actor } from "@/server/actor";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";
import { publish } from "@/server/events/pg-events";

/** Turns auto-deploy on or off; turning it on (or resuming) clears a pause left by a rollback. */
export async function setAutoDeploy({ teamId, appId, enabled, actor }: { teamId: string; appId: string; enabled: boolean; actor: Actor }) {
  await db.$transaction(async (tx) => {
    const app = await tx.app.findFirst({ where: { id: appId, teamId }, select: { id: true, name: true } });
    if (!app) throw notFound("That app does not exist in this team.");
    await tx.app.update({ where: { id: app.id }, data: { autoDeploy: enabled, autoDeployPausedAt: null } });
    await recordAuditEvent(tx, { actor, teamId, action: enabled ? "app.auto_deploy.enable" : "app.auto_deploy.disable", target: { type: "app", id: app.id, name: app.name } });
  });
  await publish("app", appId);
}
