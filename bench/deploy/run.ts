/**
 * The deploy benchmark (issue 5, item 11), in one run against the test cluster (real API server,
 * controllers and scheduler; kwok makes pods Running and Ready as soon as they are scheduled):
 *   - deploy: release v1 of a 3-replica app through Slipway (deployBuild → pg-boss job → the
 *     worker's runDeployJob: server-side apply, rollout watch → release row AVAILABLE), against
 *     `kubectl apply -f` of the same rendered manifests + `kubectl rollout status`;
 *   - rollback: with v1 (image A) and v2 (image B) deployed, rollbackToRelease(v1) → AVAILABLE,
 *     against `kubectl rollout undo` + `kubectl rollout status` after the same two applies.
 * Each side starts from a fresh namespace of its own; the order of the two sides alternates
 * between rounds. Writes bench/results/deploy.json.
 *
 *   node --conditions=react-server --import tsx bench/deploy/run.ts [--rounds 5]
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import diagnostics from "node:diagnostics_channel";
import type { ClientRequest } from "node:http";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { CoreV1Api, KubeConfig } from "@kubernetes/client-node";
import { stringify } from "yaml";
import { kubeconfigPath, kubectlPath, machine, median, numberArg, root, round, say, sleep, startBenchDatabase, startTestCluster } from "../lib/bench-services";

const ROUNDS = numberArg("rounds", 5);
const REPLICAS = 3;
const APP = "web";
const ROLLOUT_TIMEOUT = "120s";
// Both sides start each timed step from a quiet cluster: the previous rollout's last pod
// deletions and status updates settle first.
const SETTLE_MS = 1_000;
const GOALS = { deploy_vs_kubectl: 1.0, rollback_vs_kubectl: 1.0 };
const resultFile = path.join(root, "bench", "results", "deploy.json");
const workDir = path.join(root, ".data", "bench", "deploy");
const run = promisify(execFile);
const TRACE = process.argv.includes("--trace");

// --trace: every HTTP request this process makes (the worker's, to the API server) during a
// timed Slipway step, with when it was sent and answered, relative to the step's start.
const requests: { method: string; path: string; sent: number; answered?: number }[] = [];
if (TRACE) {
  // …and every PostgreSQL connection and query (Prisma's pool and the worker's lock connections).
  const pg = (await import("pg")).default;
  const traced = <A extends unknown[]>(method: "connect" | "query", label: (args: A) => string) => {
    const original = pg.Client.prototype[method] as (...args: A) => unknown;
    (pg.Client.prototype as unknown as Record<string, unknown>)[method] = function (this: unknown, ...args: A) {
      const entry = { method: "SQL", path: label(args), sent: performance.now(), answered: undefined as number | undefined };
      requests.push(entry);
      const result = original.apply(this, args);
      if (result && typeof (result as Promise<unknown>).then === "function") void (result as Promise<unknown>).then(() => (entry.answered = performance.now()), () => (entry.answered = performance.now()));
      return result;
    };
  };
  traced<[unknown]>("connect", () => "connect");
  traced<[unknown]>("query", ([query]) => String(typeof query === "string" ? query : (query as { text?: string })?.text ?? "?").replace(/\s+/g, " ").slice(0, 100));
  const open = new WeakMap<ClientRequest, (typeof requests)[number]>();
  diagnostics.subscribe("http.client.request.start", (message) => {
    const { request } = message as { request: ClientRequest };
    const entry = { method: request.method, path: request.path, sent: performance.now() };
    open.set(request, entry);
    requests.push(entry);
  });
  diagnostics.subscribe("http.client.response.finish", (message) => {
    const entry = open.get((message as { request: ClientRequest }).request);
    if (entry) entry.answered = performance.now();
  });
}

say("starting the test cluster (or reusing it)…");
await startTestCluster();
const postgres = await startBenchDatabase("deploy-postgres");
const { db } = await import("@/server/db");
const { queue, stopQueue } = await import("@/server/jobs/queue");
const { registerJobHandlers } = await import("@/server/jobs/register-job-handlers");
const { deployBuild, releaseForBuild } = await import("@/server/releases/deploy-build");
const { rollbackToRelease } = await import("@/server/releases/rollback-to-release");
const { manifestInput } = await import("@/server/releases/release-manifest-input");
const { withLiveScaling } = await import("@/server/scaling/with-live-scaling");
const { renderReleaseManifests } = await import("@/server/cluster");
const { encryptSecrets } = await import("@/server/releases/app-run-settings");
const { waitForEvent } = await import("@/server/events/pg-events");
type AppPlacement = import("@/server/releases/release-manifest-input").AppPlacement;
type TimelineEntry = import("@/server/releases/run-deploy-job").TimelineEntry;

// The worker, in this process, exactly as the worker process registers it.
const stopHandlers = await registerJobHandlers(await queue());

const kubeConfig = new KubeConfig();
kubeConfig.loadFromFile(kubeconfigPath);
const core = kubeConfig.makeApiClient(CoreV1Api);
const suffix = randomBytes(3).toString("hex");
const user = await db.user.create({ data: { email: `bench-${suffix}@example.test`, name: "Bench" } });
const team = await db.team.create({ data: { slug: `bd${suffix}`, name: "Bench", memberships: { create: { userId: user.id, role: "OWNER" } } } });
const actor = { userId: user.id, email: user.email, ip: null };
const namespaces: string[] = [];

/** An app's settings: 3 replicas, a port, a variable and a secret (so a Secret is applied too). */
const RUN_SETTINGS = { port: 3000, replicas: REPLICAS, env: [{ name: "GREETING", value: "hello" }], secrets: ["API_KEY"] };
const fakeImage = () => `registry.example.test/bench/web@sha256:${randomBytes(32).toString("hex")}`;

