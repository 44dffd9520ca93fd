/** Gives a built image a local name — after its tests passed, so only accepted images are named. */
import { BuildError } from "./build-error";
import { runBuildah, type BuildahStorage } from "./buildah";
import { isImageReference } from "./image-reference";

export async function tagImage(input: { imageId: string; tag: string; storage?: BuildahStorage; signal?: AbortSignal }): Promise<void> {
  if (!isImageReference(input.tag)) throw new BuildError("build_failed", `"${input.tag}" is not a valid image name.`);
  const result = await runBuildah(["tag", "--", input.imageId, input.tag], { storage: input.storage, signal: input.signal });
  if (result.exitCode !== 0) {
    throw new BuildError("build_failed", `The image was built but could not be named ${input.tag}.`, { detail: result.stderr.trim() });
  }
}
