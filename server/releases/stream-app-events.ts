import "server-only";
import { isClusterError, readDeploymentState } from "@/server/cluster";
import { clusterForEnvironment } from "@/server/clusters/cluster-for-environment";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";
import { waitForEvent } from "@/server/events/pg-events";
import { getAppOverview } from "@/server/releases/get-app-overview";

// While something rolls out, the cluster is read often; otherwise a glance every few seconds keeps "ready" honest.
const ACTIVE_MS = 1_000;
const IDLE_MS = 5_000;

export interface AppLiveState {
  overview: Awaited<ReturnType<typeof getAppOverview>>;
  replicas: { desired: number; updated: number; ready: number; available: number } | null;
  clusterError: string | null;
}

/** Releases and their rollout (from the database) with the Deployment's replicas (from the cluster), now. */
export async function readAppLiveState({ teamId, appId, signal }: { teamId: string; appId: string; signal?: AbortSignal }): Promise<AppLiveState> {
  const app = await db.app.findFirst({ where: { id: appId, teamId }, select: { name: true, environmentId: true } });
  if (!app) throw notFound("That app does not exist in this team.");
  const overview = await getAppOverview({ teamId, appId });
  let replicas: AppLiveState["replicas"] = null;
  let clusterError: string | null = null;
  if (overview.namespace && overview.latest) {
    try {
      const state = await readDeploymentState({
        kubeconfig: await clusterForEnvironment(app.environmentId),
        namespace: overview.namespace,
        deploymentName: app.name,
        signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(5_000)]) : AbortSignal.timeout(5_000),
      });
      if (state) replicas = { desired: state.desired, updated: state.updated, ready: state.ready, available: state.available };
    } catch (error) {
      if (!isClusterError(error)) throw error;
      clusterError = error.message;
    }
  }
  return { overview, replicas, clusterError };
}

/**
 * The app page's live state, yielded whenever it changes: woken by the worker's notifications,
 * and re-reading the cluster often while a rollout or a scale settles.
 */
export async function* streamAppEvents({ teamId, appId, signal }: { teamId: string; appId: string; signal: AbortSignal }): AsyncGenerator<AppLiveState> {
  let last = "";
  while (!signal.aborted) {
    const state = await readAppLiveState({ teamId, appId, signal });
    if (signal.aborted) return;
    const serialized = JSON.stringify(state);
    if (serialized !== last) {
      last = serialized;
      yield state;
    }
    const { overview, replicas } = state;
    const rolling = overview.latest && ["PENDING", "DEPLOYING", "WAITING"].includes(overview.latest.status);
    const settling = replicas && (replicas.ready !== replicas.desired || replicas.updated !== replicas.desired);
    await waitForEvent("app", appId, rolling || settling ? ACTIVE_MS : IDLE_MS, signal);
  }
}
