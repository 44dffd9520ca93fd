import "server-only";
import type { Actor } from "@/server/actor";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import type { BuildSettings } from "@/server/build/build-settings";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";

/** Saves the app's build settings (already validated by buildSettingsSchema). */
export async function updateBuildSettings({ actor, teamId, appId, settings }: { actor: Actor; teamId: string; appId: string; settings: BuildSettings }) {
  await db.$transaction(async (tx) => {
    const app = await tx.app.findFirst({ where: { id: appId, teamId }, select: { id: true, name: true } });
    if (!app) throw notFound("That app does not exist in this team.");
    await tx.app.update({ where: { id: app.id }, data: { buildSettings: settings as object } });
    await recordAuditEvent(tx, { actor, teamId, action: "app.build_settings.update", target: { type: "app", id: app.id, name: app.name }, metadata: { settings: settings as object } });
  });
}
