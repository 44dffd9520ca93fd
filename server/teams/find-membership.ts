import "server-only";
import { db } from "@/server/db";

/** The caller's membership in the team with this slug, or null: the one query behind team-scoped authorization. */
export function findMembership({ userId, teamSlug }: { userId: string; teamSlug: string }) {
  return db.membership.findFirst({
    where: { userId, team: { slug: teamSlug } },
    select: { role: true, team: { select: { id: true, slug: true, name: true } } },
  });
}
