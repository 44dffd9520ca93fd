import "server-only";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";

/** One project by name within a team: environments × apps. */
export async function getProject({ teamId, name }: { teamId: string; name: string }) {
  const project = await db.project.findFirst({
    where: { teamId, name },
    select: {
      id: true,
      name: true,
      createdAt: true,
      environments: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          name: true,
          clusterId: true,
          namespace: true,
          apps: {
            orderBy: { name: "asc" },
            select: { id: true, name: true, createdAt: true, releases: { orderBy: { version: "desc" }, take: 1, select: { version: true, status: true } } },
          },
        },
      },
    },
  });
  if (!project) throw notFound(`There is no project named "${name}" in this team.`);
  return project;
}
