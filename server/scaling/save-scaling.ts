import "server-only";
import type { Actor } from "@/server/actor";
import { runSettingsSchema, type RunSettings } from "@/server/apps/run-settings";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { db } from "@/server/db";
import { badInput, notFound } from "@/server/errors";
import { publish } from "@/server/events/pg-events";
import { readRunSettings } from "@/server/releases/app-run-settings";
import { applyAppScaling, type ScalingApplied } from "@/server/scaling/apply-app-scaling";
import { scalingFields, type ScalingFields } from "@/server/scaling/live-scaling";

export type ScalingAction = "app.scale" | "app.pause" | "app.resume" | "app.autoscaling" | "app.resources";

/**
 * Saves a scaling change into the app's settings (so the next release keeps it), records it in
 * the audit log, and applies it to the cluster at once. The whole settings are validated, so
 * the operator's replica cap, autoscaling min ≤ max and "one replica with a volume" give the
 * same sentences as the settings form.
 */
export async function saveScaling({ teamId, appId, actor, action, change }: {
  teamId: string;
  appId: string;
  actor: Actor;
  action: ScalingAction;
  change: (current: RunSettings, pausedReplicas: number | null) => { settings: Partial<ScalingFields>; pausedReplicas: number | null };
}): Promise<ScalingApplied & { scaling: ScalingFields; paused: boolean }> {
  const app = await db.app.findFirst({ where: { id: appId, teamId }, select: { id: true, name: true, runSettings: true, pausedReplicas: true } });
  if (!app) throw notFound("That app does not exist in this team.");
  const current = readRunSettings(app.runSettings);
  const next = change(current, app.pausedReplicas);
  const parsed = runSettingsSchema.safeParse({ ...current, ...next.settings });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw badInput(issue.message, issue.path.filter((part) => typeof part !== "symbol").join(".") || undefined);
  }
  const settings = parsed.data;
  await db.$transaction(async (tx) => {
    await tx.app.update({ where: { id: app.id }, data: { runSettings: settings as object, pausedReplicas: next.pausedReplicas } });
    await recordAuditEvent(tx, {
      actor, teamId, action,
      target: { type: "app", id: app.id, name: app.name },
      metadata: { from: { ...scalingFields(current), paused: app.pausedReplicas !== null }, to: { ...scalingFields(settings), paused: next.pausedReplicas !== null } } as object,
    });
  });
  const applied = await applyAppScaling(app.id);
  await publish("app", app.id);
  return { ...applied, scaling: scalingFields(settings), paused: next.pausedReplicas !== null };
}
