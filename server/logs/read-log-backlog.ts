import "server-only";
import { isClusterError, openPodLog, type ClusterConfig } from "@/server/cluster";
import { nowTimestamp, parseLogLine } from "./log-line";

export interface BacklogLine {
  pod: string;
  container: string;
  ts: string;
  text: string;
}

export interface BacklogSource {
  pod: string;
  container: string;
}

/**
 * The last `tail` lines (per container, then of all of them together) of several pods, merged
 * in time order: what a viewer sees first, and what a download holds. `all` has every line
 * that was read, `kept` the last `tail` of them; the stream counts both as handled.
 */
export async function readLogBacklog({ kubeconfig, namespace, sources, tail, sinceSeconds, signal, onProblem }: {
  kubeconfig: ClusterConfig;
  namespace: string;
  sources: BacklogSource[];
  tail: number;
  sinceSeconds?: number;
  signal: AbortSignal;
  onProblem?: (source: BacklogSource, message: string) => void;
}): Promise<{ all: BacklogLine[]; kept: BacklogLine[] }> {
  const perSource = await Promise.all(
    sources.map(async (source) => {
      try {
        const stream = await openPodLog({ kubeconfig, namespace, pod: source.pod, container: source.container, follow: false, tailLines: tail, sinceSeconds, signal });
        stream.setEncoding("utf8");
        let rest = "";
        const lines: BacklogLine[] = [];
        for await (const chunk of stream as AsyncIterable<string>) {
          const parts = (rest + chunk).split("\n");
          rest = parts.pop() ?? "";
          for (const raw of parts) lines.push({ ...source, ...parseLogLine(raw, nowTimestamp()) });
        }
        if (rest) lines.push({ ...source, ...parseLogLine(rest, nowTimestamp()) });
        return lines;
      } catch (error) {
        if (signal.aborted) return [];
        if (!isClusterError(error)) throw error;
        onProblem?.(source, error.message);
        return [];
      }
    }),
  );
  // Stable sort: lines of one container keep their order when timestamps tie.
  const all = perSource.flat().sort((a, b) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : 0));
  return { all, kept: tail > 0 ? all.slice(Math.max(0, all.length - tail)) : [] };
}
