import "server-only";
import type { Actor } from "@/server/actor";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { isClusterError, restartDeployment } from "@/server/cluster";
import { clusterForEnvironment } from "@/server/clusters/cluster-for-environment";
import { db } from "@/server/db";
import { AppError, notFound, preconditionFailed } from "@/server/errors";
import { publish } from "@/server/events/pg-events";

/** A rolling restart of the app's pods (new pods first, then the old ones go), without a release. */
export async function restartApp({ teamId, appId, actor }: { teamId: string; appId: string; actor: Actor }) {
  const app = await db.app.findFirst({ where: { id: appId, teamId }, select: { id: true, name: true, environmentId: true, pausedReplicas: true, environment: { select: { namespace: true } } } });
  if (!app) throw notFound("That app does not exist in this team.");
  if (!app.environment.namespace) throw preconditionFailed("The app has not been deployed yet: there is nothing to restart.");
  if (app.pausedReplicas !== null) throw preconditionFailed("The app is paused: resume it instead.");
  let restartedAt: string;
  try {
    ({ restartedAt } = await restartDeployment({ kubeconfig: await clusterForEnvironment(app.environmentId), namespace: app.environment.namespace, deploymentName: app.name, signal: AbortSignal.timeout(15_000) }));
  } catch (error) {
    if (isClusterError(error, "not_found")) throw preconditionFailed("The app is not on the cluster right now: deploy it first.");
    if (isClusterError(error)) throw new AppError("UNAVAILABLE", `The cluster did not take the restart: ${error.message}`);
    throw error;
  }
  await db.$transaction((tx) => recordAuditEvent(tx, { actor, teamId, action: "app.restart", target: { type: "app", id: app.id, name: app.name }, metadata: { restartedAt } }));
  await publish("app", app.id);
  return { restartedAt };
}
