/**
 * The build benchmark (issue 4, item 8): in one run, per round,
 *   - a cold build through Slipway (empty layer cache: a fresh SLIPWAY_BUILDAH_ROOT),
 *   - the plain tools doing the same work (git clone + buildah bud --layers + buildah push into
 *     a fresh storage root of their own),
 *   - a rebuild through Slipway after a one-file change (the cache from the cold build),
 *   - and the plain tools' rebuild of that change, for comparison.
 * The order of the two cold builds alternates between rounds so that neither always runs first.
 * Everything is real: embedded PostgreSQL with the migrations, the pg-boss queue and the
 * worker's handler (in this process), a git http-backend server, the Distribution registry
 * (with its blob store read before and after the rebuild), buildah and skopeo.
 *
 *   node --conditions=react-server --import tsx bench/build/run.ts [--rounds 3]
 *
 * Prints a table and writes bench/results/build.json.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { storageDriver } from "@/server/build/storage-driver";
import { promisify } from "node:util";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { ensurePrismaClient, migrateDeploy } from "../../scripts/lib/prisma-cli";
import { ensureBaseImages } from "../../scripts/services/base-images";
import { freePort, startRegistry } from "../../scripts/services/registry";
import { startGitServer } from "../../tests/integration/helpers/git-server";
import { DOCKERFILE, oneFileChange } from "./bench-app";
import { plainBuild, type PlainBuildResult } from "./plain-build";
import { cpuSince, cpuTime, type CpuTime } from "./cpu-time";
import { newBlobs, registryBlobSizes } from "./registry-blobs";
import { registryLogOffset, registryRequestsSince } from "./registry-requests";
import type { SlipwayBuildTiming } from "./time-slipway-build";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const dataDir = path.join(root, ".data", "bench", "build");
const resultFile = path.join(root, "bench", "results", "build.json");
const GOALS = { cold_vs_buildah: 1.1, warm_vs_cold: 0.3 };

const roundsArg = process.argv.indexOf("--rounds");
const rounds = roundsArg === -1 ? 3 : Number(process.argv[roundsArg + 1]);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error("--rounds takes a whole number of at least 1.");

const say = (line: string) => console.log(`[bench] ${line}`);

// The registry keeps the base images between runs (they take a minute to make); the apps of
// earlier runs are deleted and their blobs collected before it starts, so each run starts clean.
const registryDir = path.join(dataDir, "registry");
await collectEarlierApps(registryDir);
const registry = await startRegistry({ dataDir: registryDir, port: await freePort() });
const registryStorage = path.join(registry.dataDir, "storage");

process.env.SLIPWAY_INSECURE_REGISTRIES = registry.url;
process.env.SLIPWAY_ALLOW_INSECURE_GIT_HOSTS = "127.0.0.1";
process.env.SLIPWAY_BUILDAH_ROOT = path.join(dataDir, "base-buildah");
say(`registry on ${registry.url}; making base images if missing…`);
const base = await ensureBaseImages({ registry: registry.url, onOutput: () => undefined });
process.env.SLIPWAY_PRESET_IMAGE_PREFIX = base.prefix;
process.env.SLIPWAY_REGISTRY = `${registry.url}/slipway-bench`;
process.env.SLIPWAY_BUILD_CONCURRENCY = "1";

const postgres = await startEmbeddedPostgres({
  dataDir: path.join(dataDir, "postgres"),
  port: await freePort(),
  password: "bench",
  database: "slipway_bench",
  fresh: true,
});
process.env.DATABASE_URL = postgres.url;
process.env.NEXTAUTH_SECRET = randomBytes(32).toString("base64url");
process.env.SLIPWAY_ENCRYPTION_KEY = randomBytes(32).toString("base64");
await ensurePrismaClient();
await migrateDeploy(postgres.url);

// Server modules read the environment set above, so they are loaded only now.
const { queue, stopQueue } = await import("@/server/jobs/queue");
const { registerJobHandlers } = await import("@/server/jobs/register-job-handlers");
const { inspectImage } = await import("@/server/build/inspect-image");
const { createBenchApp } = await import("./create-bench-app");
const { timeSlipwayBuild } = await import("./time-slipway-build");

const git = await startGitServer();
const stopHandlers = await registerJobHandlers(await queue());
const buildArgs = { BASE_PREFIX: base.prefix };
const scratch = path.join(dataDir, "work");
// Every build's output, for reading after the run.
const logDir = path.join(dataDir, "logs");
await rm(scratch, { recursive: true, force: true });
await rm(logDir, { recursive: true, force: true });

interface Measured<T> {
  wall_s: number;
  cpu: CpuTime;
  result: T;
}

/** Times `work` in wall-clock and CPU seconds, after writing out what earlier steps left dirty in the page cache. */
async function measure<T>(work: () => Promise<T>): Promise<Measured<T>> {
  await run("sync");
  const cpu = cpuTime();
  const started = performance.now();
  const result = await work();
  return { wall_s: (performance.now() - started) / 1000, cpu: cpuSince(cpu), result };
}

