import { ScalingControls } from "@/components/scaling/scaling-controls";
import { loadForPage } from "@/server/api/page-guards";
import { serverApi } from "@/server/api/server-caller";
import { hasRole } from "@/server/roles";

export default async function AppScalingPage({ params }: { params: Promise<{ team: string; app: string }> }) {
  const { team: teamSlug, app: appId } = await params;
  const api = await serverApi();
  const [team, scaling, history] = await Promise.all([
    loadForPage(api.team.get({ teamSlug })),
    loadForPage(api.scaling.get({ teamSlug, appId })),
    loadForPage(api.scaling.history({ teamSlug, appId, hours: 6 })),
  ]);
  return <ScalingControls teamSlug={teamSlug} appId={appId} initial={scaling} initialHistory={history} canEdit={hasRole(team.role, "DEVELOPER")} />;
}
