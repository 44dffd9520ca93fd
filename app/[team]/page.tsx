import { FolderKanban } from "lucide-react";
import Link from "next/link";
import { CreateProjectButton } from "@/components/projects/create-project-button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { AppStatusDot } from "@/components/releases/app-status-dot";
import { loadForPage } from "@/server/api/page-guards";
import { serverApi } from "@/server/api/server-caller";
import { hasRole } from "@/server/roles";

export const metadata = { title: "Projects" };

export default async function TeamPage({ params }: { params: Promise<{ team: string }> }) {
  const { team: teamSlug } = await params;
  const api = await serverApi();
  const [team, projects] = await Promise.all([
    loadForPage(api.team.get({ teamSlug }), `/${teamSlug}`),
    loadForPage(api.project.list({ teamSlug })),
  ]);
  const canCreate = hasRole(team.role, "DEVELOPER");

  return (
    <>
      <PageHeader
        title="Projects"
        description={`Everything ${team.name} runs, grouped by project and environment.`}
        actions={canCreate && projects.length > 0 ? <CreateProjectButton teamSlug={teamSlug} /> : undefined}
      />
      {projects.length === 0 ? (
        <EmptyState
          icon={FolderKanban}
          title="No projects yet"
          description={
            canCreate
              ? "Create a project, add an app to it, and connect a git repository to deploy it."
              : "An admin or developer of this team has not created any projects yet. You have read-only access."
          }
          action={canCreate ? <CreateProjectButton teamSlug={teamSlug} /> : undefined}
        />
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          {projects.map((project) => {
            const apps = project.environments.flatMap((environment) => environment.apps.map((app) => ({ ...app, environment: environment.name })));
            return (
              <Card key={project.id}>
                <CardHeader>
                  <CardTitle>
                    <Link href={`/${teamSlug}/projects/${project.name}`} className="hover:underline">
                      {project.name}
                    </Link>
                  </CardTitle>
                  <p className="text-xs text-muted-foreground">
                    {project.environments.map((environment) => environment.name).join(" · ")}
                  </p>
                </CardHeader>
                <CardContent>
                  {apps.length === 0 ? (
                    <p className="text-sm text-muted-foreground">No apps yet.</p>
                  ) : (
                    <ul className="grid gap-1.5">
                      {apps.map((app) => (
                        <li key={app.id} className="flex items-center gap-2 text-sm">
                          <AppStatusDot release={app.releases[0]} />
                          <Link href={`/${teamSlug}/apps/${app.id}`} className="font-medium hover:underline">
                            {app.name}
                          </Link>
                          <span className="text-xs text-muted-foreground">{app.environment}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </CardContent>
              </Card>
            );
          })}
        </div>
      )}
    </>
  );
}
