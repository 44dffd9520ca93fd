import "server-only";
import { db } from "@/server/db";

/** Pending invitations of a team (not accepted, not revoked), newest first. */
export function listInvitations(teamId: string) {
  return db.invitation.findMany({
    where: { teamId, acceptedAt: null, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, role: true, expiresAt: true, createdAt: true, invitedBy: { select: { email: true } } },
  });
}
