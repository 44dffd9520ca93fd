"use client";

import { useEffect, useRef, useState } from "react";
import type { LogLine } from "@/components/logs/log-viewer";
import type { BuildStepState } from "@/server/builds/build-steps";
import type { BuildStatus } from "@/components/builds/build-status";

export interface LiveBuildState {
  status: BuildStatus;
  steps: BuildStepState[];
  imageDigest: string | null;
  imageReference: string | null;
  errorMessage: string | null;
  startedAt: string | null;
  finishedAt: string | null;
}

// The viewer keeps at most this many lines in memory; the kept log is capped on the server anyway.
const MAX_LINES = 100_000;

/**
 * Follows a build over Server-Sent Events. EventSource reconnects by itself and sends
 * Last-Event-ID, so the server resumes after the last line seen: nothing twice, nothing missed.
 */
export function useBuildStream(buildId: string, initial: LiveBuildState) {
  const [lines, setLines] = useState<LogLine[]>([]);
  const [state, setState] = useState<LiveBuildState>(initial);
  const [ended, setEnded] = useState(false);
  const [connected, setConnected] = useState(false);
  const buffer = useRef<LogLine[]>([]);

  useEffect(() => {
    const source = new EventSource(`/api/builds/${buildId}/events`);
    let frame: number | undefined;
    // Lines arrive in bursts; render at most once per animation frame.
    const schedule = () => {
      frame ??= requestAnimationFrame(() => {
        frame = undefined;
        const incoming = buffer.current;
        buffer.current = [];
        setLines((current) => {
          const next = current.concat(incoming);
          return next.length > MAX_LINES ? next.slice(next.length - MAX_LINES) : next;
        });
      });
    };
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    source.addEventListener("line", (event) => {
      const line = JSON.parse((event as MessageEvent<string>).data) as { seq: number; stream: string; text: string };
      buffer.current.push({ key: line.seq, text: line.text, stream: line.stream, system: line.stream === "system" || line.text.startsWith("==> ") });
      schedule();
    });
    source.addEventListener("state", (event) => setState(JSON.parse((event as MessageEvent<string>).data) as LiveBuildState));
    source.addEventListener("end", () => {
      setEnded(true);
      source.close();
    });
    return () => {
      source.close();
      if (frame !== undefined) cancelAnimationFrame(frame);
    };
  }, [buildId]);

  return { lines, state, ended, connected };
}
