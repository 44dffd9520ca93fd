import "server-only";
import os from "node:os";
import path from "node:path";
import { buildConfig } from "@/server/build/build-config";
import type { BuildSettings } from "@/server/build/build-settings";
import { BuildError, isBuildError } from "@/server/build/build-error";
import type { ImageLayer } from "@/server/build/inspect-image";
import { runBuild, type BuildStepEvent } from "@/server/build/run-build";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { publish } from "@/server/events/pg-events";
import { imageDestination } from "@/server/registries/image-destination";
import { gitAuthForSource } from "@/server/sources/git-auth-for-source";
import { createBuildLogWriter } from "@/server/builds/build-log-writer";
import { closeSteps, type BuildStepState } from "@/server/builds/build-steps";

const HEARTBEAT_MS = 5_000;

/** Hooks that run after a build succeeds (auto-deploy registers here). */
export type BuildSucceededHook = (build: { id: string; appId: string; teamId: string }) => Promise<void>;
const succeededHooks: BuildSucceededHook[] = [];
export function onBuildSucceeded(hook: BuildSucceededHook): void {
  succeededHooks.push(hook);
}

/**
 * Runs one queued build in the worker: claims it, runs the build engine with its output going
 * to the kept log, heartbeats so a dead worker is noticed, honours cancel and the time limit,
 * and records the outcome (digest, layers, effective settings, step timings).
 */
export async function runBuildJob(buildId: string): Promise<void> {
  // Claim: only a QUEUED build starts, so a redelivered job cannot run a build twice.
  const claimed = await db.build.updateMany({
    where: { id: buildId, status: "QUEUED" },
    data: { status: "RUNNING", startedAt: new Date(), heartbeatAt: new Date() },
  });
  if (claimed.count === 0) return;
  await publish("build", buildId);

  const build = await db.build.findUniqueOrThrow({
    where: { id: buildId },
    include: {
      app: { include: { source: true, team: { select: { slug: true } }, environment: { include: { project: { select: { name: true } } } } } },
    },
  });
  const log = createBuildLogWriter(buildId, buildConfig().buildLogMaxBytes);
  let steps = build.steps as unknown as BuildStepState[];
  const abort = new AbortController();
  const timeoutMs = env().SLIPWAY_BUILD_TIMEOUT_MINUTES * 60_000;
  const timeout = setTimeout(() => abort.abort(new BuildError("timed_out", `The build ran longer than its ${env().SLIPWAY_BUILD_TIMEOUT_MINUTES}-minute limit and was stopped.`)), timeoutMs);

  const heartbeat = setInterval(() => {
    void (async () => {
      const row = await db.build.update({ where: { id: buildId }, data: { heartbeatAt: new Date() }, select: { cancelRequestedAt: true } });
      if (row.cancelRequestedAt && !abort.signal.aborted) abort.abort(new BuildError("cancelled", "The build was cancelled."));
    })().catch(() => undefined);
  }, HEARTBEAT_MS);

  // Step events come in quick succession (one step ends, the next starts): writes go one at a
  // time and each writes the latest state, so an older write can never land after a newer one.
  let stepWrites: Promise<void> = Promise.resolve();
  const saveSteps = () => {
    stepWrites = stepWrites.then(async () => {
      await db.build.update({ where: { id: buildId }, data: { steps: steps as object[] } });
      await publish("build", buildId);
    }).catch((error) => console.error(`[build ${buildId}] saving steps:`, error));
    return stepWrites;
  };
  const onStep = (event: BuildStepEvent) => {
    steps = steps.map((state) => {
      if (state.step !== event.step) return state;
      if (event.status === "started") return { ...state, status: "running", startedAt: new Date().toISOString() };
      if (event.status === "skipped") return { ...state, status: "skipped" };
      return { ...state, status: event.status, durationMs: event.durationMs };
    });
    void saveSteps();
  };

  try {
    const source = build.app.source;
    if (!source?.url) throw new BuildError("invalid_repository_url", "The app has no repository any more: connect one in its settings.");
    const destination = await imageDestination(build.app);
    const previous = await db.build.findFirst({
      where: { appId: build.appId, status: "SUCCEEDED", id: { not: buildId } },
      orderBy: { number: "desc" },
      select: { layers: true },
    });
    const previousLayers = (previous?.layers as { layers?: ImageLayer[] } | null)?.layers;

    const result = await runBuild({
      source: { url: source.url, auth: gitAuthForSource(source), commit: build.commitSha, branch: build.branch },
      settings: build.app.buildSettings as BuildSettings | null,
      image: destination,
      previousLayers,
      workDir: path.join(os.tmpdir(), "slipway-builds", buildId),
      signal: abort.signal,
      onOutput: (line, stream) => log.write(stream, line),
      onStep,
    });

    await log.close();
    await stepWrites;
    await db.build.update({
      where: { id: buildId },
      data: {
        status: "SUCCEEDED",
        finishedAt: new Date(),
        commitAuthor: result.commit.authorName,
        commitMessage: result.commit.message,
        imageRepository: destination.repository,
        imageDigest: result.image.digest,
        imageReference: result.image.reference,
        layers: result.image.layers as object,
        settings: result.settings as object,
        detected: { ...result.detected, slipwayYaml: result.slipwayYaml ?? null, config: result.image.config } as object,
        steps: steps as object[],
      },
    });
    await publish("build", buildId);
    for (const hook of succeededHooks) await hook({ id: buildId, appId: build.appId, teamId: build.teamId }).catch((error) => console.error("[build] after-success hook failed:", error));
  } catch (caught) {
    const reason = abort.signal.aborted && isBuildError(abort.signal.reason) ? abort.signal.reason : caught;
    const error = isBuildError(reason) ? reason : new BuildError("build_failed", "The build stopped on an unexpected error; see the log.", { cause: reason });
    if (!isBuildError(reason)) console.error(`[build ${buildId}]`, reason);
    if (error.detail) log.write("system", error.detail);
    log.write("system", `✖ ${error.message}`);
    await log.close().catch(() => undefined);
    await stepWrites;
    await db.build.update({
      where: { id: buildId },
      data: {
        status: error.code === "cancelled" ? "CANCELLED" : "FAILED",
        finishedAt: new Date(),
        errorCode: error.code,
        errorMessage: error.message,
        steps: closeSteps(steps, error.code === "cancelled" ? "skipped" : "failed") as object[],
      },
    });
    await publish("build", buildId);
  } finally {
    clearInterval(heartbeat);
    clearTimeout(timeout);
  }
}
