import "server-only";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { decryptSecret } from "@/server/crypto";
import { notFound } from "@/server/errors";
import { ensureAppSource } from "@/server/sources/ensure-app-source";

/**
 * What the settings page shows about an app's repository. Credentials never leave the server;
 * the webhook secret only for those who may read secrets (admins and owners).
 */
export async function getAppSource({ teamId, appId, revealSecrets }: { teamId: string; appId: string; revealSecrets: boolean }) {
  const app = await db.app.findFirst({ where: { id: appId, teamId }, select: { id: true, buildSettings: true } });
  if (!app) throw notFound("That app does not exist in this team.");
  const source = await db.$transaction((tx) => ensureAppSource(tx, app.id));
  return {
    url: source.url,
    branch: source.branch,
    authKind: source.authKind,
    tokenUsername: source.tokenUsername,
    hasToken: Boolean(source.tokenEncrypted),
    deployKey: source.deployKeyPublic ? { publicKey: source.deployKeyPublic, fingerprint: source.deployKeyFingerprint } : null,
    webhook: {
      url: `${env().SLIPWAY_URL}/api/webhooks/${app.id}`,
      secret: revealSecrets ? decryptSecret(source.webhookSecretEncrypted) : null,
    },
    buildSettings: app.buildSettings,
  };
}
