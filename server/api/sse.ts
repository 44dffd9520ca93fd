import "server-only";

export interface SseEvent {
  event?: string;
  /** Sent as `id:` so a reconnecting EventSource resumes with Last-Event-ID. */
  id?: string | number;
  data: unknown;
}

/**
 * A Server-Sent-Events response fed by an async generator. The generator gets an AbortSignal
 * that fires when the client goes away, so nothing keeps running for a closed tab. A comment
 * line every 15 s keeps proxies from closing an idle stream.
 */
export function sseResponse(produce: (signal: AbortSignal) => AsyncGenerator<SseEvent>, request: Request): Response {
  const abort = new AbortController();
  request.signal.addEventListener("abort", () => abort.abort(), { once: true });
  const encoder = new TextEncoder();

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const keepAlive = setInterval(() => controller.enqueue(encoder.encode(": keep-alive\n\n")), 15_000);
      try {
        controller.enqueue(encoder.encode("retry: 2000\n\n"));
        for await (const message of produce(abort.signal)) {
          if (abort.signal.aborted) break;
          let frame = "";
          if (message.event) frame += `event: ${message.event}\n`;
          if (message.id !== undefined) frame += `id: ${message.id}\n`;
          frame += `data: ${JSON.stringify(message.data)}\n\n`;
          controller.enqueue(encoder.encode(frame));
        }
      } catch (error) {
        if (!abort.signal.aborted) {
          controller.enqueue(encoder.encode(`event: error\ndata: ${JSON.stringify({ message: "The stream stopped unexpectedly; reconnecting." })}\n\n`));
          console.error("[sse]", error);
        }
      } finally {
        clearInterval(keepAlive);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      }
    },
    cancel() {
      abort.abort();
    },
  });

  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
}
