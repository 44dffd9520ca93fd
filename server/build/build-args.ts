/**
 * Build arguments become `--build-arg NAME=value`. Names are checked so that one cannot smuggle
 * a second flag or an "=" into the name. Values are not secrets by contract: buildah records
 * them in the image history, as docker does — secrets belong in the app's runtime settings.
 */
import { BuildError } from "./build-error";

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function buildArgFlags(buildArgs: Record<string, string> = {}): string[] {
  return Object.entries(buildArgs).flatMap(([name, value]) => {
    if (!NAME.test(name)) {
      throw new BuildError("invalid_build_arg", `"${name}" is not a valid build argument name: use letters, digits and _, not starting with a digit.`);
    }
    if (value.includes("\0")) throw new BuildError("invalid_build_arg", `The build argument ${name} contains a NUL character.`);
    return ["--build-arg", `${name}=${value}`];
  });
}
