/**
 * The web side of the logs benchmark: Slipway's log route — openAppLogStream (the checks) and
 * logSseResponse (the pulled SSE response) — served by a plain Node HTTP server in its own
 * process, so its memory is measured alone. What the Next.js route adds on top (the session
 * lookup) is left out: the user id comes in the query.
 *
 *   node --conditions=react-server --import tsx bench/logs/sse-server.ts <port>
 */
import http from "node:http";
import { Readable } from "node:stream";
import { logSseResponse } from "@/server/logs/log-sse-response";
import { openAppLogStream } from "@/server/logs/open-app-log-stream";

const port = Number(process.argv[2] ?? 0);

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (url.pathname === "/memory") {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed }));
    return;
  }
  const abort = new AbortController();
  res.on("close", () => abort.abort());
  try {
    const opened = await openAppLogStream({
      userId: url.searchParams.get("user") ?? "",
      appId: url.searchParams.get("app") ?? "",
      params: url.searchParams,
      lastEventId: (req.headers["last-event-id"] as string | undefined) ?? null,
    });
    if (!opened.ok) {
      res.writeHead(opened.status, { "content-type": "application/json" });
      res.end(JSON.stringify({ message: opened.message }));
      return;
    }
    const response = logSseResponse(opened.produce, new Request(url, { signal: abort.signal }));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.flushHeaders();
    // pipe() writes only as fast as the socket drains: the response's pull model does the rest.
    Readable.fromWeb(response.body! as never).pipe(res);
  } catch (error) {
    console.error(error);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  }
});
server.requestTimeout = 0;
server.listen(port, "127.0.0.1", () => {
  const address = server.address();
  console.log(`listening ${typeof address === "object" && address ? address.port : port}`);
});
