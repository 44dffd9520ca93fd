/**
 * A private temporary directory (mode 0700) for secrets a tool must read from a file — an SSH
 * key, a registry auth.json — removed when the work is done, whatever the outcome. Files are
 * created 0600 and exclusively, so nothing can be planted at the path beforehand.
 */
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export async function withPrivateDir<T>(prefix: string, work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `slipway-${prefix}-`));
  try {
    await chmod(dir, 0o700);
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Writes `content` to `dir/name` readable by the owner only. */
export async function writeSecretFile(dir: string, name: string, content: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, content, { mode: 0o600, flag: "wx" });
  return file;
}
