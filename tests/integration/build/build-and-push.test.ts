/**
 * From a commit to an image in the registry, on real parts: a git server, buildah, the
 * Distribution registry, skopeo. Each fixture repository is one journey of the build page.
 */
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BuildError } from "@/server/build/build-error";
import { createBuildLog } from "@/server/build/build-log";
import { inspectImage } from "@/server/build/inspect-image";
import { presetImage } from "@/server/build/preset-images";
import { runBuild, type BuildResult, type BuildStepEvent, type RunBuildInput } from "@/server/build/run-build";
import { startGitServer, type GitServer } from "../helpers/git-server";
import { registryBlobs, useTestBuildEnvironment } from "./build-env";

let git: GitServer;
let work: string;
let env: ReturnType<typeof useTestBuildEnvironment>;

beforeAll(async () => {
  env = useTestBuildEnvironment();
  git = await startGitServer();
  work = await mkdtemp(path.join(os.tmpdir(), "slipway-build-test-"));
});
afterAll(async () => {
  await git?.stop();
  await rm(work, { recursive: true, force: true });
});

interface Run {
  result?: BuildResult;
  error?: BuildError;
  output: string[];
  steps: BuildStepEvent[];
}

async function build(repo: string, commit: string, overrides: Partial<RunBuildInput> = {}): Promise<Run> {
  const output: string[] = [];
  const steps: BuildStepEvent[] = [];
  try {
    const result = await runBuild({
      source: { url: git.repoUrl(repo), commit, branch: "main" },
      image: { repository: `${env.registry}/tests/${repo}` },
      workDir: path.join(work, `${repo}-${commit.slice(0, 8)}`),
      onOutput: (line) => output.push(line),
      onStep: (event) => steps.push(event),
      ...overrides,
    });
    return { result, output, steps };
  } catch (error) {
    if (!(error instanceof BuildError)) throw error;
    return { error, output, steps };
  }
}

