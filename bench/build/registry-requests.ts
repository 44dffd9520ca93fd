/**
 * What a push asked of the registry, from the registry's access log (one line per request,
 * `"METHOD /v2/… HTTP/1.1" STATUS`): which blobs were uploaded (the PUT that completes an
 * upload names the digest), which were mounted from another repository instead (POST with
 * mount=), and how many manifests were written. buildah's own output names every layer it
 * considers, uploaded or not, so it cannot tell these apart.
 */
import { open, stat } from "node:fs/promises";

export interface RegistryRequests {
  uploaded: string[];
  mounted: string[];
  manifests: number;
}

/** The log's current size: read from here after the push. */
export async function registryLogOffset(logFile: string): Promise<number> {
  return (await stat(logFile)).size;
}

export async function registryRequestsSince(logFile: string, offset: number): Promise<RegistryRequests> {
  const handle = await open(logFile, "r");
  let text: string;
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(size - offset);
    await handle.read(buffer, 0, buffer.length, offset);
    text = buffer.toString("utf8");
  } finally {
    await handle.close();
  }
  const requests = [...text.matchAll(/"(GET|HEAD|POST|PUT|PATCH|DELETE) (\/v2\/\S+) HTTP\/[\d.]+" (\d{3})/g)].map((match) => ({
    method: match[1]!,
    url: new URL(match[2]!, "http://registry"),
    status: Number(match[3]),
  }));
  const succeeded = requests.filter((request) => request.status < 300);
  return {
    uploaded: succeeded
      .filter((request) => request.method === "PUT" && request.url.pathname.includes("/blobs/uploads/"))
      .map((request) => request.url.searchParams.get("digest") ?? "")
      .filter(Boolean),
    mounted: succeeded
      .filter((request) => request.method === "POST" && request.url.searchParams.has("mount") && request.status === 201)
      .map((request) => request.url.searchParams.get("mount")!),
    manifests: succeeded.filter((request) => request.method === "PUT" && request.url.pathname.includes("/manifests/")).length,
  };
}
