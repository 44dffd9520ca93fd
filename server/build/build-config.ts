/**
 * The build engine's settings, read from the environment on each call (they are cheap to read,
 * and tests change them per case). Every variable is optional; defaults suit a development
 * machine. A bad value is a deployment mistake, so it throws with the variable's name.
 */
import path from "node:path";

export interface BuildConfig {
  /** Hosts that may be cloned over plain http:// (SLIPWAY_ALLOW_INSECURE_GIT_HOSTS, comma-separated). */
  insecureGitHosts: string[];
  /** Largest checkout accepted, in bytes (SLIPWAY_MAX_REPO_MB, default 500). */
  maxRepoBytes: number;
  /** Registry prefix for preset base images (SLIPWAY_PRESET_IMAGE_PREFIX), or undefined for the public images. */
  presetImagePrefix: string | undefined;
  /** buildah's storage (layer cache) lives here (SLIPWAY_BUILDAH_ROOT, default ./.data/buildah). */
  buildahRoot: string;
  /** Registries reached over http or with unverified TLS (SLIPWAY_INSECURE_REGISTRIES, comma-separated host[:port]). */
  insecureRegistries: string[];
  /** Bytes of build output kept per build (SLIPWAY_BUILD_LOG_MAX_BYTES, default 2 MiB). */
  buildLogMaxBytes: number;
}

export function buildConfig(env: NodeJS.ProcessEnv = process.env): BuildConfig {
  return {
    insecureGitHosts: list(env.SLIPWAY_ALLOW_INSECURE_GIT_HOSTS),
    maxRepoBytes: positiveNumber(env, "SLIPWAY_MAX_REPO_MB", 500) * 1024 * 1024,
    presetImagePrefix: env.SLIPWAY_PRESET_IMAGE_PREFIX?.trim().replace(/\/+$/, "") || undefined,
    buildahRoot: path.resolve(env.SLIPWAY_BUILDAH_ROOT?.trim() || path.join(process.cwd(), ".data", "buildah")),
    insecureRegistries: list(env.SLIPWAY_INSECURE_REGISTRIES),
    buildLogMaxBytes: positiveNumber(env, "SLIPWAY_BUILD_LOG_MAX_BYTES", 2 * 1024 * 1024),
  };
}

function list(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean);
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not "${raw}".`);
  return value;
}
