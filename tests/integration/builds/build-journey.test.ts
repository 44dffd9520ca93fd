/**
 * Builds through Slipway itself: a real git server, the queue in PostgreSQL, a worker taking the
 * job, buildah, the registry — and the log and state streamed as the build page reads them.
 */
import { createHmac, randomUUID } from "node:crypto";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { failStalledBuilds } from "@/server/builds/fail-stalled-builds";
import { handlePushWebhook } from "@/server/builds/handle-push-webhook";
import { streamBuildEvents, type BuildStreamEvent } from "@/server/builds/stream-build-events";
import { queue, stopQueue } from "@/server/jobs/queue";
import { registerJobHandlers } from "@/server/jobs/register-job-handlers";
import { startGitServer, type GitServer } from "../helpers/git-server";
import { callerFor, createTeamWithMembers, refusal } from "../helpers/db";
import { httpCall } from "../helpers/http";
import { useTestBuildEnvironment } from "../build/build-env";

let git: GitServer;
let prefix: string;
let stopWorker: () => void;
let boss: PgBoss;

beforeAll(async () => {
  const environment = useTestBuildEnvironment();
  prefix = environment.prefix;
  process.env.SLIPWAY_BUILD_CONCURRENCY = "2";
  git = await startGitServer();
  boss = await queue();
  stopWorker = await registerJobHandlers(boss);
});

afterAll(async () => {
  stopWorker?.();
  await stopQueue();
  await git?.stop();
});

async function appWithRepository(fixture: string, files?: Record<string, string>) {
  const setup = await createTeamWithMembers(["DEVELOPER", "VIEWER"]);
  const api = callerFor(setup.owner);
  await api.project.create({ teamSlug: setup.team.slug, name: "shop" });
  const project = await api.project.get({ teamSlug: setup.team.slug, name: "shop" });
  const app = await api.app.create({ teamSlug: setup.team.slug, environmentId: project.environments[0]!.id, name: "web" });
  const repo = `${fixture}-${randomUUID().slice(0, 8)}`;
  await git.createRepository(repo, { fixture, files });
  await api.source.save({ teamSlug: setup.team.slug, appId: app.id, repository: { url: git.repoUrl(repo), authKind: "NONE" }, branch: "main" });
  await api.source.updateBuildSettings({ teamSlug: setup.team.slug, appId: app.id, settings: { buildArgs: { BASE_PREFIX: prefix } } });
  return { ...setup, api, app, repo };
}

