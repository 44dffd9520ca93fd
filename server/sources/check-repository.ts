import "server-only";
import type { GitAuth } from "@/server/build/git-auth";
import { listRemoteBranches } from "@/server/build/list-remote-branches";
import { db } from "@/server/db";
import { badInput, notFound } from "@/server/errors";
import { asSourceError } from "@/server/sources/source-errors";
import { gitAuthForSource } from "@/server/sources/git-auth-for-source";

export interface RepositoryCheckInput {
  url: string;
  authKind: "NONE" | "TOKEN" | "SSH_KEY";
  /** A new token; omitted to use the one already stored. */
  token?: string;
  tokenUsername?: string;
}

/** The credentials for a check or a save: a newly typed token, else what is stored for the app. */
export async function resolveGitAuth({ teamId, appId, input }: { teamId: string; appId: string; input: RepositoryCheckInput }): Promise<GitAuth> {
  if (input.authKind === "NONE") return { type: "none" };
  if (input.authKind === "TOKEN" && input.token) return { type: "token", token: input.token, username: input.tokenUsername || undefined };
  const source = await db.appSource.findFirst({ where: { appId, app: { teamId } } });
  if (input.authKind === "SSH_KEY") {
    if (!source?.deployKeyPrivateEncrypted) throw badInput("Generate a deploy key first, and add its public key to the repository.", "authKind");
    return gitAuthForSource({ ...source, authKind: "SSH_KEY" });
  }
  if (!source?.tokenEncrypted) throw badInput("Enter an access token.", "token");
  return gitAuthForSource({ ...source, authKind: "TOKEN", tokenUsername: input.tokenUsername || source.tokenUsername });
}

/**
 * `git ls-remote` with the given credentials: proves the URL is a git repository Slipway can
 * read, and returns its branches (default first) for the branch picker.
 */
export async function checkRepository({ teamId, appId, input }: { teamId: string; appId: string; input: RepositoryCheckInput }) {
  const app = await db.app.findFirst({ where: { id: appId, teamId }, select: { id: true } });
  if (!app) throw notFound("That app does not exist in this team.");
  const auth = await resolveGitAuth({ teamId, appId, input });
  try {
    const { branches, defaultBranch } = await listRemoteBranches({ url: input.url, auth, signal: AbortSignal.timeout(30_000) });
    return { defaultBranch: defaultBranch ?? null, branches: branches.map((branch) => branch.name) };
  } catch (error) {
    throw asSourceError(error);
  }
}
