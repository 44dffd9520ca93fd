import "server-only";
import { maxReplicasFromEnv, RESOURCE_PRESETS } from "@/server/apps/run-settings";
import { isClusterError, readReplicaCounts, type ReplicaCounts } from "@/server/cluster";
import { clusterForEnvironment } from "@/server/clusters/cluster-for-environment";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";
import { readRunSettings } from "@/server/releases/app-run-settings";
import { scalingFields } from "@/server/scaling/live-scaling";

/** The scaling page: the app's scaling settings, whether it is paused, and desired/ready from the cluster now. */
export async function getScaling({ teamId, appId }: { teamId: string; appId: string }) {
  const app = await db.app.findFirst({
    where: { id: appId, teamId },
    select: { id: true, name: true, runSettings: true, pausedReplicas: true, environmentId: true, environment: { select: { namespace: true } }, releases: { take: 1, select: { id: true } } },
  });
  if (!app) throw notFound("That app does not exist in this team.");
  const settings = readRunSettings(app.runSettings);
  let live: ReplicaCounts | null = null;
  let clusterError: string | null = null;
  if (app.environment.namespace && app.releases.length > 0) {
    try {
      live = await readReplicaCounts({ kubeconfig: await clusterForEnvironment(app.environmentId), namespace: app.environment.namespace, deploymentName: app.name, signal: AbortSignal.timeout(8_000) });
    } catch (error) {
      if (!isClusterError(error)) throw error;
      clusterError = error.message;
    }
  }
  return {
    scaling: scalingFields(settings),
    paused: app.pausedReplicas !== null,
    pausedReplicas: app.pausedReplicas,
    hasVolumes: settings.volumes.length > 0,
    deployed: app.releases.length > 0,
    maxReplicas: maxReplicasFromEnv(),
    presets: RESOURCE_PRESETS,
    live,
    clusterError,
  };
}
