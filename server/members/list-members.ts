import "server-only";
import { db } from "@/server/db";

export async function listMembers(teamId: string) {
  const members = await db.membership.findMany({
    where: { teamId },
    orderBy: [{ createdAt: "asc" }],
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } },
  });
  return members.map(({ user, ...membership }) => ({ ...membership, userId: user.id, email: user.email, name: user.name }));
}
