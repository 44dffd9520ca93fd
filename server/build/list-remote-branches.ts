/**
 * Asks the git host which branches exist (`git ls-remote`), with the app's credentials. Used when
 * a repository is connected — it proves the URL and credentials work and offers the branches —
 * and to resolve a branch to the commit a build will pin.
 */
import type { GitAuth } from "./git-auth";
import { withGitSession } from "./git-session";

export interface RemoteBranch {
  name: string;
  /** The commit the branch points at. */
  commit: string;
}

export interface RemoteBranches {
  /** The branch HEAD points at on the host (the repository's default branch), when it says. */
  defaultBranch: string | undefined;
  /** Default branch first, then by name. */
  branches: RemoteBranch[];
}

const REF_LINE = /^([0-9a-f]{40}|[0-9a-f]{64})\t(.+)$/;
const SYMREF_LINE = /^ref: (refs\/heads\/\S+)\tHEAD$/;

export async function listRemoteBranches(input: { url: string; auth?: GitAuth; signal?: AbortSignal }): Promise<RemoteBranches> {
  return withGitSession(input, async (git) => {
    const result = await git.run(["ls-remote", "--symref", "--", git.repository.url, "HEAD", "refs/heads/*"], {
      signal: input.signal,
    });
    if (result.exitCode !== 0) throw git.failure(result);
    return parseLsRemote(result.stdout);
  });
}

export function parseLsRemote(stdout: string): RemoteBranches {
  let defaultBranch: string | undefined;
  const branches: RemoteBranch[] = [];
  for (const line of stdout.split("\n")) {
    const symref = SYMREF_LINE.exec(line);
    if (symref) {
      defaultBranch = symref[1]!.slice("refs/heads/".length);
      continue;
    }
    const ref = REF_LINE.exec(line);
    if (ref && ref[2]!.startsWith("refs/heads/")) {
      branches.push({ name: ref[2]!.slice("refs/heads/".length), commit: ref[1]! });
    }
  }
  branches.sort((a, b) => {
    if (a.name === defaultBranch) return -1;
    if (b.name === defaultBranch) return 1;
    return a.name.localeCompare(b.name);
  });
  return { defaultBranch, branches };
}
