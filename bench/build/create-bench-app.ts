/**
 * An app connected to a repository on the test git server, made as a user makes it: a team, a
 * project, an app, its repository and its build arguments, all through the tRPC procedures.
 * Import after the environment is set (server modules read it).
 */
import type { GitServer } from "../../tests/integration/helpers/git-server";
import { callerFor, createTeamWithMembers } from "../../tests/integration/helpers/db";
import { BENCH_FIXTURE, benchAppFiles } from "./bench-app";

export type BenchCaller = ReturnType<typeof callerFor>;

export interface BenchApp {
  api: BenchCaller;
  teamSlug: string;
  appId: string;
  repo: string;
}

export async function createBenchApp(git: GitServer, options: { repo: string; buildArgs: Record<string, string> }): Promise<BenchApp> {
  const { team, owner } = await createTeamWithMembers();
  const api = callerFor(owner);
  await api.project.create({ teamSlug: team.slug, name: "bench" });
  const project = await api.project.get({ teamSlug: team.slug, name: "bench" });
  const app = await api.app.create({ teamSlug: team.slug, environmentId: project.environments[0]!.id, name: "web" });
  await git.createRepository(options.repo, { fixture: BENCH_FIXTURE, files: benchAppFiles() });
  await api.source.save({ teamSlug: team.slug, appId: app.id, repository: { url: git.repoUrl(options.repo), authKind: "NONE" }, branch: "main" });
  await api.source.updateBuildSettings({ teamSlug: team.slug, appId: app.id, settings: { buildArgs: options.buildArgs } });
  return { api, teamSlug: team.slug, appId: app.id, repo: options.repo };
}