async function succeededBuild(app: { id: string }, number: number) {
  const image = fakeImage();
  return db.build.create({
    data: {
      appId: app.id, teamId: team.id, number, status: "SUCCEEDED", trigger: "manual", branch: "main",
      commitSha: randomBytes(20).toString("hex"), imageReference: image, imageDigest: image.split("@")[1], steps: [],
      detected: { kind: "dockerfile", summary: "Dockerfile", config: { User: "1000" } },
      startedAt: new Date(), finishedAt: new Date(),
    },
  });
}

/** A new project (so a new namespace) with the app and two successful builds (images A and B). */
async function setUpRound(index: number) {
  const project = await db.project.create({ data: { teamId: team.id, name: `r${index}`, environments: { create: { name: "production" } } }, include: { environments: true } });
  const environment = project.environments[0]!;
  const app = await db.app.create({ data: { teamId: team.id, environmentId: environment.id, name: APP, runSettings: RUN_SETTINGS, secretsEncrypted: encryptSecrets({ API_KEY: randomBytes(12).toString("hex") }) } });
  const builds = [await succeededBuild(app, 1), await succeededBuild(app, 2)] as const;
  const kubectlNamespace = `bk${suffix}-r${index}`;
  namespaces.push(kubectlNamespace);
  const placement: AppPlacement = {
    environmentId: environment.id,
    team: { id: team.id, slug: team.slug },
    project: { id: project.id, name: project.name },
    environment: { id: environment.id, name: environment.name },
    app: { id: app.id, name: app.name },
    namespace: kubectlNamespace,
  };
  return { app, builds, placement, kubectlNamespace };
}
type Round = Awaited<ReturnType<typeof setUpRound>>;

/**
 * What the worker applies for release vN of a build (deployBuild's settings, the app's live
 * scaling), rendered into the kubectl side's namespace. The release id is a stand-in until
 * Slipway's own release exists; sameManifests() checks the two match afterwards.
 */
async function renderForKubectl({ app, placement }: Round, build: { id: string; imageReference: string | null }, version: number, releaseId = `kubectl-v${version}`) {
  const { settings, secretsEncrypted, imageUser } = await releaseForBuild({ teamId: team.id, appId: app.id, buildId: build.id });
  const input = manifestInput(placement, { id: releaseId, version, imageReference: build.imageReference!, imageUser, settings, secretsEncrypted });
  return renderReleaseManifests(await withLiveScaling(app.id, input));
}

