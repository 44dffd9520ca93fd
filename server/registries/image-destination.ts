import "server-only";
import type { RegistryAuth } from "@/server/build/registry-auth";
import { decryptSecret } from "@/server/crypto";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { preconditionFailed } from "@/server/errors";

/** The registry host of "host[:port][/path]". */
export function registryHost(url: string): string {
  return url.split("/")[0]!.toLowerCase();
}

/**
 * Where an app's images go: the team's registry, else the server's default one, under
 * <team>/<project>/<environment>/<app> so that teams and apps never share a repository.
 */
export async function imageDestination(app: { teamId: string; name: string; team: { slug: string }; environment: { name: string; project: { name: string } } }) {
  const own = await db.teamRegistry.findUnique({ where: { teamId: app.teamId } });
  const e = env();
  const url = own?.url ?? e.SLIPWAY_REGISTRY;
  if (!url) {
    throw preconditionFailed("No registry to push to: an admin can add one in the team settings (Registry).");
  }
  const username = own ? own.username : e.SLIPWAY_REGISTRY_USERNAME;
  const password = own ? (own.passwordEncrypted ? decryptSecret(own.passwordEncrypted) : undefined) : e.SLIPWAY_REGISTRY_PASSWORD;
  const auth: RegistryAuth | undefined = username && password ? { registry: registryHost(url), username, password } : undefined;
  const repository = [url.replace(/\/+$/, ""), app.team.slug, app.environment.project.name, app.environment.name, app.name].join("/").toLowerCase();
  return { repository, auth };
}
