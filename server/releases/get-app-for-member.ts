import "server-only";
import { db } from "@/server/db";

/** An app's id and team when the user is a member of that team (any role), else null. */
export function getAppForMember({ userId, appId }: { userId: string; appId: string }) {
  return db.app.findFirst({
    where: { id: appId, team: { memberships: { some: { userId } } } },
    select: { id: true, teamId: true, name: true, environmentId: true },
  });
}
