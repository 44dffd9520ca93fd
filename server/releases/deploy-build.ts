import "server-only";
import type { Actor } from "@/server/actor";
import { runSettingsSchema } from "@/server/apps/run-settings";
import type { EffectiveBuildSettings } from "@/server/build/merge-build-settings";
import type { SlipwayRunConfig } from "@/server/build/slipway-yaml";
import { db } from "@/server/db";
import { notFound, preconditionFailed } from "@/server/errors";
import { readRunSettings } from "@/server/releases/app-run-settings";
import { createRelease, type ReleaseReason } from "@/server/releases/create-release";
import { mergeRunSettings } from "@/server/releases/merge-run-settings";

/** slipway.yaml's run section as the build recorded it (each value with its source). */
function fileRunSettings(settings: unknown): SlipwayRunConfig | null {
  const run = (settings as EffectiveBuildSettings | null)?.run;
  if (!run) return null;
  return Object.fromEntries(Object.entries(run).map(([key, sourced]) => [key, (sourced as { value: unknown }).value])) as SlipwayRunConfig;
}

/** The release a deploy of this build would create: its image by digest, and the app's settings with slipway.yaml on top. */
export async function releaseForBuild({ teamId, appId, buildId }: { teamId: string; appId: string; buildId?: string }) {
  const app = await db.app.findFirst({ where: { id: appId, teamId }, select: { id: true, runSettings: true, secretsEncrypted: true } });
  if (!app) throw notFound("That app does not exist in this team.");
  const build = buildId
    ? await db.build.findFirst({ where: { id: buildId, appId, teamId } })
    : await db.build.findFirst({ where: { appId, teamId, status: "SUCCEEDED" }, orderBy: { number: "desc" } });
  if (!build) throw buildId ? notFound("That build does not exist for this app.") : preconditionFailed("There is no successful build to deploy yet: build the app first.");
  if (build.status !== "SUCCEEDED" || !build.imageReference) throw preconditionFailed(`Build #${build.number} did not succeed, so there is no image to deploy.`);

  const merged = mergeRunSettings(readRunSettings(app.runSettings), fileRunSettings(build.settings));
  if (merged.missingEnv.length > 0) {
    throw preconditionFailed(`slipway.yaml says the app needs ${merged.missingEnv.join(", ")}: set ${merged.missingEnv.length === 1 ? "it" : "them"} under Environment in the app's settings first.`);
  }
  const valid = runSettingsSchema.safeParse(merged.settings);
  if (!valid.success) throw preconditionFailed(`The settings for this release are not valid: ${valid.error.issues[0]?.message}`);
  const user = (build.detected as { config?: { User?: string } } | null)?.config?.User ?? null;
  // Scaling lives in the app's settings (see server/scaling); what slipway.yaml declares becomes
  // the app's scaling when the build is deployed, so the console shows what runs.
  const appSettings = readRunSettings(app.runSettings);
  const scalingFromFile = {
    ...(merged.fromFile.includes("replicas") ? { replicas: valid.data.replicas } : {}),
    ...(merged.fromFile.includes("resources") ? { resources: valid.data.resources } : {}),
  };
  const appSettingsAfter = Object.keys(scalingFromFile).length > 0 ? { ...appSettings, ...scalingFromFile } : null;
  return { build, settings: valid.data, secretsEncrypted: app.secretsEncrypted, imageUser: user, fromFile: merged.fromFile, appSettingsAfter };
}

/** Deploys a successful build (the newest one when none is named) as a new release. */
export async function deployBuild(input: { teamId: string; appId: string; buildId?: string; actor: Actor | null; reason?: ReleaseReason }) {
  const { build, settings, secretsEncrypted, imageUser, appSettingsAfter } = await releaseForBuild(input);
  return createRelease({
    teamId: input.teamId, appId: input.appId,
    imageReference: build.imageReference!, imageUser, buildId: build.id, commitSha: build.commitSha,
    settings, secretsEncrypted,
    reason: input.reason ?? "deploy",
    description: `${input.reason === "auto-deploy" ? "Auto-deploy" : "Deploy"} build #${build.number} (${build.commitSha.slice(0, 7)})`,
    actor: input.actor,
    alsoUpdateApp: appSettingsAfter ? { runSettings: appSettingsAfter as object } : undefined,
  });
}
