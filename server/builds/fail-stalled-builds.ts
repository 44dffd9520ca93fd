import "server-only";
import { db } from "@/server/db";
import { publish } from "@/server/events/pg-events";
import { closeSteps, type BuildStepState } from "@/server/builds/build-steps";

const STALE_AFTER_MS = 45_000;

/**
 * A running build whose worker stopped heartbeating (crashed, killed, machine lost) is failed
 * with a message saying so, within a minute — never left "running" for ever.
 */
export async function failStalledBuilds(now = new Date()): Promise<number> {
  const stalled = await db.build.findMany({
    where: { status: "RUNNING", heartbeatAt: { lt: new Date(now.getTime() - STALE_AFTER_MS) } },
    select: { id: true, steps: true },
  });
  for (const build of stalled) {
    const updated = await db.build.updateMany({
      where: { id: build.id, status: "RUNNING" },
      data: {
        status: "FAILED",
        finishedAt: now,
        errorCode: "worker_lost",
        errorMessage: "The worker running this build stopped responding. Start the build again.",
        steps: closeSteps(build.steps as unknown as BuildStepState[], "failed", now.getTime()) as object[],
      },
    });
    if (updated.count > 0) await publish("build", build.id);
  }
  return stalled.length;
}
