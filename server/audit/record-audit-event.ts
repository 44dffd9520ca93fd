import "server-only";
import type { Prisma, Tx } from "@/server/db";
import type { Actor } from "@/server/actor";

export interface AuditTarget {
  type: string;
  id?: string | null;
  name: string;
}

/**
 * Records one mutation in the team's audit log, inside the caller's transaction so the event
 * exists exactly when the change does.
 */
export async function recordAuditEvent(
  tx: Tx,
  event: { actor: Actor; teamId: string; action: string; target: AuditTarget; metadata?: Prisma.InputJsonValue },
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      teamId: event.teamId,
      actorId: event.actor.userId,
      actorEmail: event.actor.email,
      action: event.action,
      targetType: event.target.type,
      targetId: event.target.id ?? null,
      targetName: event.target.name,
      ip: event.actor.ip,
      metadata: event.metadata,
    },
  });
}
