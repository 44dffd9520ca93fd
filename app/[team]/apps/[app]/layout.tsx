import { AppTabs, type AppTab } from "@/components/apps/app-tabs";
import { PageBreadcrumbs } from "@/components/shell/page-breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { StatusDot } from "@/components/ui/status-dot";
import { loadForPage } from "@/server/api/page-guards";
import { serverApi } from "@/server/api/server-caller";

const TABS: AppTab[] = [
  { label: "Overview", segment: "" },
  { label: "Builds", segment: "builds" },
  { label: "Settings", segment: "settings" },
];

export default async function AppLayout({ children, params }: { children: React.ReactNode; params: Promise<{ team: string; app: string }> }) {
  const { team: teamSlug, app: appId } = await params;
  const app = await loadForPage((await serverApi()).app.get({ teamSlug, appId }));
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
        <StatusDot status="idle" label="Not deployed yet" showLabel />
      </PageHeader>
      <AppTabs base={`/${teamSlug}/apps/${app.id}`} tabs={TABS} />
      <div className="pt-6">{children}</div>
    </>
  );
}