/** Bytes the registry received in a push: the blobs it uploaded (not mounted or skipped) and the manifest. */
async function pushedBytes(logOffset: number, manifestDigest: string) {
  await new Promise((resolve) => setTimeout(resolve, 300)); // the registry's log reaches its file through a pipe
  const requests = await registryRequestsSince(registry.logFile, logOffset);
  const sizes = await registryBlobSizes(registryStorage);
  const blobs = [...requests.uploaded.map((digest) => ({ digest, kind: "blob" })), { digest: manifestDigest, kind: "manifest" }]
    .map((blob) => ({ ...blob, bytes: sizes.get(blob.digest) ?? 0 }));
  return { bytes: sum(blobs.map((blob) => blob.bytes)), blobs, mounted: requests.mounted.length, manifests: requests.manifests };
}

const roundReports: Record<string, unknown>[] = [];
const figures: { cold_s: number; warm_s: number; plain_s: number; plain_warm_s: number; pushed: number; changed: number }[] = [];
let plainCommands: string[][] = [];
try {
  for (let round = 1; round <= rounds; round += 1) {
    const id = `${Date.now().toString(36)}-${round}`;
    const app = await createBenchApp(git, { repo: `bench-app-${id}`, buildArgs });
    const slipwayRoot = path.join(scratch, `slipway-buildah-${round}`);
    const plainRoot = path.join(scratch, `plain-buildah-${round}`);
    const plainRun = (tag: string) => () =>
      plainBuild({
        repoUrl: git.repoUrl(app.repo), branch: "main", storageRoot: plainRoot, checkoutDir: path.join(scratch, "plain-checkout"),
        buildArgs, destination: `${registry.url}/plain/bench-app-${id}:${tag}`, logFile: path.join(logDir, `round-${round}-plain-${tag}.log`),
      });
    const slipwayRun = (kind: string) => () => {
      process.env.SLIPWAY_BUILDAH_ROOT = slipwayRoot;
      return timeSlipwayBuild(app, path.join(logDir, `round-${round}-slipway-${kind}.log`));
    };

    // Alternate which cold build goes first, so neither always meets the other's leftovers.
    const slipwayFirst = round % 2 === 0;
    say(`round ${round}: cold build through Slipway and cold plain clone + bud + push (${slipwayFirst ? "Slipway" : "plain"} first)…`);
    let cold: Measured<SlipwayBuildTiming>;
    let plain: Measured<PlainBuildResult>;
    if (slipwayFirst) {
      cold = await measure(slipwayRun("cold"));
      plain = await measure(plainRun("cold"));
    } else {
      plain = await measure(plainRun("cold"));
      cold = await measure(slipwayRun("cold"));
    }
    plainCommands = plain.result.commands;

    await git.commitFiles(app.repo, oneFileChange(round), "Change one source file");
    say(`round ${round}: rebuild through Slipway after a one-file change, then the plain rebuild…`);
    const blobsBefore = await registryBlobSizes(registryStorage);
    const logBefore = await registryLogOffset(registry.logFile);
    const warm = await measure(slipwayRun("warm"));
    const received = await pushedBytes(logBefore, warm.result.imageReference.split("@")[1]!);
    const newInStore = newBlobs(blobsBefore, await registryBlobSizes(registryStorage));

    const plainLogBefore = await registryLogOffset(registry.logFile);
    const plainWarm = await measure(plainRun("warm"));
    const plainManifest = (await inspectImage(`${registry.url}/plain/bench-app-${id}:warm`)).digest;
    const plainReceived = await pushedBytes(plainLogBefore, plainManifest);

    // What the rebuild changed: its layers that the previous image did not have.
    const previous = new Set(cold.result.layers.map((layer) => layer.digest));
    const changed = warm.result.layers.filter((layer) => !previous.has(layer.digest));
    const changedBytes = sum(changed.map((layer) => layer.size));

    // The push step reads the new image and its base image back with skopeo: time one of each here.
    const inspectPushed = await measure(() => inspectImage(warm.result.imageReference));
    const inspectBase = await measure(() => inspectImage(`${base.prefix}/node:20-bookworm-slim`));

    const { layers: _coldLayers, ...coldTiming } = cold.result;
    const { layers: _warmLayers, ...warmTiming } = warm.result;
    const { commands: _commands, ...plainCold } = plain.result;
    const { commands: _warmCommands, ...plainRebuild } = plainWarm.result;
    figures.push({ cold_s: cold.wall_s, warm_s: warm.wall_s, plain_s: plain.wall_s, plain_warm_s: plainWarm.wall_s, pushed: received.bytes, changed: changedBytes });
    roundReports.push({
      round,
      order: slipwayFirst ? "Slipway cold first" : "plain cold first",
      cold_s: cold.wall_s,
      warm_s: warm.wall_s,
      plain_buildah_s: plain.wall_s,
      plain_buildah_warm_s: plainWarm.wall_s,
      cold_vs_buildah: cold.wall_s / plain.wall_s,
      warm_vs_cold: warm.wall_s / cold.wall_s,
      plain_warm_vs_cold: plainWarm.wall_s / plain.wall_s,
      cpu_s: {
        cold: cold.cpu,
        plain_cold: plain.cpu,
        warm: warm.cpu,
        plain_warm: plainWarm.cpu,
      },
      rebuild_pushed_bytes: received.bytes,
      rebuild_pushed: received,
      rebuild_new_blobs_in_store: [...newInStore].map(([digest, bytes]) => ({ digest, bytes })),
      rebuild_changed_layer_bytes: changedBytes,
      rebuild_changed_layers: changed.map((layer) => ({ digest: layer.digest, bytes: layer.size })),
      plain_rebuild_pushed: plainReceived,
      slipway: { cold: coldTiming, warm: warmTiming },
      plain: { cold: plainCold, warm: plainRebuild },
      skopeo_inspect_s: { pushed_image: inspectPushed.wall_s, base_image: inspectBase.wall_s },
    });
    await rm(slipwayRoot, { recursive: true, force: true });
    await rm(plainRoot, { recursive: true, force: true });
  }
} finally {
  stopHandlers();
  await stopQueue();
  await git.stop();
  await registry.stop();
  await postgres.stop();
}

