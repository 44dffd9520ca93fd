import "server-only";
import type { Actor } from "@/server/actor";
import { db } from "@/server/db";
import { notFound, preconditionFailed } from "@/server/errors";
import { readRunSettings } from "@/server/releases/app-run-settings";
import { createRelease } from "@/server/releases/create-release";
import { withScalingOf } from "@/server/scaling/live-scaling";

/**
 * Rolls back to release vk: a new release with vk's image and settings — no rebuild. The app's
 * settings return to vk's too (except scaling: replicas, autoscaling and resources stay as they
 * are now), so the next deploy does not bring the change back, and
 * auto-deploy pauses until someone resumes it.
 */
export async function rollbackToRelease({ teamId, appId, version, actor }: { teamId: string; appId: string; version: number; actor: Actor }) {
  const [target, newest, app] = await Promise.all([
    db.release.findFirst({ where: { appId, teamId, version } }),
    db.release.findFirst({ where: { appId, teamId }, orderBy: { version: "desc" }, select: { version: true } }),
    db.app.findFirst({ where: { id: appId, teamId }, select: { runSettings: true } }),
  ]);
  if (!target || !app) throw notFound(`This app has no release v${version}.`);
  if (newest?.version === version) throw preconditionFailed(`v${version} is already the newest release.`);
  // vk's settings, but today's scaling: a rollback is about code and config, not about how many pods run.
  const settings = withScalingOf(readRunSettings(target.settings), readRunSettings(app.runSettings));
  return createRelease({
    teamId, appId,
    imageReference: target.imageReference, imageUser: target.imageUser, buildId: target.buildId, commitSha: target.commitSha,
    settings, secretsEncrypted: target.secretsEncrypted,
    reason: "rollback", description: `Roll back to v${version}`, rollbackOfVersion: version, actor,
    alsoUpdateApp: { autoDeployPausedAt: new Date(), runSettings: settings as object, secretsEncrypted: target.secretsEncrypted },
  });
}
