/**
 * The one error type the build engine throws. `code` is for the worker (retry or not, which step
 * failed, which badge to show); `message` is a sentence the user can act on and never contains
 * a secret. `detail` keeps the tool's own line (git, buildah) for the build log, already redacted.
 */
export type BuildErrorCode =
  // input the user typed
  | "invalid_repository_url"
  | "invalid_branch"
  | "invalid_path"
  | "invalid_build_arg"
  | "invalid_slipway_yaml"
  // git
  | "repository_not_found"
  | "auth_failed"
  | "branch_not_found"
  | "commit_not_found"
  | "host_unreachable"
  | "repository_too_large"
  | "git_failed"
  // detect
  | "dockerfile_not_found"
  | "project_not_recognised"
  | "project_incomplete"
  // buildah
  | "dockerfile_syntax"
  | "base_image_not_found"
  | "build_failed"
  | "tests_failed"
  // registry
  | "registry_auth_failed"
  | "registry_unreachable"
  | "push_failed"
  | "inspect_failed"
  // lifecycle
  | "cancelled"
  | "timed_out"
  | "tool_missing";

export class BuildError extends Error {
  readonly code: BuildErrorCode;
  /** The tool output line(s) behind the error, redacted; shown in the build log, not as the headline. */
  readonly detail?: string;
  /** 1-based position in the file the message is about (slipway.yaml, Dockerfile), when known. */
  readonly line?: number;
  readonly column?: number;

  constructor(
    code: BuildErrorCode,
    message: string,
    options: { detail?: string; line?: number; column?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "BuildError";
    this.code = code;
    this.detail = options.detail;
    this.line = options.line;
    this.column = options.column;
  }
}

export function isBuildError(error: unknown): error is BuildError {
  return error instanceof BuildError;
}
