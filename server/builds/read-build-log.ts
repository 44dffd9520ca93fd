import "server-only";
import { db } from "@/server/db";

/** Log lines after `afterSeq`, in order: what a (re)connecting viewer has not seen yet. */
export function readBuildLog({ buildId, afterSeq, limit = 2000 }: { buildId: string; afterSeq: number; limit?: number }) {
  return db.buildLogLine.findMany({
    where: { buildId, seq: { gt: afterSeq } },
    orderBy: { seq: "asc" },
    take: limit,
    select: { seq: true, stream: true, text: true },
  });
}
