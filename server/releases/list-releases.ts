import "server-only";
import { db } from "@/server/db";

/** Every release of an app, newest first: the releases page. */
export function listReleases({ teamId, appId }: { teamId: string; appId: string }) {
  return db.release.findMany({
    where: { teamId, appId },
    orderBy: { version: "desc" },
    select: {
      id: true, version: true, status: true, statusMessage: true, reason: true, description: true, imageReference: true,
      commitSha: true, rollbackOfVersion: true, createdByEmail: true, createdAt: true, finishedAt: true,
    },
  });
}