async function writeManifests(file: string, manifests: unknown[]) {
  await writeFile(file, manifests.map((manifest) => stringify(manifest)).join("---\n"));
  return file;
}

const kubectlArgs = (...args: string[]) => ["--kubeconfig", kubeconfigPath, ...args];
const shown = (args: string[]) => ["kubectl", "--kubeconfig", path.relative(root, kubeconfigPath), ...args].join(" ");
async function kubectl(...args: string[]) {
  try {
    return (await run(kubectlPath, kubectlArgs(...args), { maxBuffer: 16 * 2 ** 20 })).stdout;
  } catch (error) {
    throw new Error(`kubectl ${args.join(" ")} failed: ${(error as { stderr?: string }).stderr ?? error}`);
  }
}
/** Seconds for the commands, one after the other (each a process, as a person or a script runs them). */
async function timeKubectl(commands: string[][]) {
  const started = performance.now();
  requests.length = 0;
  for (const command of commands) await kubectl(...command);
  const seconds = (performance.now() - started) / 1000;
  if (TRACE) printTrace(`kubectl ${commands.map((command) => command.slice(0, 2).join(" ")).join(" + ")}`, started, seconds);
  return seconds;
}

function printTrace(title: string, started: number, seconds: number) {
  const ms = (value: number | undefined) => (value === undefined ? "   …" : (value - started).toFixed(0).padStart(4));
  say(`  ${title}: done at ${(seconds * 1000).toFixed(0)} ms`);
  for (const entry of requests) say(`    ${ms(entry.sent)} → ${ms(entry.answered)} ms  ${entry.method} ${decodeURIComponent(entry.path).slice(0, 140)}`);
}

// --trace: the benchmark's own watch on every Deployment of the benchmark, so the trace shows
// when the cluster reached each state, on both sides.
if (TRACE) {
  const { Watch } = await import("@kubernetes/client-node");
  type Seen = { metadata: { namespace: string; generation: number }; spec: { replicas: number }; status?: { observedGeneration?: number; replicas?: number; updatedReplicas?: number; readyReplicas?: number; availableReplicas?: number } };
  await new Watch(kubeConfig).watch("/apis/apps/v1/deployments", { labelSelector: `app.kubernetes.io/name=${APP}` }, (type, object: Seen) => {
    const status = object.status ?? {};
    const now = performance.now();
    requests.push({ method: "WATCH", path: `${type} ${object.metadata.namespace}: generation ${object.metadata.generation}/${status.observedGeneration ?? 0}, replicas ${status.replicas ?? 0}, updated ${status.updatedReplicas ?? 0}, ready ${status.readyReplicas ?? 0}, available ${status.availableReplicas ?? 0}`, sent: now, answered: now });
  }, () => undefined);
}

/**
 * Waits for the release row, re-reading it at each of the worker's notifications for the app
 * (it publishes one after every write to the row), and every 500 ms in case one is missed. No
 * tighter polling: this process is also the worker, and on a 2-core machine a busy observer
 * would slow the side it observes.
 */
async function untilAvailable(appId: string, version: number) {
  const deadline = Date.now() + 180_000;
  for (;;) {
    const release = await db.release.findUnique({ where: { appId_version: { appId, version } } });
    if (release?.status === "AVAILABLE") return release;
    if (release && ["FAILED", "SUPERSEDED"].includes(release.status)) throw new Error(`v${version} ended ${release.status}: ${release.statusMessage}`);
    if (Date.now() > deadline) throw new Error(`v${version} is still ${release?.status ?? "missing"} after 180 s.`);
    await waitForEvent("app", appId, 500);
  }
}

/**
 * Seconds from the call (deployBuild / rollbackToRelease) to the release row reading AVAILABLE,
 * with where the time went: the job waiting in the queue, the apply, the rollout, the last writes.
 */
