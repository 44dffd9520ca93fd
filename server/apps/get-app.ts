import "server-only";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";

/** One app of the team, with where it lives. Scoped by team: another team's app id is "not found". */
export async function getApp({ teamId, appId }: { teamId: string; appId: string }) {
  const app = await db.app.findFirst({
    where: { id: appId, teamId },
    select: {
      id: true,
      name: true,
      createdAt: true,
      updatedAt: true,
      environment: { select: { id: true, name: true, project: { select: { id: true, name: true } } } },
    },
  });
  if (!app) throw notFound("That app does not exist in this team.");
  return app;
}
