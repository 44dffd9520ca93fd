import "server-only";
import { isClusterError, listAppPods } from "@/server/cluster";
import { AppError, notFound } from "@/server/errors";
import { decodeCursor } from "./log-cursor";
import { checkLogRequest, type LogRefusal } from "./check-log-request";
import { streamAppLogs, type AppLogEvent } from "./stream-app-logs";

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
  const namespace = target.namespace;
  if (!namespace) {
    return {
      ok: true,
      async *produce() {
        yield { kind: "notice", level: "info", message: "This app has not been deployed yet: its logs appear here once it runs." };
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
  const resume = decodeCursor(lastEventId ?? params.get("cursor"), target.appName);
  return {
    ok: true,
    produce: (signal) => streamAppLogs({ kubeconfig, namespace, appId, appName: target.appName, options, filter, resume, signal }),
  };
}