const column = (key: keyof (typeof figures)[number]) => figures.map((figure) => figure[key]);
const cold_s = median(column("cold_s"));
const warm_s = median(column("warm_s"));
const plain_buildah_s = median(column("plain_s"));
const plain_buildah_warm_s = median(column("plain_warm_s"));
const summary = {
  cold_s: round3(cold_s),
  warm_s: round3(warm_s),
  plain_buildah_s: round3(plain_buildah_s),
  cold_vs_buildah: round3(cold_s / plain_buildah_s),
  warm_vs_cold: round3(warm_s / cold_s),
  rebuild_pushed_bytes: median(column("pushed")),
  rebuild_changed_layer_bytes: median(column("changed")),
};
const goals = {
  cold_vs_buildah: { goal: `<= ${GOALS.cold_vs_buildah}`, met: summary.cold_vs_buildah <= GOALS.cold_vs_buildah },
  warm_vs_cold: { goal: `<= ${GOALS.warm_vs_cold}`, met: summary.warm_vs_cold <= GOALS.warm_vs_cold },
  pushed_vs_changed_layers: {
    goal: "≈ 1: the registry receives the changed layers, a config and a manifest (a few KB)",
    ratio: round3(summary.rebuild_pushed_bytes / summary.rebuild_changed_layer_bytes),
  },
};
const cpuMedian = (kind: "cold" | "plain_cold" | "warm" | "plain_warm") => {
  const cpus = roundReports.map((r) => (r.cpu_s as Record<string, CpuTime>)[kind]!);
  return {
    self: round3(median(cpus.map((cpu) => cpu.self_s))),
    children_user: round3(median(cpus.map((cpu) => cpu.children_user_s))),
    children_sys: round3(median(cpus.map((cpu) => cpu.children_sys_s))),
  };
};

