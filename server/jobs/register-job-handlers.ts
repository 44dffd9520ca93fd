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
  await boss.createQueue(BUILD_QUEUE);
  // One pg-boss worker per build slot: each takes one job at a time.
  for (let slot = 0; slot < env().SLIPWAY_BUILD_CONCURRENCY; slot += 1) {
    await boss.work<BuildJob>(BUILD_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
      if (job) await runBuildJob(job.data.buildId);
    });
  }

  await boss.createQueue(DEPLOY_QUEUE);
  const deployWorkers: string[] = [];
  for (let slot = 0; slot < DEPLOY_SLOTS; slot += 1) {
    deployWorkers.push(
      await boss.work<DeployJob>(DEPLOY_QUEUE, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => {
        if (job) await runDeployJob(job.data);
      }),
    );
  }
  // A deploy is waited for by someone watching the page: enqueueDeploy's notification makes the
  // slots fetch at once, and the polling stays as the fallback for a missed one.
  const stopListening = onEvent("queue", DEPLOY_QUEUE, () => deployWorkers.forEach((id) => boss.notifyWorker(id)));
  onBuildSucceeded(autoDeployBuild);

  const reaper = setInterval(() => void failStalledBuilds().catch((error) => console.error("[worker] reaper:", error)), REAPER_MS);
  // Desired/ready replicas of every deployed app, for the scaling chart.
  const sampler = setInterval(() => void recordReplicaSamples().catch((error) => console.error("[worker] replica samples:", error)), SAMPLE_INTERVAL_MS);
  return () => {
    stopListening();
    clearInterval(reaper);
    clearInterval(sampler);
  };
}