async function timeSlipway(appId: string, start: () => Promise<{ version: number }>) {
  const startedAt = Date.now();
  const started = performance.now();
  requests.length = 0;
  const { version } = await start();
  const release = await untilAvailable(appId, version);
  const seconds = (performance.now() - started) / 1000;
  if (TRACE) printTrace(`Slipway v${version}`, started, seconds);
  const timeline = release.timeline as unknown as TimelineEntry[];
  const at = (entry: TimelineEntry | undefined) => (entry ? Date.parse(entry.at) : Number.NaN);
  const applied = at(timeline.find((entry) => entry.message === "Waiting for the rollout to start."));
  const available = at(timeline.findLast((entry) => entry.phase === "available"));
  const pickedUp = release.startedAt!.getTime();
  const phase = (from: number, to: number) => round((to - from) / 1000, 3);
  return {
    seconds,
    version,
    phases: {
      queue_s: phase(startedAt, pickedUp),
      apply_s: phase(pickedUp, applied),
      rollout_s: phase(applied, available),
      finish_s: round(seconds - (available - startedAt) / 1000, 3),
    },
  };
}

async function slipwaySide(state: Round) {
  await sleep(SETTLE_MS);
  const deploy = await timeSlipway(state.app.id, () => deployBuild({ teamId: team.id, appId: state.app.id, buildId: state.builds[0].id, actor }));
  await timeSlipway(state.app.id, () => deployBuild({ teamId: team.id, appId: state.app.id, buildId: state.builds[1].id, actor }));
  await sleep(SETTLE_MS);
  const rollback = await timeSlipway(state.app.id, () => rollbackToRelease({ teamId: team.id, appId: state.app.id, version: deploy.version, actor }));
  return { deploy, rollback };
}

const applyCommand = (file: string, namespace: string) => [
  ["apply", "-f", file],
  ["rollout", "status", `deployment/${APP}`, "-n", namespace, `--timeout=${ROLLOUT_TIMEOUT}`],
];
const undoCommand = (namespace: string) => [
  ["rollout", "undo", `deployment/${APP}`, "-n", namespace],
  ["rollout", "status", `deployment/${APP}`, "-n", namespace, `--timeout=${ROLLOUT_TIMEOUT}`],
];

async function kubectlSide(state: Round, index: number) {
  const fileA = await writeManifests(path.join(workDir, `r${index}-v1.yaml`), await renderForKubectl(state, state.builds[0], 1));
  const fileB = await writeManifests(path.join(workDir, `r${index}-v2.yaml`), await renderForKubectl(state, state.builds[1], 2));
  await sleep(SETTLE_MS);
  const apply = await timeKubectl(applyCommand(fileA, state.kubectlNamespace));
  await timeKubectl(applyCommand(fileB, state.kubectlNamespace));
  await sleep(SETTLE_MS);
  const undo = await timeKubectl(undoCommand(state.kubectlNamespace));
  return { apply, undo };
}

/** Slipway's v1 and v2 rendered into the kubectl namespace equal what kubectl applied (the stand-in release ids aside). */
async function sameManifests(state: Round) {
  for (const version of [1, 2]) {
    const release = await db.release.findUniqueOrThrow({ where: { appId_version: { appId: state.app.id, version } } });
    const slipway = JSON.stringify(await renderForKubectl(state, state.builds[version - 1]!, version, release.id));
    const kubectl = JSON.stringify(await renderForKubectl(state, state.builds[version - 1]!, version)).replaceAll(`kubectl-v${version}`, release.id);
    if (slipway !== kubectl) throw new Error(`Round's v${version}: the manifests kubectl applied differ from Slipway's release.`);
  }
}

/** The live Deployments of both sides end in the same shape: 3 of 3 ready, on image A after the rollback. */
async function sameEndState(state: Round) {
  const read = async (namespace: string) => JSON.parse(await kubectl("get", "deployment", APP, "-n", namespace, "-o", "json")) as { spec: { template: { spec: { containers: { image: string }[] } } }; status: { readyReplicas?: number; updatedReplicas?: number } };
  const { namespace } = await db.environment.findUniqueOrThrow({ where: { id: state.placement.environmentId } });
  namespaces.push(namespace!);
  for (const live of [await read(namespace!), await read(state.kubectlNamespace)]) {
    if (live.spec.template.spec.containers[0]!.image !== state.builds[0].imageReference || live.status.readyReplicas !== REPLICAS || live.status.updatedReplicas !== REPLICAS) {
      throw new Error(`After the rollback a Deployment is not back on image A with ${REPLICAS} ready: ${JSON.stringify(live.status)}`);
    }
  }
}

