/**
 * buildah's storage driver. overlay (through fuse-overlayfs, which needs no privileges beyond
 * /dev/fuse) shares layers between steps and builds; vfs copies the whole file system for every
 * step, which makes a rebuild after a one-file change 5–10 times slower. Slipway uses overlay
 * where it works and falls back to vfs where it does not (no /dev/fuse in the container, no
 * fuse-overlayfs): SLIPWAY_BUILDAH_STORAGE_DRIVER=overlay|vfs|auto (default auto).
 * The choice is made once per process, by mounting an overlay for real.
 */
import { existsSync } from "node:fs";
import { mkdtemp, mkdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { runProcess } from "./run-process";

export type StorageDriver = "overlay" | "vfs";

const FUSE_OVERLAYFS = ["/usr/bin/fuse-overlayfs", "/usr/local/bin/fuse-overlayfs"];

let chosen: Promise<{ driver: StorageDriver; options: string[] }> | undefined;

/** The driver and its --storage-opt flags for this process. */
export function storageDriver(): Promise<{ driver: StorageDriver; options: string[] }> {
  chosen ??= choose();
  return chosen;
}

async function choose(): Promise<{ driver: StorageDriver; options: string[] }> {
  const wanted = (process.env.SLIPWAY_BUILDAH_STORAGE_DRIVER ?? "auto").trim().toLowerCase();
  const vfs = { driver: "vfs" as const, options: [] };
  if (wanted === "vfs") return vfs;
  const program = FUSE_OVERLAYFS.find((candidate) => existsSync(candidate));
  const overlay = program ? { driver: "overlay" as const, options: ["--storage-opt", `overlay.mount_program=${program}`] } : null;
  if (wanted === "overlay") {
    if (!overlay) throw new Error("SLIPWAY_BUILDAH_STORAGE_DRIVER=overlay needs fuse-overlayfs (apt-get install fuse-overlayfs).");
    return overlay;
  }
  if (!overlay || !existsSync("/dev/fuse")) return vfs;
  return (await canMount(program!)) ? overlay : vfs;
}

/** Mounts and unmounts a tiny overlay: the only reliable test that FUSE works here. */
async function canMount(program: string): Promise<boolean> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "slipway-overlay-probe-"));
  try {
    const [lower, upper, work, merged] = ["lower", "upper", "work", "merged"].map((name) => path.join(dir, name));
    await Promise.all([lower, upper, work, merged].map((entry) => mkdir(entry!)));
    const mounted = await runProcess(program, ["-o", `lowerdir=${lower},upperdir=${upper},workdir=${work}`, merged!], { signal: AbortSignal.timeout(10_000) });
    if (mounted.exitCode !== 0) return false;
    await runProcess("fusermount3", ["-u", merged!], { signal: AbortSignal.timeout(10_000) }).catch(() => runProcess("fusermount", ["-u", merged!], { signal: AbortSignal.timeout(10_000) }));
    return true;
  } catch {
    return false;
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}
