import "server-only";
import { db } from "@/server/db";

/** An app's builds, newest first, for the builds page. */
export function listBuilds({ teamId, appId, take = 50 }: { teamId: string; appId: string; take?: number }) {
  return db.build.findMany({
    where: { teamId, appId },
    orderBy: { number: "desc" },
    take,
    select: {
      id: true, number: true, status: true, trigger: true, branch: true, commitSha: true, commitAuthor: true, commitMessage: true,
      imageDigest: true, errorMessage: true, queuedAt: true, startedAt: true, finishedAt: true,
    },
  });
}
