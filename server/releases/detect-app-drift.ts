import "server-only";
import { detectDrift, isClusterError, renderReleaseManifests } from "@/server/cluster";
import { clusterForEnvironment } from "@/server/clusters/cluster-for-environment";
import { db } from "@/server/db";
import { appPlacement, manifestInput } from "@/server/releases/release-manifest-input";
import { withLiveScaling } from "@/server/scaling/with-live-scaling";

/**
 * Changes made to the app's objects outside Slipway (kubectl scale, kubectl set env…),
 * compared with the release that is live. Empty when the cluster matches.
 */
export async function detectAppDrift({ teamId, appId }: { teamId: string; appId: string }) {
  const live = await db.release.findFirst({ where: { appId, teamId, status: "AVAILABLE" }, orderBy: { version: "desc" } });
  if (!live) return { version: null, items: [], error: null };
  const placement = await appPlacement(appId);
  try {
    const items = await detectDrift({
      kubeconfig: await clusterForEnvironment(placement.environmentId),
      namespace: placement.namespace,
      // With the app's current scaling, as every apply has it: scaling is not drift.
      rendered: renderReleaseManifests(await withLiveScaling(appId, manifestInput(placement, live))),
      signal: AbortSignal.timeout(15_000),
    });
    return { version: live.version, items: items.map((item) => ({ kind: item.kind, name: item.name, field: item.field, message: item.message })), error: null };
  } catch (error) {
    if (!isClusterError(error)) throw error;
    return { version: live.version, items: [], error: error.message };
  }
}
