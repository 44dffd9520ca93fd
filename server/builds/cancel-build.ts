import "server-only";
import type { Actor } from "@/server/actor";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { db } from "@/server/db";
import { notFound, preconditionFailed } from "@/server/errors";
import { publish } from "@/server/events/pg-events";
import { closeSteps, type BuildStepState } from "@/server/builds/build-steps";

/**
 * Cancels a build. A queued one ends at once; a running one is asked to stop, and its worker
 * stops it within seconds (it checks on every heartbeat).
 */
export async function cancelBuild({ actor, teamId, buildId }: { actor: Actor; teamId: string; buildId: string }) {
  const build = await db.build.findFirst({ where: { id: buildId, teamId }, select: { id: true, number: true, status: true, steps: true, app: { select: { id: true, name: true } } } });
  if (!build) throw notFound("That build does not exist in this team.");
  if (build.status !== "QUEUED" && build.status !== "RUNNING") throw preconditionFailed("This build has already finished.");

  await db.$transaction(async (tx) => {
    const queued = await tx.build.updateMany({
      where: { id: build.id, status: "QUEUED" },
      data: {
        status: "CANCELLED", finishedAt: new Date(), cancelRequestedAt: new Date(), errorCode: "cancelled", errorMessage: "The build was cancelled before it started.",
        steps: closeSteps(build.steps as unknown as BuildStepState[], "skipped") as object[],
      },
    });
    if (queued.count === 0) await tx.build.update({ where: { id: build.id }, data: { cancelRequestedAt: new Date() } });
    await recordAuditEvent(tx, { actor, teamId, action: "build.cancel", target: { type: "app", id: build.app.id, name: build.app.name }, metadata: { build: build.number } });
  });
  await publish("build", build.id);
}
