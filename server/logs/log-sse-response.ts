import "server-only";
import { sseResponse, type SseEvent } from "@/server/api/sse";
import type { AppLogEvent } from "./stream-app-logs";

/**
 * The SSE response of a log stream (pulled, so a slow client slows the pod streams down; see
 * server/api/sse.ts). Frames:
 *   event: lines  id: <cursor>  data: [[pod, container, ts, text], …]
 *   event: pod    id: <cursor>  data: { change, pod }
 *   event: ready  id: <cursor>  data: {}
 *   event: notice               data: { level, message }
 */
export function logSseResponse(produce: (signal: AbortSignal) => AsyncGenerator<AppLogEvent>, request: Request): Response {
  return sseResponse(async function* (signal) {
    for await (const event of produce(signal)) yield toSse(event);
  }, request, { retryMs: 1000 });
}

function toSse(event: AppLogEvent): SseEvent {
  switch (event.kind) {
    case "lines":
      return { event: "lines", id: event.cursor, data: event.lines };
    case "pod":
      return { event: "pod", id: event.cursor, data: { change: event.change, pod: event.pod } };
    case "ready":
      return { event: "ready", id: event.cursor, data: {} };
    case "notice":
      return { event: "notice", data: { level: event.level, message: event.message } };
  }
}
