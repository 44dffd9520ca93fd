/**
 * Read access to the files of the app's folder in a checkout, for detection. Every path goes
 * through resolveInside, so a committed symlink cannot make detection read the server's files.
 */
import { readdir, readFile } from "node:fs/promises";
import { resolveInside } from "./resolve-inside";

export interface ProjectFiles {
  /** The folder (absolute path). */
  dir: string;
  isFile(relative: string): Promise<boolean>;
  isDirectory(relative: string): Promise<boolean>;
  /** File content, or undefined when missing. Files over 1 MB are not read. */
  read(relative: string): Promise<string | undefined>;
  /** Names in a folder ("" = the app's folder), or [] when missing. */
  list(relative?: string): Promise<string[]>;
}

const MAX_READ_BYTES = 1024 * 1024;

export function projectFiles(dir: string): ProjectFiles {
  return {
    dir,
    isFile: async (relative) => (await resolveInside(dir, relative))?.kind === "file",
    isDirectory: async (relative) => (await resolveInside(dir, relative))?.kind === "directory",
    async read(relative) {
      const resolved = await resolveInside(dir, relative);
      if (resolved?.kind !== "file") return undefined;
      const content = await readFile(resolved.path);
      return content.length > MAX_READ_BYTES ? undefined : content.toString("utf8");
    },
    async list(relative = "") {
      const resolved = await resolveInside(dir, relative || ".");
      if (resolved?.kind !== "directory") return [];
      return (await readdir(resolved.path)).sort();
    },
  };
}
