import "server-only";
import { db } from "@/server/db";
import { badInput, preconditionFailed } from "@/server/errors";

/**
 * Deletes a team and everything it owns. Refused while it still has apps, because those run
 * on a cluster: they must be deleted (and their workloads removed) first.
 */
export async function deleteTeam({ teamId, confirmation }: { teamId: string; confirmation: string }) {
  const team = await db.team.findUniqueOrThrow({ where: { id: teamId }, select: { slug: true, _count: { select: { apps: true } } } });
  if (confirmation !== team.slug) throw badInput(`Type the team URL "${team.slug}" to confirm.`, "confirmation");
  const apps = team._count.apps;
  if (apps > 0) {
    throw preconditionFailed(
      `This team still has ${apps} app${apps === 1 ? "" : "s"}. Delete ${apps === 1 ? "it" : "them"} from their projects first, then delete the team.`,
    );
  }
  // The audit log goes with the team: there is no team left to show it to.
  await db.team.delete({ where: { id: teamId } });
}
