import "server-only";
import { dryRunRelease, isClusterError, type ReleaseDiff } from "@/server/cluster";
import { clusterForEnvironment } from "@/server/clusters/cluster-for-environment";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";
import { decryptSecrets, readRunSettings } from "@/server/releases/app-run-settings";
import { releaseForBuild } from "@/server/releases/deploy-build";
import { appPlacement, manifestInput, type ReleaseContents } from "@/server/releases/release-manifest-input";
import { changedSecretNames, settingsChanges } from "@/server/releases/settings-diff";

export type PreviewTarget = { kind: "build"; buildId?: string } | { kind: "rollback"; version: number };

/**
 * What a deploy or a rollback would change, before it is done: the image, the settings keys,
 * and the server-side dry run of every Kubernetes object (nothing is changed on the cluster).
 */
export async function previewRelease({ teamId, appId, target }: { teamId: string; appId: string; target: PreviewTarget }) {
  const current = await db.release.findFirst({ where: { appId, teamId }, orderBy: { version: "desc" } });
  let next: Omit<ReleaseContents, "id" | "version">;
  let title: string;
  if (target.kind === "build") {
    const planned = await releaseForBuild({ teamId, appId, buildId: target.buildId });
    next = { imageReference: planned.build.imageReference!, imageUser: planned.imageUser, settings: planned.settings, secretsEncrypted: planned.secretsEncrypted };
    title = `Deploy build #${planned.build.number}`;
  } else {
    const release = await db.release.findFirst({ where: { appId, teamId, version: target.version } });
    if (!release) throw notFound(`This app has no release v${target.version}.`);
    next = release;
    title = `Roll back to v${target.version}`;
  }

  const nextSettings = readRunSettings(next.settings);
  const changes = settingsChanges(current ? readRunSettings(current.settings) : null, nextSettings, changedSecretNames(decryptSecrets(current?.secretsEncrypted), decryptSecrets(next.secretsEncrypted)));

  let objects: ReleaseDiff | null = null;
  let objectsError: string | null = null;
  try {
    const placement = await appPlacement(appId);
    const version = (current?.version ?? 0) + 1;
    objects = await dryRunRelease({
      kubeconfig: await clusterForEnvironment(placement.environmentId),
      input: manifestInput(placement, { ...next, id: "preview", version }),
      signal: AbortSignal.timeout(20_000),
    });
  } catch (error) {
    if (!isClusterError(error)) throw error;
    objectsError = `The cluster could not be asked what would change: ${error.message}`;
  }

  return {
    title,
    version: (current?.version ?? 0) + 1,
    image: { from: current?.imageReference ?? null, to: next.imageReference },
    settingsChanges: changes,
    objects,
    objectsError,
  };
}
