/**
 * Builds an image with buildah from a Dockerfile (the repository's, or one a preset rendered).
 * `--layers` keeps every step's result in the worker's buildah storage, so a rebuild after a
 * small change reuses the steps before it ("Using cache"). `--pull=missing` pulls a base image
 * once and then reuses it: that is what makes the cache hit; a base image re-tagged upstream is
 * picked up when the storage is cleared.
 *
 * The Dockerfile is checked first, so a typo is reported with its line number before anything is
 * pulled; buildah's own errors are turned into sentences by buildah-error.ts.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { buildArgFlags } from "./build-args";
import { BuildError } from "./build-error";
import { runBuildah, type BuildahStorage } from "./buildah";
import { buildahErrorFromOutput } from "./buildah-error";
import { checkDockerfileSyntax } from "./dockerfile";
import { isImageReference } from "./image-reference";
import { withPrivateDir, writeSecretFile } from "./private-dir";
import { createRedactor } from "./redact-secrets";
import { tagImage } from "./tag-image";
import { writeAuthFile, type RegistryAuth } from "./registry-auth";
import type { OutputStream } from "./run-process";

export type DockerfileSource = { path: string } | { content: string };

export interface BuildImageInput {
  /** The build context: the checkout's root directory. */
  contextDir: string;
  dockerfile: DockerfileSource;
  /** Local name given to the image once built (optional: push can use the image id). */
  tag?: string;
  buildArgs?: Record<string, string>;
  /** Build only up to this stage. */
  target?: string;
  /** Credentials for pulling base images from private registries. */
  registryAuth?: RegistryAuth[];
  /** Extra strings to redact from the output. */
  secrets?: string[];
  signal?: AbortSignal;
  onOutput?: (line: string, stream: OutputStream) => void;
  storage?: BuildahStorage;
}

export interface BuiltImage {
  /** sha256:… of the image in local storage. */
  imageId: string;
  /** Number of Dockerfile steps run, and how many of them came from the layer cache. */
  steps: number;
  cachedSteps: number;
}

export async function buildImage(input: BuildImageInput): Promise<BuiltImage> {
  const text = "content" in input.dockerfile ? input.dockerfile.content : await readFile(input.dockerfile.path, "utf8");
  const syntax = checkDockerfileSyntax(text);
  if (!syntax.ok) throw new BuildError("dockerfile_syntax", syntax.message, { line: syntax.line });
  if (input.tag !== undefined && !isImageReference(input.tag)) throw new BuildError("build_failed", `"${input.tag}" is not a valid image name.`);
  const buildArgs = buildArgFlags(input.buildArgs);

  return withPrivateDir("build", async (dir) => {
    const dockerfilePath = "content" in input.dockerfile ? await writeSecretFile(dir, "Dockerfile", text) : path.resolve(input.dockerfile.path);
    const iidFile = path.join(dir, "image-id");
    const auth = input.registryAuth?.length ? await writeAuthFile(dir, input.registryAuth) : undefined;
    const redact = createRedactor([...(auth?.secrets ?? []), ...(input.secrets ?? [])]);

    let steps = 0;
    let cachedSteps = 0;
    const result = await runBuildah(
      [
        "bud",
        "--layers",
        "--isolation", "chroot",
        "--pull=missing",
        // Remove the step containers even when a step fails: each is a full copy of the image with vfs.
        "--force-rm",
        "--retry", "2",
        "--retry-delay", "1s",
        "--iidfile", iidFile,
        "-f", dockerfilePath,
        ...(auth ? ["--authfile", auth.file] : []),
        ...(input.target ? ["--target", input.target] : []),
        ...buildArgs,
        "--",
        path.resolve(input.contextDir),
      ],
      {
        storage: input.storage,
        signal: input.signal,
        redact,
        onLine: (line, stream) => {
          if (/^(\[\d+\/\d+\] )?STEP \d+\/\d+: /.test(line)) steps += 1;
          if (line.startsWith("--> Using cache ")) cachedSteps += 1;
          input.onOutput?.(line, stream);
        },
      },
    );
    if (result.exitCode !== 0) throw buildahErrorFromOutput(`${result.stdout}\n${result.stderr}`, result.exitCode);

    const imageId = (await readFile(iidFile, "utf8")).trim();
    if (input.tag) await tagImage({ imageId, tag: input.tag, storage: input.storage, signal: input.signal });
    return { imageId, steps, cachedSteps };
  });
}
