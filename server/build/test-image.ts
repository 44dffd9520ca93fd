/**
 * The optional test step: the app's test command must pass before its image is accepted.
 *
 * Containers cannot be assumed to run on a build worker (no privileges, no cgroups here), but
 * what a Dockerfile RUN step does can: buildah runs a command in an image's filesystem with
 * chroot isolation. So the test runs the way a RUN step would, in a throw-away working container:
 *
 *     buildah from <image>  →  buildah run <container> -- /bin/sh -c "<test command>"  →  buildah rm
 *
 * - By default the container is made FROM the image just built, so the tests run against
 *   exactly what will be deployed: same files, same user, same working directory and env.
 *   Presets whose runtime image has no toolchain (Go) name a build stage instead; that stage
 *   is built to its target first (from the layer cache, so it costs nothing after the build).
 * - The command is passed as an argument, never spliced into a Dockerfile or a shell string
 *   of ours, and nothing is committed: a test result is never cached, and no image is made that
 *   would have to be removed (removing an image also removes its untagged parents — the layer cache).
 * - The caller pushes the image only if this resolves.
 */
import { randomUUID } from "node:crypto";
import { BuildError } from "./build-error";
import { buildImage, type DockerfileSource } from "./build-image";
import { runBuildah, type BuildahStorage } from "./buildah";
import { buildahErrorFromOutput } from "./buildah-error";
import type { RegistryAuth } from "./registry-auth";
import type { OutputStream } from "./run-process";

export interface TestImageInput {
  testCommand: string;
  /** The image just built (its id or local name): the tests run on it unless `stage` is given. */
  image: string;
  /** Run the tests in a stage of this Dockerfile instead (see the preset's `testStage`). */
  stage?: { name: string; dockerfile: DockerfileSource; contextDir: string; buildArgs?: Record<string, string> };
  registryAuth?: RegistryAuth[];
  signal?: AbortSignal;
  onOutput?: (line: string, stream: OutputStream) => void;
  storage?: BuildahStorage;
}

export async function testImage(input: TestImageInput): Promise<void> {
  const command = input.testCommand.trim();
  if (command === "" || command.length > 4000 || command.includes("\0")) {
    throw new BuildError("tests_failed", "The test command is empty or too long (at most 4000 characters).");
  }
  const options = { storage: input.storage, signal: input.signal, onLine: input.onOutput };

  let image = input.image;
  if (input.stage) {
    const stage = await buildImage({
      contextDir: input.stage.contextDir,
      dockerfile: input.stage.dockerfile,
      buildArgs: input.stage.buildArgs,
      target: input.stage.name,
      registryAuth: input.registryAuth,
      signal: input.signal,
      onOutput: input.onOutput,
      storage: input.storage,
    });
    image = stage.imageId;
  }

  const container = `slipway-test-${randomUUID()}`;
  const from = await runBuildah(["from", "--pull=never", "--quiet", "--name", container, "--", image], options);
  if (from.exitCode !== 0) throw buildahErrorFromOutput(from.stderr, from.exitCode);
  try {
    input.onOutput?.(`$ ${command}`, "stdout");
    const run = await runBuildah(["run", "--isolation", "chroot", container, "--", "/bin/sh", "-c", command], options);
    if (run.exitCode !== 0) {
      const status = /exit status (\d+)/.exec(run.stderr)?.[1] ?? run.exitCode;
      throw new BuildError(
        "tests_failed",
        `The test command "${command.length > 80 ? `${command.slice(0, 79)}…` : command}" failed with exit status ${status}: the image was not accepted and nothing was pushed.`,
        { detail: run.stderr.trim().split("\n").slice(-3).join("\n") },
      );
    }
  } finally {
    await runBuildah(["rm", container], { storage: input.storage }).catch(() => undefined);
  }
}