// --- the rounds ------------------------------------------------------------------------------
await mkdir(workDir, { recursive: true });
const versions = {
  kubectl: JSON.parse(await kubectl("version", "-o", "json")) as { clientVersion: { gitVersion: string }; serverVersion: { gitVersion: string } },
};
say(`kubectl ${versions.kubectl.clientVersion.gitVersion}, API server ${versions.kubectl.serverVersion.gitVersion}; ${ROUNDS} rounds after a warm-up round, ${REPLICAS} replicas`);

interface RoundResult {
  round: number;
  first: "slipway" | "kubectl";
  deploy_s: number;
  kubectl_apply_s: number;
  rollback_s: number;
  kubectl_undo_s: number;
  slipway_deploy_phases: Record<string, number>;
  slipway_rollback_phases: Record<string, number>;
}
const rounds: RoundResult[] = [];
for (let index = 0; index <= ROUNDS; index += 1) {
  const warmUp = index === 0;
  const first = index % 2 === 1 ? "slipway" : "kubectl";
  const state = await setUpRound(index);
  let slipway: Awaited<ReturnType<typeof slipwaySide>>;
  let plain: Awaited<ReturnType<typeof kubectlSide>>;
  if (first === "slipway") {
    slipway = await slipwaySide(state);
    plain = await kubectlSide(state, index);
  } else {
    plain = await kubectlSide(state, index);
    slipway = await slipwaySide(state);
  }
  await sameManifests(state);
  await sameEndState(state);
  const result: RoundResult = {
    round: index,
    first,
    deploy_s: round(slipway.deploy.seconds, 3),
    kubectl_apply_s: round(plain.apply, 3),
    rollback_s: round(slipway.rollback.seconds, 3),
    kubectl_undo_s: round(plain.undo, 3),
    slipway_deploy_phases: slipway.deploy.phases,
    slipway_rollback_phases: slipway.rollback.phases,
  };
  const phases = (p: Record<string, number>) => `queue ${p.queue_s} / apply ${p.apply_s} / rollout ${p.rollout_s} / finish ${p.finish_s}`;
  say(
    `${warmUp ? "warm-up" : `round ${index}`} (${first} first): deploy ${result.deploy_s} s vs kubectl ${result.kubectl_apply_s} s; rollback ${result.rollback_s} s vs kubectl ${result.kubectl_undo_s} s` +
      `\n[bench]   Slipway deploy: ${phases(result.slipway_deploy_phases)}; rollback: ${phases(result.slipway_rollback_phases)}`,
  );
  if (!warmUp) rounds.push(result);
}

// --- result ----------------------------------------------------------------------------------
const figure = (key: keyof RoundResult) => round(median(rounds.map((entry) => entry[key] as number)), 3);
const phaseMedians = (key: "slipway_deploy_phases" | "slipway_rollback_phases") =>
  Object.fromEntries(Object.keys(rounds[0]![key]).map((phase) => [phase, round(median(rounds.map((entry) => entry[key][phase]!)), 3)]));