const report = {
  ...summary,
  date: new Date().toISOString(),
  statistic: `median of ${rounds} rounds (each round's figures below); the ratios are of the medians`,
  goals,
  extra: {
    plain_buildah_warm_s: round3(plain_buildah_warm_s),
    plain_warm_vs_cold: round3(plain_buildah_warm_s / plain_buildah_s),
    median_of_round_ratios: {
      cold_vs_buildah: round3(median(roundReports.map((r) => r.cold_vs_buildah as number))),
      warm_vs_cold: round3(median(roundReports.map((r) => r.warm_vs_cold as number))),
      plain_warm_vs_cold: round3(median(roundReports.map((r) => r.plain_warm_vs_cold as number))),
    },
    cpu_s: {
      note:
        "CPU seconds of this process (self) and of its waited-for children (git, buildah, skopeo). User time is the steadiest figure " +
        "on a shared machine; system time (copying files, most of all under vfs) swings with memory pressure from other work.",
      cold: cpuMedian("cold"),
      plain_cold: cpuMedian("plain_cold"),
      warm: cpuMedian("warm"),
      plain_warm: cpuMedian("plain_warm"),
    },
  },
  timed: {
    cold_s:
      "Slipway: build.start through the tRPC caller (ls-remote of the branch head, build row, pg-boss job) → the worker's handler " +
      "(registerJobHandlers, pg-boss polling every second) claims it → runBuild: fetch of the one commit, detect, buildah bud --layers, " +
      "buildah push, skopeo inspect of the pushed image and of its base → row SUCCEEDED, seen through LISTEN/NOTIFY. " +
      "A fresh SLIPWAY_BUILDAH_ROOT: the base image is pulled from the local registry into it.",
    warm_s: "The same for a new commit that changes greeting.js (copied after the dependency layers), with the cold build's layer cache.",
    plain_buildah_s:
      "The three commands below, one after the other, into a fresh storage root of their own: same commit, same Dockerfile and " +
      "context, the base image pulled from the same local registry, the same storage driver (storage_driver below) and chroot isolation. The local registry is " +
      "plain http: --tls-verify=false here, an insecure registries.conf entry in Slipway.",
    plain_commands: plainCommands.map((command) => command.join(" ")),
    rebuild_pushed_bytes:
      "From the registry's access log during the rebuild: the blobs whose upload completed (PUT …/blobs/uploads/…?digest=) plus the " +
      "manifest, sized from its blob store. Blobs it already had are only checked (HEAD) or mounted, and are not counted.",
    rebuild_changed_layer_bytes: "Compressed sizes of the rebuilt image's layers whose digests are not among the previous image's layers (skopeo inspect).",
    app: { fixture: "tests/fixtures/repos/node-app plus the files in bench/build/bench-app.ts", dockerfile: DOCKERFILE.trimEnd().split("\n") },
    between_measurements: "sync (not timed), so that one build's dirty pages are not written out during the next",
    logs: "Each build's output, with times, is kept in .data/bench/build/logs/ until the next run.",
  },
  notes: [
    "The worker's handler runs in the benchmark's process, as in the integration tests; the product runs it in the worker process.",
    "This machine is shared: other sessions' test runs use its 2 cores at the same time, so wall times swing by ±40% between rounds; compare the cpu_s figures and the rounds.",
  ],
  machine: {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    memory_gb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    buildah: (await run("buildah", ["--version"])).stdout.trim(),
    skopeo: (await run("skopeo", ["--version"])).stdout.trim(),
    storage_driver: (await storageDriver()).driver,
    load_average_at_end: os.loadavg().map(round3),
  },
  rounds: roundReports.map((r) => roundNumbers(r)),
};

await mkdir(path.dirname(resultFile), { recursive: true });
await writeFile(resultFile, `${JSON.stringify(report, null, 2)}\n`);
printTable();
say(`wrote ${path.relative(root, resultFile)}`);
process.exit(0);

