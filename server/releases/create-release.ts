import "server-only";
import type { Actor } from "@/server/actor";
import type { RunSettings } from "@/server/apps/run-settings";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { db } from "@/server/db";
import { isUniqueViolation } from "@/server/errors";
import { publish } from "@/server/events/pg-events";
import { enqueueDeploy } from "@/server/jobs/deploy-queue";

export type ReleaseReason = "deploy" | "settings" | "rollback" | "auto-deploy" | "auto-rollback";

export interface NewRelease {
  teamId: string;
  appId: string;
  imageReference: string;
  imageUser: string | null;
  buildId: string | null;
  commitSha: string | null;
  settings: RunSettings;
  secretsEncrypted: string | null;
  reason: ReleaseReason;
  description: string;
  rollbackOfVersion?: number;
  actor: Actor | null;
  /** Extra changes to the app made in the same transaction (a rollback restores settings and pauses auto-deploy). */
  alsoUpdateApp?: { autoDeployPausedAt?: Date | null; runSettings?: object; secretsEncrypted?: string | null };
}

/**
 * Records release v(n+1) — immutable from here on — and asks a worker to deploy it.
 * History is never rewritten: a rollback is a new release with an old release's contents.
 */
export async function createRelease(release: NewRelease) {
  for (let attempt = 0; ; attempt += 1) {
    try {
      const created = await db.$transaction(async (tx) => {
        const last = await tx.release.findFirst({ where: { appId: release.appId }, orderBy: { version: "desc" }, select: { version: true } });
        const row = await tx.release.create({
          data: {
            appId: release.appId, teamId: release.teamId, version: (last?.version ?? 0) + 1,
            imageReference: release.imageReference, imageUser: release.imageUser, buildId: release.buildId, commitSha: release.commitSha,
            settings: release.settings as object, secretsEncrypted: release.secretsEncrypted,
            reason: release.reason, description: release.description, rollbackOfVersion: release.rollbackOfVersion,
            createdById: release.actor?.userId, createdByEmail: release.actor?.email ?? "Slipway",
          },
          select: { id: true, version: true, app: { select: { name: true } } },
        });
        if (release.alsoUpdateApp) await tx.app.update({ where: { id: release.appId }, data: release.alsoUpdateApp });
        if (release.actor) {
          await recordAuditEvent(tx, {
            actor: release.actor, teamId: release.teamId,
            action: release.reason === "rollback" ? "release.rollback" : "release.create",
            target: { type: "app", id: release.appId, name: row.app.name },
            metadata: { version: row.version, description: release.description, image: release.imageReference },
          });
        }
        return row;
      });
      await enqueueDeploy({ appId: release.appId });
      await publish("app", release.appId);
      return { id: created.id, version: created.version };
    } catch (error) {
      if (isUniqueViolation(error) && attempt < 5) continue;
      throw error;
    }
  }
}
