import "server-only";
import type { Actor } from "@/server/actor";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { conflict } from "@/server/errors";
import { sendMail } from "@/server/mail";
import { roleLabel, type Role } from "@/server/roles";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { assertCanManage } from "@/server/members/assert-can-manage";
import { newInvitationToken } from "@/server/invitations/invitation-token";

const VALID_DAYS = 7;

/**
 * Invites someone by e-mail. Returns the link (the only time the token exists in clear) so the
 * inviter can share it; it is also mailed when SMTP is configured.
 */
export async function createInvitation(input: { actor: Actor; actorRole: Role; teamId: string; email: string; role: Role }) {
  const { actor, teamId, email, role } = input;
  assertCanManage({ actorRole: input.actorRole, targetRole: role, newRole: role });

  const { token, tokenHash } = newInvitationToken();
  const invitation = await db.$transaction(async (tx) => {
    const member = await tx.membership.findFirst({ where: { teamId, user: { email } }, select: { id: true } });
    if (member) throw conflict(`${email} is already a member of this team.`, "email");
    // A new invitation replaces any pending one for the same address.
    await tx.invitation.updateMany({
      where: { teamId, email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const created = await tx.invitation.create({
      data: { teamId, email, role, tokenHash, invitedById: actor.userId, expiresAt: new Date(Date.now() + VALID_DAYS * 86_400_000) },
      select: { id: true, email: true, role: true, expiresAt: true, team: { select: { name: true } } },
    });
    await recordAuditEvent(tx, {
      actor,
      teamId,
      action: "invitation.create",
      target: { type: "invitation", id: created.id, name: email },
      metadata: { role },
    });
    return created;
  });

  const url = `${env().SLIPWAY_URL}/invite/${token}`;
  const mailed = await sendMail({
    to: email,
    subject: `You are invited to ${invitation.team.name} on Slipway`,
    text: `${actor.email} invited you to join ${invitation.team.name} as ${roleLabel(role).toLowerCase()}.\n\nAccept within ${VALID_DAYS} days: ${url}\n`,
  }).catch(() => false);

  return { id: invitation.id, email, role, expiresAt: invitation.expiresAt, url, mailed };
}
