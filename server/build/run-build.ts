/**
 * One build, start to finish, without a database: clone the pinned commit → read slipway.yaml
 * and merge it with the app's settings → detect (Dockerfile or preset) → build → test (when a
 * test command is set) → push → read the pushed image back and mark its layers. The worker
 * calls this, records what it returns, and forwards `onOutput` lines to the live log and
 * `onStep` events to the step indicator. Every failure is a BuildError; the clone is removed
 * in all cases. Steps run in this order: clone, detect, build, test, push (the test needs the
 * built image).
 */
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { BuildError } from "./build-error";
import { buildImage } from "./build-image";
import type { BuildSettings } from "./build-settings";
import { cloneCommit, type CommitInfo } from "./clone-commit";
import { detectBuild, type DetectedBuild } from "./detect-build";
import type { GitAuth } from "./git-auth";
import { isImageReference } from "./image-reference";
import { inspectImage, type ImageLayer, type InspectedImage } from "./inspect-image";
import { compareLayers, type LayerComparison } from "./layer-comparison";
import { buildArgValues, mergeBuildSettings, type EffectiveBuildSettings } from "./merge-build-settings";
import { pushImage } from "./push-image";
import { readSlipwayYaml } from "./read-slipway-yaml";
import type { RegistryAuth } from "./registry-auth";
import type { OutputStream } from "./run-process";
import { testImage } from "./test-image";

export type BuildStep = "clone" | "detect" | "build" | "test" | "push";

export type BuildStepEvent =
  | { step: BuildStep; status: "started" }
  | { step: BuildStep; status: "succeeded"; durationMs: number }
  | { step: BuildStep; status: "failed"; durationMs: number; error: BuildError }
  | { step: BuildStep; status: "skipped" };

export interface RunBuildInput {
  source: { url: string; auth?: GitAuth; commit: string; branch?: string };
  settings?: BuildSettings | null;
  /** Where the image goes: repository without tag ("registry.example.com/acme/web"); tagged with the commit. */
  image: { repository: string; auth?: RegistryAuth };
  /** Layers of the app's previous successful build, to mark reused layers. */
  previousLayers?: ImageLayer[];
  /** Credentials for private base-image registries. */
  pullAuth?: RegistryAuth[];
  /** A directory for this build's checkout, e.g. <tmp>/slipway-builds/<build id>; emptied, used and removed here. */
  workDir: string;
  signal?: AbortSignal;
  onOutput?: (line: string, stream: OutputStream) => void;
  onStep?: (event: BuildStepEvent) => void;
}

export interface BuildResult {
  commit: CommitInfo;
  settings: EffectiveBuildSettings;
  /** "slipway.yaml" path relative to the repository root, when the repository has one. */
  slipwayYaml?: string;
  detected: Pick<DetectedBuild, "kind" | "summary" | "baseImage"> & { preset?: string };
  image: {
    tag: string;
    digest: string;
    /** repository@digest: what a release deploys. */
    reference: string;
    config: InspectedImage["config"];
    layers: LayerComparison;
  };
  /** Duration of each step that ran, in order. */
  steps: { step: BuildStep; durationMs: number }[];
}

