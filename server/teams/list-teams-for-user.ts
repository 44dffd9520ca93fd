import "server-only";
import { db } from "@/server/db";

/** The teams a user belongs to, with their role in each, for the team switcher. */
export async function listTeamsForUser(userId: string) {
  const memberships = await db.membership.findMany({
    where: { userId },
    orderBy: { team: { name: "asc" } },
    select: { role: true, team: { select: { id: true, slug: true, name: true } } },
  });
  return memberships.map(({ role, team }) => ({ ...team, role }));
}
