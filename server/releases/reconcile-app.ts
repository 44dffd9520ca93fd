import "server-only";
import type { Actor } from "@/server/actor";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { db } from "@/server/db";
import { preconditionFailed } from "@/server/errors";
import { enqueueDeploy } from "@/server/jobs/deploy-queue";

/** Puts the live release back on the cluster, undoing changes made outside Slipway. */
export async function reconcileApp({ teamId, appId, actor }: { teamId: string; appId: string; actor: Actor }) {
  const newest = await db.release.findFirst({ where: { appId, teamId }, orderBy: { version: "desc" }, include: { app: { select: { name: true } } } });
  if (!newest) throw preconditionFailed("This app has not been deployed yet.");
  if (newest.status === "PENDING" || newest.status === "DEPLOYING" || newest.status === "WAITING") {
    throw preconditionFailed(`v${newest.version} is being deployed right now; it will put everything in place.`);
  }
  await db.$transaction(async (tx) => {
    await tx.release.update({ where: { id: newest.id }, data: { status: "PENDING", statusMessage: "Reconciling: putting the release back." } });
    await recordAuditEvent(tx, { actor, teamId, action: "release.reconcile", target: { type: "app", id: appId, name: newest.app.name }, metadata: { version: newest.version } });
  });
  await enqueueDeploy({ appId, reapplyReleaseId: newest.id });
}