export async function runBuild(input: RunBuildInput): Promise<BuildResult> {
  const tag = `${input.image.repository}:${input.source.commit}`;
  if (!isImageReference(tag)) throw new BuildError("push_failed", `"${input.image.repository}" is not a valid image repository.`);
  const steps: BuildResult["steps"] = [];
  const say = (line: string) => input.onOutput?.(line, "stdout");

  const step = async <T>(name: BuildStep, work: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    input.onStep?.({ step: name, status: "started" });
    say(`==> ${name}`);
    try {
      const result = await work();
      const durationMs = Date.now() - started;
      steps.push({ step: name, durationMs });
      input.onStep?.({ step: name, status: "succeeded", durationMs });
      return result;
    } catch (error) {
      const buildError =
        error instanceof BuildError ? error : new BuildError("build_failed", `Unexpected error in the ${name} step.`, { cause: error });
      input.onStep?.({ step: name, status: "failed", durationMs: Date.now() - started, error: buildError });
      throw buildError;
    }
  };

  const workDir = path.resolve(input.workDir);
  await rm(workDir, { recursive: true, force: true });
  await mkdir(workDir, { recursive: true, mode: 0o700 });
  const checkout = path.join(workDir, "source");
  try {
    const commit = await step("clone", () =>
      cloneCommit({ ...input.source, dir: checkout, signal: input.signal, onOutput: input.onOutput }),
    );
    say(`Commit ${commit.commit.slice(0, 12)} by ${commit.authorName}: ${commit.message.split("\n")[0]}`);

    const { settings, slipwayYaml, detected } = await step("detect", async () => {
      const found = await readSlipwayYaml(checkout, input.settings?.rootDirectory?.trim() || "");
      const settings = mergeBuildSettings(input.settings, found?.config);
      const detected = await detectBuild({ repoDir: checkout, settings });
      say(`Build: ${detected.summary}${found ? ` — settings from ${found.file} and the app` : ""}`);
      if (detected.kind === "preset") {
        for (const line of ("content" in detected.dockerfile ? detected.dockerfile.content : "").trimEnd().split("\n")) say(`    ${line}`);
      }
      return { settings, slipwayYaml: found?.file, detected };
    });

    const buildArgs = buildArgValues(settings);
    const built = await step("build", () =>
      buildImage({
        contextDir: detected.contextDir,
        dockerfile: detected.dockerfile,
        buildArgs,
        registryAuth: input.pullAuth,
        signal: input.signal,
        onOutput: input.onOutput,
      }),
    );
    say(`Built ${built.imageId.slice(0, 19)} (${built.cachedSteps} of ${built.steps} steps from the cache)`);

    const testCommand = settings.testCommand.value;
    if (testCommand) {
      await step("test", () =>
        testImage({
          testCommand,
          image: built.imageId,
          stage: detected.testStage
            ? { name: detected.testStage, dockerfile: detected.dockerfile, contextDir: detected.contextDir, buildArgs }
            : undefined,
          registryAuth: input.pullAuth,
          signal: input.signal,
          onOutput: input.onOutput,
        }),
      );
    } else {
      input.onStep?.({ step: "test", status: "skipped" });
    }

    const image = await step("push", async () => {
      // The base image's layers do not depend on the push: read them while it runs.
      const baseLayers = detected.baseImage
        ? inspectImage(detected.baseImage, { auth: authFor(detected.baseImage, input), signal: input.signal })
            .then((base) => base.layers)
            .catch(() => undefined) // unknown base: its layers are simply not marked
        : Promise.resolve(undefined);
      const pushed = await pushImage({ image: built.imageId, destination: tag, auth: input.image.auth, signal: input.signal, onOutput: input.onOutput });
      const inspected = await inspectImage(pushed.reference, { auth: input.image.auth, signal: input.signal });
      const layers = compareLayers({ layers: inspected.layers, baseLayers: await baseLayers, previousLayers: input.previousLayers });
      say(`Pushed ${pushed.reference} (${layers.layers.filter((layer) => layer.origin === "new").length} new layers)`);
      return { tag, digest: pushed.digest, reference: pushed.reference, config: inspected.config, layers };
    });

    return {
      commit,
      settings,
      slipwayYaml,
      detected: { kind: detected.kind, summary: detected.summary, baseImage: detected.baseImage, preset: detected.kind === "preset" ? detected.preset : undefined },
      image,
      steps,
    };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

function authFor(reference: string, input: RunBuildInput): RegistryAuth | undefined {
  const registry = reference.split("/")[0]?.toLowerCase();
  return [input.image.auth, ...(input.pullAuth ?? [])].find((auth) => auth?.registry.toLowerCase() === registry);
}
