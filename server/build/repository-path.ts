/**
 * Validates the paths a user sets inside the repository: the root directory (monorepos) and
 * the Dockerfile path. Both are joined onto the checkout, so they must stay inside it: relative,
 * no "..", no NUL. Symlinks that point out of the checkout are caught later, when the path is
 * resolved on disk (see resolve-inside.ts).
 */
export type RepositoryPathResult = { ok: true; path: string } | { ok: false; message: string };

const MAX_LENGTH = 255;

/** The root directory, normalised: "" means the repository root. */
export function validateRootDirectory(input: string | null | undefined): RepositoryPathResult {
  return validateRelativePath(input ?? "", "root directory", { allowEmpty: true });
}

/** The Dockerfile path relative to the root directory; empty means "Dockerfile". */
export function validateDockerfilePath(input: string | null | undefined): RepositoryPathResult {
  const result = validateRelativePath(input ?? "", "Dockerfile path", { allowEmpty: true });
  if (result.ok && result.path === "") return { ok: true, path: "Dockerfile" };
  return result;
}

function validateRelativePath(input: string, what: string, options: { allowEmpty: boolean }): RepositoryPathResult {
  const fail = (message: string): RepositoryPathResult => ({ ok: false, message });
  const raw = input.trim();
  if (raw.length > MAX_LENGTH) return fail(`The ${what} has at most ${MAX_LENGTH} characters.`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(raw)) return fail(`The ${what} contains control characters.`);
  if (raw.includes("\\")) return fail(`Use "/" to separate folders in the ${what}, not "\\".`);
  if (raw.startsWith("/") || raw.startsWith("~")) {
    return fail(`The ${what} is relative to the repository: remove the leading "${raw[0]}".`);
  }
  const parts = raw.split("/").filter((part) => part !== "" && part !== ".");
  if (parts.includes("..")) return fail(`The ${what} cannot contain "..": it must stay inside the repository.`);
  const path = parts.join("/");
  if (path === "" && !options.allowEmpty) return fail(`Enter the ${what}.`);
  return { ok: true, path };
}
