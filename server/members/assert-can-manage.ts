import "server-only";
import type { Tx } from "@/server/db";
import { forbidden, preconditionFailed } from "@/server/errors";
import type { Role } from "@/server/roles";

/** Only owners may grant the owner role or change what an owner is. */
export function assertCanManage({ actorRole, targetRole, newRole }: { actorRole: Role; targetRole: Role; newRole?: Role }) {
  if (actorRole !== "OWNER" && (targetRole === "OWNER" || newRole === "OWNER")) {
    throw forbidden("Only an owner can change an owner's membership or make someone an owner.");
  }
}

/** A team always keeps at least one owner. */
export async function assertNotLastOwner(tx: Tx, { teamId, membershipRole, verb }: { teamId: string; membershipRole: Role; verb: string }) {
  if (membershipRole !== "OWNER") return;
  // Lock the owners' rows so two owners demoting each other at once cannot both succeed.
  const owners = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Membership" WHERE "teamId" = ${teamId} AND role = 'OWNER' FOR UPDATE`;
  if (owners.length <= 1) {
    throw preconditionFailed(`The last owner cannot ${verb}. Make another member an owner first, or delete the team.`);
  }
}
