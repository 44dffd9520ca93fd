import "server-only";
import { applyRelease, isClusterError, watchRollout, type RolloutProgress } from "@/server/cluster";
import { clusterForEnvironment } from "@/server/clusters/cluster-for-environment";
import { db } from "@/server/db";
import type { Release, ReleaseStatus } from "@/server/generated/prisma/client";
import { publish } from "@/server/events/pg-events";
import type { DeployJob } from "@/server/jobs/deploy-queue";
import { createRelease } from "@/server/releases/create-release";
import { appPlacement, manifestInput } from "@/server/releases/release-manifest-input";
import { withAppLock } from "@/server/releases/with-app-lock";
import { withApplyLock } from "@/server/scaling/with-apply-lock";
import { withLiveScaling } from "@/server/scaling/with-live-scaling";

export interface TimelineEntry {
  at: string;
  phase: "pending" | "progressing" | "available" | "failed" | "waiting";
  desired?: number;
  updated?: number;
  ready?: number;
  available?: number;
  reason?: string;
  message?: string;
}

const NEWER_CHECK_MS = 1_500;

/** Thrown to let the queue retry the job later (cluster unreachable); the release shows as waiting. */
export class RetryLaterError extends Error {}

/**
 * Brings an app's cluster objects to its newest release (or re-applies one release, to
 * reconcile drift). One app at a time: see withAppLock. A newer release accepted during a
 * rollout supersedes it, and the loop goes on with the newer one — the last accepted wins.
 */
export async function runDeployJob(job: DeployJob): Promise<void> {
  await withAppLock(job.appId, async () => {
    let reapply = job.reapplyReleaseId;
    for (;;) {
      const newest = await db.release.findFirst({ where: { appId: job.appId }, orderBy: { version: "desc" } });
      if (!newest) return;
      const superseded = await db.release.updateMany({
        where: { appId: job.appId, version: { lt: newest.version }, status: { in: ["PENDING", "WAITING", "DEPLOYING"] } },
        data: { status: "SUPERSEDED", finishedAt: new Date(), statusMessage: `Replaced by v${newest.version} before it finished.` },
      });
      if (superseded.count > 0) await publish("app", job.appId);

      // Reconciling only ever re-applies the newest release; otherwise only an undeployed one is deployed.
      if (reapply !== newest.id && newest.status !== "PENDING" && newest.status !== "WAITING") return;
      reapply = undefined;
      if ((await deployRelease(newest, job.appId)) !== "superseded") return;
    }
  });
}

type ReleaseStatusFields = { status?: ReleaseStatus; statusMessage?: string | null; startedAt?: Date; finishedAt?: Date };

const entryOf = (progress: RolloutProgress): Omit<TimelineEntry, "at"> => ({
  phase: progress.phase,
  desired: progress.desired,
  updated: progress.updated,
  ready: progress.ready,
  available: progress.available,
  reason: progress.reason,
  message: progress.message,
});

