/**
 * Runs every suite against real services, started here once per run:
 *   typecheck → PostgreSQL (fresh) + migrations → unit → integration → build → e2e.
 * Integration suites start or reuse the registry, git server and Kubernetes test cluster
 * through their vitest global setups. Every suite runs even when an earlier one fails, so one
 * run reports everything; the exit code is non-zero if any failed.
 * `npm test -- unit integration` runs only the named suites.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";
import { ensureBaseImages } from "./services/base-images";
import { startRegistry } from "./services/registry";
import { ensurePrismaClient, migrateDeploy } from "./lib/prisma-cli";
import { root, runToCompletion, spawnTs } from "./lib/processes";

const SUITES = ["typecheck", "unit", "integration", "e2e"] as const;
type Suite = (typeof SUITES)[number];
const requested = process.argv.slice(2).filter((arg): arg is Suite => (SUITES as readonly string[]).includes(arg));
const suites = new Set<Suite>(requested.length > 0 ? requested : SUITES);

const testData = path.join(root, ".data", "test");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const results: { name: string; ok: boolean; seconds: number; tests?: string }[] = [];
const log = (line: string) => console.log(`\n[test] ${line}`);

async function step(name: string, run: () => Promise<void>, count?: () => string | undefined): Promise<boolean> {
  log(`${name}…`);
  const started = Date.now();
  let ok = true;
  try {
    await run();
  } catch (error) {
    ok = false;
    console.error(`[test] ${name} failed: ${(error as Error).message}`);
  }
  const seconds = (Date.now() - started) / 1000;
  results.push({ name, ok, seconds, tests: count?.() });
  return ok;
}

function vitestCount(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  const report = JSON.parse(readFileSync(file, "utf8")) as { numTotalTests: number; numPassedTests: number; numFailedTests: number };
  return `${report.numPassedTests}/${report.numTotalTests} passed`;
}

/**
 * The report decides as well as the exit code: a library in the test process that ends it with
 * code 0 (embedded-postgres's exit hook does, on "beforeExit") must not turn a failure into a pass.
 */
function assertVitestPassed(file: string): void {
  if (!existsSync(file)) throw new Error(`vitest wrote no report (${file})`);
  const report = JSON.parse(readFileSync(file, "utf8")) as { success: boolean; numFailedTests: number; numTotalTests: number };
  if (!report.success || report.numFailedTests > 0 || report.numTotalTests === 0) throw new Error(`${report.numFailedTests} of ${report.numTotalTests} tests failed`);
}

function playwrightCount(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  const report = JSON.parse(readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  const { expected, unexpected, flaky, skipped } = report.stats;
  return `${expected}/${expected + unexpected + flaky + skipped} passed`;
}

async function waitForHealthy(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
}

async function main() {
  const started = Date.now();
  rmSync(path.join(testData, "reports"), { recursive: true, force: true });
  rmSync(path.join(testData, "logs"), { recursive: true, force: true });
  mkdirSync(path.join(testData, "reports"), { recursive: true });
  await ensurePrismaClient();

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "test",
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    SLIPWAY_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  };

  if (suites.has("typecheck")) await step("typecheck", () => runToCompletion(bin("tsc"), ["--noEmit", "-p", "."], env));

  // The Kubernetes test cluster: built from source on a new machine (cached by version under
  // ~/.cache/slipway), reused when already running. Its own step, so a cold build shows its progress.
  if (suites.has("integration") || suites.has("e2e")) {
    await step("test cluster", () => runToCompletion("bash", [path.join(root, "tools/testcluster/cluster.sh"), "up"], env));
  }

  const postgres = await startEmbeddedPostgres({
    dataDir: path.join(testData, "postgres"),
    port: Number(process.env.SLIPWAY_TEST_PG_PORT ?? 55432),
    password: "test",
    database: "slipway_test",
    fresh: true,
  });
  env.DATABASE_URL = postgres.url;
  await migrateDeploy(postgres.url);

  // One registry for the whole run, holding the base images the presets build on (made locally:
  // nothing can be pulled). Integration tests reuse it; the e2e console pushes to it.
  const registry = await startRegistry({ dataDir: path.join(root, ".data", "test-registry"), port: 0 });
  env.SLIPWAY_BUILDAH_ROOT ??= path.join(root, ".data", "test-buildah");
  process.env.SLIPWAY_BUILDAH_ROOT = env.SLIPWAY_BUILDAH_ROOT;
  const baseImages = await ensureBaseImages({ registry: registry.url, onOutput: (line) => console.log(`[base-images] ${line}`) });
  Object.assign(env, {
    SLIPWAY_TEST_REGISTRY: registry.url,
    SLIPWAY_INSECURE_REGISTRIES: registry.url,
    SLIPWAY_PRESET_IMAGE_PREFIX: baseImages.prefix,
    SLIPWAY_ALLOW_INSECURE_GIT_HOSTS: "127.0.0.1",
  });

  try {
    for (const project of ["unit", "integration"] as const) {
      if (!suites.has(project)) continue;
      const report = path.join(testData, "reports", `${project}.json`);
      await step(
        project,
        async () => {
          rmSync(report, { force: true });
          await runToCompletion(bin("vitest"), ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`], env);
          assertVitestPassed(report);
        },
        () => vitestCount(report),
      );
    }

    if (suites.has("e2e")) {
      const port = Number(process.env.SLIPWAY_TEST_WEB_PORT ?? 3100);
      const webEnv: NodeJS.ProcessEnv = { ...env, NODE_ENV: "production", SLIPWAY_SKIP_BUILD_TYPECHECK: "1", SLIPWAY_REGISTRY: `${registry.url}/slipway-e2e`, SLIPWAY_KUBECONFIG: path.join(root, ".data", "kubeconfig"), PORT: String(port), SLIPWAY_URL: `http://localhost:${port}`, NEXTAUTH_URL: `http://localhost:${port}` };
      const built = await step("build console", () => runToCompletion(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], webEnv));
      if (built) {
        // Their output goes to files, kept for reading after a failure (CI prints the paths).
        const logs = path.join(testData, "logs");
        mkdirSync(logs, { recursive: true });
        const web = spawnTs("server/web.ts", [], webEnv, "web", [], path.join(logs, "web.log"));
        const worker = spawnTs("server/jobs/worker.ts", [], webEnv, "worker", ["--conditions=react-server"], path.join(logs, "worker.log"));
        log(`web and worker logs: ${path.relative(root, logs)}/{web,worker}.log`);
        try {
          await waitForHealthy(`http://localhost:${port}/api/health`, 60_000);
          const report = path.join(testData, "e2e.json");
          await step("e2e", () => runToCompletion(bin("playwright"), ["test", ...(process.env.SLIPWAY_E2E_GREP ? ["--grep", process.env.SLIPWAY_E2E_GREP] : [])], { ...env, E2E_BASE_URL: `http://localhost:${port}` }), () => playwrightCount(report));
        } finally {
          web.kill("SIGTERM");
          worker.kill("SIGTERM");
        }
      }
    }
  } finally {
    await registry.stop();
    await postgres.stop();
  }

  console.log("\n[test] summary");
  for (const result of results) {
    console.log(`  ${result.ok ? "PASS" : "FAIL"}  ${result.name.padEnd(14)} ${result.seconds.toFixed(1).padStart(7)}s  ${result.tests ?? ""}`);
  }
  console.log(`  total ${((Date.now() - started) / 1000).toFixed(1)}s`);
  process.exit(results.every((result) => result.ok) ? 0 : 1);
}

main().catch((error: Error) => {
  console.error(`[test] ${error.message}`);
  process.exit(1);
});
