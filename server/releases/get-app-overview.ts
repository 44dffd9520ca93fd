import "server-only";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";
import type { TimelineEntry } from "@/server/releases/run-deploy-job";

/**
 * What the app page answers at a glance: which release runs, what is being rolled out and how
 * far it got, the last build, and whether auto-deploy is on or paused.
 */
export async function getAppOverview({ teamId, appId }: { teamId: string; appId: string }) {
  const app = await db.app.findFirst({
    where: { id: appId, teamId },
    select: {
      id: true, autoDeploy: true, autoDeployPausedAt: true, runSettings: true,
      environment: { select: { namespace: true } },
      releases: {
        orderBy: { version: "desc" },
        take: 1,
        select: { id: true, version: true, status: true, statusMessage: true, description: true, imageReference: true, timeline: true, createdAt: true, createdByEmail: true, finishedAt: true },
      },
      builds: { orderBy: { number: "desc" }, take: 1, select: { id: true, number: true, status: true, commitSha: true, commitMessage: true, finishedAt: true } },
    },
  });
  if (!app) throw notFound("That app does not exist in this team.");
  const live = await db.release.findFirst({
    where: { appId, status: "AVAILABLE" },
    orderBy: { version: "desc" },
    select: { id: true, version: true, imageReference: true, description: true, finishedAt: true, settings: true },
  });
  const latest = app.releases[0];
  const domains = ((live?.settings as { domains?: { host: string; tls: unknown }[] } | null)?.domains ?? []).map((domain) => `${domain.tls ? "https" : "http"}://${domain.host}`);
  return {
    live: live ? { id: live.id, version: live.version, imageReference: live.imageReference, description: live.description, finishedAt: live.finishedAt } : null,
    latest: latest ? { ...latest, timeline: latest.timeline as unknown as TimelineEntry[] } : null,
    lastBuild: app.builds[0] ?? null,
    autoDeploy: app.autoDeploy,
    autoDeployPausedAt: app.autoDeployPausedAt,
    namespace: app.environment.namespace,
    urls: domains,
  };
}
