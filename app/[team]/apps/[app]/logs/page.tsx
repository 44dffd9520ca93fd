import { AppLogViewer } from "@/components/logs/app-log-viewer";
import { loadForPage } from "@/server/api/page-guards";
import { serverApi } from "@/server/api/server-caller";

export default async function AppLogsPage({ params }: { params: Promise<{ team: string; app: string }> }) {
  const { team: teamSlug, app: appId } = await params;
  const app = await loadForPage((await serverApi()).app.get({ teamSlug, appId }));
  return <AppLogViewer appId={app.id} appName={app.name} />;
}
