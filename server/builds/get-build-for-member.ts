import "server-only";
import { db } from "@/server/db";

/** A build's id and team when the user is a member of that team (any role), else null. */
export function getBuildForMember({ userId, buildId }: { userId: string; buildId: string }) {
  return db.build.findFirst({
    where: { id: buildId, app: { team: { memberships: { some: { userId } } } } },
    select: { id: true, teamId: true },
  });
}
