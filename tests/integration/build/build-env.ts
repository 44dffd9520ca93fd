/**
 * Points the build engine at the test registry and the test git server: the values come from
 * the registry globalSetup (inject), the environment variables are what server/build reads.
 */
import { readdir } from "node:fs/promises";
import path from "node:path";
import { inject } from "vitest";

export function useTestBuildEnvironment(): { registry: string; prefix: string; registryDataDir: string | null } {
  const registry = inject("registry");
  process.env.SLIPWAY_INSECURE_REGISTRIES = registry;
  process.env.SLIPWAY_PRESET_IMAGE_PREFIX = inject("presetImagePrefix");
  process.env.SLIPWAY_BUILDAH_ROOT = inject("buildahRoot");
  process.env.SLIPWAY_ALLOW_INSECURE_GIT_HOSTS = "127.0.0.1";
  return { registry, prefix: inject("presetImagePrefix"), registryDataDir: inject("registryDataDir") };
}

/** Digests of every blob the registry stores (layers, configs, manifests). */
export async function registryBlobs(storageDir: string): Promise<Set<string>> {
  const base = path.join(storageDir, "docker/registry/v2/blobs/sha256");
  const blobs = new Set<string>();
  for (const prefix of await readdir(base).catch(() => [])) {
    for (const digest of await readdir(path.join(base, prefix))) blobs.add(`sha256:${digest}`);
  }
  return blobs;
}
