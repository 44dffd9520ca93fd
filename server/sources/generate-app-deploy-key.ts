import "server-only";
import type { Actor } from "@/server/actor";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { generateDeployKey } from "@/server/build/deploy-key";
import { encryptSecret } from "@/server/crypto";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";
import { ensureAppSource } from "@/server/sources/ensure-app-source";

/** Creates (or replaces) the app's SSH deploy key; only the public half is ever shown. */
export async function generateAppDeployKey({ actor, teamId, appId }: { actor: Actor; teamId: string; appId: string }) {
  const app = await db.app.findFirst({ where: { id: appId, teamId }, select: { id: true, name: true } });
  if (!app) throw notFound("That app does not exist in this team.");
  const key = await generateDeployKey(app.name);
  await db.$transaction(async (tx) => {
    await ensureAppSource(tx, app.id);
    await tx.appSource.update({
      where: { appId: app.id },
      data: { deployKeyPublic: key.publicKey, deployKeyFingerprint: key.fingerprint, deployKeyPrivateEncrypted: encryptSecret(key.privateKey) },
    });
    await recordAuditEvent(tx, { actor, teamId, action: "app.deploy_key.generate", target: { type: "app", id: app.id, name: app.name }, metadata: { fingerprint: key.fingerprint } });
  });
  return { publicKey: key.publicKey, fingerprint: key.fingerprint };
}
