import type PgBoss from "pg-boss";
import { env } from "@/server/env";
import { failStalledBuilds } from "@/server/builds/fail-stalled-builds";
import { runBuildJob } from "@/server/builds/run-build-job";
import { onBuildSucceeded } from "@/server/builds/run-build-job";
import { BUILD_QUEUE, type BuildJob } from "@/server/jobs/build-queue";
import { onEvent } from "@/server/events/pg-events";
import { DEPLOY_QUEUE, type DeployJob } from "@/server/jobs/deploy-queue";
import { autoDeployBuild } from "@/server/releases/auto-deploy";
import { runDeployJob } from "@/server/releases/run-deploy-job";
import { recordReplicaSamples, SAMPLE_INTERVAL_MS } from "@/server/scaling/record-replica-samples";

const REAPER_MS = 15_000;
// Deploys mostly wait on the cluster; more of them than builds can run at once.
const DEPLOY_SLOTS = 4;

/** Every job type the worker runs, registered in one place. Returns a function that stops the timers. */
export async function registerJobHandlers(boss: PgBoss): Promise<() => void> {
  // One pg-boss worker per slot: each takes one job at a time.
  const stopBuilds = await workSlots<BuildJob>(boss, BUILD_QUEUE, env().SLIPWAY_BUILD_CONCURRENCY, (job) => runBuildJob(job.buildId));

  const stopDeploys = await workSlots<DeployJob>(boss, DEPLOY_QUEUE, DEPLOY_SLOTS, runDeployJob);
  onBuildSucceeded(autoDeployBuild);

  const reaper = setInterval(() => void failStalledBuilds().catch((error) => console.error("[worker] reaper:", error)), REAPER_MS);
  // Desired/ready replicas of every deployed app, for the scaling chart.
  const sampler = setInterval(() => void recordReplicaSamples().catch((error) => console.error("[worker] replica samples:", error)), SAMPLE_INTERVAL_MS);
  return () => {
    stopBuilds();
    stopDeploys();
    clearInterval(reaper);
    clearInterval(sampler);
  };
}

/**
 * `slots` pg-boss workers on `name`, each taking one job at a time. Someone is watching the page
 * for every build and deploy: the notification enqueueing sends (see sendJob) makes the slots
 * fetch at once, and the polling stays as the fallback for a missed one. Returns the unsubscribe.
 */
async function workSlots<T extends object>(boss: PgBoss, name: string, slots: number, run: (job: T) => Promise<void>): Promise<() => void> {
  await boss.createQueue(name);
  const workers: string[] = [];
  for (let slot = 0; slot < slots; slot += 1) {
    workers.push(
      await boss.work<T>(name, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => {
        if (job) await run(job.data);
      }),
    );
  }
  return onEvent("queue", name, () => workers.forEach((id) => boss.notifyWorker(id)));
}
