/**
 * Finds and parses the repository's slipway.yaml: in the app's root directory first (each app
 * of a monorepo has its own), else at the repository root. An invalid file is a build failure
 * that names the file, the line and the reason.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { BuildError } from "./build-error";
import { resolveInside } from "./resolve-inside";
import { parseSlipwayYaml, type SlipwayConfig } from "./slipway-yaml";

export interface FoundSlipwayYaml {
  /** Path relative to the repository root, e.g. "services/api/slipway.yaml". */
  file: string;
  config: SlipwayConfig;
}

const NAMES = ["slipway.yaml", "slipway.yml"];

export async function readSlipwayYaml(repoDir: string, rootDirectory = ""): Promise<FoundSlipwayYaml | undefined> {
  const folders = rootDirectory === "" ? [""] : [rootDirectory, ""];
  for (const folder of folders) {
    for (const name of NAMES) {
      const relative = folder === "" ? name : `${folder}/${name}`;
      const resolved = await resolveInside(repoDir, relative);
      if (resolved?.kind !== "file") continue;
      const result = parseSlipwayYaml(await readFile(resolved.path, "utf8"));
      if (!result.ok) {
        throw new BuildError("invalid_slipway_yaml", `${relative}, line ${result.line}: ${result.message}`, {
          line: result.line,
          column: result.column,
          detail: result.problems.map((problem) => `line ${problem.line}: ${problem.message}`).join("\n"),
        });
      }
      return { file: relative, config: result.config };
    }
  }
  return undefined;
}
