/**
 * What the registry actually stores, read from its filesystem: every blob (layers, configs and
 * manifests alike) is one file under docker/registry/v2/blobs/sha256/<xx>/<digest>/data. The
 * blobs that appear during a push are what the push uploaded.
 */
import { readdir, stat } from "node:fs/promises";
import path from "node:path";

/** Digest → size in bytes of every blob in the registry's storage directory. */
export async function registryBlobSizes(storageDir: string): Promise<Map<string, number>> {
  const base = path.join(storageDir, "docker/registry/v2/blobs/sha256");
  const blobs = new Map<string, number>();
  for (const prefix of await readdir(base).catch(() => [])) {
    for (const digest of await readdir(path.join(base, prefix))) {
      const data = await stat(path.join(base, prefix, digest, "data")).catch(() => undefined);
      if (data) blobs.set(`sha256:${digest}`, data.size);
    }
  }
  return blobs;
}

/** The blobs in `after` that were not in `before`. */
export function newBlobs(before: Map<string, number>, after: Map<string, number>): Map<string, number> {
  return new Map([...after].filter(([digest]) => !before.has(digest)));
}