async function waitForBuild(buildId: string, statuses: string[], timeoutMs = 150_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const build = await db.build.findUniqueOrThrow({ where: { id: buildId } });
    if (statuses.includes(build.status)) return build;
    if (Date.now() > deadline) throw new Error(`build ${buildId} is still ${build.status}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe("building an app from its repository", () => {
  it("a developer builds the branch head: the worker runs it, streams the log, and records the digest and layers", async () => {
    const { team, members, app, api } = await appWithRepository("dockerfile-app");
    const developer = callerFor(members.DEVELOPER!);
    const started = await developer.build.start({ teamSlug: team.slug, appId: app.id });
    expect(started.number).toBe(1);

    // Follow the build as the build page does, from its first line.
    const events: BuildStreamEvent[] = [];
    const abort = new AbortController();
    for await (const event of streamBuildEvents({ buildId: started.id, afterSeq: 0, signal: abort.signal })) events.push(event);

    const states = events.filter((event) => event.kind === "state").map((event) => (event as { state: { status: string } }).state.status);
    expect(states).toContain("RUNNING");
    expect(states.at(-1)).toBe("SUCCEEDED");
    const lines = events.filter((event): event is Extract<BuildStreamEvent, { kind: "line" }> => event.kind === "line");
    expect(lines.map((line) => line.seq)).toEqual(lines.map((_, index) => index + 1));
    expect(lines.some((line) => line.text === "==> build")).toBe(true);
    expect(events.at(-1)).toEqual({ kind: "end" });

    const build = await api.build.get({ teamSlug: team.slug, buildId: started.id });
    expect(build.status).toBe("SUCCEEDED");
    expect(build.imageDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(build.imageReference).toBe(`${process.env.SLIPWAY_REGISTRY}/${team.slug}/shop/production/web@${build.imageDigest}`);
    expect(build.commitAuthor).toBe("Ada Lovelace");
    expect(build.steps.map((step) => `${step.step}:${step.status}`)).toEqual(["clone:succeeded", "detect:succeeded", "build:succeeded", "test:skipped", "push:succeeded"]);
    expect(build.layers!.layers.some((layer) => layer.origin === "base")).toBe(true);
    expect(build.settings!.buildArgs.BASE_PREFIX).toEqual({ value: prefix, source: "app settings" });

    // A viewer reconnecting after line 3 gets line 4 next: nothing repeated, nothing skipped.
    const resumed: BuildStreamEvent[] = [];
    for await (const event of streamBuildEvents({ buildId: started.id, afterSeq: 3, signal: new AbortController().signal })) resumed.push(event);
    expect(resumed[0]).toMatchObject({ kind: "line", seq: 4 });
  });

  it("a failing test command fails the build before anything is pushed, and says so", async () => {
    const { team, app, api } = await appWithRepository("failing-tests", { "Dockerfile": `ARG BASE_PREFIX\nFROM \${BASE_PREFIX}/busybox:1.36\nCOPY . /app\nWORKDIR /app\n` });
    const started = await api.build.start({ teamSlug: team.slug, appId: app.id });
    const build = await waitForBuild(started.id, ["FAILED", "SUCCEEDED"]);
    expect(build.status).toBe("FAILED");
    expect(build.errorCode).toBe("tests_failed");
    expect(build.imageDigest).toBeNull();
    const steps = (await api.build.get({ teamSlug: team.slug, buildId: started.id })).steps;
    expect(steps.find((step) => step.step === "test")?.status).toBe("failed");
    expect(steps.find((step) => step.step === "push")?.status).toBe("skipped");
  });

  it("a running build can be cancelled, and stops within seconds", async () => {
    const { team, app, api } = await appWithRepository("dockerfile-app", {
      Dockerfile: `ARG BASE_PREFIX\nFROM \${BASE_PREFIX}/busybox:1.36\nRUN echo started && sleep 120\n`,
    });
    const started = await api.build.start({ teamSlug: team.slug, appId: app.id });
    await waitForBuild(started.id, ["RUNNING"]);
    // Let it reach the slow RUN step.
    for (let i = 0; i < 120 && !(await db.buildLogLine.findFirst({ where: { buildId: started.id, text: { contains: "started" } } })); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const asked = Date.now();
    await api.build.cancel({ teamSlug: team.slug, buildId: started.id });
    const build = await waitForBuild(started.id, ["CANCELLED", "FAILED", "SUCCEEDED"], 30_000);
    expect(build.status).toBe("CANCELLED");
    expect(Date.now() - asked).toBeLessThan(20_000);
    expect((await refusal(api.build.cancel({ teamSlug: team.slug, buildId: started.id }))).message).toBe("This build has already finished.");
  });

  it("a build whose worker stopped responding is failed, not left running", async () => {
    const { team, app, owner } = await appWithRepository("dockerfile-app");
    const build = await db.build.create({
      data: { appId: app.id, teamId: team.id, number: 99, trigger: "manual", branch: "main", commitSha: "a".repeat(40), status: "RUNNING", heartbeatAt: new Date(Date.now() - 60_000), steps: [] },
    });
    await failStalledBuilds();
    const after = await callerFor(owner).build.get({ teamSlug: team.slug, buildId: build.id });
    expect(after.status).toBe("FAILED");
    expect(after.errorMessage).toBe("The worker running this build stopped responding. Start the build again.");
  });
});

describe("connecting a repository refuses bad input with a message", () => {
  it("refuses URLs that are not git, local files and option injection", async () => {
    const { team, owner, app } = await appWithRepository("static-site");
    for (const url of ["file:///etc", "/srv/repo", "ext::sh -c touch% /tmp/pwned", "https://-oProxyCommand=x/repo", "ssh://-oProxyCommand=x/repo"]) {
      const result = await httpCall(owner, "source.save", { teamSlug: team.slug, appId: app.id, repository: { url, authKind: "NONE" }, branch: "main" });
      expect(result.status, url).toBe(400);
      expect(result.error?.data.fieldErrors?.["repository.url"], url).toBeTruthy();
    }
  });

  it("names the branches that exist when the chosen one does not", async () => {
    const { team, owner, app, repo } = await appWithRepository("static-site");
    const result = await httpCall(owner, "source.save", { teamSlug: team.slug, appId: app.id, repository: { url: git.repoUrl(repo), authKind: "NONE" }, branch: "nope" });
    expect(result.error?.data.fieldErrors?.branch).toBe('Branch "nope" does not exist in this repository. Branches found: main.');
  });

  it("a URL that is not a git repository is refused", async () => {
    const { team, owner, app } = await appWithRepository("static-site");
    const result = await httpCall(owner, "source.check", { teamSlug: team.slug, appId: app.id, repository: { url: `${git.url}/no-such-repo.git`, authKind: "NONE" } });
    expect(result.status).toBe(400);
    expect(result.error?.data.fieldErrors?.url).toMatch(/^No git repository was found at .*no-such-repo.git/);
  });

  it("wrong credentials are reported as such, and a token is never shown back", async () => {
    const { team, owner, app } = await appWithRepository("static-site");
    const privateRepo = `private-${randomUUID().slice(0, 8)}`;
    await git.createRepository(privateRepo, { fixture: "static-site", auth: { username: "ci", password: "right-token" } });
    const wrong = await httpCall(owner, "source.check", { teamSlug: team.slug, appId: app.id, repository: { url: git.repoUrl(privateRepo), authKind: "TOKEN", token: "wrong-token", tokenUsername: "ci" } });
    expect(wrong.error?.data.fieldErrors?.token).toMatch(/authentication|credentials|token/i);

    const api = callerFor(owner);
    await api.source.save({ teamSlug: team.slug, appId: app.id, repository: { url: git.repoUrl(privateRepo), authKind: "TOKEN", token: "right-token", tokenUsername: "ci" }, branch: "main" });
    const shown = JSON.stringify(await api.source.get({ teamSlug: team.slug, appId: app.id }));
    expect(shown).not.toContain("right-token");
    const stored = await db.appSource.findUniqueOrThrow({ where: { appId: app.id } });
    expect(stored.tokenEncrypted).not.toContain("right-token");
  });
});

describe("push webhooks", () => {
  function githubHeaders(secret: string, body: string, delivery: string) {
    return new Headers({
      "x-github-event": "push",
      "x-github-delivery": delivery,
      "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`,
    });
  }

  it("a signed push to the tracked branch builds that commit once; a bad signature gets 401", async () => {
    const { team, owner, app, repo } = await appWithRepository("static-site");
    const sha = await git.commitFiles(repo, { "index.html": "<h1>v2</h1>" }, "Second version");
    const { webhook } = await callerFor(owner).source.get({ teamSlug: team.slug, appId: app.id });
    const body = JSON.stringify({ ref: "refs/heads/main", after: sha, head_commit: { message: "Second version", author: { name: "Ada" } } });
    const delivery = randomUUID();

    const first = await handlePushWebhook({ appId: app.id, body, headers: githubHeaders(webhook.secret!, body, delivery) });
    expect(first).toMatchObject({ status: 200, message: "Build #1 started." });
    const again = await handlePushWebhook({ appId: app.id, body, headers: githubHeaders(webhook.secret!, body, delivery) });
    expect(again).toEqual({ status: 200, message: "Already handled this delivery." });
    const forged = await handlePushWebhook({ appId: app.id, body, headers: githubHeaders("not-the-secret", body, randomUUID()) });
    expect(forged.status).toBe(401);

    const builds = await db.build.findMany({ where: { appId: app.id } });
    expect(builds).toHaveLength(1);
    expect(builds[0]).toMatchObject({ commitSha: sha, trigger: "webhook", commitMessage: "Second version" });

    const otherBranch = JSON.stringify({ ref: "refs/heads/feature", after: sha });
    expect((await handlePushWebhook({ appId: app.id, body: otherBranch, headers: githubHeaders(webhook.secret!, otherBranch, randomUUID()) })).message).toMatch(/tracks main/);
    await waitForBuild(builds[0]!.id, ["SUCCEEDED", "FAILED"]);
  });

  it("GitLab pushes are accepted with the right token only", async () => {
    const { team, owner, app, repo } = await appWithRepository("static-site");
    const sha = await git.commitFiles(repo, { "about.html": "about" }, "About page");
    const { webhook } = await callerFor(owner).source.get({ teamSlug: team.slug, appId: app.id });
    const body = JSON.stringify({ ref: "refs/heads/main", checkout_sha: sha, after: sha, commits: [{ id: sha, message: "About page", author: { name: "Grace" } }] });
    const headers = (token: string) => new Headers({ "x-gitlab-event": "Push Hook", "x-gitlab-token": token, "x-gitlab-event-uuid": randomUUID() });
    expect((await handlePushWebhook({ appId: app.id, body, headers: headers("wrong") })).status).toBe(401);
    const accepted = await handlePushWebhook({ appId: app.id, body, headers: headers(webhook.secret!) });
    expect(accepted).toMatchObject({ status: 200, message: "Build #1 started." });
    await waitForBuild((accepted as { buildId: string }).buildId, ["SUCCEEDED", "FAILED"]);
  });

  it("a viewer sees no webhook secret", async () => {
    const { team, members, app } = await appWithRepository("static-site");
    expect((await callerFor(members.VIEWER!).source.get({ teamSlug: team.slug, appId: app.id })).webhook.secret).toBeNull();
  });
});
