import "server-only";
import type { Actor } from "@/server/actor";
import { db } from "@/server/db";
import { notFound, preconditionFailed } from "@/server/errors";
import { createRelease } from "@/server/releases/create-release";

/**
 * Rolls back to release vk: a new release with vk's image and settings — no rebuild. The app's
 * settings return to vk's too, so the next deploy does not bring the change back, and
 * auto-deploy pauses until someone resumes it.
 */
export async function rollbackToRelease({ teamId, appId, version, actor }: { teamId: string; appId: string; version: number; actor: Actor }) {
  const [target, newest] = await Promise.all([
    db.release.findFirst({ where: { appId, teamId, version } }),
    db.release.findFirst({ where: { appId, teamId }, orderBy: { version: "desc" }, select: { version: true } }),
  ]);
  if (!target) throw notFound(`This app has no release v${version}.`);
  if (newest?.version === version) throw preconditionFailed(`v${version} is already the newest release.`);
  return createRelease({
    teamId, appId,
    imageReference: target.imageReference, imageUser: target.imageUser, buildId: target.buildId, commitSha: target.commitSha,
    settings: target.settings as never, secretsEncrypted: target.secretsEncrypted,
    reason: "rollback", description: `Roll back to v${version}`, rollbackOfVersion: version, actor,
    alsoUpdateApp: { autoDeployPausedAt: new Date(), runSettings: target.settings as object, secretsEncrypted: target.secretsEncrypted },
  });
}
