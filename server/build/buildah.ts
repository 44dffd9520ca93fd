/**
 * Runs buildah the way this project needs it on any machine, including unprivileged CI and
 * containers: overlay storage through fuse-overlayfs where FUSE works, else vfs (see
 * storage-driver.ts), chroot isolation for RUN steps (no user namespaces or cgroups needed),
 * and storage under SLIPWAY_BUILDAH_ROOT/<driver> — the layer cache, shared by all builds on a
 * worker. Each driver has a root of its own: a store is tied to the driver that made it.
 *
 * Insecure registries (plain http, e.g. the local development registry) are declared in a
 * registries.conf of our own rather than with --tls-verify=false, which would switch off TLS
 * for every registry a build touches, including the one base images come from.
 */
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { buildConfig } from "./build-config";
import { storageDriver } from "./storage-driver";
import type { Redactor } from "./redact-secrets";
import { childEnv, runProcess, type OutputStream, type RunProcessResult } from "./run-process";

export interface BuildahStorage {
  /** Image and layer store. */
  root: string;
  /** Runtime state (locks, mounts). */
  runroot: string;
}

export interface RunBuildahOptions {
  storage?: BuildahStorage;
  cwd?: string;
  signal?: AbortSignal;
  onLine?: (line: string, stream: OutputStream) => void;
  redact?: Redactor;
}

export async function defaultBuildahStorage(): Promise<BuildahStorage> {
  const root = path.join(buildConfig().buildahRoot, (await storageDriver()).driver);
  return { root: path.join(root, "storage"), runroot: path.join(root, "run") };
}

export async function runBuildah(args: readonly string[], options: RunBuildahOptions = {}): Promise<RunProcessResult> {
  const storage = options.storage ?? (await defaultBuildahStorage());
  const { driver, options: driverOptions } = await storageDriver();
  const registriesConf = await writeRegistriesConf(storage);
  return runProcess(
    "buildah",
    ["--root", storage.root, "--runroot", storage.runroot, "--storage-driver", driver, ...driverOptions, "--registries-conf", registriesConf, ...args],
    {
      cwd: options.cwd,
      env: childEnv({ BUILDAH_ISOLATION: "chroot", TMPDIR: path.join(path.dirname(storage.root), "tmp") }),
      signal: options.signal,
      onLine: options.onLine,
      redact: options.redact,
    },
  );
}

/** True when `registry` (host[:port]) is reached over http or without verifying TLS. */
export function isInsecureRegistry(registry: string): boolean {
  const host = registry.toLowerCase();
  return buildConfig().insecureRegistries.some((entry) => entry === host || entry === host.replace(/:\d+$/, ""));
}

async function writeRegistriesConf(storage: BuildahStorage): Promise<string> {
  const dir = path.dirname(storage.root);
  await mkdir(path.join(dir, "tmp"), { recursive: true });
  const file = path.join(dir, "registries.conf");
  const lines = [
    "# Written by Slipway (server/build/buildah.ts) on every build; edits are overwritten.",
    // Short names like "node:20" in a Dockerfile mean Docker Hub, as they do for docker build.
    'unqualified-search-registries = ["docker.io"]',
    'short-name-mode = "permissive"',
    ...buildConfig().insecureRegistries.flatMap((registry) => ["", "[[registry]]", `location = ${JSON.stringify(registry)}`, "insecure = true"]),
    "",
  ];
  // Concurrent builds write the same content; rename makes each write atomic.
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  await writeFile(temporary, lines.join("\n"));
  await rename(temporary, file);
  return file;
}
