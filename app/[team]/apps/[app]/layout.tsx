import { AppTabs, type AppTab } from "@/components/apps/app-tabs";
import { PageBreadcrumbs } from "@/components/shell/page-breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { StatusDot } from "@/components/ui/status-dot";
import { RefreshOnAppEvents } from "@/components/releases/refresh-on-app-events";
import { releaseLook } from "@/components/releases/release-status";
import { loadForPage } from "@/server/api/page-guards";
import { serverApi } from "@/server/api/server-caller";

const TABS: AppTab[] = [
  { label: "Overview", segment: "" },
  { label: "Builds", segment: "builds" },
  { label: "Releases", segment: "releases" },
  { label: "Logs", segment: "logs" },
  { label: "Pods", segment: "pods" },
  { label: "Scaling", segment: "scaling" },
  { label: "Settings", segment: "settings" },
];

export default async function AppLayout({ children, params }: { children: React.ReactNode; params: Promise<{ team: string; app: string }> }) {
  const { team: teamSlug, app: appId } = await params;
  const api = await serverApi();
  const [app, overview] = await Promise.all([loadForPage(api.app.get({ teamSlug, appId })), loadForPage(api.release.overview({ teamSlug, appId }))]);
  const look = overview.latest ? releaseLook(overview.latest.status) : null;
  const project = app.environment.project.name;
  return (
    <>
      <PageBreadcrumbs
        items={[
          { label: "Projects", href: `/${teamSlug}` },
          { label: project, href: `/${teamSlug}/projects/${project}` },
          { label: app.environment.name, href: `/${teamSlug}/projects/${project}` },
          { label: app.name },
        ]}
      />
      <PageHeader title={app.name} description={`${project} · ${app.environment.name}`} className="pb-4">
        <StatusDot status={look?.dot ?? "idle"} label={look ? `v${overview.latest!.version} ${look.label.toLowerCase()}` : "Not deployed yet"} showLabel />
      </PageHeader>
      {/* The header's status, and every tab's server-rendered data, follow the newest release. */}
      <RefreshOnAppEvents appId={app.id} rendered={overview.latest ? { version: overview.latest.version, status: overview.latest.status } : null} />
      <AppTabs base={`/${teamSlug}/apps/${app.id}`} tabs={TABS} />
      <div className="pt-6">{children}</div>
    </>
  );
}
