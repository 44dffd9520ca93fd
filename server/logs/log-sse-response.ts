import "server-only";
import type { AppLogEvent } from "./stream-app-logs";

const KEEP_ALIVE_MS = 15_000;

/**
 * The SSE response of a log stream. Unlike server/api/sse.ts, which pushes every event as soon
 * as it is made, this one is pulled: the next event is produced only when the response has
 * room for it (the stream's queue holds two chunks), so a slow client slows the producer down
 * instead of growing a buffer in this process. Frames:
 *   event: lines  id: <cursor>  data: [[pod, container, ts, text], …]
 *   event: pod    id: <cursor>  data: { change, pod }
 *   event: ready  id: <cursor>  data: {}
 *   event: notice               data: { level, message }
 */
export function logSseResponse(produce: (signal: AbortSignal) => AsyncGenerator<AppLogEvent>, request: Request): Response {
  const abort = new AbortController();
  request.signal.addEventListener("abort", () => abort.abort(), { once: true });
  const encoder = new TextEncoder();
  const events = produce(abort.signal);
  let keepAlive: NodeJS.Timeout | undefined;
  let lastSent = Date.now();

  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode("retry: 1000\n\n"));
        keepAlive = setInterval(() => {
          if (Date.now() - lastSent < KEEP_ALIVE_MS) return;
          lastSent = Date.now();
          try {
            controller.enqueue(encoder.encode(": keep-alive\n\n"));
          } catch {
            clearInterval(keepAlive);
          }
        }, KEEP_ALIVE_MS);
      },
      async pull(controller) {
        try {
          const next = await events.next();
          if (next.done) {
            clearInterval(keepAlive);
            controller.close();
            return;
          }
          lastSent = Date.now();
          controller.enqueue(encoder.encode(frame(next.value)));
        } catch (error) {
          clearInterval(keepAlive);
          if (!abort.signal.aborted) {
            console.error("[logs]", error);
            controller.enqueue(encoder.encode(frame({ kind: "notice", level: "warning", message: "The log stream stopped unexpectedly; reconnecting." })));
          }
          controller.close();
        }
      },
      async cancel() {
        clearInterval(keepAlive);
        abort.abort();
        await events.return(undefined);
      },
    },
    { highWaterMark: 2 },
  );

  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
}

function frame(event: AppLogEvent): string {
  switch (event.kind) {
    case "lines":
      return `event: lines\nid: ${event.cursor}\ndata: ${JSON.stringify(event.lines)}\n\n`;
    case "pod":
      return `event: pod\nid: ${event.cursor}\ndata: ${JSON.stringify({ change: event.change, pod: event.pod })}\n\n`;
    case "ready":
      return `event: ready\nid: ${event.cursor}\ndata: {}\n\n`;
    case "notice":
      return `event: notice\ndata: ${JSON.stringify({ level: event.level, message: event.message })}\n\n`;
  }
}
