import "server-only";
import { isClusterError, listAppPods } from "@/server/cluster";
import { AppError, notFound } from "@/server/errors";
import { decodeCursor } from "./log-cursor";
import { waitForEvent } from "@/server/events/pg-events";
import { checkLogRequest, type LogRefusal } from "./check-log-request";
import { findAppForReader } from "./find-app-for-reader";
import { streamAppLogs, type AppLogEvent } from "./stream-app-logs";

// The first deploy is noticed through the app's events; this is the fallback for a missed one.
const PLACEMENT_CHECK_MS = 30_000;

export type OpenedLogStream =
  | { ok: true; produce: (signal: AbortSignal) => AsyncGenerator<AppLogEvent> }
  | LogRefusal;

/**
 * Everything the logs route checks before it answers with a stream: checkLogRequest's checks,
 * and every pod the viewer named is one of the app's pods — another team's pod, by name, is
 * simply not found.
 */
export async function openAppLogStream({ userId, appId, params, lastEventId }: { userId: string; appId: string; params: URLSearchParams; lastEventId: string | null }): Promise<OpenedLogStream> {
  const checked = await checkLogRequest({ userId, appId, params });
  if (!checked.ok) return checked;
  const { target, options, filter } = checked;
  const resume = decodeCursor(lastEventId ?? params.get("cursor"), target.appName);
  const namespace = target.namespace;
  if (!namespace) {
    return {
      ok: true,
      async *produce(signal) {
        yield { kind: "notice", level: "info", message: "This app has not been deployed yet: its logs appear here once it runs." };
        // The stream stays open (an ended one would be reopened by the browser, notice and all,
        // every second) and follows the app from its first deploy on.
        while (!signal.aborted) {
          await waitForEvent("app", appId, PLACEMENT_CHECK_MS, signal);
          const placed = await findAppForReader({ userId, appId });
          if (!placed) return;
          if (!placed.namespace || signal.aborted) continue;
          let kubeconfig;
          try {
            kubeconfig = await placed.kubeconfig();
          } catch (error) {
            if (!isClusterError(error)) throw error;
            yield { kind: "notice", level: "warning", message: `Cannot reach the app's cluster: ${error.message}` };
            return;
          }
          yield* streamAppLogs({ kubeconfig, namespace: placed.namespace, appId, appName: placed.appName, options, filter, resume, signal });
          return;
        }
      },
    };
  }
  let kubeconfig;
  try {
    kubeconfig = await target.kubeconfig();
    if (options.pods.length > 0) {
      const { pods } = await listAppPods({ kubeconfig, namespace, appId, signal: AbortSignal.timeout(10_000) });
      const names = new Set(pods.map((pod) => pod.name));
      const unknown = options.pods.find((name) => !names.has(name));
      if (unknown) throw notFound(`This app has no pod named ${unknown}.`);
    }
  } catch (error) {
    if (error instanceof AppError) return { ok: false, status: error.code === "NOT_FOUND" ? 404 : 400, message: error.message };
    if (isClusterError(error)) return { ok: false, status: 503, message: `Cannot reach the app's cluster: ${error.message}` };
    throw error;
  }
  return {
    ok: true,
    produce: (signal) => streamAppLogs({ kubeconfig, namespace, appId, appName: target.appName, options, filter, resume, signal }),
  };
}
