import "server-only";
import type { Actor } from "@/server/actor";
import { db } from "@/server/db";
import { AppError, forbidden, notFound, preconditionFailed } from "@/server/errors";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { hashInvitationToken } from "@/server/invitations/invitation-token";

/** The signed-in user joins the team with the invited role. Each link works once, before it expires. */
export async function acceptInvitation({ actor, token }: { actor: Actor; token: string }) {
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({
      where: { tokenHash: hashInvitationToken(token) },
      select: { id: true, teamId: true, email: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true, team: { select: { slug: true } } },
    });
    if (!invitation) throw notFound("This invitation link is not valid. Ask a team admin for a new one.");
    if (invitation.acceptedAt) throw preconditionFailed("This invitation has already been used. Ask a team admin for a new one if you still need access.");
    if (invitation.revokedAt) throw preconditionFailed("This invitation was revoked. Ask a team admin for a new one.");
    if (invitation.expiresAt < new Date()) throw preconditionFailed("This invitation has expired. Ask a team admin for a new one.");
    if (invitation.email !== actor.email) {
      throw forbidden(`This invitation is for ${invitation.email}, but you are signed in as ${actor.email}. Sign in with the invited address.`);
    }

    const existing = await tx.membership.findUnique({ where: { teamId_userId: { teamId: invitation.teamId, userId: actor.userId } } });
    if (existing) throw new AppError("CONFLICT", "You are already a member of this team.");

    // Claim the invitation first: a concurrent second accept finds it used.
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null },
      data: { acceptedAt: new Date(), acceptedById: actor.userId },
    });
    if (claimed.count === 0) throw preconditionFailed("This invitation has already been used.");
    await tx.membership.create({ data: { teamId: invitation.teamId, userId: actor.userId, role: invitation.role } });
    await recordAuditEvent(tx, {
      actor,
      teamId: invitation.teamId,
      action: "invitation.accept",
      target: { type: "member", id: actor.userId, name: actor.email },
      metadata: { role: invitation.role },
    });
    return { teamSlug: invitation.team.slug, role: invitation.role };
  });
}
