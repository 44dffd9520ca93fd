import "server-only";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";
import { decryptSecrets, readRunSettings } from "@/server/releases/app-run-settings";

/**
 * The app's run settings for the settings page. Secret values only for those who may read
 * them (admins and owners); everyone else sees names and that a value is set.
 */
export async function getRunSettings({ teamId, appId, revealSecrets }: { teamId: string; appId: string; revealSecrets: boolean }) {
  const app = await db.app.findFirst({ where: { id: appId, teamId }, select: { runSettings: true, secretsEncrypted: true, autoDeploy: true, autoDeployPausedAt: true } });
  if (!app) throw notFound("That app does not exist in this team.");
  const settings = readRunSettings(app.runSettings);
  const values = revealSecrets ? decryptSecrets(app.secretsEncrypted) : null;
  return {
    settings,
    secrets: settings.secrets.map((name) => ({ name, value: values ? (values[name] ?? null) : null })),
    canReadSecrets: revealSecrets,
    autoDeploy: app.autoDeploy,
    autoDeployPausedAt: app.autoDeployPausedAt,
  };
}
