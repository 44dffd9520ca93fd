/**
 * A real git server for tests: Node's http server in front of `git http-backend` (git's own
 * smart-HTTP CGI), on 127.0.0.1 and a random port. Repositories can require HTTP basic auth,
 * so tests can check that right credentials work and wrong ones give a clear error. Every
 * request is recorded (path and whether it carried credentials) for tests that check what was sent.
 */
import { execFile, spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface RepositoryFiles {
  [path: string]: string | null; // null deletes the file
}

export interface GitServerRequest {
  method: string;
  path: string;
  query: string;
  /** The user name from a basic Authorization header, if any. */
  user?: string;
  authorized: boolean;
}

export interface GitServer {
  /** "http://127.0.0.1:PORT" */
  url: string;
  /** The clone URL of a repository. */
  repoUrl(name: string): string;
  /** Creates a repository with one commit (files from a fixture directory and/or `files`); returns its sha. */
  createRepository(
    name: string,
    options?: { fixture?: string; files?: RepositoryFiles; branch?: string; auth?: { username: string; password: string } },
  ): Promise<string>;
  /** Commits changes on `branch` (default main) and pushes them to the served repository; returns the new sha. */
  commitFiles(name: string, files: RepositoryFiles, message: string, options?: { branch?: string }): Promise<string>;
  requests: GitServerRequest[];
  stop(): Promise<void>;
}

const GIT_ENV = {
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_AUTHOR_NAME: "Ada Lovelace",
  GIT_AUTHOR_EMAIL: "ada@example.com",
  GIT_COMMITTER_NAME: "Ada Lovelace",
  GIT_COMMITTER_EMAIL: "ada@example.com",
  LC_ALL: "C.UTF-8",
};

export const FIXTURE_REPOS = path.resolve(import.meta.dirname, "../../fixtures/repos");

export async function startGitServer(): Promise<GitServer> {
  const root = await mkdtemp(path.join(os.tmpdir(), "slipway-git-server-"));
  const served = path.join(root, "served");
  const work = path.join(root, "work");
  await mkdir(served);
  await mkdir(work);
  const auth = new Map<string, { username: string; password: string }>();
  const requests: GitServerRequest[] = [];

  const git = async (cwd: string, ...args: string[]) => {
    const { stdout } = await run("git", args, { cwd, env: { ...process.env, ...GIT_ENV } });
    return stdout.trim();
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const repo = /^\/([^/]+)\.git\//.exec(url.pathname)?.[1];
    const required = repo ? auth.get(repo) : undefined;
    const credentials = parseBasic(req.headers.authorization);
    const authorized = !required || (credentials?.username === required.username && credentials.password === required.password);
    requests.push({ method: req.method ?? "GET", path: url.pathname, query: url.search, user: credentials?.username, authorized });
    if (!authorized) {
      res.writeHead(401, { "WWW-Authenticate": 'Basic realm="slipway test git"' }).end("Unauthorized\n");
      return;
    }
    const cgi = spawn("git", ["http-backend"], {
      env: {
        PATH: process.env.PATH,
        GIT_PROJECT_ROOT: served,
        GIT_HTTP_EXPORT_ALL: "1",
        GIT_CONFIG_GLOBAL: "/dev/null",
        GIT_CONFIG_NOSYSTEM: "1",
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.replace(/^\?/, ""),
        REQUEST_METHOD: req.method ?? "GET",
        CONTENT_TYPE: req.headers["content-type"] ?? "",
        HTTP_CONTENT_ENCODING: req.headers["content-encoding"] ?? "",
        GIT_PROTOCOL: String(req.headers["git-protocol"] ?? ""),
        REMOTE_USER: credentials?.username ?? "",
        REMOTE_ADDR: "127.0.0.1",
      } as unknown as NodeJS.ProcessEnv,
    });
    req.pipe(cgi.stdin);
    cgi.stderr.resume();
    let head = Buffer.alloc(0);
    let headersDone = false;
    cgi.stdout.on("data", (chunk: Buffer) => {
      if (headersDone) {
        res.write(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf("\r\n\r\n");
      if (end === -1) return;
      headersDone = true;
      let status = 200;
      for (const line of head.subarray(0, end).toString("latin1").split("\r\n")) {
        const colon = line.indexOf(":");
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === "status") status = Number.parseInt(value, 10);
        else res.setHeader(name, value);
      }
      res.writeHead(status);
      res.write(head.subarray(end + 4));
    });
    cgi.on("close", () => {
      if (!headersDone) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  async function applyFiles(dir: string, files: RepositoryFiles) {
    for (const [file, content] of Object.entries(files)) {
      const target = path.join(dir, file);
      if (content === null) await rm(target, { force: true });
      else {
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, content);
      }
    }
  }

  async function commitFiles(name: string, files: RepositoryFiles, message: string, options: { branch?: string } = {}) {
    const dir = path.join(work, name);
    const branch = options.branch ?? "main";
    const current = await git(dir, "rev-parse", "--abbrev-ref", "HEAD").catch(() => "");
    if (current !== branch) await git(dir, "checkout", "-q", "-B", branch);
    await applyFiles(dir, files);
    await git(dir, "add", "-A");
    await git(dir, "commit", "-q", "--allow-empty", "-m", message);
    await git(dir, "push", "-q", "origin", `HEAD:refs/heads/${branch}`, "--force");
    return git(dir, "rev-parse", "HEAD");
  }

  return {
    url: baseUrl,
    repoUrl: (name) => `${baseUrl}/${name}.git`,
    requests,
    async createRepository(name, options = {}) {
      const bare = path.join(served, `${name}.git`);
      const dir = path.join(work, name);
      const branch = options.branch ?? "main";
      await git(served, "init", "-q", "--bare", `--initial-branch=${branch}`, bare);
      await git(bare, "config", "http.receivepack", "false");
      await mkdir(dir, { recursive: true });
      await git(dir, "init", "-q", `--initial-branch=${branch}`);
      await git(dir, "remote", "add", "origin", bare);
      if (options.fixture) await cp(path.join(FIXTURE_REPOS, options.fixture), dir, { recursive: true });
      if (options.auth) auth.set(name, options.auth);
      return commitFiles(name, options.files ?? {}, `Create ${name}`, { branch });
    },
    commitFiles,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(root, { recursive: true, force: true });
    },
  };
}

function parseBasic(header: string | undefined): { username: string; password: string } | undefined {
  const match = /^Basic\s+(.+)$/i.exec(header ?? "");
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon === -1 ? undefined : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
