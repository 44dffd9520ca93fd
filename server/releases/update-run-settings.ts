import "server-only";
import type { Actor } from "@/server/actor";
import type { RunSettings } from "@/server/apps/run-settings";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { db } from "@/server/db";
import { badInput, notFound } from "@/server/errors";
import { decryptSecrets, encryptSecrets, readRunSettings } from "@/server/releases/app-run-settings";
import { createRelease } from "@/server/releases/create-release";
import { changedSecretNames, settingsChanges } from "@/server/releases/settings-diff";
import { withScalingOf } from "@/server/scaling/live-scaling";

export interface RunSettingsUpdate {
  teamId: string;
  appId: string;
  actor: Actor;
  /** Validated by runSettingsSchema. */
  settings: RunSettings;
  /** New secret values by name; names in settings.secrets without one keep their stored value. */
  secretValues: Record<string, string>;
  /** Release the change at once, with the current image. */
  deploy: boolean;
}

/**
 * Saves an app's run settings. With `deploy`, the change goes out as a new release with the
 * image that runs now, like Heroku's config changes.
 */
export async function updateRunSettings({ teamId, appId, actor, settings: submitted, secretValues, deploy }: RunSettingsUpdate) {
  const app = await db.app.findFirst({ where: { id: appId, teamId }, select: { id: true, name: true, runSettings: true, secretsEncrypted: true } });
  if (!app) throw notFound("That app does not exist in this team.");
  // Scaling (replicas, autoscaling, size) belongs to the scaling page: a settings form opened
  // before a scale must not undo it.
  const settings = app.runSettings ? withScalingOf(submitted, readRunSettings(app.runSettings)) : submitted;

  const stored = decryptSecrets(app.secretsEncrypted);
  const values: Record<string, string> = {};
  for (const name of settings.secrets) {
    const value = secretValues[name] ?? stored[name];
    if (value === undefined) throw badInput(`Enter a value for the secret ${name}.`, `secrets.${name}`);
    values[name] = value;
  }
  // Changes are described against what runs (the newest release), else against what was saved.
  const current = await db.release.findFirst({ where: { appId, teamId }, orderBy: { version: "desc" } });
  const before = current ? readRunSettings(current.settings) : app.runSettings ? readRunSettings(app.runSettings) : null;
  const changes = settingsChanges(before, settings, changedSecretNames(current ? decryptSecrets(current.secretsEncrypted) : stored, values));
  const secretsEncrypted = encryptSecrets(values);

  await db.$transaction(async (tx) => {
    await tx.app.update({ where: { id: app.id }, data: { runSettings: settings as object, secretsEncrypted } });
    await recordAuditEvent(tx, { actor, teamId, action: "app.settings.update", target: { type: "app", id: app.id, name: app.name }, metadata: { changes } });
  });

  if (!deploy || !current) return { release: null, changes };
  const release = await createRelease({
    teamId, appId,
    imageReference: current.imageReference, imageUser: current.imageUser, buildId: current.buildId, commitSha: current.commitSha,
    settings, secretsEncrypted, reason: "settings",
    description: `Settings: ${changes.slice(0, 4).join(", ")}${changes.length > 4 ? ` and ${changes.length - 4} more` : ""}`,
    actor,
  });
  return { release, changes };
}
