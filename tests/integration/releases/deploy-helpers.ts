/** An app with a successful build, ready to deploy to the test cluster, for the release tests. */
import { afterAll, beforeAll } from "vitest";
import { randomBytes } from "node:crypto";
import type PgBoss from "pg-boss";
import { db } from "@/server/db";
import { queue, stopQueue } from "@/server/jobs/queue";
import { registerJobHandlers } from "@/server/jobs/register-job-handlers";
import { testKubeconfigPath } from "../helpers/test-cluster";
import { callerFor, createTeamWithMembers } from "../helpers/db";

/** A worker inside the test process, taking jobs from the real queue. */
/** Runs the worker's job handlers (as the worker process registers them) for the test file's duration. */
export function useWorker(): void {
  let stop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    stop = await startWorker();
  });
  afterAll(async () => {
    await stop?.();
  });
}

async function startWorker(): Promise<() => Promise<void>> {
  process.env.SLIPWAY_KUBECONFIG = testKubeconfigPath;
  const boss: PgBoss = await queue();
  const stopHandlers = await registerJobHandlers(boss);
  return async () => {
    stopHandlers();
    await stopQueue();
  };
}

/** An image by digest; the test cluster's nodes never pull, so any digest deploys. */
export function fakeImage(name = "web"): string {
  return `registry.example.test/acme/${name}@sha256:${randomBytes(32).toString("hex")}`;
}

/** A successful build row: what the build pipeline leaves behind, made directly. */
export async function succeededBuild(app: { id: string; teamId: string }, image = fakeImage()) {
  const last = await db.build.findFirst({ where: { appId: app.id }, orderBy: { number: "desc" } });
  return db.build.create({
    data: {
      appId: app.id, teamId: app.teamId, number: (last?.number ?? 0) + 1, status: "SUCCEEDED", trigger: "manual", branch: "main",
      commitSha: randomBytes(20).toString("hex"), imageReference: image, imageDigest: image.split("@")[1], steps: [],
      detected: { kind: "dockerfile", summary: "Dockerfile", config: { User: "1000" } },
      startedAt: new Date(), finishedAt: new Date(),
    },
  });
}

export async function deployableApp(name = "web") {
  const setup = await createTeamWithMembers(["ADMIN", "DEVELOPER", "VIEWER"]);
  const api = callerFor(setup.owner);
  await api.project.create({ teamSlug: setup.team.slug, name: "shop" });
  const project = await api.project.get({ teamSlug: setup.team.slug, name: "shop" });
  const app = await api.app.create({ teamSlug: setup.team.slug, environmentId: project.environments[0]!.id, name });
  return { ...setup, api, app: { ...app, teamId: setup.team.id }, environmentId: project.environments[0]!.id };
}

export async function waitForRelease(appId: string, version: number, statuses: string[], timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const release = await db.release.findUnique({ where: { appId_version: { appId, version } } });
    if (release && statuses.includes(release.status)) return release;
    if (Date.now() > deadline) throw new Error(`v${version} is ${release?.status ?? "missing"} (${release?.statusMessage ?? ""}), expected ${statuses.join("/")}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
