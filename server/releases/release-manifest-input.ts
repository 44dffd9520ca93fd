import "server-only";
import { createHash } from "node:crypto";
import { runSettingsSchema, type RunSettings } from "@/server/apps/run-settings";
import { namespaceFor, networkPolicyPeersFromEnv, type ReleaseManifestInput } from "@/server/cluster";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { decryptSecrets } from "@/server/releases/app-run-settings";

/** Where an app runs: team, project, environment and the environment's namespace, fixed at its first deploy. */
export async function appPlacement(appId: string) {
  const app = await db.app.findUniqueOrThrow({
    where: { id: appId },
    include: { team: { select: { id: true, slug: true } }, environment: { include: { project: { select: { id: true, name: true } } } } },
  });
  const environment = app.environment;
  let namespace = environment.namespace;
  if (!namespace) {
    await db.environment.updateMany({ where: { id: environment.id, namespace: null }, data: { namespace: namespaceFor(app.team, environment.project, environment) } });
    namespace = (await db.environment.findUniqueOrThrow({ where: { id: environment.id }, select: { namespace: true } })).namespace!;
  }
  return {
    environmentId: environment.id,
    team: app.team,
    project: environment.project,
    environment: { id: environment.id, name: environment.name },
    app: { id: app.id, name: app.name },
    namespace,
  };
}

export type AppPlacement = Awaited<ReturnType<typeof appPlacement>>;

export interface ReleaseContents {
  id: string;
  version: number;
  imageReference: string;
  imageUser: string | null;
  settings: unknown;
  secretsEncrypted: string | null;
}

/**
 * Everything the renderers need for one release: the app's place, the settings snapshot and the
 * secret values, decrypted here and only here, for the apply (or dry run) that uses them.
 */
export function manifestInput(placement: AppPlacement, release: ReleaseContents): ReleaseManifestInput {
  const settings: RunSettings = runSettingsSchema.parse(release.settings);
  return {
    team: placement.team,
    project: placement.project,
    environment: placement.environment,
    app: placement.app,
    namespace: placement.namespace,
    release: {
      id: release.id,
      version: release.version,
      imageRef: release.imageReference,
      settings,
      secretValues: decryptSecrets(release.secretsEncrypted),
      imageUser: release.imageUser,
    },
    networkPolicyPeers: networkPolicyPeersFromEnv(),
    // A server-side key: someone who reads Deployments cannot test guesses of secrets against the checksum.
    secretChecksumKey: createHash("sha256").update(`slipway-secret-checksum:${env().SLIPWAY_ENCRYPTION_KEY}`).digest("hex"),
  };
}
