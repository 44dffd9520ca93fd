/**
 * Decides how a checkout is built: the Dockerfile if there is one, else the first preset whose
 * files are present (Node, Python, Go, static site, in that order: a Node app often has an
 * index.html too). A preset chosen explicitly (settings or slipway.yaml) skips detection but
 * still needs its files. An explicitly configured Dockerfile path must exist; only the default
 * "Dockerfile" falls back to detection.
 */
import { readFile } from "node:fs/promises";
import { BuildError } from "./build-error";
import type { DockerfileSource } from "./build-image";
import { findBaseImage } from "./dockerfile";
import type { EffectiveBuildSettings } from "./merge-build-settings";
import { projectFiles, type ProjectFiles } from "./project-files";
import { resolveInside } from "./resolve-inside";
import { detectGoProject, renderGoDockerfile } from "./presets/go";
import { detectNodeProject, renderNodeDockerfile } from "./presets/node";
import type { PresetOptions, PresetPlan } from "./presets/preset-plan";
import { detectPythonProject, renderPythonDockerfile } from "./presets/python";
import { detectStaticProject, renderStaticDockerfile } from "./presets/static";
import { validateDockerfilePath, validateRootDirectory } from "./repository-path";
import type { Preset } from "./slipway-yaml";

export type DetectedBuild = {
  /** The build context: the app's root directory in the checkout (absolute). */
  contextDir: string;
  /** Give this to buildImage. */
  dockerfile: DockerfileSource;
  /** The image the final stage starts from, when known: for marking base layers. */
  baseImage?: string;
  /** For testImage: a stage to run the tests in instead of the final image. */
  testStage?: string;
  /** One line for the build log. */
  summary: string;
} & ({ kind: "dockerfile"; dockerfilePath: string } | { kind: "preset"; preset: Preset; port: number });

const PRESET_ORDER: Preset[] = ["node", "python", "go", "static"];
const PRESET_FILES = "package.json with a lockfile (Node), requirements.txt or pyproject.toml (Python), go.mod (Go), or index.html (static site)";

export async function detectBuild(input: { repoDir: string; settings: EffectiveBuildSettings }): Promise<DetectedBuild> {
  const { settings } = input;
  const root = validateRootDirectory(settings.rootDirectory.value);
  if (!root.ok) throw new BuildError("invalid_path", root.message);
  const dockerfilePath = validateDockerfilePath(settings.dockerfilePath.value);
  if (!dockerfilePath.ok) throw new BuildError("invalid_path", dockerfilePath.message);

  const contextDir = await resolveInside(input.repoDir, root.path || ".");
  if (contextDir?.kind !== "directory") {
    throw new BuildError("invalid_path", `The root directory "${root.path}" does not exist in the repository at this commit.`);
  }
  const files = projectFiles(contextDir.path);
  const options: PresetOptions = { port: settings.run.port?.value, hasRunCommand: settings.run.command !== undefined };
  const shown = root.path ? `${root.path}/${dockerfilePath.path}` : dockerfilePath.path;

  if (settings.preset.value !== "auto") {
    const plan = await planPreset(settings.preset.value, files, options);
    if (!plan) {
      throw new BuildError(
        "project_incomplete",
        `The ${settings.preset.value} preset was chosen (in ${settings.preset.source}) but its files are missing in ${root.path || "the repository root"}: it needs ${presetNeeds(settings.preset.value)}.`,
      );
    }
    return fromPlan(plan, contextDir.path);
  }

  const dockerfile = await resolveInside(contextDir.path, dockerfilePath.path);
  if (dockerfile?.kind === "file") {
    const text = await readFile(dockerfile.path, "utf8");
    return {
      kind: "dockerfile",
      contextDir: contextDir.path,
      dockerfile: { path: dockerfile.path },
      dockerfilePath: shown,
      baseImage: findBaseImage(text, Object.fromEntries(Object.entries(settings.buildArgs).map(([k, v]) => [k, v.value]))),
      summary: `Dockerfile (${shown})`,
    };
  }
  if (settings.dockerfilePath.source !== "default") {
    throw new BuildError(
      "dockerfile_not_found",
      `No Dockerfile at ${shown} (set in ${settings.dockerfilePath.source}): check the path, which is relative to the root directory.`,
    );
  }
  for (const preset of PRESET_ORDER) {
    const plan = await planPreset(preset, files, options);
    if (plan) return fromPlan(plan, contextDir.path);
  }
  throw new BuildError(
    "project_not_recognised",
    `No Dockerfile and no recognised project in ${root.path || "the repository root"}: add a Dockerfile or one of ${PRESET_FILES}.`,
  );
}

async function planPreset(preset: Preset, files: ProjectFiles, options: PresetOptions): Promise<PresetPlan | undefined> {
  switch (preset) {
    case "node": {
      const project = await detectNodeProject(files);
      return project && renderNodeDockerfile(project, options);
    }
    case "python": {
      const project = await detectPythonProject(files);
      return project && renderPythonDockerfile(project, options);
    }
    case "go": {
      const project = await detectGoProject(files);
      return project && renderGoDockerfile(project, options);
    }
    case "static": {
      const project = await detectStaticProject(files);
      return project && renderStaticDockerfile(project, options);
    }
  }
}

function presetNeeds(preset: Preset): string {
  return { node: "package.json and a lockfile", python: "requirements.txt or pyproject.toml", go: "go.mod", static: "index.html" }[preset];
}

function fromPlan(plan: PresetPlan, contextDir: string): DetectedBuild {
  return {
    kind: "preset",
    preset: plan.preset,
    port: plan.port,
    contextDir,
    dockerfile: { content: plan.dockerfile },
    baseImage: plan.baseImage,
    testStage: plan.testStage,
    summary: plan.summary,
  };
}

