import "server-only";
import { db } from "@/server/db";
import { hashInvitationToken } from "@/server/invitations/invitation-token";

export type InvitationState = "pending" | "expired" | "accepted" | "revoked";

/** What the invitation page shows for a token: the team, the role, and whether it can still be accepted. */
export async function describeInvitation(token: string) {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: {
      email: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true,
      team: { select: { name: true, slug: true } },
      invitedBy: { select: { name: true, email: true } },
    },
  });
  if (!invitation) return null;
  const state: InvitationState = invitation.acceptedAt
    ? "accepted"
    : invitation.revokedAt
      ? "revoked"
      : invitation.expiresAt < new Date()
        ? "expired"
        : "pending";
  return {
    state,
    email: invitation.email,
    role: invitation.role,
    expiresAt: invitation.expiresAt,
    team: invitation.team,
    invitedBy: invitation.invitedBy?.name ?? invitation.invitedBy?.email ?? null,
  };
}
