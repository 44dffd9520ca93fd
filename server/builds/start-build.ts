import "server-only";
import type { Actor } from "@/server/actor";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { resolveBranchCommit } from "@/server/build/resolve-branch-commit";
import { db } from "@/server/db";
import { isUniqueViolation, notFound, preconditionFailed } from "@/server/errors";
import { enqueueBuild } from "@/server/jobs/build-queue";
import { initialSteps } from "@/server/builds/build-steps";
import { gitAuthForSource } from "@/server/sources/git-auth-for-source";
import { asSourceError } from "@/server/sources/source-errors";

export interface BuildRequest {
  teamId: string;
  appId: string;
  trigger: "manual" | "webhook";
  /** Pinned commit; resolved from the branch's head when omitted. */
  commit?: { sha: string; author?: string; message?: string };
  actor: Actor | null;
}

/**
 * Queues a build of one exact commit of the app's tracked branch. The build row exists before
 * the job, so the page can show it as queued at once; the worker picks it up from the queue.
 */
export async function startBuild({ teamId, appId, trigger, commit, actor }: BuildRequest) {
  const app = await db.app.findFirst({ where: { id: appId, teamId }, select: { id: true, name: true, source: true } });
  if (!app) throw notFound("That app does not exist in this team.");
  const source = app.source;
  if (!source?.url || !source.branch) throw preconditionFailed("Connect a git repository and choose a branch in the app's settings first.");

  let sha = commit?.sha;
  if (!sha) {
    try {
      sha = await resolveBranchCommit({ url: source.url, auth: gitAuthForSource(source), branch: source.branch, signal: AbortSignal.timeout(30_000) });
    } catch (error) {
      throw asSourceError(error);
    }
  }

  // Numbers are per app; two builds started at once race for the same number, so retry.
  for (let attempt = 0; ; attempt += 1) {
    try {
      const build = await db.$transaction(async (tx) => {
        const last = await tx.build.findFirst({ where: { appId }, orderBy: { number: "desc" }, select: { number: true } });
        const created = await tx.build.create({
          data: {
            appId, teamId, number: (last?.number ?? 0) + 1, trigger, branch: source.branch!, commitSha: sha!,
            commitAuthor: commit?.author, commitMessage: commit?.message, createdById: actor?.userId, steps: initialSteps() as object[],
          },
          select: { id: true, number: true },
        });
        if (actor) {
          await recordAuditEvent(tx, {
            actor, teamId, action: "build.start",
            target: { type: "app", id: appId, name: app.name },
            metadata: { build: created.number, commit: sha!, trigger },
          });
        }
        return created;
      });
      await enqueueBuild(build.id);
      return { ...build, commitSha: sha };
    } catch (error) {
      if (isUniqueViolation(error) && attempt < 5) continue;
      throw error;
    }
  }
}
