/** What a preset produces: a Dockerfile and the facts the build page and the test step need. */
import type { Preset } from "../slipway-yaml";

export interface PresetPlan {
  preset: Preset;
  /** One line for the build log, e.g. "Node (package-lock.json → npm ci; start: npm start)". */
  summary: string;
  dockerfile: string;
  /** The port the image listens on (EXPOSE, and $PORT). */
  port: number;
  /** The image the final stage starts from. */
  baseImage: string;
  /** A stage that has the sources and toolchain for the test command, when the final image does not. */
  testStage?: string;
}

export interface PresetOptions {
  /** From slipway.yaml run.port; each preset has its own default. */
  port?: number;
  /** True when slipway.yaml sets run.command: then the image needs no start command of its own. */
  hasRunCommand?: boolean;
}

/** A JSON exec-form array for CMD: no shell quoting can go wrong. */
export function execForm(command: string[]): string {
  return JSON.stringify(command).replace(/","/g, '", "');
}

/** A Procfile's "web:" command (the Heroku convention), if the project has one. */
export function procfileWeb(procfile: string | undefined): string | undefined {
  const line = procfile?.split(/\r?\n/).find((entry) => /^web\s*:/.test(entry));
  return line?.replace(/^web\s*:\s*/, "").trim() || undefined;
}

/** The non-root user images run as: numeric, so Kubernetes' runAsNonRoot can verify it. */
export const APP_USER = "1000:1000";
