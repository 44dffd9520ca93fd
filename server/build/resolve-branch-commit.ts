/**
 * Finds the commit a branch points at now: the build is then pinned to that exact commit, so a
 * push during the build does not change what gets built.
 */
import { validateBranchName } from "./branch-name";
import { BuildError } from "./build-error";
import type { GitAuth } from "./git-auth";
import { listRemoteBranches } from "./list-remote-branches";

export async function resolveBranchCommit(input: {
  url: string;
  auth?: GitAuth;
  branch: string;
  signal?: AbortSignal;
}): Promise<string> {
  const valid = validateBranchName(input.branch);
  if (!valid.ok) throw new BuildError("invalid_branch", valid.message);
  const { branches, defaultBranch } = await listRemoteBranches(input);
  const found = branches.find((branch) => branch.name === valid.branch);
  if (found) return found.commit;

  const known = branches.slice(0, 5).map((branch) => branch.name);
  const more = branches.length > known.length ? ", …" : "";
  const hint =
    branches.length === 0
      ? " The repository has no branches yet: push one first."
      : ` Branches on the host: ${known.join(", ")}${more}${defaultBranch ? ` (default: ${defaultBranch})` : ""}.`;
  throw new BuildError("branch_not_found", `Branch "${valid.branch}" was not found in the repository.${hint}`);
}
