import "server-only";
import type { Actor } from "@/server/actor";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { encryptSecret } from "@/server/crypto";
import { db } from "@/server/db";
import { checkRegistry } from "@/server/registries/check-registry";

/** Sets the team's registry after checking it answers; the password is stored encrypted. */
export async function saveTeamRegistry(input: { actor: Actor; teamId: string; url: string; username?: string; password?: string }) {
  const { actor, teamId, url } = input;
  const existing = await db.teamRegistry.findUnique({ where: { teamId } });
  // Keeping the stored password when the form leaves it empty, as long as the username is unchanged.
  const keepPassword = !input.password && existing?.passwordEncrypted && existing.username === (input.username || null);
  await checkRegistry({ url, username: input.username, password: input.password || undefined });
  await db.$transaction(async (tx) => {
    const data = {
      url,
      username: input.username || null,
      passwordEncrypted: input.password ? encryptSecret(input.password) : keepPassword ? existing!.passwordEncrypted : null,
    };
    await tx.teamRegistry.upsert({ where: { teamId }, create: { teamId, ...data }, update: data });
    await recordAuditEvent(tx, { actor, teamId, action: "registry.update", target: { type: "registry", name: url }, metadata: { username: data.username } });
  });
}
