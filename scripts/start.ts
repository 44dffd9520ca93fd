/**
 * `npm start`: everything a first run needs, then the web and worker processes.
 * Without DATABASE_URL an embedded PostgreSQL keeps its data under .data/postgres.
 * `--dev` runs Next's development server instead of a production build.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres, type LocalPostgres } from "./lib/embedded-postgres";
import { loadLocalSecrets } from "./lib/local-secrets";
import { ensurePrismaClient, migrateDeploy } from "./lib/prisma-cli";
import { root, runToCompletion, spawnTs } from "./lib/processes";

const dev = process.argv.includes("--dev");
const dataDir = path.join(root, ".data");
const log = (line: string) => console.log(`[slipway] ${line}`);

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "generated" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** A production build is made when there is none or the sources changed since. */
function needsBuild(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return ["app", "components", "server", "public"].some((dir) => existsSync(path.join(root, dir)) && newestMtime(path.join(root, dir)) > built);
}

async function main() {
  const secrets = loadLocalSecrets(dataDir, log);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? secrets.NEXTAUTH_SECRET,
    SLIPWAY_ENCRYPTION_KEY: process.env.SLIPWAY_ENCRYPTION_KEY ?? secrets.SLIPWAY_ENCRYPTION_KEY,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? process.env.SLIPWAY_URL ?? `http://localhost:${process.env.PORT ?? 3000}`,
  };

  let postgres: LocalPostgres | undefined;
  if (!env.DATABASE_URL) {
    const port = Number(process.env.SLIPWAY_PG_PORT ?? 54329);
    log(`No DATABASE_URL: starting the embedded PostgreSQL on 127.0.0.1:${port} (data in .data/postgres).`);
    postgres = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, "postgres"),
      port,
      password: secrets.SLIPWAY_EMBEDDED_PG_PASSWORD,
      database: "slipway",
    });
    env.DATABASE_URL = postgres.url;
  }

  await ensurePrismaClient();
  log("Applying database migrations.");
  await migrateDeploy(env.DATABASE_URL!);

  if (!dev && needsBuild()) {
    log("Building the console (first start, or the sources changed).");
    await runToCompletion(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], env);
  }

  const children = [
    spawnTs("server/web.ts", dev ? ["--dev"] : [], { ...env, NODE_ENV: dev ? "development" : "production" }, "web"),
    // Domain modules import "server-only"; outside Next, the react-server condition resolves it to a no-op.
    spawnTs("server/jobs/worker.ts", [], { ...env, NODE_ENV: dev ? "development" : "production" }, "worker", ["--conditions=react-server"]),
  ];

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) child.kill("SIGTERM");
    await Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)))));
    await postgres?.stop();
    process.exit(code);
  };
  for (const child of children) child.on("exit", (code) => { if (!stopping) { log(`A Slipway process exited (code ${code}); stopping.`); void stop(code ?? 1); } });
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
}

main().catch((error: Error) => {
  console.error(`[slipway] ${error.message}`);
  process.exit(1);
});
