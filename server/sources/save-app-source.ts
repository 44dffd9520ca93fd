import "server-only";
import type { Actor } from "@/server/actor";
import { recordAuditEvent } from "@/server/audit/record-audit-event";
import { encryptSecret } from "@/server/crypto";
import { db } from "@/server/db";
import { badInput } from "@/server/errors";
import { checkRepository, type RepositoryCheckInput } from "@/server/sources/check-repository";
import { ensureAppSource } from "@/server/sources/ensure-app-source";

/**
 * Connects an app to a repository and branch. The URL, the credentials and the branch are
 * checked against the git host before anything is stored; a token is stored encrypted.
 */
export async function saveAppSource(input: { actor: Actor; teamId: string; appId: string; repository: RepositoryCheckInput; branch: string }) {
  const { actor, teamId, appId, repository, branch } = input;
  const { branches } = await checkRepository({ teamId, appId, input: repository });
  if (!branches.includes(branch)) {
    const known = branches.slice(0, 5).join(", ");
    throw badInput(`Branch "${branch}" does not exist in this repository.${known ? ` Branches found: ${known}.` : " It has no branches yet."}`, "branch");
  }

  return db.$transaction(async (tx) => {
    const current = await ensureAppSource(tx, appId);
    const tokenChange =
      repository.authKind === "TOKEN"
        ? repository.token
          ? { tokenEncrypted: encryptSecret(repository.token), tokenUsername: repository.tokenUsername || null }
          : { tokenUsername: repository.tokenUsername || current.tokenUsername }
        : { tokenEncrypted: null, tokenUsername: null };
    await tx.appSource.update({
      where: { appId },
      data: { url: repository.url, branch, authKind: repository.authKind, ...tokenChange },
    });
    const app = await tx.app.findUniqueOrThrow({ where: { id: appId }, select: { name: true } });
    await recordAuditEvent(tx, {
      actor, teamId, action: "app.source.update",
      target: { type: "app", id: appId, name: app.name },
      metadata: { url: repository.url, branch, auth: repository.authKind },
    });
    return { url: repository.url, branch };
  });
}
