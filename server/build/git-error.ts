/**
 * Reads git's stderr (English: we run git with LC_ALL=C.UTF-8) and says what went wrong in words
 * the user can act on. git's own line is kept as the error's detail, for the build log.
 */
import { BuildError } from "./build-error";
import type { GitAuth } from "./git-auth";

export interface GitErrorContext {
  url: string;
  auth: GitAuth["type"];
  branch?: string;
  commit?: string;
}

const AUTH = [
  "terminal prompts disabled",
  "could not read username",
  "could not read password",
  "authentication failed",
  "access denied",
  "invalid username or password",
  "requested url returned error: 401",
  "requested url returned error: 403",
  "permission denied (publickey",
  "permission denied, please try again",
];
const NOT_FOUND = [
  "repository not found",
  "does not appear to be a git repository",
  "not a git repository",
  "requested url returned error: 404",
  "could not be found",
  "not found",
];
const UNREACHABLE = [
  "could not resolve host",
  "could not resolve hostname",
  "temporary failure in name resolution",
  "name or service not known",
  "connection refused",
  "failed to connect",
  "connection timed out",
  "operation timed out",
  "network is unreachable",
  "no route to host",
  "connection reset",
  "ssh: connect to host",
  "connection closed by",
];
const REF_MISSING = ["couldn't find remote ref", "not our ref", "unadvertised object", "no such remote ref"];

export function gitErrorFromOutput(stderr: string, context: GitErrorContext): BuildError {
  const text = stderr.toLowerCase();
  const detail = lastLines(stderr);
  const has = (needles: string[]) => needles.some((needle) => text.includes(needle));

  if (has(["ssl certificate problem", "server certificate verification failed", "certificate verify failed"])) {
    return new BuildError("host_unreachable", "The git host's TLS certificate could not be verified, so Slipway did not connect.", { detail });
  }
  if (text.includes("host key verification failed")) {
    return new BuildError(
      "auth_failed",
      "The git host's SSH host key does not match the one recorded for it: check the host, or update the known host key.",
      { detail },
    );
  }
  if (has(AUTH)) {
    const message =
      context.auth === "token"
        ? "Authentication failed: the git host refused the access token. Check that it is current and can read this repository."
        : context.auth === "ssh-key"
          ? "The git host refused Slipway's deploy key: add the app's public key to the repository's deploy keys (read access is enough)."
          : "The repository needs credentials: add an access token, or use the SSH URL with this app's deploy key.";
    return new BuildError("auth_failed", message, { detail });
  }
  if (has(REF_MISSING)) {
    if (context.commit) {
      return new BuildError(
        "commit_not_found",
        `Commit ${context.commit.slice(0, 12)} is not in the repository any more${context.branch ? ` (was branch "${context.branch}" force-pushed?)` : ""}.`,
        { detail },
      );
    }
    return new BuildError("branch_not_found", `Branch "${context.branch ?? "?"}" was not found in the repository.`, { detail });
  }
  if (has(UNREACHABLE)) {
    return new BuildError("host_unreachable", `The git host of ${context.url} could not be reached: check the host name, or try again later.`, { detail });
  }
  if (/requested url returned error: 5\d\d/.test(text)) {
    return new BuildError("host_unreachable", "The git host answered with a server error: try again later.", { detail });
  }
  if (has(NOT_FOUND)) {
    const hint = context.auth === "none" ? " If it is private, add an access token or use SSH with the deploy key." : "";
    return new BuildError("repository_not_found", `No git repository was found at ${context.url}.${hint}`, { detail });
  }
  return new BuildError("git_failed", `git failed: ${lastLines(stderr, 1) || "no message"}`, { detail });
}

function lastLines(text: string, count = 5): string {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(-count)
    .join("\n");
}
