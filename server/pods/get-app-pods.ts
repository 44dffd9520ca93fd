import "server-only";
import { isClusterError, listAppEvents, listAppPods, type AppEvent, type PodSummary } from "@/server/cluster";
import { clusterForEnvironment } from "@/server/clusters/cluster-for-environment";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";

/** The pods page: the app's pods as the cluster has them now, and the Kubernetes events of its objects, newest first. */
export async function getAppPods({ teamId, appId }: { teamId: string; appId: string }): Promise<{ pods: PodSummary[]; events: AppEvent[]; deployed: boolean; clusterError: string | null }> {
  const app = await db.app.findFirst({ where: { id: appId, teamId }, select: { id: true, name: true, environmentId: true, environment: { select: { namespace: true } } } });
  if (!app) throw notFound("That app does not exist in this team.");
  const namespace = app.environment.namespace;
  if (!namespace) return { pods: [], events: [], deployed: false, clusterError: null };
  try {
    const kubeconfig = await clusterForEnvironment(app.environmentId);
    const signal = AbortSignal.timeout(10_000);
    const [{ pods }, events] = await Promise.all([
      listAppPods({ kubeconfig, namespace, appId, signal }),
      listAppEvents({ kubeconfig, namespace, appId, appName: app.name, signal }),
    ]);
    return { pods, events, deployed: true, clusterError: null };
  } catch (error) {
    if (!isClusterError(error)) throw error;
    return { pods: [], events: [], deployed: true, clusterError: error.message };
  }
}
