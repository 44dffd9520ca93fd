import "server-only";
import type { Actor } from "@/server/actor";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";
import type { Role } from "@/server/roles";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { assertCanManage, assertNotLastOwner } from "@/server/members/assert-can-manage";

export async function changeMemberRole(input: { actor: Actor; actorRole: Role; teamId: string; membershipId: string; role: Role }) {
  const { actor, teamId, membershipId, role } = input;
  return db.$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({
      where: { id: membershipId, teamId },
      select: { id: true, role: true, user: { select: { email: true } } },
    });
    if (!membership) throw notFound("That member is not in this team.");
    assertCanManage({ actorRole: input.actorRole, targetRole: membership.role, newRole: role });
    if (role !== "OWNER") await assertNotLastOwner(tx, { teamId, membershipRole: membership.role, verb: "be demoted" });

    await tx.membership.update({ where: { id: membership.id }, data: { role } });
    await recordAuditEvent(tx, {
      actor,
      teamId,
      action: "member.change_role",
      target: { type: "member", id: membership.id, name: membership.user.email },
      metadata: { from: membership.role, to: role },
    });
  });
}
