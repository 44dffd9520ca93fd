import { PodsLive } from "@/components/pods/pods-live";
import { loadForPage } from "@/server/api/page-guards";
import { serverApi } from "@/server/api/server-caller";

export default async function AppPodsPage({ params }: { params: Promise<{ team: string; app: string }> }) {
  const { team: teamSlug, app: appId } = await params;
  const initial = await loadForPage((await serverApi()).pods.list({ teamSlug, appId }));
  return <PodsLive teamSlug={teamSlug} appId={appId} initial={initial} />;
}
