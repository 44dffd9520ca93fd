import "server-only";
import { isClusterError, listAppPods } from "@/server/cluster";
import { checkLogRequest, type LogRefusal } from "./check-log-request";
import { readLogBacklog } from "./read-log-backlog";

export type LogDownload = { ok: true; fileName: string; body: string } | LogRefusal;

/**
 * The app's logs as a text file: the same choice of pods, containers, tail, since and filter
 * as the viewer, merged in time order, one line each: `<timestamp> <pod> [<container>] <text>`.
 */
export async function downloadAppLogs({ userId, appId, params }: { userId: string; appId: string; params: URLSearchParams }): Promise<LogDownload> {
  const checked = await checkLogRequest({ userId, appId, params });
  if (!checked.ok) return checked;
  const { target, options, filter } = checked;
  const stamp = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
  const fileName = `${target.appName}-${stamp}.log`;
  if (!target.namespace) return { ok: true, fileName, body: "" };
  try {
    const kubeconfig = await target.kubeconfig();
    const signal = AbortSignal.timeout(60_000);
    const { pods } = await listAppPods({ kubeconfig, namespace: target.namespace, appId, signal });
    const unknown = options.pods.find((name) => !pods.some((pod) => pod.name === name));
    if (unknown) return { ok: false, status: 404, message: `This app has no pod named ${unknown}.` };
    const sources = pods
      .filter((pod) => options.pods.length === 0 || options.pods.includes(pod.name))
      .flatMap((pod) => pod.containers.filter((container) => container.started && (options.containers.length === 0 || options.containers.includes(container.name))).map((container) => ({ pod: pod.name, container: container.name })));
    const problems: string[] = [];
    const { kept } = await readLogBacklog({
      kubeconfig, namespace: target.namespace, sources, tail: options.tail || 1, sinceSeconds: options.since, signal,
      onProblem: (source, message) => problems.push(`# ${source.pod}/${source.container}: ${message}`),
    });
    const lines = kept
      .filter((line) => !filter || filter(line.text))
      .map((line) => `${line.ts} ${line.pod}${line.container === target.appName ? "" : ` [${line.container}]`} ${line.text}`);
    return { ok: true, fileName, body: [...problems, ...lines].join("\n") + (lines.length > 0 ? "\n" : "") };
  } catch (error) {
    if (isClusterError(error)) return { ok: false, status: 503, message: `Cannot reach the app's cluster: ${error.message}` };
    throw error;
  }
}
