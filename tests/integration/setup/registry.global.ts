/**
 * vitest globalSetup: a real OCI registry for the integration tests, holding the base images
 * the presets use. Starts Debian's Distribution registry on a random port (blobs under
 * .data/test-registry, kept between runs so base images are made once), or reuses the registry
 * named by SLIPWAY_TEST_REGISTRY ("host:port"). Provides to tests:
 *   inject("registry")             "127.0.0.1:PORT"
 *   inject("registryDataDir")      its storage directory (null for an external registry)
 *   inject("presetImagePrefix")    the value for SLIPWAY_PRESET_IMAGE_PREFIX
 *   inject("buildahRoot")          the buildah storage (layer cache) the base images were built in
 */
import path from "node:path";
import type { TestProject } from "vitest/node";
import { ensureBaseImages } from "@/scripts/services/base-images";
import { startRegistry, type RunningRegistry } from "@/scripts/services/registry";

declare module "vitest" {
  export interface ProvidedContext {
    registry: string;
    registryDataDir: string | null;
    presetImagePrefix: string;
    buildahRoot: string;
  }
}

const root = path.resolve(import.meta.dirname, "../../..");

export default async function setup(project: TestProject) {
  process.env.SLIPWAY_BUILDAH_ROOT ??= path.join(root, ".data", "test-buildah");
  let running: RunningRegistry | undefined;
  let registry = process.env.SLIPWAY_TEST_REGISTRY?.trim();
  if (!registry) {
    running = await startRegistry({ dataDir: path.join(root, ".data", "test-registry"), port: 0 });
    registry = running.url;
  }
  const started = Date.now();
  const base = await ensureBaseImages({ registry });
  if (base.built.length > 0) console.log(`Made base images ${base.built.join(", ")} in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  project.provide("registry", registry);
  project.provide("registryDataDir", running ? path.join(running.dataDir, "storage") : null);
  project.provide("presetImagePrefix", base.prefix);
  project.provide("buildahRoot", process.env.SLIPWAY_BUILDAH_ROOT);

  return async () => {
    await running?.stop();
  };
}
