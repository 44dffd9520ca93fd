/** A minimal SSE reader for the benchmark: counts the log lines of `lines` events and notes when each arrived. */
import http from "node:http";

export interface SseClient {
  ready: Promise<void>;
  close(): void;
  /** Lines received, in order. */
  count: number;
}

export function openSse(url: string, onLine: (text: string, at: number) => void): SseClient {
  let buffer = "";
  let event = "";
  let resolveReady!: () => void;
  let rejectReady!: (error: Error) => void;
  const client: SseClient = { ready: new Promise((resolve, reject) => ((resolveReady = resolve), (rejectReady = reject))), close: () => request.destroy(), count: 0 };
  const request = http.get(url, (response) => {
    if (response.statusCode !== 200) {
      rejectReady(new Error(`HTTP ${response.statusCode} from ${url}`));
      response.resume();
      return;
    }
    response.setEncoding("utf8");
    response.on("data", (chunk: string) => {
      const at = performance.now();
      const lines = (buffer + chunk).split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) {
        if (line.startsWith("event: ")) event = line.slice(7);
        else if (line.startsWith("data: ")) {
          if (event === "ready") resolveReady();
          if (event === "lines") {
            for (const entry of JSON.parse(line.slice(6)) as [string, string, string, string][]) {
              client.count += 1;
              onLine(entry[3], at);
            }
          }
        } else if (line === "") event = "";
      }
    });
  });
  request.on("error", (error) => rejectReady(error));
  return client;
}
