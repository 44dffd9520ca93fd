import "server-only";
import type { ClusterConfig } from "@/server/cluster";
import { clusterForEnvironment } from "@/server/clusters/cluster-for-environment";
import { db } from "@/server/db";

export interface AppLogTarget {
  appId: string;
  appName: string;
  teamId: string;
  /** Null until the app's first deploy fixed its namespace. */
  namespace: string | null;
  kubeconfig: () => Promise<ClusterConfig>;
}

/**
 * The app whose logs, pods and events a user may read: any member of its team (viewers
 * included). Null for an app that does not exist or belongs to a team the user is not in; the
 * routes answer both with the same 404.
 */
export async function findAppForReader({ userId, appId }: { userId: string; appId: string }): Promise<AppLogTarget | null> {
  const app = await db.app.findFirst({
    where: { id: appId, team: { memberships: { some: { userId } } } },
    select: { id: true, name: true, teamId: true, environmentId: true, environment: { select: { namespace: true } } },
  });
  if (!app) return null;
  return {
    appId: app.id,
    appName: app.name,
    teamId: app.teamId,
    namespace: app.environment.namespace,
    kubeconfig: () => clusterForEnvironment(app.environmentId),
  };
}
