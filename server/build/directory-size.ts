/**
 * Bytes used by a directory tree (files and links, not followed). Stops counting once `limit`
 * is passed: the caller only needs to know that a checkout is too large, not how large.
 */
import { lstat, readdir } from "node:fs/promises";
import path from "node:path";

export async function directorySize(dir: string, limit = Number.POSITIVE_INFINITY): Promise<number> {
  let total = 0;
  const pending = [dir];
  while (pending.length > 0 && total <= limit) {
    const current = pending.pop()!;
    let entries;
    try {
      entries = await readdir(current, { withFileTypes: true });
    } catch (error) {
      // A temporary pack file can disappear while git works; that is not an error here.
      if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw error;
    }
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        pending.push(full);
        continue;
      }
      try {
        total += (await lstat(full)).size;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
    }
  }
  return total;
}
