import "server-only";
import type { Actor } from "@/server/actor";
import { db } from "@/server/db";
import { conflict, isUniqueViolation } from "@/server/errors";
import { recordAuditEvent } from "@/server/audit/record-audit-event";

/** Changes a team's display name and, optionally, its URL. */
export async function renameTeam({ actor, teamId, name, slug }: { actor: Actor; teamId: string; name: string; slug?: string }) {
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.team.findUniqueOrThrow({ where: { id: teamId }, select: { name: true, slug: true } });
      const team = await tx.team.update({ where: { id: teamId }, data: { name, slug }, select: { id: true, slug: true, name: true } });
      await recordAuditEvent(tx, {
        actor,
        teamId,
        action: "team.rename",
        target: { type: "team", id: teamId, name },
        metadata: { from: before, to: { name: team.name, slug: team.slug } },
      });
      return team;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`The team URL "${slug}" is taken; choose another.`, "slug");
    throw error;
  }
}
