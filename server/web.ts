/**
 * The web process: Next.js (pages, tRPC, auth, SSE streams, webhooks) behind a plain Node HTTP
 * server. Owning the server lets Slipway know each client's address for the audit log and
 * sign-in throttling: it is stamped into one header here, and any copy a client sent is dropped.
 */
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { CLIENT_IP_HEADER } from "@/server/client-ip";
import { env } from "@/server/env";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME_BIND ?? "0.0.0.0";

function clientAddress(forwardedFor: string | string[] | undefined, socketAddress: string | undefined): string | null {
  if (env().SLIPWAY_TRUST_PROXY && forwardedFor) {
    const first = (Array.isArray(forwardedFor) ? forwardedFor[0] : forwardedFor)?.split(",")[0]?.trim();
    if (first) return first;
  }
  return socketAddress?.replace(/^::ffff:/, "") ?? null;
}

async function main() {
  env(); // fail at start, with a sentence, on bad configuration
  const app = next({ dev, dir: path.resolve(import.meta.dirname, ".."), port, hostname: "localhost" });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = createServer((request, response) => {
    delete request.headers[CLIENT_IP_HEADER];
    const ip = clientAddress(request.headers["x-forwarded-for"], request.socket.remoteAddress);
    if (ip) request.headers[CLIENT_IP_HEADER] = ip;
    void handle(request, response);
  });
  // Live streams (logs, builds) stay open for long; do not cut them at Node's default request timeout.
  server.requestTimeout = 0;
  server.listen(port, hostname, () => console.log(`Slipway is listening on http://localhost:${port}`));

  const stop = () => server.close(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
