import "server-only";
import { db } from "@/server/db";
import { env } from "@/server/env";

/** The team's registry as the settings page shows it: never the password. */
export async function getTeamRegistry(teamId: string) {
  const registry = await db.teamRegistry.findUnique({ where: { teamId }, select: { url: true, username: true, passwordEncrypted: true, updatedAt: true } });
  return {
    own: registry ? { url: registry.url, username: registry.username, hasPassword: Boolean(registry.passwordEncrypted), updatedAt: registry.updatedAt } : null,
    serverDefault: env().SLIPWAY_REGISTRY ?? null,
  };
}
