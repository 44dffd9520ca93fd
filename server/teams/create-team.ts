import "server-only";
import type { Actor } from "@/server/actor";
import { db } from "@/server/db";
import { conflict, isUniqueViolation } from "@/server/errors";
import { recordAuditEvent } from "@/server/audit/record-audit-event";

/** Creates a team; its creator becomes the owner. */
export async function createTeam({ actor, name, slug }: { actor: Actor; name: string; slug: string }) {
  try {
    return await db.$transaction(async (tx) => {
      const team = await tx.team.create({
        data: { name, slug, memberships: { create: { userId: actor.userId, role: "OWNER" } } },
        select: { id: true, slug: true, name: true },
      });
      await recordAuditEvent(tx, { actor, teamId: team.id, action: "team.create", target: { type: "team", id: team.id, name } });
      return team;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`The team URL "${slug}" is taken; choose another.`, "slug");
    throw error;
  }
}
