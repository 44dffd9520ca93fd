import "server-only";
import { env } from "@/server/env";
import { sendJob } from "@/server/jobs/queue";

export const BUILD_QUEUE = "build";

export interface BuildJob {
  buildId: string;
}

/** Puts a build on the queue. pg-boss keeps it until a worker takes it, across restarts. */
export async function enqueueBuild(buildId: string): Promise<void> {
  // The job outlives the build's own time limit a little, so pg-boss never expires a live build.
  const expireInSeconds = Math.ceil(env().SLIPWAY_BUILD_TIMEOUT_MINUTES * 60) + 300;
  await sendJob(BUILD_QUEUE, { buildId } satisfies BuildJob, { expireInSeconds, retryLimit: 0 });
}
