import "server-only";
import { db } from "@/server/db";
import { deployBuild } from "@/server/releases/deploy-build";

/**
 * After a successful build: deploy it when the app asks for auto-deploy, the build is of the
 * tracked branch, and no rollback has paused auto-deploy.
 */
export async function autoDeployBuild(build: { id: string; appId: string; teamId: string }): Promise<void> {
  const app = await db.app.findUnique({ where: { id: build.appId }, select: { autoDeploy: true, autoDeployPausedAt: true, source: { select: { branch: true } } } });
  const row = await db.build.findUnique({ where: { id: build.id }, select: { branch: true } });
  if (!app?.autoDeploy || app.autoDeployPausedAt || !row || row.branch !== app.source?.branch) return;
  await deployBuild({ teamId: build.teamId, appId: build.appId, buildId: build.id, actor: null, reason: "auto-deploy" });
}
