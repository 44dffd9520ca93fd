/**
 * One container's log as a byte stream from the API server (`pods/log`, timestamps on).
 *
 * Not client-node's `Log.log`: it pipes the response into a writable and drops both the API
 * server's error text (a 400 "container is waiting to start" arrives as "Error occurred in log
 * request") and errors on the body (a dropped connection leaves the writable open forever).
 * Here the caller gets the response stream itself: it can pause it (backpressure reaches the
 * API server through TCP, so a slow reader never makes this process buffer without bound), and
 * it sees `end`/`error`/`close` when the stream stops.
 */
import http from "node:http";
import https from "node:https";
import type { Readable } from "node:stream";
import { kubeConfigOf, type ClusterConfig } from "./cluster-config";
import { ClusterError, toClusterError } from "./cluster-error";

export interface OpenPodLogInput {
  kubeconfig: ClusterConfig;
  namespace: string;
  pod: string;
  container: string;
  follow: boolean;
  tailLines?: number;
  /** RFC 3339; the API server reads it with second precision at best, so callers skip what they already have. */
  sinceTime?: string;
  sinceSeconds?: number;
  limitBytes?: number;
  previous?: boolean;
  signal: AbortSignal;
  /** For the response headers; a followed stream has no overall deadline. */
  connectTimeoutMs?: number;
}

/** Resolves with the log stream once the API server answered 200; throws ClusterError otherwise. */
export async function openPodLog(input: OpenPodLogInput): Promise<Readable> {
  const kubeConfig = kubeConfigOf(input.kubeconfig);
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster) throw new ClusterError("invalid_kubeconfig", "The kubeconfig has no current cluster.");
  const url = new URL(`${cluster.server.replace(/\/$/, "")}/api/v1/namespaces/${encodeURIComponent(input.namespace)}/pods/${encodeURIComponent(input.pod)}/log`);
  url.searchParams.set("container", input.container);
  url.searchParams.set("timestamps", "true");
  if (input.follow) url.searchParams.set("follow", "true");
  if (input.tailLines !== undefined) url.searchParams.set("tailLines", String(input.tailLines));
  if (input.sinceTime) url.searchParams.set("sinceTime", input.sinceTime);
  else if (input.sinceSeconds) url.searchParams.set("sinceSeconds", String(input.sinceSeconds));
  if (input.limitBytes) url.searchParams.set("limitBytes", String(input.limitBytes));
  if (input.previous) url.searchParams.set("previous", "true");

  const options: https.RequestOptions = { method: "GET", headers: {} };
  await kubeConfig.applyToHTTPSOptions(options);
  const action = `reading the log of ${input.pod}/${input.container}`;
  if (input.signal.aborted) throw new ClusterError("aborted", `Stopped before ${action}.`);

  return new Promise<Readable>((resolve, reject) => {
    const transport = url.protocol === "http:" ? http : https;
    if (url.protocol === "http:") delete options.agent;
    const request = transport.request(url, options, (response) => {
      clearTimeout(connectTimer);
      if (response.statusCode === 200) {
        resolve(response);
        return;
      }
      // Error bodies are small Status objects; read them for the API server's own words.
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        if (body.length < 4096) body += chunk;
      });
      response.on("end", () => reject(statusError(response.statusCode ?? 0, body, action)));
      response.on("error", (error) => reject(toClusterError(error, { server: cluster.server, action })));
    });
    const connectTimer = setTimeout(() => request.destroy(Object.assign(new Error("timeout"), { name: "TimeoutError" })), input.connectTimeoutMs ?? 15_000);
    const onAbort = () => request.destroy(Object.assign(new Error("aborted"), { name: "AbortError" }));
    input.signal.addEventListener("abort", onAbort, { once: true });
    request.on("close", () => {
      clearTimeout(connectTimer);
      input.signal.removeEventListener("abort", onAbort);
    });
    request.on("error", (error) => {
      clearTimeout(connectTimer);
      if (input.signal.aborted) reject(new ClusterError("aborted", `Stopped while ${action}.`, { cause: error }));
      else reject(toClusterError(error, { server: cluster.server, action, timeoutMs: input.connectTimeoutMs ?? 15_000 }));
    });
    request.end();
  });
}

function statusError(status: number, body: string, action: string): ClusterError {
  let message = body.trim();
  try {
    const parsed = JSON.parse(body) as { message?: string };
    if (parsed.message) message = parsed.message;
  } catch {
    // not JSON: keep the text
  }
  const details = message.slice(0, 500) || undefined;
  if (status === 404) return new ClusterError("not_found", `Not found while ${action}${details ? `: ${details}` : ""}.`, { details });
  if (status === 401) return new ClusterError("unauthorized", `The cluster did not accept the credentials while ${action}.`, { details });
  if (status === 403) return new ClusterError("forbidden", `The credentials may not read pod logs (${action}): ${details ?? "forbidden"}.`, { details });
  // 400: "container … is waiting to start", "previous terminated container … not found": a state, not a fault.
  if (status === 400) return new ClusterError("invalid", details ?? `The cluster refused ${action}.`, { details });
  if (status >= 500 || status === 429) return new ClusterError("unreachable", `The cluster is not answering properly (HTTP ${status}) while ${action}.`, { details });
  return new ClusterError("invalid", `Kubernetes answered HTTP ${status} while ${action}${details ? `: ${details}` : ""}.`, { details });
}