describe("a repository with a Dockerfile", () => {
  let first: Run;
  let firstCommit: string;

  it("is built, pushed, and reads back from the registry with its config and layers", async () => {
    firstCommit = await git.createRepository("dockerfile-app", { fixture: "dockerfile-app" });
    first = await build("dockerfile-app", firstCommit, { settings: { buildArgs: { BASE_PREFIX: env.prefix } } });
    expect(first.error).toBeUndefined();
    const result = first.result!;

    expect(result.detected).toMatchObject({ kind: "dockerfile", baseImage: presetImage("busybox", env.prefix) });
    expect(result.image.tag).toBe(`${env.registry}/tests/dockerfile-app:${firstCommit}`);
    expect(result.image.reference).toBe(`${env.registry}/tests/dockerfile-app@${result.image.digest}`);
    expect(result.steps.map((step) => step.step)).toEqual(["clone", "detect", "build", "push"]);
    expect(first.steps).toContainEqual({ step: "test", status: "skipped" });

    const pushed = await inspectImage(result.image.reference);
    expect(pushed.digest).toBe(result.image.digest);
    expect(pushed.config.Cmd).toEqual(["busybox", "httpd", "-f", "-v", "-p", "8080", "-h", "/srv/public"]);
    expect(pushed.config.Env).toEqual(expect.arrayContaining(["GREETING=hello", "APP_MODE=production"]));
    expect(pushed.config.ExposedPorts).toEqual(["8080/tcp"]);
    expect(pushed.config.User).toBe("1000:1000");
    expect(pushed.config.WorkingDir).toBe("/srv");

    // The busybox base's layers are shared, not the app's own.
    const base = await inspectImage(presetImage("busybox", env.prefix));
    expect(pushed.layers.slice(0, base.layers.length)).toEqual(base.layers);
    expect(result.image.layers.layers.map((layer) => layer.origin)).toEqual([
      ...base.layers.map(() => "base"),
      ...pushed.layers.slice(base.layers.length).map(() => "new"),
    ]);
    expect(result.image.layers.layers.every((layer) => layer.size > 0)).toBe(true);
  });

  it("is rebuilt after a one-file change from cached layers, pushing only the changed layer", async () => {
    expect(first?.result).toBeDefined();
    const blobsBefore = env.registryDataDir ? await registryBlobs(env.registryDataDir) : undefined;
    // Unique content: the layer cache outlives a test run, and an earlier run may have built any fixed text.
    const commit = await git.commitFiles("dockerfile-app", { "public/index.html": `<h1>Changed ${randomUUID()}</h1>\n` }, "Change the page");

    const second = await build("dockerfile-app", commit, {
      settings: { buildArgs: { BASE_PREFIX: env.prefix } },
      previousLayers: first.result!.image.layers.layers,
    });
    expect(second.error).toBeUndefined();
    const result = second.result!;

    // Every step before the changed COPY came from the cache.
    const cached = second.output.filter((line) => line.startsWith("--> Using cache"));
    expect(cached.length).toBeGreaterThanOrEqual(3);
    const copyStep = second.output.findIndex((line) => /STEP \d+\/\d+: COPY public\//.test(line));
    expect(second.output.slice(copyStep + 1, copyStep + 3).some((line) => line.startsWith("--> Using cache"))).toBe(false);

    const origins = result.image.layers.layers.map((layer) => layer.origin);
    expect(origins.filter((origin) => origin === "new")).toHaveLength(1);
    expect(origins.at(-1)).toBe("new");
    expect(origins.filter((origin) => origin === "base").length).toBe(first.result!.image.layers.layers.filter((l) => l.origin === "base").length);
    const newLayer = result.image.layers.layers.at(-1)!;
    expect(result.image.layers.newBytes).toBe(newLayer.size);
    expect(result.image.layers.newBytes).toBeLessThan(result.image.layers.baseBytes + result.image.layers.reusedBytes);

    if (blobsBefore) {
      // What reached the registry: the one changed layer, the image config and the manifest.
      const added = [...(await registryBlobs(env.registryDataDir!))].filter((blob) => !blobsBefore.has(blob));
      expect(added).toHaveLength(3);
      expect(added).toContain(newLayer.digest);
      expect(added).toContain(result.image.digest);
      for (const layer of result.image.layers.layers.slice(0, -1)) expect(added).not.toContain(layer.digest);
    }
  });
});

describe("a repository without a Dockerfile", () => {
  it("builds a Node app with the Node preset: npm ci, npm start, port 3000, non-root", async () => {
    const commit = await git.createRepository("node-app", { fixture: "node-app" });
    const run = await build("node-app", commit);
    expect(run.error).toBeUndefined();
    const result = run.result!;

    expect(result.detected).toMatchObject({ kind: "preset", preset: "node", baseImage: presetImage("node", env.prefix) });
    expect(run.output.join("\n")).toMatch(/RUN npm ci --no-audit --no-fund/);
    expect(result.image.config.Cmd).toEqual(["npm", "start"]);
    expect(result.image.config.ExposedPorts).toEqual(["3000/tcp"]);
    expect(result.image.config.Env).toEqual(expect.arrayContaining(["NODE_ENV=production", "PORT=3000"]));
    expect(result.image.config.User).toBe("1000:1000");
    expect(result.image.config.WorkingDir).toBe("/app");
    const base = await inspectImage(presetImage("node", env.prefix));
    expect(result.image.layers.layers.filter((layer) => layer.origin === "base").map((layer) => layer.digest)).toEqual(
      base.layers.map((layer) => layer.digest),
    );
  });

  it("builds a static site served by busybox httpd", async () => {
    const commit = await git.createRepository("static-site", { fixture: "static-site" });
    const run = await build("static-site", commit);
    expect(run.error).toBeUndefined();
    expect(run.result!.detected).toMatchObject({ kind: "preset", preset: "static" });
    expect(run.result!.image.config.Cmd).toEqual(["busybox", "httpd", "-f", "-v", "-p", "8080", "-h", "/www"]);
    expect(run.result!.image.config.ExposedPorts).toEqual(["8080/tcp"]);
  });

  it("builds a Python app with the Python preset: pip install of requirements.txt before the sources, python app.py", async () => {
    const commit = await git.createRepository("python-app", { fixture: "python-app" });
    const run = await build("python-app", commit, { settings: { testCommand: "python -c 'import test_app; test_app.test_handler_exists()'" } });
    expect(run.error).toBeUndefined();
    const result = run.result!;
    expect(result.detected).toMatchObject({ kind: "preset", preset: "python", baseImage: presetImage("python", env.prefix) });
    const output = run.output.join("\n");
    expect(output.indexOf("RUN pip install -r requirements.txt")).toBeLessThan(output.indexOf("COPY . ."));
    expect(result.image.config.Cmd).toEqual(["python", "app.py"]);
    expect(result.image.config.ExposedPorts).toEqual(["8000/tcp"]);
    expect(result.image.config.User).toBe("1000:1000");
    expect(result.steps.map((step) => step.step)).toEqual(["clone", "detect", "build", "test", "push"]);
  }, 300_000);

  it("builds a Go app with the Go preset: go build in the golang image, the static binary alone on busybox", async () => {
    const commit = await git.createRepository("go-app", { fixture: "go-app" });
    const run = await build("go-app", commit);
    expect(run.error).toBeUndefined();
    const result = run.result!;
    expect(result.detected).toMatchObject({ kind: "preset", preset: "go", baseImage: presetImage("busybox", env.prefix) });
    expect(run.output.join("\n")).toMatch(/go build -trimpath/);
    expect(result.image.config.Cmd).toEqual(["/app/app"]);
    expect(result.image.config.ExposedPorts).toEqual(["8080/tcp"]);
    expect(result.image.config.User).toBe("1000:1000");
    // The toolchain stays in the build stage: on top of busybox come the certificates and the binary.
    const base = await inspectImage(presetImage("busybox", env.prefix));
    const own = result.image.layers.layers.filter((layer) => layer.origin !== "base");
    expect(result.image.layers.layers.length - own.length).toBe(base.layers.length);
    expect(own.reduce((sum, layer) => sum + layer.size, 0)).toBeLessThan(20 * 1024 * 1024);
  }, 300_000);

  it("says what to add when nothing is recognised", async () => {
    const commit = await git.createRepository("nothing", { files: { "README.md": "# Nothing to build\n" } });
    const run = await build("nothing", commit);
    expect(run.error?.code).toBe("project_not_recognised");
    expect(run.error?.message).toMatch(/^No Dockerfile and no recognised project in the repository root: add a Dockerfile or one of/);
    expect(run.steps).toContainEqual(expect.objectContaining({ step: "detect", status: "failed" }));
  });
});

describe("slipway.yaml", () => {
  it("sets the port, runs the tests, and says where each setting came from", async () => {
    const commit = await git.createRepository("with-slipway-yaml", { fixture: "with-slipway-yaml" });
    const run = await build("with-slipway-yaml", commit, { settings: { testCommand: "false", buildArgs: { FROM_APP: "1" } } });
    expect(run.error).toBeUndefined();
    const result = run.result!;

    expect(result.slipwayYaml).toBe("slipway.yaml");
    expect(result.settings.testCommand).toEqual({ value: "npm test", source: "slipway.yaml" });
    expect(result.settings.buildArgs).toEqual({
      FROM_APP: { value: "1", source: "app settings" },
      APP_FLAVOUR: { value: "yaml", source: "slipway.yaml" },
    });
    expect(result.settings.run.port).toEqual({ value: 9090, source: "slipway.yaml" });
    expect(result.settings.run.env?.value).toEqual(["DATABASE_URL", "API_KEY"]);
    expect(result.settings.run.healthCheck?.value).toEqual({ path: "/healthz" });
    expect(result.steps.map((step) => step.step)).toEqual(["clone", "detect", "build", "test", "push"]);
    expect(run.output).toContain("1 test passed");
    expect(result.image.config.ExposedPorts).toEqual(["9090/tcp"]);
    expect(result.image.config.Env).toContain("PORT=9090");
  });

  it("fails the build with the line and the reason when it is invalid", async () => {
    const commit = await git.createRepository("bad-yaml", {
      fixture: "static-site",
      files: { "slipway.yaml": "run:\n  port: 80\n  replicas: many\n" },
    });
    const run = await build("bad-yaml", commit);
    expect(run.error?.code).toBe("invalid_slipway_yaml");
    expect(run.error?.message).toBe("slipway.yaml, line 3: run.replicas: must be a whole number");
    expect(run.error?.line).toBe(3);
  });
});

describe("a failing build", () => {
  it("stops when the test command fails, and nothing is pushed", async () => {
    const commit = await git.createRepository("failing-tests", { fixture: "failing-tests" });
    const run = await build("failing-tests", commit);

    expect(run.error?.code).toBe("tests_failed");
    expect(run.error?.message).toBe('The test command "sh run-tests.sh" failed with exit status 1: the image was not accepted and nothing was pushed.');
    expect(run.output).toContain("not ok 2 - about.html exists");
    expect(run.steps.some((event) => event.step === "push")).toBe(false);
    await expect(inspectImage(`${env.registry}/tests/failing-tests:${commit}`)).rejects.toMatchObject({ code: "inspect_failed" });
  });

  it("reports a Dockerfile syntax error with its line, before pulling anything", async () => {
    const commit = await git.createRepository("broken-dockerfile", { fixture: "broken-dockerfile" });
    const run = await build("broken-dockerfile", commit, { settings: { buildArgs: { BASE_PREFIX: env.prefix } } });
    expect(run.error?.code).toBe("dockerfile_syntax");
    expect(run.error?.message).toBe('Dockerfile line 4: unknown instruction "RUNN" (did you mean RUN?).');
    expect(run.error?.line).toBe(4);
  });

  it("says which base image could not be pulled", async () => {
    const commit = await git.createRepository("missing-base", { files: { Dockerfile: `FROM ${env.prefix}/no-such-image:1\nCMD ["sh"]\n` } });
    const run = await build("missing-base", commit);
    expect(run.error?.code).toBe("base_image_not_found");
    expect(run.error?.message).toBe(
      `The base image ${env.prefix}/no-such-image:1 could not be pulled: it does not exist in its registry (check the name and tag).`,
    );
    expect(run.error?.detail).toMatch(/^Error: /);
  });

  it("says which step failed, keeping buildah's line", async () => {
    const commit = await git.createRepository("failing-step", {
      files: { Dockerfile: `FROM ${presetImage("busybox", env.prefix)}\nRUN echo compiling && exit 7\n` },
    });
    const run = await build("failing-step", commit);
    expect(run.error?.code).toBe("build_failed");
    expect(run.error?.message).toBe('The step "RUN echo compiling && exit 7" failed with exit status 7: its output is in the log above.');
    expect(run.output).toContain("compiling");
  });

  it("keeps the start and the end of a build that floods its output, with a notice", async () => {
    const commit = await git.createRepository("flood", {
      files: { Dockerfile: `FROM ${presetImage("busybox", env.prefix)}\nRUN seq 1 200000 && echo flood-done && exit 3\n` },
    });
    const log = createBuildLog({ maxBytes: 64 * 1024 });
    const run = await build("flood", commit, { onOutput: (line) => log.append(line) });
    expect(run.error?.code).toBe("build_failed");
    const kept = log.lines();
    expect(kept[0]).toBe("==> clone");
    expect(kept).toContain("STEP 2/2: RUN seq 1 200000 && echo flood-done && exit 3");
    // The end of a failing step is where its error is: it must survive the flood.
    expect(kept.slice(-4)).toContain("flood-done");
    expect(kept.find((line) => line.startsWith("… "))).toMatch(/^… [\d,]+ lines \(\d+\.\d (KB|MB)\) omitted: the build printed more than the log keeps \(64\.0 KB\) …$/);
    expect(Buffer.byteLength(log.text())).toBeLessThan(70 * 1024);
    expect(log.totalLines).toBeGreaterThan(200_000);
  });

  it("can be cancelled while buildah runs, leaving no process behind", async () => {
    const commit = await git.createRepository("slow", {
      files: { Dockerfile: `FROM ${presetImage("busybox", env.prefix)}\nRUN echo started-sleeping && sleep 120\n` },
    });
    const controller = new AbortController();
    const started = Date.now();
    const output: string[] = [];
    const pending = build("slow", commit, {
      signal: controller.signal,
      onOutput: (line) => {
        output.push(line);
        if (line === "started-sleeping") controller.abort();
      },
    });
    const run = await pending;
    expect(run.error?.code).toBe("cancelled");
    expect(Date.now() - started).toBeLessThan(60_000);
  });
});
