import { Boxes } from "lucide-react";
import Link from "next/link";
import { CreateAppButton } from "@/components/apps/create-app-button";
import { AddEnvironmentButton } from "@/components/projects/add-environment-button";
import { ProjectSettingsActions } from "@/components/projects/project-settings-actions";
import { PageBreadcrumbs } from "@/components/shell/page-breadcrumbs";
import { Badge } from "@/components/ui/badge";
import { Card, CardAction, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { EnvironmentClusterSelect } from "@/components/clusters/environment-cluster-select";
import { AppStatusDot } from "@/components/releases/app-status-dot";
import { loadForPage } from "@/server/api/page-guards";
import { serverApi } from "@/server/api/server-caller";
import { hasRole } from "@/server/roles";

export async function generateMetadata({ params }: { params: Promise<{ project: string }> }) {
  return { title: (await params).project };
}

export default async function ProjectPage({ params }: { params: Promise<{ team: string; project: string }> }) {
  const { team: teamSlug, project: name } = await params;
  const api = await serverApi();
  const [team, project] = await Promise.all([
    loadForPage(api.team.get({ teamSlug })),
    loadForPage(api.project.get({ teamSlug, name })),
  ]);
  const canCreateApps = hasRole(team.role, "DEVELOPER");
  const canAdmin = hasRole(team.role, "ADMIN");
  const clusters = canAdmin ? await api.cluster.list({ teamSlug }) : [];

  return (
    <>
      <PageBreadcrumbs items={[{ label: "Projects", href: `/${teamSlug}` }, { label: project.name }]} />
      <PageHeader
        title={project.name}
        description="Each environment runs its own copy of the apps, in its own namespace."
        actions={
          canAdmin ? (
            <>
              <AddEnvironmentButton teamSlug={teamSlug} projectId={project.id} />
              <ProjectSettingsActions teamSlug={teamSlug} project={project} />
            </>
          ) : undefined
        }
      />
      <div className="grid gap-4 lg:grid-cols-2">
        {project.environments.map((environment) => (
          <Card key={environment.id}>
            <CardHeader>
              <CardTitle className="flex items-center gap-2">
                {environment.name}
                {environment.name === "production" && <Badge variant="outline">default</Badge>}
              </CardTitle>
              <CardAction className="flex items-center gap-2">
                {canAdmin && <EnvironmentClusterSelect teamSlug={teamSlug} environment={environment} clusters={clusters} />}
                {canCreateApps && <CreateAppButton teamSlug={teamSlug} environment={environment} />}
              </CardAction>
            </CardHeader>
            <CardContent>
              {environment.apps.length === 0 ? (
                <EmptyState
                  icon={Boxes}
                  title="No apps in this environment"
                  description={canCreateApps ? "Create an app, then connect its git repository in the app's settings." : "Nothing runs here yet."}
                />
              ) : (
                <ul className="divide-y rounded-md border">
                  {environment.apps.map((app) => (
                    <li key={app.id}>
                      <Link href={`/${teamSlug}/apps/${app.id}`} className="flex items-center gap-3 px-3 py-2.5 text-sm hover:bg-accent">
                        <AppStatusDot release={app.releases[0]} />
                        <span className="font-medium">{app.name}</span>
                        <span className="ml-auto text-xs text-muted-foreground">{app.releases[0] ? `v${app.releases[0].version}` : "Not deployed yet"}</span>
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>
        ))}
      </div>
    </>
  );
}
