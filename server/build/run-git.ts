/**
 * Runs git with the hardening every network operation gets: only the transport the URL was
 * validated for is allowed (never file://, ext::, fd::), no credential helpers or hooks, no
 * system or user config that could rewrite URLs, no prompts, and stalled transfers abort.
 */
import { childEnv, runProcess, type OutputStream, type RunProcessResult } from "./run-process";
import type { Redactor } from "./redact-secrets";
import type { RepositoryTransport } from "./repository-url";

export interface RunGitOptions {
  transport: RepositoryTransport;
  cwd?: string;
  /** From prepareGitAuth; credentials travel only here. */
  env?: Record<string, string>;
  /** A private directory used as HOME, so no ~/.gitconfig or ~/.ssh of the worker's user is read. */
  home: string;
  signal?: AbortSignal;
  onLine?: (line: string, stream: OutputStream) => void;
  redact?: Redactor;
}

export function runGit(args: readonly string[], options: RunGitOptions): Promise<RunProcessResult> {
  const config = [
    "protocol.allow=never",
    "protocol.file.allow=never",
    "protocol.ext.allow=never",
    `protocol.${options.transport}.allow=always`,
    "credential.helper=",
    "core.hooksPath=/dev/null",
    "core.fsmonitor=false",
    "submodule.recurse=false",
    "init.defaultBranch=main",
    "advice.detachedHead=false",
    // Abort a transfer slower than 1 KB/s for a minute instead of hanging a build slot.
    "http.lowSpeedLimit=1000",
    "http.lowSpeedTime=60",
  ].flatMap((entry) => ["-c", entry]);

  return runProcess("git", [...config, ...args], {
    cwd: options.cwd,
    env: childEnv({
      HOME: options.home,
      GIT_CONFIG_NOSYSTEM: "1",
      GIT_CONFIG_GLOBAL: "/dev/null",
      GIT_TERMINAL_PROMPT: "0",
      GIT_PROTOCOL_FROM_USER: "0",
      ...options.env,
    }),
    signal: options.signal,
    onLine: options.onLine,
    redact: options.redact,
  });
}