async function deployRelease(release: Release, appId: string): Promise<"done" | "superseded"> {
  const releaseId = release.id;
  let timeline = (release.timeline as unknown as TimelineEntry[]) ?? [];
  let writes: Promise<unknown> = Promise.resolve();
  // Every change to the row goes through here, one after the other, each followed by a
  // notification for the app's page. A status change rides along with the timeline entry that
  // goes with it: one write (and one commit) on the deploy's path instead of two.
  const record = (entry: Omit<TimelineEntry, "at"> | null, fields: ReleaseStatusFields = {}) => {
    const last = timeline.at(-1);
    const same = !entry || (last && last.phase === entry.phase && last.ready === entry.ready && last.updated === entry.updated && last.available === entry.available && last.desired === entry.desired && last.message === entry.message);
    if (same && !fields.status) return writes;
    if (!same) timeline = [...timeline, { at: new Date().toISOString(), ...entry }];
    const snapshot = timeline;
    writes = writes.then(async () => {
      await db.release.update({ where: { id: releaseId }, data: { timeline: snapshot as object[], ...fields } });
      await publish("app", appId);
    });
    return writes;
  };

  const placement = await appPlacement(appId);
  const input = manifestInput(placement, release);
  const started = record({ phase: "pending", message: `Applying v${release.version} to ${placement.namespace}` }, { status: "DEPLOYING", startedAt: release.startedAt ?? new Date(), statusMessage: null });
  console.log(`[deploy] ${placement.app.name} v${release.version}: applying to ${placement.namespace}`);

  const finish = (status: "AVAILABLE" | "FAILED" | "SUPERSEDED", statusMessage: string | null, entry: Omit<TimelineEntry, "at"> | null = null) =>
    record(entry, { status, statusMessage, finishedAt: new Date() });

  const abort = new AbortController();
  const newerWatch = setInterval(() => {
    void db.release.count({ where: { appId, version: { gt: release.version } } }).then((count) => {
      if (count > 0) abort.abort();
    });
  }, NEWER_CHECK_MS);

  try {
    const [kubeconfig] = await Promise.all([clusterForEnvironment(placement.environmentId), started]);
    // The app's current scaling (replicas, autoscaling, resources), read inside the apply lock:
    // scaling is not a release, and a scaling change made during this deploy must not be undone.
    const applied = await withApplyLock(appId, async () => applyRelease({ kubeconfig, input: await withLiveScaling(appId, input), signal: abort.signal }));
    const settings = input.release.settings;
    const result: RolloutProgress = await watchRollout({
      kubeconfig,
      namespace: applied.namespace,
      deploymentName: applied.deployment.name,
      expectedGeneration: applied.deployment.generation,
      timeoutMs: (settings.progressDeadlineSeconds + 60) * 1000,
      signal: abort.signal,
      // The final progress is recorded below, with the release's status.
      onProgress: (progress) => {
        if (progress.phase !== "available" && progress.phase !== "failed") void record(entryOf(progress));
      },
    });
    console.log(`[deploy] ${placement.app.name} v${release.version}: ${result.phase}${result.reason ? ` (${result.reason})` : ""}`);

    if (result.phase === "available") {
      await finish("AVAILABLE", null, entryOf(result));
      return "done";
    }
    const why = result.message ?? result.reason ?? "The rollout failed.";
    await finish("FAILED", why, entryOf(result));
    if (settings.autoRollback) {
      const previous = await db.release.findFirst({ where: { appId, status: "AVAILABLE", version: { lt: release.version } }, orderBy: { version: "desc" } });
      if (previous) {
        await createRelease({
          teamId: release.teamId, appId,
          imageReference: previous.imageReference, imageUser: previous.imageUser, buildId: previous.buildId, commitSha: previous.commitSha,
          settings: previous.settings as never, secretsEncrypted: previous.secretsEncrypted,
          reason: "auto-rollback", description: `Automatic rollback to v${previous.version}: v${release.version} failed (${result.reason ?? "rollout failed"})`,
          rollbackOfVersion: previous.version, actor: null,
          alsoUpdateApp: { autoDeployPausedAt: new Date() },
        });
        return "superseded";
      }
    }
    return "done";
  } catch (error) {
    if (abort.signal.aborted) {
      await finish("SUPERSEDED", "A newer release was accepted during this rollout.");
      return "superseded";
    }
    if (isClusterError(error) && error.retryable) {
      await record({ phase: "waiting", message: `${error.message} Retrying…` }, { status: "WAITING", statusMessage: `Waiting for the cluster: ${error.message}` });
      throw new RetryLaterError(error.message);
    }
    const message = isClusterError(error) ? error.message : "The deploy stopped on an unexpected error; see the worker's log.";
    if (!isClusterError(error)) console.error(`[deploy ${releaseId}]`, error);
    await finish("FAILED", message, { phase: "failed", message });
    return "done";
  } finally {
    clearInterval(newerWatch);
  }
}