const deploy_s = figure("deploy_s");
const kubectl_apply_s = figure("kubectl_apply_s");
const rollback_s = figure("rollback_s");
const kubectl_undo_s = figure("kubectl_undo_s");
const result = {
  deploy_s,
  kubectl_apply_s,
  deploy_vs_kubectl: round(deploy_s / kubectl_apply_s, 3),
  rollback_s,
  kubectl_undo_s,
  rollback_vs_kubectl: round(rollback_s / kubectl_undo_s, 3),
  date: new Date().toISOString(),
  statistic: `median of ${ROUNDS} rounds (after one warm-up round, not counted); the ratios are of the medians`,
  goals: {
    deploy_vs_kubectl: { goal: `<= ${GOALS.deploy_vs_kubectl}`, met: deploy_s / kubectl_apply_s <= GOALS.deploy_vs_kubectl },
    rollback_vs_kubectl: { goal: `<= ${GOALS.rollback_vs_kubectl}`, met: rollback_s / kubectl_undo_s <= GOALS.rollback_vs_kubectl },
  },
  timed: {
    deploy_s: "Slipway: deployBuild (release v1 row, audit event, pg-boss job) → the worker's deploy handler (registered as in the worker process, in this process) takes the job → runDeployJob: app lock, namespace, server-side apply of every object, prune listing, watchRollout until the Deployment is available → release row AVAILABLE, seen by re-reading the row at each of the worker's LISTEN/NOTIFY notifications for the app (or every 500 ms). A fresh namespace.",
    kubectl_apply_s: "`kubectl apply -f <file>` then `kubectl rollout status`, one process after the other, of the same objects Slipway applies for v1 (renderReleaseManifests of deployBuild's settings with the app's live scaling, as the worker renders them), written as YAML with only the namespace changed to a fresh one of its own.",
    rollback_s: "Slipway, with v1 (image A) and v2 (image B) deployed and available: rollbackToRelease(v1) (release v3 with v1's image and settings, pg-boss job) → the worker applies and watches it → release row AVAILABLE.",
    kubectl_undo_s: "With the v1 and v2 files applied (each followed by rollout status): `kubectl rollout undo` then `kubectl rollout status`.",
    end_condition: "Both sides wait for the same thing: the Deployment's observedGeneration caught up with the applied generation, updated replicas = desired, no old replicas left, available replicas = desired (kubectl rollout status's rule; Slipway's evaluateRollout). Slipway also writes the row's final status and timeline, which counts against it.",
    checks: "After each round: Slipway's releases v1 and v2 render to exactly the files kubectl applied (release ids aside), and both Deployments are back on image A with 3 of 3 ready and updated.",
  },
  commands: {
    deploy: applyCommand("<v1.yaml>", "<namespace>").map(shown),
    rollback_setup: applyCommand("<v2.yaml>", "<namespace>").map(shown),
    rollback: undoCommand("<namespace>").map(shown),
    objects: "Namespace, NetworkPolicy, ServiceAccount, Secret, Service, Deployment (3 replicas, RollingUpdate maxSurge 25% / maxUnavailable 0)",
  },
  slipway_phase_medians: {
    note: "queue: from the call to the worker marking the release DEPLOYING (row, job, pickup, app lock); apply: to the watch starting (placement, namespace, applies, prune); rollout: to the timeline's available entry; finish: to the row reading AVAILABLE here.",
    deploy: phaseMedians("slipway_deploy_phases"),
    rollback: phaseMedians("slipway_rollback_phases"),
  },
  rounds,
  settle_ms_before_each_timed_step: SETTLE_MS,
  versions: { kubectl: versions.kubectl.clientVersion.gitVersion, api_server: versions.kubectl.serverVersion.gitVersion, kwok: "v0.8.0 (tools/testcluster)" },
  machine: machine(),
};

console.log("");
console.log("| figure | Slipway | kubectl | ratio | goal |");
console.log("|---|---|---|---|---|");
console.log(`| deploy → Available (s) | ${deploy_s} | ${kubectl_apply_s} | ${result.deploy_vs_kubectl} | ≤ ${GOALS.deploy_vs_kubectl} |`);
console.log(`| rollback → Available (s) | ${rollback_s} | ${kubectl_undo_s} | ${result.rollback_vs_kubectl} | ≤ ${GOALS.rollback_vs_kubectl} |`);
console.log("");
await mkdir(path.dirname(resultFile), { recursive: true });
await writeFile(resultFile, `${JSON.stringify(result, null, 2)}\n`);
say(`wrote ${path.relative(root, resultFile)}`);
const misses = Object.entries(result.goals).filter(([, goal]) => !goal.met).map(([key, goal]) => `${key} ${result[key as keyof typeof GOALS]} (goal ${goal.goal})`);
say(misses.length === 0 ? "all goals met" : `goals missed: ${misses.join("; ")}`);

stopHandlers();
await stopQueue();
await Promise.all(namespaces.map((namespace) => core.deleteNamespace({ name: namespace }).catch(() => undefined)));
await db.$disconnect();
await postgres.stop();
process.exit(0);
