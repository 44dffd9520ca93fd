import "server-only";
import type { Actor } from "@/server/actor";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";
import type { Role } from "@/server/roles";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { assertCanManage, assertNotLastOwner } from "@/server/members/assert-can-manage";

/** Removes a member; with `membershipId` omitted, the actor leaves the team. */
export async function removeMember(input: { actor: Actor; actorRole: Role; teamId: string; membershipId?: string }) {
  const { actor, teamId } = input;
  const leaving = input.membershipId === undefined;
  return db.$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({
      where: leaving ? { teamId, userId: actor.userId } : { id: input.membershipId, teamId },
      select: { id: true, role: true, userId: true, user: { select: { email: true } } },
    });
    if (!membership) throw notFound("That member is not in this team.");
    if (!leaving) assertCanManage({ actorRole: input.actorRole, targetRole: membership.role });
    await assertNotLastOwner(tx, { teamId, membershipRole: membership.role, verb: leaving ? "leave the team" : "be removed" });

    await tx.membership.delete({ where: { id: membership.id } });
    await recordAuditEvent(tx, {
      actor,
      teamId,
      action: leaving ? "member.leave" : "member.remove",
      target: { type: "member", id: membership.id, name: membership.user.email },
      metadata: { role: membership.role },
    });
  });
}
