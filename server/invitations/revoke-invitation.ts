import "server-only";
import type { Actor } from "@/server/actor";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";
import { recordAuditEvent } from "@/server/audit/record-audit-event";

export async function revokeInvitation({ actor, teamId, invitationId }: { actor: Actor; teamId: string; invitationId: string }) {
  await db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({
      where: { id: invitationId, teamId, acceptedAt: null, revokedAt: null },
      select: { id: true, email: true },
    });
    if (!invitation) throw notFound("That invitation was already accepted or revoked.");
    await tx.invitation.update({ where: { id: invitation.id }, data: { revokedAt: new Date() } });
    await recordAuditEvent(tx, { actor, teamId, action: "invitation.revoke", target: { type: "invitation", id: invitation.id, name: invitation.email } });
  });
}
