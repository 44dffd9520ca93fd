/**
 * A local OCI registry for development and tests: Debian's docker-registry (the CNCF
 * Distribution registry) bound to 127.0.0.1, storing blobs under .data/. Nothing can be pulled
 * from Docker Hub here, so this registry also holds the base images the presets build on
 * (see base-images.ts).
 *
 *   tsx scripts/services/registry.ts [--port 5055] [--data .data/registry]
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface RunningRegistry {
  /** "127.0.0.1:PORT": the host part of image references. */
  url: string;
  port: number;
  /** Where blobs are stored (docker/registry/v2/… below it). */
  dataDir: string;
  /** The registry's own log (one JSON-ish line per request). */
  logFile: string;
  /** True when a registry was already answering on the port and was reused (stop() then does nothing). */
  reused: boolean;
  stop(): Promise<void>;
}

export const DEFAULT_REGISTRY_PORT = 5055;
const READY_TIMEOUT_MS = 20_000;

export async function startRegistry(options: { dataDir: string; port?: number }): Promise<RunningRegistry> {
  const dataDir = path.resolve(options.dataDir);
  const port = options.port === 0 || options.port === undefined ? await freePort() : options.port;
  const url = `127.0.0.1:${port}`;
  const logFile = path.join(dataDir, "registry.log");

  if (await answersV2(url)) {
    return { url, port, dataDir, logFile, reused: true, stop: async () => undefined };
  }

  await mkdir(path.join(dataDir, "storage"), { recursive: true });
  const configFile = path.join(dataDir, "config.yml");
  await writeFile(
    configFile,
    [
      "version: 0.1",
      "log:",
      "  level: info",
      "  formatter: text",
      "storage:",
      "  filesystem:",
      `    rootdirectory: ${JSON.stringify(path.join(dataDir, "storage"))}`,
      "  delete:",
      "    enabled: true",
      "http:",
      `  addr: 127.0.0.1:${port}`,
      "  headers:",
      "    X-Content-Type-Options: [nosniff]",
      "",
    ].join("\n"),
  );

  const log = createWriteStream(logFile, { flags: "a" });
  const child = spawn("docker-registry", ["serve", configFile], { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  child.once("error", () => undefined);

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await answersV2(url))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      stopChild(child);
      throw new Error(`The registry did not start on ${url}; see ${logFile}.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    url,
    port,
    dataDir,
    logFile,
    reused: false,
    async stop() {
      stopChild(child);
      await exited;
      log.end();
    },
  };
}

async function answersV2(url: string): Promise<boolean> {
  try {
    const response = await fetch(`http://${url}/v2/`, { signal: AbortSignal.timeout(1_000) });
    return response.headers.get("docker-distribution-api-version") === "registry/2.0";
  } catch {
    return false;
  }
}

function stopChild(child: ChildProcess): void {
  if (child.exitCode === null) child.kill("SIGTERM");
}

/** A port that was free a moment ago (the registry binds it right after). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string) => {
    const index = process.argv.indexOf(name);
    return index === -1 ? undefined : process.argv[index + 1];
  };
  const registry = await startRegistry({
    dataDir: arg("--data") ?? path.join(process.cwd(), ".data", "registry"),
    port: Number(arg("--port") ?? process.env.SLIPWAY_REGISTRY_PORT ?? DEFAULT_REGISTRY_PORT),
  });
  if (registry.reused) {
    console.log(`A registry is already running on ${registry.url}.`);
  } else {
    console.log(`Registry on ${registry.url} (data ${registry.dataDir}, log ${registry.logFile}). Ctrl-C stops it.`);
    const stop = () => void registry.stop().then(() => process.exit(0));
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  }
}
