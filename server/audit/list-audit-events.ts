import "server-only";
import { db } from "@/server/db";

export interface AuditFilter {
  actor?: string;
  action?: string;
  target?: string;
}

const PAGE_SIZE = 50;

/** A team's audit log, newest first, filtered by actor e-mail, action and target (substring matches). */
export async function listAuditEvents({ teamId, filter, cursor }: { teamId: string; filter: AuditFilter; cursor?: string }) {
  const contains = (value?: string) => (value ? { contains: value, mode: "insensitive" as const } : undefined);
  const events = await db.auditEvent.findMany({
    where: {
      teamId,
      actorEmail: contains(filter.actor),
      action: contains(filter.action),
      ...(filter.target ? { OR: [{ targetName: contains(filter.target) }, { targetType: contains(filter.target) }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAGE_SIZE + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    select: {
      id: true, action: true, actorEmail: true, targetType: true, targetId: true, targetName: true,
      ip: true, metadata: true, createdAt: true,
    },
  });
  const hasMore = events.length > PAGE_SIZE;
  const page = hasMore ? events.slice(0, PAGE_SIZE) : events;
  return { events: page, nextCursor: hasMore ? page[page.length - 1]?.id : undefined };
}
