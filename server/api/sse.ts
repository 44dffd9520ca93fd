import "server-only";

export interface SseEvent {
  event?: string;
  /** Sent as `id:` so a reconnecting EventSource resumes with Last-Event-ID. */
  id?: string | number;
  data: unknown;
}

const KEEP_ALIVE_MS = 15_000;

function frame(message: SseEvent): string {
  let text = "";
  if (message.event) text += `event: ${message.event}\n`;
  if (message.id !== undefined) text += `id: ${message.id}\n`;
  return `${text}data: ${JSON.stringify(message.data)}\n\n`;
}

/**
 * A Server-Sent-Events response fed by an async generator. It is pulled: the next event is
 * produced only when the response has room for it (a queue of two chunks), so a slow client
 * slows the producer down instead of growing a buffer in this process. The generator gets an
 * AbortSignal that fires when the client goes away. A comment line keeps idle streams open
 * through proxies.
 */
export function sseResponse(produce: (signal: AbortSignal) => AsyncGenerator<SseEvent>, request: Request, { retryMs = 2000 } = {}): Response {
  const abort = new AbortController();
  request.signal.addEventListener("abort", () => abort.abort(), { once: true });
  const encoder = new TextEncoder();
  const events = produce(abort.signal);
  let keepAlive: NodeJS.Timeout | undefined;
  let lastSent = Date.now();

  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(`retry: ${retryMs}\n\n`));
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
            console.error("[sse]", error);
            controller.enqueue(encoder.encode(frame({ event: "notice", data: { level: "warning", message: "The stream stopped unexpectedly; reconnecting." } })));
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
