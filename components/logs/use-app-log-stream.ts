"use client";

import { useEffect, useRef, useState } from "react";
import type { LogLine } from "@/components/logs/log-viewer";
import { tagColour } from "@/components/logs/log-viewer";
import type { LogPodInfo } from "@/server/logs/stream-app-logs";

/** The viewer keeps at most this many lines; older ones are dropped from the view (the pods still have them). */
export const MAX_VIEW_LINES = 100_000;

/** A pod as the stream describes it (server/logs/stream-app-logs.ts). */
export type LogPod = LogPodInfo;

export interface LogQuery {
  tail: string;
  since: string;
  pods: string[];
  containers: string[];
  filter: string;
  regex: boolean;
}

export function logQueryString(query: LogQuery): string {
  const params = new URLSearchParams({ tail: query.tail });
  if (query.since !== "all") params.set("since", query.since);
  if (query.pods.length > 0) params.set("pods", query.pods.join(","));
  if (query.containers.length > 0) params.set("containers", query.containers.join(","));
  if (query.filter) params.set("filter", query.filter);
  if (query.regex) params.set("regex", "1");
  return params.toString();
}

const shortPod = (pod: string, appName: string) => (pod.startsWith(`${appName}-`) ? pod.slice(appName.length + 1) : pod);

/**
 * Follows the app's merged log over Server-Sent Events. EventSource reconnects by itself and
 * sends Last-Event-ID, which the server turns into "continue after the last line of each pod":
 * nothing twice, nothing missed. Paused, lines keep arriving but are held until "Follow".
 */
export function useAppLogStream(appId: string, appName: string, query: LogQuery, paused: boolean) {
  const [lines, setLines] = useState<LogLine[]>([]);
  const [pods, setPods] = useState<Record<string, LogPod>>({});
  const [connected, setConnected] = useState(false);
  const [ready, setReady] = useState(false);
  const [dropped, setDropped] = useState(0);
  const [held, setHeld] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const incoming = useRef<LogLine[]>([]);
  const holding = useRef<LogLine[]>([]);
  const pausedRef = useRef(paused);
  const flushRef = useRef<() => void>(() => undefined);
  const queryString = logQueryString(query);

  useEffect(() => {
    pausedRef.current = paused;
    if (!paused) flushRef.current();
  }, [paused]);

  useEffect(() => {
    setLines([]);
    setPods({});
    setReady(false);
    setDropped(0);
    setHeld(0);
    setError(null);
    incoming.current = [];
    holding.current = [];
    let sequence = 0;
    let frame: number | undefined;
    const url = `/api/apps/${appId}/logs?${queryString}`;
    const source = new EventSource(url);

    const flush = () => {
      frame = undefined;
      const batch = incoming.current;
      incoming.current = [];
      if (pausedRef.current) {
        holding.current.push(...batch);
        if (holding.current.length > MAX_VIEW_LINES) holding.current.splice(0, holding.current.length - MAX_VIEW_LINES);
        setHeld(holding.current.length);
        return;
      }
      const add = holding.current.length > 0 ? holding.current.concat(batch) : batch;
      holding.current = [];
      setHeld(0);
      if (add.length === 0) return;
      setLines((current) => {
        const next = current.length === 0 ? add : current.concat(add);
        if (next.length <= MAX_VIEW_LINES) return next;
        setDropped((count) => count + next.length - MAX_VIEW_LINES);
        return next.slice(next.length - MAX_VIEW_LINES);
      });
    };
    flushRef.current = flush;
    // Lines arrive in bursts; render at most once per animation frame.
    const schedule = () => {
      frame ??= requestAnimationFrame(flush);
    };
    const system = (text: string) => {
      incoming.current.push({ key: `s${sequence++}`, text, system: true });
      schedule();
    };

    source.onopen = () => {
      setConnected(true);
      setError(null);
    };
    source.onerror = () => {
      setConnected(false);
      // A refused request (bad filter, unknown pod) is not retried by the browser: say why.
      if (source.readyState === EventSource.CLOSED) {
        const check = new AbortController();
        void fetch(url, { headers: { accept: "application/json" }, signal: check.signal })
          .then(async (response) => {
            if (response.ok) {
              check.abort();
              return null;
            }
            return ((await response.json()) as { message?: string }).message;
          })
          .then((message) => setError(message ?? "The log stream closed."))
          .catch(() => setError("The log stream closed."));
      }
    };
    source.addEventListener("lines", (event) => {
      const batch = JSON.parse((event as MessageEvent<string>).data) as [string, string, string, string][];
      for (const [pod, container, ts, text] of batch) {
        const label = container === appName ? shortPod(pod, appName) : `${shortPod(pod, appName)}/${container}`;
        incoming.current.push({ key: `l${sequence++}`, text, timestamp: ts.slice(0, 23).replace("T", " "), tag: { label, className: tagColour(pod) } });
      }
      schedule();
    });
    source.addEventListener("pod", (event) => {
      const { change, pod } = JSON.parse((event as MessageEvent<string>).data) as { change: string; pod: LogPod };
      setPods((current) => ({ ...current, [pod.name]: pod }));
      if (change === "joined") system(`— pod ${pod.name} joined`);
      if (change === "ended") system(`— pod ${pod.name} ended${pod.lastTermination ? ` (${pod.lastTermination})` : ""}`);
    });
    source.addEventListener("ready", () => setReady(true));
    source.addEventListener("notice", (event) => system(`— ${(JSON.parse((event as MessageEvent<string>).data) as { message: string }).message}`));

    return () => {
      source.close();
      if (frame !== undefined) cancelAnimationFrame(frame);
    };
  }, [appId, appName, queryString]);

  return { lines, pods, connected, ready, dropped, held, error };
}
