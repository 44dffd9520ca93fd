import "server-only";
import { db } from "@/server/db";

/** The team's clusters, with the environments that deploy to each. */
export function listClusters(teamId: string) {
  return db.cluster.findMany({
    where: { teamId },
    orderBy: { name: "asc" },
    select: {
      id: true, name: true, server: true, serverVersion: true, checkedAt: true,
      environments: { select: { id: true, name: true, project: { select: { name: true } } } },
    },
  });
}
