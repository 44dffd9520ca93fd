import "server-only";
import { sendJob } from "@/server/jobs/queue";

export const DEPLOY_QUEUE = "deploy";

export interface DeployJob {
  appId: string;
  /** Re-apply this release (reconcile) instead of deploying the newest one. */
  reapplyReleaseId?: string;
}

/**
 * Asks a worker to bring the app's cluster objects to its newest release. Jobs of one app run
 * one at a time (an advisory lock in the job), and each deploys whatever is newest when it
 * runs, so the last accepted release always wins. A cluster that cannot be reached is retried
 * with backoff for about an hour.
 */
export async function enqueueDeploy(job: DeployJob): Promise<void> {
  await sendJob(DEPLOY_QUEUE, job, { retryLimit: 12, retryDelay: 5, retryBackoff: true, expireInSeconds: 3600 });
}
