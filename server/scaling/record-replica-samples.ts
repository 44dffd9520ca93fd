import "server-only";
import { isClusterError, readReplicaCounts } from "@/server/cluster";
import { clusterForEnvironment } from "@/server/clusters/cluster-for-environment";
import { db } from "@/server/db";

export const SAMPLE_INTERVAL_MS = 30_000;
const KEEP_HOURS = 48;

/**
 * One sample of desired and ready replicas for every deployed app, for the scaling chart; and
 * samples older than two days go. Run by every worker every half minute: an app sampled less
 * than 20 s ago is skipped, so several workers mostly share the work (a rare duplicate sample
 * only draws the same point twice).
 */
export async function recordReplicaSamples(): Promise<number> {
  const recent = new Date(Date.now() - 20_000);
  const apps = await db.app.findMany({
    where: { environment: { namespace: { not: null } }, releases: { some: { status: { in: ["AVAILABLE", "DEPLOYING", "FAILED"] } } }, replicaSamples: { none: { at: { gte: recent } } } },
    select: { id: true, name: true, environmentId: true, environment: { select: { namespace: true } } },
    take: 500,
  });
  let recorded = 0;
  for (const app of apps) {
    try {
      const counts = await readReplicaCounts({ kubeconfig: await clusterForEnvironment(app.environmentId), namespace: app.environment.namespace!, deploymentName: app.name, signal: AbortSignal.timeout(5_000) });
      await db.replicaSample.create({ data: { appId: app.id, desired: counts?.desired ?? 0, ready: counts?.ready ?? 0 } });
      recorded += 1;
    } catch (error) {
      // One unreachable cluster must not stop the others' samples; a gap in the chart says enough.
      if (!isClusterError(error)) throw error;
    }
  }
  await db.replicaSample.deleteMany({ where: { at: { lt: new Date(Date.now() - KEEP_HOURS * 3600_000) } } });
  return recorded;
}
