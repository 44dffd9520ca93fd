/**
 * The effective build settings of one build: the app's settings merged with the repository's
 * slipway.yaml, each value carrying where it came from, so the settings page can say "port 8080
 * — from slipway.yaml". The file wins over the app's settings (config as code: what is in the
 * repository at that commit is what gets built); defaults fill the rest.
 */
import type { BuildSettings, PresetChoice } from "./build-settings";
import type { SlipwayConfig, SlipwayRunConfig } from "./slipway-yaml";

export type SettingSource = "slipway.yaml" | "app settings" | "default";

export interface Sourced<T> {
  value: T;
  source: SettingSource;
}

export interface EffectiveBuildSettings {
  rootDirectory: Sourced<string>;
  dockerfilePath: Sourced<string>;
  preset: Sourced<PresetChoice>;
  testCommand: Sourced<string | null>;
  buildArgs: Record<string, Sourced<string>>;
  /** Run settings declared in slipway.yaml (the rest come from the app's settings at deploy time). */
  run: { [K in keyof SlipwayRunConfig]?: Sourced<NonNullable<SlipwayRunConfig[K]>> };
}

export const DEFAULT_DOCKERFILE = "Dockerfile";

export function mergeBuildSettings(app: BuildSettings | null | undefined, file: SlipwayConfig | null | undefined): EffectiveBuildSettings {
  const build = file?.build ?? {};
  const pick = <T>(fromFile: T | null | undefined, fromApp: T | null | undefined, fallback: T): Sourced<T> => {
    if (fromFile !== undefined && fromFile !== null) return { value: fromFile, source: "slipway.yaml" };
    if (fromApp !== undefined && fromApp !== null && fromApp !== "") return { value: fromApp, source: "app settings" };
    return { value: fallback, source: "default" };
  };

  // A Dockerfile named in slipway.yaml means "build this Dockerfile", whatever preset the app chose.
  const preset: Sourced<PresetChoice> = build.dockerfile
    ? { value: "auto", source: "slipway.yaml" }
    : pick<PresetChoice>(build.preset, app?.preset, "auto");

  const buildArgs: Record<string, Sourced<string>> = {};
  for (const [name, value] of Object.entries(app?.buildArgs ?? {})) buildArgs[name] = { value, source: "app settings" };
  for (const [name, value] of Object.entries(build.buildArgs ?? {})) buildArgs[name] = { value, source: "slipway.yaml" };

  const run: EffectiveBuildSettings["run"] = {};
  for (const [key, value] of Object.entries(file?.run ?? {})) {
    if (value !== undefined) (run as Record<string, Sourced<unknown>>)[key] = { value, source: "slipway.yaml" };
  }

  return {
    rootDirectory: pick(undefined, app?.rootDirectory?.replace(/^\.?\/+|\/+$/g, ""), ""),
    dockerfilePath: pick(build.dockerfile, app?.dockerfilePath, DEFAULT_DOCKERFILE),
    preset,
    testCommand: pick(build.testCommand, app?.testCommand?.trim() || null, null),
    buildArgs,
    run,
  };
}

/** Plain values, for the build itself. */
export function buildArgValues(settings: EffectiveBuildSettings): Record<string, string> {
  return Object.fromEntries(Object.entries(settings.buildArgs).map(([name, { value }]) => [name, value]));
}
