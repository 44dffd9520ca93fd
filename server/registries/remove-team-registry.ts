import "server-only";
import type { Actor } from "@/server/actor";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { db } from "@/server/db";

export async function removeTeamRegistry({ actor, teamId }: { actor: Actor; teamId: string }) {
  await db.$transaction(async (tx) => {
    const removed = await tx.teamRegistry.deleteMany({ where: { teamId } });
    if (removed.count > 0) await recordAuditEvent(tx, { actor, teamId, action: "registry.remove", target: { type: "registry", name: "team registry" } });
  });
}
