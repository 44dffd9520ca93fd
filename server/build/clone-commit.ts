/**
 * Checks out exactly one commit, shallowly: `git init` + `git fetch --depth 1 <url> <sha>` +
 * checkout. Fetching by commit (not by branch) is what makes a build reproducible: what was
 * resolved when the build was queued is what gets built. Hosts that refuse to serve a commit by
 * its id (older servers without allow-reachable-sha1-in-want) get the branch fetched instead,
 * and the commit is looked for in its recent history.
 *
 * The checkout's size is watched while git downloads and checked after checkout, so a huge
 * repository fails with a message instead of filling the build server's disk. The .git
 * directory is removed afterwards: the build context then never contains the history.
 */
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { validateBranchName } from "./branch-name";
import { buildConfig } from "./build-config";
import { BuildError } from "./build-error";
import { directorySize } from "./directory-size";
import type { GitAuth } from "./git-auth";
import { withGitSession, type GitSession } from "./git-session";
import type { OutputStream } from "./run-process";

export interface CommitInfo {
  commit: string;
  authorName: string;
  authorEmail: string;
  /** ISO 8601, as the committer recorded it. */
  committedAt: string;
  /** The full commit message. */
  message: string;
}

export interface ClonedCommit extends CommitInfo {
  /** The checkout: `dir` itself. */
  dir: string;
  /** Bytes of the checkout including the downloaded history (before .git was removed). */
  sizeBytes: number;
}

export interface CloneCommitInput {
  url: string;
  auth?: GitAuth;
  /** Full commit id (40 or 64 hex digits). */
  commit: string;
  /** The branch the commit was resolved from: the fallback when the host refuses fetching by id. */
  branch?: string;
  /** An empty or missing directory to check out into. */
  dir: string;
  signal?: AbortSignal;
  onOutput?: (line: string, stream: OutputStream) => void;
  /** Keep the .git directory (default false). */
  keepGitDir?: boolean;
}

const COMMIT_ID = /^([0-9a-f]{40}|[0-9a-f]{64})$/;
const FALLBACK_DEPTHS = [1, 50, 500];
const WATCH_INTERVAL_MS = 1_000;

export async function cloneCommit(input: CloneCommitInput): Promise<ClonedCommit> {
  const commit = input.commit.trim().toLowerCase();
  if (!COMMIT_ID.test(commit)) throw new BuildError("commit_not_found", `"${input.commit}" is not a full commit id.`);
  if (input.branch !== undefined) {
    const branch = validateBranchName(input.branch);
    if (!branch.ok) throw new BuildError("invalid_branch", branch.message);
  }
  const maxBytes = buildConfig().maxRepoBytes;
  const dir = path.resolve(input.dir);

  return withGitSession(input, async (git) => {
    const options = { cwd: dir, onLine: input.onOutput };
    await mkdir(dir, { recursive: true });
    const init = await git.run(["init", "--quiet", "--template=", "--", dir], { signal: input.signal });
    if (init.exitCode !== 0) throw git.failure(init);

    await fetchWithSizeLimit(dir, maxBytes, input.signal, async (signal) => {
      const byId = await git.run(["fetch", "--depth", "1", "--no-tags", "--", git.repository.url, commit], { ...options, signal });
      if (byId.exitCode === 0) return;
      const failure = git.failure(byId, { commit, branch: input.branch });
      if (failure.code !== "commit_not_found" || input.branch === undefined) throw failure;
      await fetchFromBranch(git, dir, commit, input.branch, signal, input.onOutput);
    });

    const checkout = await git.run(["checkout", "--quiet", "--detach", commit, "--"], { ...options, signal: input.signal });
    if (checkout.exitCode !== 0) throw git.failure(checkout, { commit });

    const sizeBytes = await directorySize(dir);
    if (sizeBytes > maxBytes) throw tooLarge(maxBytes);

    const info = await readCommitInfo(git, dir, commit, input.signal);
    if (!input.keepGitDir) await rm(path.join(dir, ".git"), { recursive: true, force: true });
    return { ...info, dir, sizeBytes };
  });
}

async function fetchFromBranch(
  git: GitSession,
  dir: string,
  commit: string,
  branch: string,
  signal: AbortSignal,
  onLine: CloneCommitInput["onOutput"],
): Promise<void> {
  for (const depth of FALLBACK_DEPTHS) {
    const fetch = await git.run(
      ["fetch", "--depth", String(depth), "--no-tags", "--", git.repository.url, `refs/heads/${branch}`],
      { cwd: dir, signal, onLine },
    );
    if (fetch.exitCode !== 0) throw git.failure(fetch, { branch });
    const present = await git.run(["cat-file", "-e", `${commit}^{commit}`], { cwd: dir, signal });
    if (present.exitCode === 0) return;
  }
  throw new BuildError(
    "commit_not_found",
    `Commit ${commit.slice(0, 12)} is not in the last ${FALLBACK_DEPTHS.at(-1)} commits of branch "${branch}" (was it force-pushed?): start a new build from the branch.`,
  );
}

/** Runs `fetch` while watching the checkout's size; stops git once it passes the limit. */
async function fetchWithSizeLimit(
  dir: string,
  maxBytes: number,
  outer: AbortSignal | undefined,
  fetch: (signal: AbortSignal) => Promise<void>,
): Promise<void> {
  const tooBig = new AbortController();
  const signal = outer ? AbortSignal.any([outer, tooBig.signal]) : tooBig.signal;
  let checking = false;
  const timer = setInterval(() => {
    if (checking) return;
    checking = true;
    directorySize(dir, maxBytes)
      .then((size) => {
        if (size > maxBytes) tooBig.abort(new Error("too large"));
      })
      .catch(() => undefined)
      .finally(() => {
        checking = false;
      });
  }, WATCH_INTERVAL_MS);
  try {
    await fetch(signal);
  } catch (error) {
    if (tooBig.signal.aborted && !outer?.aborted) throw tooLarge(maxBytes);
    throw error;
  } finally {
    clearInterval(timer);
  }
}

async function readCommitInfo(git: GitSession, dir: string, commit: string, signal?: AbortSignal): Promise<CommitInfo> {
  const log = await git.run(["log", "-1", "--format=%H%x00%an%x00%ae%x00%cI%x00%B", commit, "--"], { cwd: dir, signal });
  if (log.exitCode !== 0) throw git.failure(log, { commit });
  const [id = commit, authorName = "", authorEmail = "", committedAt = "", ...message] = log.stdout.split("\0");
  return { commit: id.trim(), authorName, authorEmail, committedAt, message: message.join("\0").trim() };
}

function tooLarge(maxBytes: number): BuildError {
  const mb = Math.round(maxBytes / (1024 * 1024));
  return new BuildError(
    "repository_too_large",
    `The repository is larger than ${mb} MB at this commit, the limit for a build: remove large files from it (or ask an administrator to raise SLIPWAY_MAX_REPO_MB).`,
  );
}
