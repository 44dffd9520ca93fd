/**
 * What every git operation against a user's repository starts with: validate the URL, make a
 * private directory (HOME, deploy key, known_hosts), prepare credentials, and redact them from
 * all output. The directory is removed afterwards, whatever happened.
 */
import { BuildError } from "./build-error";
import { prepareGitAuth, type GitAuth } from "./git-auth";
import { gitErrorFromOutput, type GitErrorContext } from "./git-error";
import { withPrivateDir } from "./private-dir";
import { createRedactor, type Redactor } from "./redact-secrets";
import { validateRepositoryUrl, type RepositoryUrlResult } from "./repository-url";
import { runGit } from "./run-git";
import type { OutputStream, RunProcessResult } from "./run-process";

export interface GitSession {
  repository: Extract<RepositoryUrlResult, { ok: true }>;
  redact: Redactor;
  run(args: readonly string[], options?: { cwd?: string; signal?: AbortSignal; onLine?: (line: string, stream: OutputStream) => void }): Promise<RunProcessResult>;
  /** The BuildError for a failed git command. */
  failure(result: RunProcessResult, context?: Partial<GitErrorContext>): BuildError;
}

export async function withGitSession<T>(input: { url: string; auth?: GitAuth }, work: (session: GitSession) => Promise<T>): Promise<T> {
  const repository = validateRepositoryUrl(input.url);
  if (!repository.ok) throw new BuildError("invalid_repository_url", repository.message);
  const auth = input.auth ?? { type: "none" };

  return withPrivateDir("git", async (home) => {
    const prepared = await prepareGitAuth(auth, repository, home);
    const redact = createRedactor(prepared.secrets);
    const session: GitSession = {
      repository,
      redact,
      run: (args, options = {}) =>
        runGit(args, { transport: repository.transport, env: prepared.env, home, redact, ...options }),
      failure: (result, context = {}) =>
        gitErrorFromOutput(result.stderr, { url: repository.url, auth: auth.type, ...context }),
    };
    return work(session);
  });
}
