import "server-only";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";

const SCALING_ACTIONS = ["app.scale", "app.pause", "app.resume", "app.autoscaling", "app.resources", "app.restart", "release.create", "release.rollback"];

/** Desired and ready replicas over the last `hours`, and the scaling events (from the audit log) to mark on the chart. */
export async function getScalingHistory({ teamId, appId, hours }: { teamId: string; appId: string; hours: number }) {
  const app = await db.app.findFirst({ where: { id: appId, teamId }, select: { id: true } });
  if (!app) throw notFound("That app does not exist in this team.");
  const since = new Date(Date.now() - hours * 3600_000);
  const [samples, events] = await Promise.all([
    db.replicaSample.findMany({ where: { appId, at: { gte: since } }, orderBy: { at: "asc" }, select: { at: true, desired: true, ready: true }, take: 5_000 }),
    db.auditEvent.findMany({
      where: { teamId, targetId: appId, action: { in: SCALING_ACTIONS }, createdAt: { gte: since } },
      orderBy: { createdAt: "asc" },
      select: { action: true, createdAt: true, actorEmail: true, metadata: true },
      take: 500,
    }),
  ]);
  return {
    since,
    samples: samples.map((sample) => ({ at: sample.at.toISOString(), desired: sample.desired, ready: sample.ready })),
    events: events.map((event) => ({ at: event.createdAt.toISOString(), action: event.action, actor: event.actorEmail, label: describe(event.action, event.metadata) })),
  };
}

function describe(action: string, metadata: unknown): string {
  const to = (metadata as { to?: { replicas?: number; autoscaling?: { enabled?: boolean; min?: number; max?: number }; resources?: { preset?: string } } } | null)?.to;
  switch (action) {
    case "app.scale":
      return `Scaled to ${to?.replicas ?? "?"}`;
    case "app.pause":
      return "Paused";
    case "app.resume":
      return `Resumed at ${to?.replicas ?? "?"}`;
    case "app.autoscaling":
      return to?.autoscaling?.enabled ? `Autoscaling ${to.autoscaling.min}–${to.autoscaling.max}` : "Autoscaling off";
    case "app.resources":
      return `Resources: ${to?.resources?.preset ?? "custom"}`;
    case "app.restart":
      return "Restarted";
    case "release.rollback":
      return `Rollback (v${(metadata as { version?: number } | null)?.version ?? "?"})`;
    default:
      return `Release v${(metadata as { version?: number } | null)?.version ?? "?"}`;
  }
}
