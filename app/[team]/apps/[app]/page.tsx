import { GitBranch, Hammer } from "lucide-react";
import Link from "next/link";
import { AppOverviewLive } from "@/components/releases/app-overview-live";
import { AutoDeployControl } from "@/components/releases/auto-deploy-control";
import { DriftCard } from "@/components/releases/drift-card";
import { StartBuildButton } from "@/components/builds/start-build-button";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { loadForPage } from "@/server/api/page-guards";
import { serverApi } from "@/server/api/server-caller";
import { hasRole } from "@/server/roles";

export default async function AppOverviewPage({ params }: { params: Promise<{ team: string; app: string }> }) {
  const { team: teamSlug, app: appId } = await params;
  const api = await serverApi();
  const [team, source, live] = await Promise.all([
    loadForPage(api.team.get({ teamSlug })),
    loadForPage(api.source.get({ teamSlug, appId })),
    loadForPage(api.release.liveState({ teamSlug, appId })),
  ]);
  const canDeploy = hasRole(team.role, "DEVELOPER");

  if (!source.url) {
    return (
      <EmptyState
        icon={GitBranch}
        title="This app has not been deployed yet"
        description="Connect a git repository in the app's settings, then build and deploy it. Its status, URL, current release and rollout progress will show here."
        action={canDeploy ? <Button asChild><Link href={`/${teamSlug}/apps/${appId}/settings#source`}><GitBranch aria-hidden /> Connect a repository</Link></Button> : undefined}
      />
    );
  }
  if (!live.overview.lastBuild && !live.overview.latest) {
    return (
      <EmptyState
        icon={Hammer}
        title="Build it first"
        description={`The repository is connected (${source.branch}). Build it; then deploy the image from here.`}
        action={canDeploy ? <StartBuildButton teamSlug={teamSlug} appId={appId} /> : undefined}
      />
    );
  }

  const drift = live.overview.live ? await api.release.drift({ teamSlug, appId }) : null;
  return (
    <div className="grid gap-4">
      <AutoDeployControl teamSlug={teamSlug} appId={appId} enabled={live.overview.autoDeploy} pausedAt={live.overview.autoDeployPausedAt} canChange={canDeploy} />
      {drift && drift.items.length > 0 && drift.version && (
        <DriftCard teamSlug={teamSlug} appId={appId} version={drift.version} items={drift.items} canReconcile={canDeploy} />
      )}
      <AppOverviewLive teamSlug={teamSlug} appId={appId} initial={live} canDeploy={canDeploy} />
    </div>
  );
}
