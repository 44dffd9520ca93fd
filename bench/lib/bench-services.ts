/**
 * What the cluster benchmarks share: the test cluster, a fresh PostgreSQL with Slipway's schema
 * and the environment the server modules read (set before any of them is imported), the
 * cluster's own kubectl, and the small statistics every result file uses.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres, type LocalPostgres } from "../../scripts/lib/embedded-postgres";
import { ensurePrismaClient, migrateDeploy } from "../../scripts/lib/prisma-cli";
import { freePort } from "../../scripts/services/registry";

export const root = path.resolve(import.meta.dirname, "../..");
export const kubeconfigPath = process.env.SLIPWAY_KUBECONFIG ?? path.join(root, ".data", "kubeconfig");
/** The test cluster's kubectl (same version as its API server), else the one on PATH. */
export const kubectlPath = [path.join(process.env.SLIPWAY_CACHE_DIR ?? path.join(os.homedir(), ".cache", "slipway"), "testcluster", "v1.36.3", "bin", "kubectl"), "kubectl"].find(
  (candidate) => candidate === "kubectl" || existsSync(candidate),
)!;

export const say = (line: string) => console.log(`[bench] ${line}`);
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** `--name value` from the command line, or the fallback. */
export function numberArg(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
}

/** Starts the test cluster, or reuses a healthy one (tools/testcluster/cluster.sh up). */
export async function startTestCluster(): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const up = spawn("bash", [path.join(root, "tools/testcluster/cluster.sh"), "up"], { stdio: ["ignore", "ignore", "inherit"] });
    up.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`cluster.sh up exited with ${code}`))));
  });
}

/**
 * A fresh PostgreSQL in `.data/bench/<name>` with Slipway's migrations applied, and the
 * environment the server modules need (DATABASE_URL, SLIPWAY_KUBECONFIG, generated secrets).
 * Import server modules only after this (`await import(...)`): server/env.ts reads them once.
 */
export async function startBenchDatabase(name: string): Promise<LocalPostgres> {
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(root, ".data", "bench", name), port: await freePort(), password: "bench", database: "slipway_bench", fresh: true });
  process.env.DATABASE_URL = postgres.url;
  process.env.SLIPWAY_KUBECONFIG = kubeconfigPath;
  process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
  process.env.SLIPWAY_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
  await ensurePrismaClient();
  await migrateDeploy(postgres.url);
  return postgres;
}

/** The machine a result was measured on. */
export function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpu_model: cpus[0]?.model ?? "unknown",
    memory_gb: round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    load_average_at_start: os.loadavg().map((value) => round(value, 2)),
  };
}
