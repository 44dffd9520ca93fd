/**
 * Connecting a repository and checking out one commit, against a real git server (git
 * http-backend on 127.0.0.1) — with and without credentials, right and wrong.
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BuildError } from "@/server/build/build-error";
import { cloneCommit } from "@/server/build/clone-commit";
import { listRemoteBranches } from "@/server/build/list-remote-branches";
import { resolveBranchCommit } from "@/server/build/resolve-branch-commit";
import { startGitServer, type GitServer } from "../helpers/git-server";

let git: GitServer;
let work: string;
const TOKEN = "glpat-s3cr3t-t0ken-value";

beforeAll(async () => {
  process.env.SLIPWAY_ALLOW_INSECURE_GIT_HOSTS = "127.0.0.1";
  git = await startGitServer();
  work = await mkdtemp(path.join(os.tmpdir(), "slipway-git-test-"));
});
afterAll(async () => {
  await git?.stop();
  await rm(work, { recursive: true, force: true });
});

async function failure(promise: Promise<unknown>): Promise<BuildError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(BuildError);
  return error as BuildError;
}

describe("connecting a repository", () => {
  it("lists the branches with their head commits and the default branch", async () => {
    const main = await git.createRepository("branches", { fixture: "static-site" });
    const feature = await git.commitFiles("branches", { "about.html": "<h1>About</h1>" }, "Add about page", { branch: "feature/about" });

    const remote = await listRemoteBranches({ url: git.repoUrl("branches") });

    expect(remote.defaultBranch).toBe("main");
    expect(remote.branches).toEqual([
      { name: "main", commit: main },
      { name: "feature/about", commit: feature },
    ]);
  });

  it("works with the right access token, sent as a header and never in the URL", async () => {
    await git.createRepository("private", { fixture: "static-site", auth: { username: "oauth2", password: TOKEN } });
    const before = git.requests.length;

    const remote = await listRemoteBranches({ url: git.repoUrl("private"), auth: { type: "token", username: "oauth2", token: TOKEN } });

    expect(remote.branches.map((branch) => branch.name)).toEqual(["main"]);
    const sent = git.requests.slice(before);
    expect(sent.some((request) => request.user === "oauth2" && request.authorized)).toBe(true);
    expect(sent.every((request) => !request.path.includes(TOKEN) && !request.query.includes(TOKEN))).toBe(true);
  });

  it("says the token was refused when it is wrong, without repeating it", async () => {
    const error = await failure(
      listRemoteBranches({ url: git.repoUrl("private"), auth: { type: "token", username: "oauth2", token: "wrong-token-123" } }),
    );
    expect(error.code).toBe("auth_failed");
    expect(error.message).toMatch(/refused the access token/);
    expect(`${error.message} ${error.detail}`).not.toContain("wrong-token-123");
  });

  it("says credentials are needed for a private repository", async () => {
    const error = await failure(listRemoteBranches({ url: git.repoUrl("private") }));
    expect(error.code).toBe("auth_failed");
    expect(error.message).toMatch(/needs credentials/);
  });

  it("says when there is no repository at the URL", async () => {
    const error = await failure(listRemoteBranches({ url: git.repoUrl("does-not-exist") }));
    expect(error.code).toBe("repository_not_found");
  });

  it("says when the host cannot be reached", async () => {
    const error = await failure(listRemoteBranches({ url: "http://127.0.0.1:9/nothing.git" }));
    expect(error.code).toBe("host_unreachable");
  });

  it("refuses a file:// URL before running git", async () => {
    const requestsBefore = git.requests.length;
    const error = await failure(listRemoteBranches({ url: "file:///etc" }));
    expect(error.code).toBe("invalid_repository_url");
    expect(git.requests.length).toBe(requestsBefore);
  });

  it("names the branches that exist when the branch is unknown", async () => {
    const error = await failure(resolveBranchCommit({ url: git.repoUrl("branches"), branch: "release" }));
    expect(error.code).toBe("branch_not_found");
    expect(error.message).toBe('Branch "release" was not found in the repository. Branches on the host: main, feature/about (default: main).');
  });
});

describe("checking out a commit", () => {
  it("checks out exactly the pinned commit, even after the branch moved on", async () => {
    const first = await git.createRepository("pinned", { files: { "version.txt": "one\n" } });
    await git.commitFiles("pinned", { "version.txt": "two\n" }, "Second version\n\nWith a body.");
    expect(await resolveBranchCommit({ url: git.repoUrl("pinned"), branch: "main" })).not.toBe(first);

    const dir = path.join(work, "pinned");
    const cloned = await cloneCommit({ url: git.repoUrl("pinned"), commit: first, branch: "main", dir });

    expect(cloned.commit).toBe(first);
    expect(await readFile(path.join(dir, "version.txt"), "utf8")).toBe("one\n");
    expect(cloned).toMatchObject({ authorName: "Ada Lovelace", authorEmail: "ada@example.com", message: "Create pinned" });
    // The history is not part of the build context.
    expect(await readdir(dir)).toEqual(["version.txt"]);
  });

  it("reads the full commit message and author", async () => {
    const sha = await git.commitFiles("pinned", { "version.txt": "three\n" }, "Third version\n\nLonger explanation.");
    const cloned = await cloneCommit({ url: git.repoUrl("pinned"), commit: sha, dir: path.join(work, "message") });
    expect(cloned.message).toBe("Third version\n\nLonger explanation.");
    expect(cloned.committedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it("clones a private repository with a token", async () => {
    const { branches } = await listRemoteBranches({ url: git.repoUrl("private"), auth: { type: "token", username: "oauth2", token: TOKEN } });
    const cloned = await cloneCommit({
      url: git.repoUrl("private"),
      auth: { type: "token", username: "oauth2", token: TOKEN },
      commit: branches[0]!.commit,
      dir: path.join(work, "private"),
    });
    expect(await readdir(cloned.dir)).toContain("index.html");
  });

  it("says a commit that is not in the repository is not found", async () => {
    const error = await failure(
      cloneCommit({ url: git.repoUrl("pinned"), commit: "0123456789abcdef0123456789abcdef01234567", branch: "main", dir: path.join(work, "missing") }),
    );
    expect(error.code).toBe("commit_not_found");
  });

  it("stops at the repository size limit with a message", async () => {
    const big = Buffer.alloc(3 * 1024 * 1024);
    for (let index = 0; index < big.length; index += 1) big[index] = (index * 7919 + (index >> 8) * 104729) & 0xff;
    const sha = await git.createRepository("large", { files: { "blob.bin": big.toString("latin1") } });
    process.env.SLIPWAY_MAX_REPO_MB = "1";
    try {
      const error = await failure(cloneCommit({ url: git.repoUrl("large"), commit: sha, dir: path.join(work, "large") }));
      expect(error.code).toBe("repository_too_large");
      expect(error.message).toMatch(/larger than 1 MB/);
    } finally {
      delete process.env.SLIPWAY_MAX_REPO_MB;
    }
  });

  it("can be cancelled", async () => {
    const controller = new AbortController();
    controller.abort();
    const sha = await resolveBranchCommit({ url: git.repoUrl("pinned"), branch: "main" });
    const error = await failure(cloneCommit({ url: git.repoUrl("pinned"), commit: sha, dir: path.join(work, "cancelled"), signal: controller.signal }));
    expect(error.code).toBe("cancelled");
  });
});
