import type { RunSettings } from "@/server/apps/run-settings";
import type { SlipwayRunConfig } from "@/server/build/slipway-yaml";

export interface MergedRunSettings {
  settings: RunSettings;
  /** Variables slipway.yaml says the app needs that have no value in Slipway. */
  missingEnv: string[];
  /** Keys whose value came from slipway.yaml. */
  fromFile: string[];
}

/**
 * The settings a release runs with: the app's own, with what the repository's slipway.yaml
 * declares on top (config as code: the file at the built commit wins). The file names
 * variables but never holds their values; those must be set in Slipway.
 */
export function mergeRunSettings(app: RunSettings, file: SlipwayRunConfig | null | undefined): MergedRunSettings {
  if (!file) return { settings: app, missingEnv: [], fromFile: [] };
  const settings: RunSettings = structuredClone(app);
  const fromFile: string[] = [];
  if (file.port !== undefined) { settings.port = file.port; fromFile.push("port"); }
  if (file.command !== undefined) {
    const argv = typeof file.command === "string" ? ["/bin/sh", "-c", file.command] : file.command;
    settings.command = argv;
    settings.args = null;
    fromFile.push("command");
  }
  if (file.healthCheck?.path) { settings.healthCheck = { type: "http", path: file.healthCheck.path }; fromFile.push("healthCheck"); }
  else if (file.healthCheck?.tcp) { settings.healthCheck = { type: "tcp" }; fromFile.push("healthCheck"); }
  if (file.resources && (file.resources.cpu || file.resources.memory)) {
    settings.resources = { preset: "custom", requests: { cpu: file.resources.cpu, memory: file.resources.memory }, limits: { cpu: file.resources.cpu, memory: file.resources.memory } };
    fromFile.push("resources");
  }
  if (file.replicas !== undefined && !settings.autoscaling.enabled) { settings.replicas = file.replicas; fromFile.push("replicas"); }
  if (file.volumes) { settings.volumes = file.volumes; fromFile.push("volumes"); }
  const known = new Set([...settings.env.map((entry) => entry.name), ...settings.secrets]);
  const missingEnv = (file.env ?? []).filter((name) => !known.has(name));
  return { settings, missingEnv, fromFile };
}
