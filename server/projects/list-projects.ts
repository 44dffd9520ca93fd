import "server-only";
import { db } from "@/server/db";

/** A team's projects with their environments and apps: the team home page. */
export function listProjects(teamId: string) {
  return db.project.findMany({
    where: { teamId },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      createdAt: true,
      environments: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          name: true,
          apps: { orderBy: { name: "asc" }, select: { id: true, name: true, releases: { orderBy: { version: "desc" }, take: 1, select: { version: true, status: true } } } },
        },
      },
    },
  });
}