function printTable() {
  const pad = (text: string, width: number) => text.padEnd(width);
  const list = (values: number[], digits = 2) => values.map((value) => value.toFixed(digits)).join(" / ");
  const rows: [string, string, string][] = [
    ["cold build through Slipway", `${cold_s.toFixed(2)} s`, list(column("cold_s"))],
    ["plain clone + bud + push", `${plain_buildah_s.toFixed(2)} s`, list(column("plain_s"))],
    ["rebuild through Slipway", `${warm_s.toFixed(2)} s`, list(column("warm_s"))],
    ["plain rebuild", `${plain_buildah_warm_s.toFixed(2)} s`, list(column("plain_warm_s"))],
    ["rebuild: bytes pushed", String(summary.rebuild_pushed_bytes), list(column("pushed"), 0)],
    ["rebuild: changed layer bytes", String(summary.rebuild_changed_layer_bytes), list(column("changed"), 0)],
  ];
  console.log("");
  console.log(`${pad("", 30)}${pad("median", 14)}rounds`);
  for (const [name, value, raw] of rows) console.log(`${pad(name, 30)}${pad(value, 14)}${raw}`);
  console.log("");
  console.log(`cold_vs_buildah ${summary.cold_vs_buildah} (goal ≤ ${GOALS.cold_vs_buildah}: ${goals.cold_vs_buildah.met ? "met" : "NOT met"})`);
  console.log(`warm_vs_cold    ${summary.warm_vs_cold} (goal ≤ ${GOALS.warm_vs_cold}: ${goals.warm_vs_cold.met ? "met" : "NOT met"}; plain tools: ${report.extra.plain_warm_vs_cold})`);
  console.log(`pushed / changed layer bytes ${goals.pushed_vs_changed_layers.ratio}`);
  const cpu = report.extra.cpu_s;
  const cpuText = (figures: { self: number; children_user: number; children_sys: number }) =>
    `${figures.children_user.toFixed(1)} user + ${figures.children_sys.toFixed(1)} sys + ${figures.self.toFixed(1)} node`;
  console.log("CPU seconds (median): tools' user + tools' system + the Node process");
  console.log(`  Slipway cold ${cpuText(cpu.cold)}; plain cold ${cpuText(cpu.plain_cold)}`);
  console.log(`  Slipway rebuild ${cpuText(cpu.warm)}; plain rebuild ${cpuText(cpu.plain_warm)}`);
  console.log("");
  console.log("Where Slipway's time went (median seconds):");
  for (const kind of ["cold", "warm"] as const) {
    const phases = roundReports.map((r) => (r.slipway as Record<string, SlipwayBuildTiming>)[kind]!.phases as unknown as Record<string, number | null>);
    console.log(`  ${kind}: ${Object.keys(phases[0]!).map((name) => `${name.replace(/_s$/, "")} ${median(phases.map((p) => p[name] ?? 0)).toFixed(2)}`).join(", ")}`);
  }
  for (const kind of ["cold", "warm"] as const) {
    const phases = roundReports.map((r) => (r.plain as Record<string, PlainBuildResult>)[kind]!.phases);
    console.log(`  plain ${kind}: ${(["clone_s", "bud_s", "push_s"] as const).map((name) => `${name.replace(/_s$/, "")} ${median(phases.map((p) => p[name])).toFixed(2)}`).join(", ")}`);
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function roundNumbers(value: unknown): unknown {
  if (typeof value === "number") return Number.isInteger(value) ? value : round3(value);
  if (Array.isArray(value)) return value.map(roundNumbers);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, roundNumbers(item)]));
  return value;
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** Deletes the image repositories of earlier runs (not the base images) and collects their blobs. */
async function collectEarlierApps(dir: string): Promise<void> {
  const repositories = path.join(dir, "storage/docker/registry/v2/repositories");
  const entries = await readdir(repositories).catch(() => [] as string[]);
  const earlier = entries.filter((entry) => entry !== "slipway");
  if (earlier.length === 0) return;
  for (const entry of earlier) await rm(path.join(repositories, entry), { recursive: true, force: true });
  // A configuration of its own: the one startRegistry writes names the port and path of its last start.
  const config = path.join(dir, "gc-config.yml");
  await writeFile(config, `version: 0.1\nstorage:\n  filesystem:\n    rootdirectory: ${JSON.stringify(path.join(dir, "storage"))}\n`);
  await run("docker-registry", ["garbage-collect", config]);
}
