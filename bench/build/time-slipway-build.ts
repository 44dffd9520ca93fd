/**
 * One build through Slipway, timed as a user waits for it: from the Build button's procedure
 * (build.start: resolve the branch head, insert the build row, enqueue the job) to the row
 * reading SUCCEEDED, observed through the same Postgres notifications the build page follows.
 * The build row's own timestamps and the kept log's line times split that into where it went.
 * Import after the environment is set.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { db } from "@/server/db";
import { waitForEvent } from "@/server/events/pg-events";
import type { BuildStepState } from "@/server/builds/build-steps";
import type { ImageLayer } from "@/server/build/inspect-image";
import type { BenchApp } from "./create-bench-app";

export interface SlipwayBuildTiming {
  buildId: string;
  seconds: number;
  imageReference: string;
  layers: ImageLayer[];
  /** Where the time went, in seconds. */
  phases: {
    /** build.start: ls-remote of the branch, the row, the job. */
    start_call_s: number;
    /** Job sent → claimed by the worker (pg-boss polling). */
    queue_wait_s: number;
    /** Claimed → clone started (loading the row, registry, previous build). */
    prepare_s: number;
    clone_s: number;
    detect_s: number;
    build_s: number;
    push_s: number;
    /** Part of push_s: from buildah push's last line to "Pushed" (skopeo inspect of the image and its base). */
    push_inspect_s: number | null;
    /** Push finished → row SUCCEEDED (log flush, final update). */
    finish_s: number;
    /** Row SUCCEEDED → seen here. */
    observe_s: number;
  };
  cachedSteps: string | null;
}

/** Runs one build and writes its kept log to `logFile`. */
export async function timeSlipwayBuild(app: BenchApp, logFile: string): Promise<SlipwayBuildTiming> {
  const started = Date.now();
  const { id } = await app.api.build.start({ teamSlug: app.teamSlug, appId: app.appId });
  const returned = Date.now();

  // Listen first, then read: a change between the two still wakes the loop. The timeout is only a
  // safety net; reading the row every few hundred milliseconds would add to Slipway's CPU figures.
  for (;;) {
    const changed = waitForEvent("build", id, 2_000);
    const { status } = await db.build.findUniqueOrThrow({ where: { id }, select: { status: true } });
    if (status !== "QUEUED" && status !== "RUNNING") break;
    await changed;
  }
  const observed = Date.now();
  const build = await db.build.findUniqueOrThrow({ where: { id } });
  if (build.status !== "SUCCEEDED") {
    const tail = await db.buildLogLine.findMany({ where: { buildId: id }, orderBy: { seq: "desc" }, take: 15 });
    throw new Error(`Build ${id} ended ${build.status}: ${build.errorMessage}\n${tail.reverse().map((line) => line.text).join("\n")}`);
  }

  const steps = Object.fromEntries((build.steps as unknown as BuildStepState[]).map((step) => [step.step, step]));
  const stepStart = (name: string) => Date.parse(steps[name]!.startedAt!);
  const stepSeconds = (name: string) => (steps[name]?.durationMs ?? 0) / 1000;
  const pushEnd = stepStart("push") + steps.push!.durationMs!;

  const lines = await db.buildLogLine.findMany({ where: { buildId: id }, orderBy: { seq: "asc" }, select: { text: true, at: true } });
  const pushedLine = lines.findIndex((line) => line.text.startsWith("Pushed "));
  // Lines are stored in 100 ms batches, so this split is good to about a tenth of a second.
  const pushInspect = pushedLine > 0 ? (lines[pushedLine]!.at.getTime() - lines[pushedLine - 1]!.at.getTime()) / 1000 : null;
  const texts = lines.map((line) => line.text);
  await mkdir(path.dirname(logFile), { recursive: true });
  await writeFile(logFile, lines.map((line) => `${line.at.toISOString().slice(11, 23)} ${line.text}`).join("\n") + "\n");

  return {
    buildId: id,
    seconds: (observed - started) / 1000,
    imageReference: build.imageReference!,
    layers: ((build.layers as { layers?: ImageLayer[] } | null)?.layers ?? []).map(({ digest, size }) => ({ digest, size })),
    phases: {
      start_call_s: (returned - started) / 1000,
      queue_wait_s: (build.startedAt!.getTime() - returned) / 1000,
      prepare_s: (stepStart("clone") - build.startedAt!.getTime()) / 1000,
      clone_s: stepSeconds("clone"),
      detect_s: stepSeconds("detect"),
      build_s: stepSeconds("build"),
      push_s: stepSeconds("push"),
      push_inspect_s: pushInspect,
      finish_s: (build.finishedAt!.getTime() - pushEnd) / 1000,
      observe_s: (observed - build.finishedAt!.getTime()) / 1000,
    },
    cachedSteps: /\((\d+ of \d+) steps from the cache\)/.exec(texts.find((text) => text.startsWith("Built ")) ?? "")?.[1] ?? null,
  };
}
