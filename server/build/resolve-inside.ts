/**
 * Resolves a relative path inside a checkout and refuses anything that leaves it. The path text
 * is validated on input (no "..", not absolute), but a repository can contain symlinks — a
 * committed "Dockerfile -> /etc/shadow" would otherwise make the build read the server's files.
 */
import { realpath, stat } from "node:fs/promises";
import path from "node:path";
import { BuildError } from "./build-error";

export type ResolvedPath = { path: string; kind: "file" | "directory" } | undefined;

/** The real path of `relative` under `root`, undefined when it does not exist. */
export async function resolveInside(root: string, relative: string): Promise<ResolvedPath> {
  const realRoot = await realpath(root);
  let real: string;
  try {
    real = await realpath(path.join(realRoot, relative));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  if (real !== realRoot && !real.startsWith(realRoot + path.sep)) {
    throw new BuildError("invalid_path", `"${relative}" is a link that points outside the repository; Slipway does not follow it.`);
  }
  const info = await stat(real);
  return { path: real, kind: info.isDirectory() ? "directory" : "file" };
}
