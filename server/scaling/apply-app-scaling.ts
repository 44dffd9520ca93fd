import "server-only";
import { applyRelease, isClusterError, readDeploymentState } from "@/server/cluster";
import { clusterForEnvironment } from "@/server/clusters/cluster-for-environment";
import { db } from "@/server/db";
import { appPlacement, manifestInput } from "@/server/releases/release-manifest-input";
import { withApplyLock } from "@/server/scaling/with-apply-lock";
import { withLiveScaling } from "@/server/scaling/with-live-scaling";

export type ScalingApplied = { applied: true } | { applied: false; reason: string };

/**
 * Puts the app's current scaling on the cluster at once: the release the cluster runs (the one
 * its Deployment's pod template names; the live release when that cannot be read) is applied
 * again with the app's replicas, autoscaling and resources. No new release, no rollout unless
 * the resources changed.
 */
export async function applyAppScaling(appId: string): Promise<ScalingApplied> {
  const live = await db.release.findFirst({ where: { appId, status: { in: ["AVAILABLE", "DEPLOYING", "FAILED"] } }, orderBy: { version: "desc" }, select: { id: true } });
  if (!live) return { applied: false, reason: "The app has not been deployed yet; its next deploy uses these settings." };
  try {
    return await withApplyLock(appId, async () => {
      const placement = await appPlacement(appId);
      const kubeconfig = await clusterForEnvironment(placement.environmentId);
      const state = await readDeploymentState({ kubeconfig, namespace: placement.namespace, deploymentName: placement.app.name, signal: AbortSignal.timeout(15_000) });
      if (!state) return { applied: false, reason: "The app is not on the cluster right now; its next deploy uses these settings." } as const;
      const release =
        (state.releaseId ? await db.release.findFirst({ where: { id: state.releaseId, appId } }) : null) ??
        (await db.release.findFirst({ where: { appId, status: "AVAILABLE" }, orderBy: { version: "desc" } }));
      if (!release) return { applied: false, reason: "No release of this app is running." } as const;
      const input = await withLiveScaling(appId, manifestInput(placement, release));
      await applyRelease({ kubeconfig, input, signal: AbortSignal.timeout(60_000) });
      return { applied: true } as const;
    });
  } catch (error) {
    if (!isClusterError(error)) throw error;
    return { applied: false, reason: `Saved, but the cluster did not take it: ${error.message}` };
  }
}
