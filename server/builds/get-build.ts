import "server-only";
import type { EffectiveBuildSettings } from "@/server/build/merge-build-settings";
import type { LayerComparison } from "@/server/build/layer-comparison";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";
import type { BuildStepState } from "@/server/builds/build-steps";

/** One build with everything its page shows. Scoped by team: another team's build is "not found". */
export async function getBuild({ teamId, buildId }: { teamId: string; buildId: string }) {
  const build = await db.build.findFirst({
    where: { id: buildId, teamId },
    select: {
      id: true, appId: true, number: true, status: true, trigger: true, branch: true, commitSha: true, commitAuthor: true, commitMessage: true,
      imageRepository: true, imageDigest: true, imageReference: true, layers: true, steps: true, settings: true, detected: true,
      errorCode: true, errorMessage: true, logLines: true, queuedAt: true, startedAt: true, finishedAt: true, cancelRequestedAt: true,
    },
  });
  if (!build) throw notFound("That build does not exist in this team.");
  return {
    ...build,
    steps: build.steps as unknown as BuildStepState[],
    layers: build.layers as unknown as LayerComparison | null,
    settings: build.settings as unknown as EffectiveBuildSettings | null,
    detected: build.detected as { kind: string; summary: string; baseImage?: string; preset?: string; slipwayYaml?: string | null } | null,
  };
}
