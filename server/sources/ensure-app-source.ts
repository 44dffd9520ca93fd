import "server-only";
import { randomBytes } from "node:crypto";
import type { Tx } from "@/server/db";
import { encryptSecret } from "@/server/crypto";

/** An app's source row, created on first use with its webhook secret. */
export async function ensureAppSource(tx: Tx, appId: string) {
  const existing = await tx.appSource.findUnique({ where: { appId } });
  if (existing) return existing;
  return tx.appSource.create({ data: { appId, webhookSecretEncrypted: encryptSecret(randomBytes(24).toString("base64url")) } });
}
