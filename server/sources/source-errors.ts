import "server-only";
import { isBuildError } from "@/server/build/build-error";
import { AppError } from "@/server/errors";

/**
 * Git and registry failures met while a person is filling in a form become AppErrors next to the
 * field they are about: the URL, the branch or the credentials.
 */
export function asSourceError(error: unknown): unknown {
  if (!isBuildError(error)) return error;
  const field =
    error.code === "branch_not_found" || error.code === "invalid_branch"
      ? "branch"
      : error.code === "auth_failed"
        ? "token"
        : error.code === "invalid_path"
          ? "rootDirectory"
          : "url";
  const code = error.code === "host_unreachable" ? "UNAVAILABLE" : "BAD_INPUT";
  return new AppError(code, error.message, { field, cause: error });
}
