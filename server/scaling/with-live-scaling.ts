import "server-only";
import type { ReleaseManifestInput } from "@/server/cluster";
import { db } from "@/server/db";
import { readRunSettings } from "@/server/releases/app-run-settings";
import { withAppScaling } from "@/server/scaling/live-scaling";

/** A release's manifest input with the app's current scaling (read now) swapped in. */
export async function withLiveScaling(appId: string, input: ReleaseManifestInput): Promise<ReleaseManifestInput> {
  const app = await db.app.findUniqueOrThrow({ where: { id: appId }, select: { runSettings: true, pausedReplicas: true } });
  const settings = withAppScaling(input.release.settings, { settings: readRunSettings(app.runSettings), pausedReplicas: app.pausedReplicas });
  return { ...input, release: { ...input.release, settings } };
}
