/**
 * Pushes a built image to the team's registry. Layers the registry already has (a shared base
 * image, the unchanged layers of the previous build) are not uploaded again: buildah asks the
 * registry first and mounts blobs across repositories. The digest comes back from
 * `--digestfile`, and releases deploy by that digest, never by tag.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { BuildError } from "./build-error";
import { runBuildah, type BuildahStorage } from "./buildah";
import { isImageReference } from "./image-reference";
import { withPrivateDir } from "./private-dir";
import { createRedactor } from "./redact-secrets";
import { writeAuthFile, type RegistryAuth } from "./registry-auth";
import { registryErrorFromOutput } from "./registry-error";
import type { OutputStream } from "./run-process";

export interface PushImageInput {
  /** The local image: its id (sha256:…) or local name. */
  image: string;
  /** Where to push: "registry.example.com/team/app:<commit>". */
  destination: string;
  auth?: RegistryAuth;
  signal?: AbortSignal;
  onOutput?: (line: string, stream: OutputStream) => void;
  storage?: BuildahStorage;
}

export interface PushedImage {
  /** sha256:… of the manifest in the registry. */
  digest: string;
  /** destination without its tag, @digest: what a release deploys. */
  reference: string;
}

export async function pushImage(input: PushImageInput): Promise<PushedImage> {
  if (!isImageReference(input.destination) || !input.destination.includes("/")) {
    throw new BuildError("push_failed", `"${input.destination}" is not a valid image name to push to (registry/repository:tag).`);
  }
  return withPrivateDir("push", async (dir) => {
    const digestFile = path.join(dir, "digest");
    const auth = input.auth ? await writeAuthFile(dir, [input.auth]) : undefined;
    const result = await runBuildah(
      [
        "push",
        "--digestfile", digestFile,
        "--retry", "2",
        "--retry-delay", "1s",
        ...(auth ? ["--authfile", auth.file] : []),
        "--",
        input.image,
        `docker://${input.destination}`,
      ],
      { storage: input.storage, signal: input.signal, onLine: input.onOutput, redact: createRedactor(auth?.secrets ?? []) },
    );
    if (result.exitCode !== 0) {
      throw registryErrorFromOutput(`${result.stdout}\n${result.stderr}`, { action: "push", reference: input.destination });
    }
    const digest = (await readFile(digestFile, "utf8")).trim();
    return { digest, reference: `${repositoryOf(input.destination)}@${digest}` };
  });
}

function repositoryOf(reference: string): string {
  const withoutDigest = reference.split("@")[0]!;
  const lastSlash = withoutDigest.lastIndexOf("/");
  const tagColon = withoutDigest.indexOf(":", lastSlash);
  return tagColon === -1 ? withoutDigest : withoutDigest.slice(0, tagColon);
}
