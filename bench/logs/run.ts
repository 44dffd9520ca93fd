/**
 * The logs benchmark (issue 6, item 6), in one run against the test cluster (real API server,
 * kwok serving the pod's log file through `pods/log`):
 *   1. latency: lines appended one at a time to the pod's log file, timed until each reaches
 *      an SSE client of Slipway's log route, and until it reaches `kubectl logs -f` on the same
 *      pod, both following at once;
 *   2. throughput: lines appended as fast as the file takes them for a while; the rate at which
 *      they reach the SSE client, and how many never do;
 *   3. 50 viewers at once on the same app while lines flow: the web process's memory growth.
 * The web side is bench/logs/sse-server.ts in its own process (Slipway's route code in a plain
 * HTTP server). Writes bench/results/logs.json.
 *
 * The latency is measured in rounds (the figures are the medians of the rounds' percentiles, as
 * the other benchmarks report medians of rounds): one round's p95 swings with whatever else the
 * two cores are doing at that moment.
 *
 *   node --conditions=react-server --import tsx bench/logs/run.ts [--latency-lines 400] [--latency-rounds 3] [--seconds 10] [--rate 20000]
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { CoreV1Api, KubeConfig, KubernetesObjectApi } from "@kubernetes/client-node";
import { freePort } from "../../scripts/services/registry";
import { kubeconfigPath, kubectlPath as kubectl, median, numberArg as arg, root, round, say, sleep, startBenchDatabase, startTestCluster } from "../lib/bench-services";
import { openSse } from "./sse-client";

const resultFile = path.join(root, "bench", "results", "logs.json");
const logDir = process.env.SLIPWAY_TESTCLUSTER_LOGS ?? path.join(root, ".data", "testcluster", "logs");
const GOALS = { p95_vs_kubectl: 1.2, lines_per_s: 10_000, lines_lost: 0 };

const LATENCY_LINES = arg("latency-lines", 400);
const LATENCY_ROUNDS = arg("latency-rounds", 3);
const THROUGHPUT_SECONDS = arg("seconds", 10);
const OFFERED_RATE = arg("rate", 20_000);
const VIEWERS = arg("viewers", 50);
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
};

const children: ChildProcess[] = [];
process.on("exit", () => children.forEach((child) => child.kill("SIGKILL")));

// --- services: the cluster, a fresh PostgreSQL, the web side ---------------------------------
say("starting the test cluster (or reusing it)…");
await startTestCluster();
const postgres = await startBenchDatabase("logs-postgres");
const { db } = await import("@/server/db");

const kubeConfig = new KubeConfig();
kubeConfig.loadFromFile(kubeconfigPath);
const core = kubeConfig.makeApiClient(CoreV1Api);
const objects = KubernetesObjectApi.makeApiClient(kubeConfig);
const namespace = `bench-logs-${randomBytes(3).toString("hex")}`;
const podName = "bench-0";

// The app, its team and a viewer, as rows; its pod made directly (no deploy needed to read logs).
const user = await db.user.create({ data: { email: `viewer-${namespace}@example.test`, name: "Viewer" } });
const team = await db.team.create({ data: { slug: namespace, name: "Bench", memberships: { create: { userId: user.id, role: "VIEWER" } } } });
const project = await db.project.create({ data: { teamId: team.id, name: "bench", environments: { create: { name: "production", namespace } } }, include: { environments: true } });
const app = await db.app.create({ data: { teamId: team.id, environmentId: project.environments[0]!.id, name: "bench" } });

await core.createNamespace({ body: { metadata: { name: namespace, labels: { "slipway.dev/test": "true" } } } });
const logsFile = path.join(logDir, namespace, `${podName}.log`);
await mkdir(path.dirname(logsFile), { recursive: true });
appendFileSync(logsFile, "");
appendFileSync(path.join(logDir, namespace, `${podName}.previous.log`), "");
await objects.create({ apiVersion: "kwok.x-k8s.io/v1alpha1", kind: "Logs", metadata: { name: podName, namespace }, spec: { logs: [{ logsFile, previousLogsFile: logsFile.replace(/\.log$/, ".previous.log"), follow: true }] } } as never);
for (let attempt = 0; ; attempt += 1) {
  try {
    await core.createNamespacedPod({ namespace, body: { metadata: { name: podName, labels: { "slipway.dev/app": app.id } }, spec: { containers: [{ name: "bench", image: "registry.example.test/bench@sha256:" + "0".repeat(64) }] } } });
    break;
  } catch (error) {
    if (attempt > 40) throw error;
    await sleep(250); // the namespace's default ServiceAccount comes a moment after the namespace
  }
}
for (;;) {
  const pod = await core.readNamespacedPod({ name: podName, namespace });
  if (pod.status?.phase === "Running") break;
  await sleep(200);
}
const write = (lines: string[]) => appendFileSync(logsFile, lines.map((line) => `${new Date().toISOString()} stdout F ${line}\n`).join(""));
// kwok learns of the Logs object through a watch: wait until it serves this file.
write(["warm-up"]);
for (;;) {
  const text = await core.readNamespacedPodLog({ name: podName, namespace, container: "bench" }).catch(() => "");
  if (text.includes("warm-up")) break;
  await sleep(100);
}

const port = await freePort();
const web = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "bench/logs/sse-server.ts"), String(port)], { cwd: root, env: process.env, stdio: ["ignore", "pipe", "inherit"] });
children.push(web);
await new Promise<void>((resolve) => createInterface({ input: web.stdout! }).on("line", (line) => line.startsWith("listening") && resolve()));
const streamUrl = (query: Record<string, string> = {}) => `http://127.0.0.1:${port}/logs?${new URLSearchParams({ user: user.id, app: app.id, ...query })}`;
const webMemory = async () => ((await (await fetch(`http://127.0.0.1:${port}/memory`)).json()) as { rss: number }).rss;

// --- 1. latency, side by side with kubectl logs -f ----------------------------------------------
say(`latency: ${LATENCY_ROUNDS} rounds of ${LATENCY_LINES} lines, one every 20 ms, to Slipway's SSE and to kubectl logs -f…`);
const sentAt = new Map<number, number>();
const sseArrivals = new Map<number, number>();
const kubectlArrivals = new Map<number, number>();
const sse = openSse(streamUrl({ tail: "0" }), (text, at) => {
  const match = /^lat (-?\d+)$/.exec(text);
  if (match) sseArrivals.set(Number(match[1]), at);
});
const follower = spawn(kubectl, ["--kubeconfig", kubeconfigPath, "logs", "-f", "--tail=0", "-n", namespace, podName, "-c", "bench"], { stdio: ["ignore", "pipe", "inherit"] });
children.push(follower);
createInterface({ input: follower.stdout! }).on("line", (line) => {
  const at = performance.now();
  const match = /^lat (-?\d+)$/.exec(line);
  if (match) kubectlArrivals.set(Number(match[1]), at);
});
await sse.ready;
// kubectl prints nothing until a line comes: probe until it is following.
for (let probe = 0; kubectlArrivals.size === 0; probe += 1) {
  write([`lat ${-1 - probe}`]);
  await sleep(300);
  if (probe > 60) throw new Error("kubectl logs -f did not start following.");
}
await sleep(500);
for (let seq = 0; seq < LATENCY_LINES * LATENCY_ROUNDS; seq += 1) {
  if (seq > 0 && seq % LATENCY_LINES === 0) await sleep(1_000); // between rounds
  sentAt.set(seq, performance.now());
  write([`lat ${seq}`]);
  await sleep(20);
}
await sleep(2_000);
sse.close();
follower.kill();
const latencies = (arrivals: Map<number, number>, round: number) =>
  [...sentAt].filter(([seq]) => Math.floor(seq / LATENCY_LINES) === round && arrivals.has(seq)).map(([seq, at]) => arrivals.get(seq)! - at);
const latencyRounds = Array.from({ length: LATENCY_ROUNDS }, (_, index) => {
  const slipway = latencies(sseArrivals, index);
  const plain = latencies(kubectlArrivals, index);
  return {
    round: index + 1,
    p50_ms: round(percentile(slipway, 50)),
    p95_ms: round(percentile(slipway, 95)),
    p99_ms: round(percentile(slipway, 99)),
    kubectl_p50_ms: round(percentile(plain, 50)),
    kubectl_p95_ms: round(percentile(plain, 95)),
    lines: slipway.length,
    kubectl_lines: plain.length,
  };
});
const latencyLost = [...sentAt.keys()].filter((seq) => !sseArrivals.has(seq)).length;
const latencyMedian = (key: "p50_ms" | "p95_ms" | "p99_ms" | "kubectl_p50_ms" | "kubectl_p95_ms") => median(latencyRounds.map((round) => round[key]));
for (const round of latencyRounds) {
  say(`  round ${round.round}: SSE p50 ${round.p50_ms} ms, p95 ${round.p95_ms} ms, p99 ${round.p99_ms} ms; kubectl p50 ${round.kubectl_p50_ms} ms, p95 ${round.kubectl_p95_ms} ms (${round.lines}/${LATENCY_LINES} and ${round.kubectl_lines}/${LATENCY_LINES} lines)`);
}

// --- 2. sustained throughput ----------------------------------------------------------------------
say(`throughput: ${OFFERED_RATE.toLocaleString("en")} lines/s offered for ${THROUGHPUT_SECONDS} s…`);
const total = OFFERED_RATE * THROUGHPUT_SECONDS;
let received = 0;
let outOfOrder = 0;
let next = 0;
let lastAt = 0;
const gaps: string[] = [];
let kubectlReceived = 0;
const control = spawn(kubectl, ["--kubeconfig", kubeconfigPath, "logs", "-f", "--tail=0", "-n", namespace, podName, "-c", "bench"], { stdio: ["ignore", "pipe", "inherit"] });
children.push(control);
createInterface({ input: control.stdout! }).on("line", (line) => {
  if (line.startsWith("t ")) kubectlReceived += 1;
});
await sleep(1_500);
const tput = openSse(streamUrl({ tail: "0" }), (text, at) => {
  if (!text.startsWith("t ")) return;
  const seq = Number(text.slice(2, text.indexOf(" ", 2)));
  if (seq !== next) {
    outOfOrder += 1;
    gaps.push(`${next}→${seq}`);
  }
  next = seq + 1;
  received += 1;
  lastAt = at;
});
await tput.ready;
const payload = "x".repeat(80);
const started = performance.now();
const chunk = Math.max(1, Math.round(OFFERED_RATE / 50));
for (let seq = 0; seq < total; seq += chunk) {
  const due = started + (seq / OFFERED_RATE) * 1000;
  const wait = due - performance.now();
  if (wait > 0) await sleep(wait);
  write(Array.from({ length: Math.min(chunk, total - seq) }, (_, index) => `t ${seq + index} ${payload}`));
}
const writtenIn = performance.now() - started;
for (let idle = 0; received < total && idle < 100; idle += 1) {
  const before = received;
  await sleep(100);
  if (received !== before) idle = 0;
}
tput.close();
control.kill();
if (gaps.length > 0) say(`  gaps in the SSE sequence: ${gaps.slice(0, 10).join(", ")}`);
say(`  kubectl logs -f on the same pod got ${kubectlReceived.toLocaleString("en")}/${total.toLocaleString("en")}`);
const throughputLost = total - received;
const linesPerSecond = received / ((lastAt - started) / 1000);
say(`  ${received.toLocaleString("en")}/${total.toLocaleString("en")} lines in ${((lastAt - started) / 1000).toFixed(1)} s (written in ${(writtenIn / 1000).toFixed(1)} s): ${Math.round(linesPerSecond).toLocaleString("en")} lines/s, ${throughputLost} lost, ${outOfOrder} out of order`);

// --- 3. 50 viewers ---------------------------------------------------------------------------------
say(`${VIEWERS} viewers at once while lines flow…`);
const warm = openSse(streamUrl({ tail: "100" }), () => undefined);
await warm.ready;
warm.close();
await sleep(1_000);
const baseline = await webMemory();
const counts: number[] = new Array(VIEWERS).fill(0);
const viewers = Array.from({ length: VIEWERS }, (_, index) =>
  openSse(streamUrl({ tail: "100" }), (text) => {
    if (text.startsWith("v ")) counts[index]! += 1;
  }),
);
await Promise.all(viewers.map((viewer) => viewer.ready));
let peak = await webMemory();
const viewerLines = 2_000 * 5;
for (let seq = 0; seq < viewerLines; seq += 200) {
  write(Array.from({ length: 200 }, (_, index) => `v ${seq + index} ${payload}`));
  await sleep(100);
  peak = Math.max(peak, await webMemory());
}
for (let wait = 0; counts.some((count) => count < viewerLines) && wait < 300; wait += 1) {
  await sleep(100);
  peak = Math.max(peak, await webMemory());
}
viewers.forEach((viewer) => viewer.close());
const viewersLost = counts.reduce((sum, count) => sum + (viewerLines - count), 0);
const growth = (peak - baseline) / 2 ** 20;
say(`  ${VIEWERS} viewers, ${viewerLines.toLocaleString("en")} lines each: web RSS ${(baseline / 2 ** 20).toFixed(0)} → ${(peak / 2 ** 20).toFixed(0)} MiB (+${growth.toFixed(1)}), ${viewersLost} lines lost across viewers`);

// --- result ------------------------------------------------------------------------------------
const p95 = latencyMedian("p95_ms");
const kubectlP95 = latencyMedian("kubectl_p95_ms");
const result = {
  p50_ms: latencyMedian("p50_ms"),
  p95_ms: p95,
  p99_ms: latencyMedian("p99_ms"),
  kubectl_p95_ms: kubectlP95,
  p95_vs_kubectl: round(p95 / kubectlP95, 2),
  lines_per_s: Math.round(linesPerSecond),
  lines_lost: latencyLost + throughputLost + viewersLost,
  viewers: VIEWERS,
  web_rss_growth_mb: round(growth),
  statistic: `latency: median of ${LATENCY_ROUNDS} rounds' percentiles (${LATENCY_LINES} lines each, one every 20 ms); p95_vs_kubectl is the ratio of the medians`,
  latency_rounds: latencyRounds,
};
await mkdir(path.dirname(resultFile), { recursive: true });
await writeFile(resultFile, `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
const misses = [
  result.p95_vs_kubectl > GOALS.p95_vs_kubectl && `p95_vs_kubectl ${result.p95_vs_kubectl} > ${GOALS.p95_vs_kubectl}`,
  result.lines_per_s < GOALS.lines_per_s && `lines_per_s ${result.lines_per_s} < ${GOALS.lines_per_s}`,
  result.lines_lost > GOALS.lines_lost && `lines_lost ${result.lines_lost} > 0`,
].filter(Boolean);
say(misses.length === 0 ? "all goals met" : `goals missed: ${misses.join("; ")}`);

web.kill("SIGTERM");
await core.deleteNamespace({ name: namespace }).catch(() => undefined);
await db.$disconnect();
await postgres.stop();
process.exit(0);
